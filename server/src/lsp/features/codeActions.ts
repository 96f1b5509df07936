/**
 * Code actions: one quick fix per Fix carried in a diagnostic's `data` (no re-analysis, no matching on
 * message text), `source.fixAll.govAnnualReport` for `editor.codeActionsOnSave`, and a source action
 * that runs the recompute command.
 */
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type Diagnostic,
  type TextEdit,
} from 'vscode-languageserver';
import { planRecompute } from '../../core';
import type { Fix } from '../../core/types';
import type { Analysis } from '../analysisCache';
import { message } from '../messages';
import type { Session } from '../session';
import { SERVER_COMMANDS } from '../../../../shared/protocol';
import { DIAGNOSTIC_SOURCE, type DiagnosticData } from './diagnostics';
import { ruleActions } from './ruleActions';

/** Under `source.fixAll`, so both `source.fixAll` and `source.fixAll.govAnnualReport` on save run it. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.govAnnualReport`;
export const RECOMPUTE_KIND = `${CodeActionKind.Source}.govAnnualReport.recomputeTotals`;
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND, RECOMPUTE_KIND];

export function register(connection: Connection, session: Session): void {
  connection.onCodeAction(session.onDocument('codeAction', [], codeActions));
}

/** LSP kinds are hierarchical: asking for `source` includes `source.fixAll.govAnnualReport`. */
function wanted(kind: string, only: readonly string[] | undefined): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

export function codeActions(analysis: Analysis, params: CodeActionParams): CodeAction[] {
  const uri = params.textDocument.uri;
  const only = params.context?.only;
  const actions: CodeAction[] = [];
  if (wanted(CodeActionKind.QuickFix, only)) {
    for (const diagnostic of params.context?.diagnostics ?? []) {
      if (diagnostic?.source !== DIAGNOSTIC_SOURCE) continue;
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
    actions.push(...ruleActions(params.context?.diagnostics ?? [], analysis.options.locale));
  }
  const document = analysis.document;
  if (!document) return actions;
  if (wanted(FIX_ALL_KIND, only)) {
    const edits: TextEdit[] = planRecompute(document);
    // An empty fix-all would only clutter the menu (and make VS Code's save wait for nothing).
    if (edits.length > 0) {
      actions.push({ title: message('fixAll.title', analysis.options.locale), kind: FIX_ALL_KIND, edit: { changes: { [uri]: edits } } });
    }
  }
  if (only && wanted(RECOMPUTE_KIND, only)) {
    // Through the command, so the server re-checks the version and says so when nothing changes.
    const title = message('recompute.title', analysis.options.locale);
    actions.push({ title, kind: RECOMPUTE_KIND, command: { title, command: SERVER_COMMANDS.recomputeTotals, arguments: [uri, analysis.version] } });
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
