/**
 * Inlay hints: what a clerk cannot see in a table written one cell per line (TAB and pipe shapes
 * print a column of bare numbers) — the column's label before each number ("自然人 │ 69") — and, after
 * a total that does not add up, the value it should have ("← 应为 69").
 */
import { cellLabels, rowLabel } from './template/labels';
import type { Cell, Finding, Locale, Position, ReportDocument } from './types';

export interface InlayHintOptions {
  /** The column's label before a bare number of a one-cell-per-line table. */
  columnLabels?: boolean;
  /** "← 应为 69" after a broken total. */
  expectedTotals?: boolean;
}

export interface ReportInlayHint {
  position: Position;
  label: string;
  /** `column`: a label before a value; `expected`: the value a total should have, after it. */
  kind: 'column' | 'expected';
  /** The full label ("表三（一）予以公开×自然人"), for the hint's tooltip. */
  tooltip?: string;
}

const EXPECTED = { 'zh-cn': '← 应为 {value}', en: '← should be {value}' } as const;

/**
 * The hints of a report, in text order. `findings` are the report's findings as published: a total
 * gets its "应为" hint only while a sum.* finding about it is shown (a rule turned off hides both).
 */
export function inlayHints(doc: ReportDocument, findings: readonly Finding[], locale: Locale, options: InlayHintOptions = {}): ReportInlayHint[] {
  const hints: { offset: number; hint: ReportInlayHint }[] = [];
  if (options.columnLabels ?? true) {
    for (const table of doc.tables) {
      // Markdown rows and PDF text show several cells side by side under a header: no hints there.
      if (table.shape === 'aligned' || table.shape === 'markdown') continue;
      const version = table.version ?? doc.template;
      const lineOf = (c: Cell) => doc.lines.positionAt(c.span.start).line;
      const perLine = new Map<number, number>();
      for (const c of table.cells) perLine.set(lineOf(c), (perLine.get(lineOf(c)) ?? 0) + 1);
      for (const cell of table.cells) {
        // Only a number alone on its line (the TAB and pipe shapes) lacks its column's name.
        if (perLine.get(lineOf(cell)) !== 1) continue;
        const labels = cellLabels(cell.key, version, locale);
        if (!labels) continue;
        const row = rowLabel(labels);
        hints.push({
          offset: cell.span.start,
          hint: { position: doc.lines.positionAt(cell.span.start), label: `${labels.column} │`, kind: 'column', tooltip: `${row} × ${labels.column}` },
        });
      }
    }
  }
  if (options.expectedTotals ?? true) {
    const expected = new Map<string, number[]>();
    for (const f of findings) {
      if (!f.code.startsWith('sum.') || !f.cell || typeof f.args?.expected !== 'number') continue;
      const values = expected.get(f.cell) ?? [];
      if (!values.includes(f.args.expected)) values.push(f.args.expected);
      expected.set(f.cell, values);
    }
    for (const [key, values] of expected) {
      const cell = doc.cells.get(key);
      if (!cell) continue;
      const label = (locale === 'en' ? EXPECTED.en : EXPECTED['zh-cn']).replace('{value}', values.join(' / '));
      hints.push({ offset: cell.span.end, hint: { position: doc.lines.positionAt(cell.span.end), label, kind: 'expected' } });
    }
  }
  return hints.sort((a, b) => a.offset - b.offset || (a.hint.kind === 'column' ? -1 : 1)).map((h) => h.hint);
}
