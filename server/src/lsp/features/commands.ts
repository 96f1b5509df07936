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
import { planRecompute } from '../../core';
import { SERVER_COMMANDS as COMMANDS } from '../../../../shared/protocol';
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

/** args: [uri: string, version?: number]. Returns how many edits were applied. */
async function recomputeTotals(ctx: ServerContext, args: unknown[]): Promise<{ applied: number }> {
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
  const edits = planRecompute(analysis.document);
  if (edits.length === 0) {
    showMessage(ctx.connection, 'info', message('recompute.nothingToDo', ctx.locale));
    return { applied: 0 };
  }
  const edit: WorkspaceEdit = ctx.clientSupports.documentChanges
    ? { documentChanges: [{ textDocument: { uri, version: document.version }, edits }] }
    : { changes: { [uri]: edits } };
  const result = await ctx.connection.workspace.applyEdit({ label: message('recompute.title', ctx.locale), edit });
  if (!result.applied) {
    showMessage(ctx.connection, 'warning', message('recompute.rejected', ctx.locale, { reason: result.failureReason ?? '?' }));
    return { applied: 0 };
  }
  return { applied: edits.length };
}
