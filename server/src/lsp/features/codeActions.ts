/**
 * Code actions: one quick fix per Fix carried in a diagnostic's `data` (no re-analysis, no matching on
 * message text) and, on sum findings, "修复全部合计" (the recompute command) in the same Ctrl+. menu;
 * `source.fixAll.govAnnualReport` for `editor.codeActionsOnSave`; a source action that runs the
 * recompute command; on every finding, turning its rule off and reading its page. For published text
 * (audit mode) only the last two.
 */
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type Diagnostic,
  type TextEdit,
} from 'vscode-languageserver';
import { isPublishedText, recomputeChanges } from '../../core';
import type { Fix } from '../../core/types';
import type { Analysis } from '../analysisCache';
import { message } from '../messages';
import type { Session } from '../session';
import { CLIENT_COMMANDS, SERVER_COMMANDS } from '../../../../shared/protocol';
import type { ServerContext } from '../context';
import { changeSummary } from './commands';
import { isOurDiagnostic, type DiagnosticData } from './diagnostics';
import { ruleActions } from './ruleActions';

/** Under `source.fixAll`, so both `source.fixAll` and `source.fixAll.govAnnualReport` on save run it. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.govAnnualReport`;
export const RECOMPUTE_KIND = `${CodeActionKind.Source}.govAnnualReport.recomputeTotals`;
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND, RECOMPUTE_KIND];

export function register(connection: Connection, session: Session): void {
  connection.onCodeAction(session.onDocument('codeAction', [], (analysis, params, ctx) => codeActions(analysis, params, ctx)));
}

/** LSP kinds are hierarchical: asking for `source` includes `source.fixAll.govAnnualReport`. */
function wanted(kind: string, only: readonly string[] | undefined): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

export function codeActions(analysis: Analysis, params: CodeActionParams, ctx?: ServerContext): CodeAction[] {
  const uri = params.textDocument.uri;
  const only = params.context?.only;
  const document = analysis.document;
  const locale = analysis.options.locale;
  const ours = (params.context?.diagnostics ?? []).filter(isOurDiagnostic);
  // Published text (PDF layout) is checked in audit mode: no edit is offered, only what changes no text
  // (turning a rule off, reading its page).
  if (document && isPublishedText(document)) return wanted(CodeActionKind.QuickFix, only) ? ruleActions(ours, locale) : [];
  const actions: CodeAction[] = [];
  const changes = document ? recomputeChanges(document) : [];
  const recompute = { title: message('recompute.title', locale), command: SERVER_COMMANDS.recomputeTotals, arguments: [uri, analysis.version] };
  if (wanted(CodeActionKind.QuickFix, only)) {
    for (const diagnostic of ours) {
      for (const fix of fixesOf(diagnostic)) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: fix.preferred,
          edit: { changes: { [uri]: fix.edits } },
        });
      }
    }
    // Next to a sum finding's own fix, one entry that fixes every total (through the command, so the
    // user is told which cells changed, and a changed text is refused rather than guessed at).
    const sums = ours.filter((d) => String(d.code).startsWith('sum.'));
    if (sums.length > 0 && changes.length > 0 && analysis.version !== undefined) {
      actions.push({ title: message('fixAll.title', locale), kind: CodeActionKind.QuickFix, diagnostics: sums, command: { ...recompute, title: message('fixAll.title', locale) } });
    }
    // On every finding: turn its rule off, read its page.
    actions.push(...ruleActions(ours, locale));
  }
  if (!document) return actions;
  if (wanted(FIX_ALL_KIND, only) && changes.length > 0) {
    // An empty fix-all would only clutter the menu (and make VS Code's save wait for nothing). The
    // edit is in the action (what editor.codeActionsOnSave applies); a client that shows change
    // summaries is then told which cells changed.
    const action: CodeAction = { title: message('fixAll.title', locale), kind: FIX_ALL_KIND, edit: { changes: { [uri]: changes.map((c) => c.edit) } } };
    if (ctx?.clientSupports.changeSummary) {
      action.command = { title: action.title, command: CLIENT_COMMANDS.showChanges, arguments: [uri, changeSummary(document, changes, locale)] };
    }
    actions.push(action);
  }
  if (only && wanted(RECOMPUTE_KIND, only)) {
    // Through the command, so the server re-checks the version and says so when nothing changes.
    actions.push({ ...recompute, kind: RECOMPUTE_KIND, command: recompute });
  }
  return actions;
}

/** The fixes a diagnostic carries, ignoring anything malformed a client may send back. */
function fixesOf(diagnostic: Diagnostic): Fix[] {
  const data = diagnostic.data as DiagnosticData | undefined;
  if (!data || !Array.isArray(data.fixes)) return [];
  return data.fixes.filter(
    (f): f is Fix => !!f && typeof f.title === 'string' && Array.isArray(f.edits) && f.edits.every(isTextEdit),
  );
}

function isTextEdit(e: unknown): e is TextEdit {
  const t = e as TextEdit;
  return !!t && typeof t.newText === 'string' && !!t.range && !!t.range.start && !!t.range.end;
}
