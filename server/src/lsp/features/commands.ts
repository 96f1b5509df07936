/**
 * workspace/executeCommand: `govAnnualReport.recomputeTotals` (one workspace/applyEdit with the
 * core's minimal recompute edits, guarded by the document version) and `govAnnualReport.checkWorkspace`.
 */
import {
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  type Connection,
  type ExecuteCommandParams,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { isPublishedText, recomputeChanges, type RecomputeChange, type ReportDocument } from '../../core';
import { cellLabel } from '../../core/template/labels';
import { sumsVersion } from '../../core/rules/sums';
import type { Locale } from '../../core/types';
import { SERVER_COMMANDS as COMMANDS, type ChangedCell, type RecomputeResult } from '../../../../shared/protocol';
import type { ServerContext } from '../context';
import { message, showMessage } from '../messages';
import type { Session } from '../session';
import { checkWorkspace } from './workspaceCheck';

export function register(connection: Connection, session: Session): void {
  connection.onExecuteCommand(session.guard('executeCommand', null, (params: ExecuteCommandParams, ctx) => executeCommand(ctx, params)));
}

export async function executeCommand(ctx: ServerContext, params: ExecuteCommandParams): Promise<unknown> {
  switch (params?.command) {
    case COMMANDS.recomputeTotals:
      return recomputeTotals(ctx, params.arguments ?? []);
    case COMMANDS.checkWorkspace:
      return checkWorkspace(ctx);
    default:
      throw new ResponseError(ErrorCodes.InvalidParams, message('command.unknown', ctx.locale, { command: String(params?.command) }));
  }
}

/**
 * args: [uri: string, version?: number]. Answers how many edits were applied and which cells changed;
 * the summary ("已修改 1 处：表三（一）予以公开×总计 70 → 69") is shown by the client when it says it
 * does (initializationOptions.changeSummary: with Show and Undo), else here as a plain message.
 */
async function recomputeTotals(ctx: ServerContext, args: unknown[]): Promise<RecomputeResult> {
  const [uri, version] = args;
  if (typeof uri !== 'string' || (version !== undefined && version !== null && typeof version !== 'number')) {
    throw new ResponseError(ErrorCodes.InvalidParams, message('command.badArgs', ctx.locale, { detail: '[uri: string, version?: number]' }));
  }
  const document = ctx.documents.get(uri);
  if (!document) throw new ResponseError(ErrorCodes.InvalidParams, message('recompute.notOpen', ctx.locale, { uri }));
  // The user asked to recompute what they saw; if the text moved on since, the edits would be for
  // another text. Refuse rather than guess.
  if (typeof version === 'number' && version !== document.version) {
    throw new ResponseError(
      LSPErrorCodes.ContentModified,
      message('recompute.versionMismatch', ctx.locale, { expected: version, actual: document.version }),
    );
  }
  const analysis = await ctx.analysisOf(document);
  if (!analysis.document) {
    if (analysis.skipped) showMessage(ctx.connection, 'warning', analysis.skipped);
    return { applied: 0 };
  }
  // Published text (a PDF's layout) is evidence an evaluator checks, never edits.
  if (isPublishedText(analysis.document)) {
    showMessage(ctx.connection, 'info', message('recompute.published', ctx.locale));
    return { applied: 0 };
  }
  const changes = recomputeChanges(analysis.document);
  if (changes.length === 0) {
    showMessage(ctx.connection, 'info', message('recompute.nothingToDo', ctx.locale));
    return { applied: 0 };
  }
  const edits = changes.map((c) => c.edit);
  const edit: WorkspaceEdit = ctx.clientSupports.documentChanges
    ? { documentChanges: [{ textDocument: { uri, version: document.version }, edits }] }
    : { changes: { [uri]: edits } };
  const result = await ctx.connection.workspace.applyEdit({ label: message('recompute.title', ctx.locale), edit });
  if (!result.applied) {
    showMessage(ctx.connection, 'warning', message('recompute.rejected', ctx.locale, { reason: result.failureReason ?? '?' }));
    return { applied: 0 };
  }
  const summary = changeSummary(analysis.document, changes, ctx.locale);
  if (!ctx.clientSupports.changeSummary) showMessage(ctx.connection, 'info', summary.message!);
  return summary;
}

/** How many changed cells the summary names before "等" / "and N more". */
const NAMED_CHANGES = 3;

/** The cells a recompute changes, labelled, and the one-line summary of them. */
export function changeSummary(doc: ReportDocument, changes: readonly RecomputeChange[], locale: Locale): RecomputeResult {
  const version = sumsVersion(doc);
  // Where each new value ends up: edits are in text order, so an earlier edit on the same line (several
  // cells per line) shifts the later ones by its change in length.
  let line = -1;
  let shift = 0;
  const cells: ChangedCell[] = changes.map((c) => {
    const { start, end } = c.edit.range;
    if (start.line !== line) [line, shift] = [start.line, 0];
    const character = start.character + shift;
    shift += c.edit.newText.length - (end.character - start.character);
    return {
      label: cellLabel(c.cell, version, locale),
      before: c.before,
      after: c.edit.newText,
      range: { start: { line, character }, end: { line, character: character + c.edit.newText.length } },
    };
  });
  const named = cells.slice(0, NAMED_CHANGES).map((c) => `${c.label} ${c.before.trim() || '∅'} → ${c.after}`);
  let list = named.join(locale === 'en' ? '; ' : '；');
  if (cells.length > NAMED_CHANGES) list = message('recompute.changedMore', locale, { cells: list, count: cells.length - NAMED_CHANGES });
  const text = message('recompute.changed', locale, { count: cells.length, cellWord: cells.length === 1 ? 'cell' : 'cells', cells: list });
  return { applied: changes.length, changes: cells, message: text };
}
