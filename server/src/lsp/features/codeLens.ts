/**
 * Code lenses: above a table whose totals do not add up, "重新计算合计（本表 N 处不一致）" runs the
 * recompute command for the document (one undo step), where the reader is looking rather than in a
 * menu. Tables whose totals are right, or cannot be computed (blank terms), get none; nor does
 * published text (audit mode: nothing is recomputed there).
 *
 * N counts what the Problems view lists for the table: its sum.* findings plus any other finding on
 * a cell the recompute rewrites (a blank total it fills). Counting the cells the recompute rewrites
 * instead said "1" when one wrong total broke both its row and its column (two errors).
 */
import type { CodeLens, Connection } from 'vscode-languageserver';
import { isPublishedText, recomputeChanges } from '../../core';
import { SERVER_COMMANDS } from '../../../../shared/protocol';
import type { Analysis } from '../analysisCache';
import { message } from '../messages';
import type { Session } from '../session';

export function register(connection: Connection, session: Session): void {
  connection.onCodeLens(session.onDocument('codeLens', [], codeLenses));
}

export function codeLenses(analysis: Analysis): CodeLens[] {
  const document = analysis.document;
  if (!document || analysis.version === undefined || isPublishedText(document)) return [];
  const changes = recomputeChanges(document);
  const rewritten = new Set(changes.map((c) => c.cell));
  const lenses: CodeLens[] = [];
  for (const table of document.tables) {
    const inTable = (offset: number) => offset >= table.span.start && offset <= table.span.end;
    if (!changes.some((c) => inTable(document.lines.offsetAt(c.edit.range.start)))) continue;
    const count = analysis.findings.filter(
      (f) => inTable(document.lines.offsetAt(f.range.start)) && (f.code.startsWith('sum.') || (f.cell !== undefined && rewritten.has(f.cell))),
    ).length;
    const title = message('lens.recompute', analysis.options.locale, { count });
    lenses.push({
      range: document.lines.rangeOf(table.anchor),
      command: { title, command: SERVER_COMMANDS.recomputeTotals, arguments: [analysis.uri, analysis.version] },
    });
  }
  return lenses;
}
