/**
 * Two quick fixes on every finding, whatever its rule: "不再提示此类问题" (turns the rule off in the
 * workspace settings) and "查看规则说明" (opens the rule's page bundled with the extension). Both are
 * commands the client implements (`CLIENT_RULE_COMMANDS`): the server cannot write the editor's
 * settings, and the documentation's place is the client's.
 */
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import { CLIENT_RULE_COMMANDS } from '../../../../shared/summary';
import { RULES_BY_CODE, type Locale } from '../../core';
import { isOurDiagnostic } from './diagnostics';

const TITLES = {
  disable: { zh: '不再提示此类问题（{rule}）', en: 'Don’t show this kind of problem again ({rule})' },
  docs: { zh: '查看规则说明：{rule}', en: 'Show rule documentation: {rule}' },
};

/** One pair of actions per rule among `diagnostics` (several findings of one rule share them). */
export function ruleActions(diagnostics: readonly Diagnostic[], locale: Locale): CodeAction[] {
  const actions: CodeAction[] = [];
  const seen = new Set<string>();
  for (const diagnostic of diagnostics) {
    const code = isOurDiagnostic(diagnostic) ? String(diagnostic.code ?? '') : '';
    const rule = RULES_BY_CODE.get(code);
    if (!rule || seen.has(code)) continue;
    seen.add(code);
    const name = locale === 'en' ? rule.description.en : rule.description.zh;
    const title = (t: { zh: string; en: string }) => (locale === 'en' ? t.en : t.zh).replace('{rule}', locale === 'en' ? code : name);
    actions.push(
      {
        title: title(TITLES.disable),
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: { title: title(TITLES.disable), command: CLIENT_RULE_COMMANDS.disableRule, arguments: [code] },
      },
      {
        title: title(TITLES.docs),
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: { title: title(TITLES.docs), command: CLIENT_RULE_COMMANDS.openRuleDocs, arguments: [code] },
      },
    );
  }
  return actions;
}
