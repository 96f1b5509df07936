/**
 * The client's side of the two quick fixes every finding carries (server/src/lsp/features/ruleActions.ts):
 * turning a rule off in the workspace settings, and opening the rule's documentation — docs/rules.md,
 * shipped in the .vsix, in VS Code's Markdown preview, so it reads the same on an intranet without the web.
 */
import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '../../shared/protocol';
import { CLIENT_RULE_COMMANDS } from '../../shared/summary';

export function registerRuleCommands(extensionUri: vscode.Uri): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(CLIENT_RULE_COMMANDS.disableRule, (code: unknown) => disableRule(code)),
    vscode.commands.registerCommand(CLIENT_RULE_COMMANDS.openRuleDocs, (code: unknown) => openRuleDocs(extensionUri, code)),
  );
}

const RULE_CODE = /^[a-z][a-zA-Z0-9]*\.[a-zA-Z0-9]+$/;

/** Sets `govAnnualReport.rules[code]` to `off` in the workspace settings (user settings without a folder). */
async function disableRule(code: unknown): Promise<void> {
  if (typeof code !== 'string' || !RULE_CODE.test(code)) return;
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const inspected = config.inspect<Record<string, string>>('rules');
  const current = (target === vscode.ConfigurationTarget.Workspace ? inspected?.workspaceValue : inspected?.globalValue) ?? {};
  const previous = current[code];
  await config.update('rules', { ...current, [code]: 'off' }, target);
  const undo = vscode.l10n.t('Undo');
  const settings = vscode.l10n.t('Open Settings');
  const where = target === vscode.ConfigurationTarget.Workspace ? vscode.l10n.t('workspace settings') : vscode.l10n.t('user settings');
  // Not awaited: the command is done once the setting is written, whether or not the toast is answered.
  void vscode.window.showInformationMessage(vscode.l10n.t('The rule {0} is now off in the {1}.', code, where), undo, settings).then(async (choice) => {
    if (choice === undo) {
      const latest = vscode.workspace.getConfiguration(SETTINGS_SECTION);
      const now = { ...(latest.inspect<Record<string, string>>('rules')?.[target === vscode.ConfigurationTarget.Workspace ? 'workspaceValue' : 'globalValue'] ?? {}) };
      if (previous === undefined) delete now[code];
      else now[code] = previous;
      await latest.update('rules', Object.keys(now).length ? now : undefined, target);
    } else if (choice === settings) {
      await vscode.commands.executeCommand('workbench.action.openSettings', `${SETTINGS_SECTION}.rules`);
    }
  });
}

/** Opens docs/rules.md of the extension in the Markdown preview, scrolled to the rule's heading. */
async function openRuleDocs(extensionUri: vscode.Uri, code: unknown): Promise<void> {
  const docs = vscode.Uri.joinPath(extensionUri, 'docs', 'rules.md');
  const document = await vscode.workspace.openTextDocument(docs);
  const heading = typeof code === 'string' ? document.getText().split(/\r?\n/).indexOf(`## ${code}`) : -1;
  const line = Math.max(0, heading);
  // The preview opens where the editor showing the file is scrolled to: show the heading at the top first.
  const editor = await vscode.window.showTextDocument(document, { preview: true, selection: new vscode.Range(line, 0, line, 0) });
  editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.AtTop);
  await vscode.commands.executeCommand('markdown.showPreview', docs);
  // The text was only the preview's way to the heading: leave the clerk the preview alone.
  const source = vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .find((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === docs.toString());
  if (source) await vscode.window.tabGroups.close(source, true);
}
