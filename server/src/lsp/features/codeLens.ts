/**
 * Code lenses: above a table whose totals do not add up, "重新计算合计（本表 N 处不一致）" runs the
 * recompute command for the document (one undo step), where the reader is looking rather than in a
 * menu. Tables whose totals are right, or cannot be computed (blank terms), get none.
 */
import type { CodeLens, Connection } from 'vscode-languageserver';
import { recomputeByTable } from '../../core';
import { SERVER_COMMANDS } from '../../../../shared/protocol';
import type { Analysis } from '../analysisCache';
import { message } from '../messages';
import type { Session } from '../session';

export function register(connection: Connection, session: Session): void {
  connection.onCodeLens(session.onDocument('codeLens', [], codeLenses));
}

export function codeLenses(analysis: Analysis): CodeLens[] {
  const document = analysis.document;
  if (!document || analysis.version === undefined) return [];
  return recomputeByTable(document).map(({ anchor, cells }) => {
    const title = message('lens.recompute', analysis.options.locale, { count: cells });
    return { range: anchor, command: { title, command: SERVER_COMMANDS.recomputeTotals, arguments: [analysis.uri, analysis.version] } };
  });
}
