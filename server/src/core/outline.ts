/**
 * Outline (document symbols) and folding ranges: parts, sub-headings, the three tables and, inside
 * each table, its rows (（七）总计 among them), so the outline jumps to a row as well as to a part.
 */
import { cellLabels } from './template/labels';
import { TABLES } from './template/tables';
import type { Cell, Locale, OutlineSymbol, ParsedTable, ReportDocument, Span } from './types';

/** Rows that hold totals of other rows (table 三's （七）总计): shown with their own icon. */
const TOTAL_ROWS: ReadonlySet<string> = new Set(['requests.processed']);

export function outlineReport(doc: ReportDocument, locale: Locale = 'zh-cn'): OutlineSymbol[] {
  const roots: OutlineSymbol[] = [];
  const stack: { level: number; sym: OutlineSymbol; span: Span }[] = [];
  const headings = doc.headings;
  const endOf = (i: number): number => {
    const level = headings[i].outlineLevel;
    for (let j = i + 1; j < headings.length; j++) if (headings[j].outlineLevel <= level) return headings[j].lineSpan.start;
    return doc.text.length;
  };
  const all: { span: Span; level: number; sym: OutlineSymbol }[] = [];
  headings.forEach((h, i) => {
    const span = { start: h.lineSpan.start, end: Math.max(h.lineSpan.end, trimEnd(doc.text, endOf(i))) };
    all.push({
      span,
      level: h.outlineLevel,
      sym: {
        name: `${h.numeral}${h.title}`.slice(0, 80),
        kind: h.part ? 'part' : 'heading',
        range: doc.lines.rangeOf(span),
        selectionRange: doc.lines.rangeOf(h.lineSpan),
        children: [],
      },
    });
  });
  for (const t of doc.tables) {
    const caption = TABLES[t.key];
    const name = locale === 'en' ? `Table ${caption.numeral} ${caption.caption.en}` : `表${caption.numeral} ${caption.caption.zh}`;
    all.push({
      span: t.span,
      level: 99,
      sym: {
        name,
        detail: t.version ? `${t.version}` : undefined,
        kind: 'table',
        range: doc.lines.rangeOf(t.span),
        selectionRange: doc.lines.rangeOf(t.anchor),
        children: tableRows(doc, t, locale),
      },
    });
  }
  all.sort((a, b) => a.span.start - b.span.start || a.level - b.level);
  for (const item of all) {
    while (stack.length && (stack[stack.length - 1].level >= item.level || stack[stack.length - 1].span.end < item.span.end)) stack.pop();
    const parent = stack[stack.length - 1];
    (parent ? parent.sym.children : roots).push(item.sym);
    stack.push(item);
  }
  return roots;
}

/**
 * A table's rows in text order: named by their official label (with the group: （三）不予公开·1.…),
 * the row's total as detail when it has one, spanning its cells.
 */
function tableRows(doc: ReportDocument, t: ParsedTable, locale: Locale): OutlineSymbol[] {
  const rows = new Map<string, Cell[]>();
  for (const c of t.cells) {
    const list = rows.get(c.row);
    if (list) list.push(c);
    else rows.set(c.row, [c]);
  }
  const version = t.version ?? doc.template;
  const out: { start: number; sym: OutlineSymbol }[] = [];
  for (const [row, cells] of rows) {
    const labels = cellLabels(cells[0].key, version, locale);
    if (!labels) continue;
    const start = Math.min(...cells.map((c) => c.span.start));
    const end = Math.max(...cells.map((c) => c.span.end));
    const first = cells.find((c) => c.span.start === start)!;
    const total = cells.find((c) => c.column === 'total');
    const totalLabel = total && cellLabels(total.key, version, locale)?.column;
    const name = labels.group && t.key === 'requests' ? `${labels.group}·${labels.row}` : labels.row;
    out.push({
      start,
      sym: {
        name,
        detail: total && total.status === 'ok' ? `${totalLabel} ${total.value}` : undefined,
        kind: TOTAL_ROWS.has(`${t.key}.${row}`) ? 'totalRow' : 'row',
        range: doc.lines.rangeOf({ start, end }),
        selectionRange: doc.lines.rangeOf(first.span),
        children: [],
      },
    });
  }
  return out.sort((a, b) => a.start - b.start).map((r) => r.sym);
}

function trimEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && /\s/.test(text[e - 1])) e--;
  return e;
}

export function foldingRanges(doc: ReportDocument): { startLine: number; endLine: number }[] {
  const out: { startLine: number; endLine: number }[] = [];
  const walk = (syms: OutlineSymbol[]) => {
    for (const s of syms) {
      // Rows are for jumping to, not folding: a fold per row would bury the table's own.
      if (s.kind === 'row' || s.kind === 'totalRow') continue;
      if (s.range.end.line > s.range.start.line) out.push({ startLine: s.range.start.line, endLine: s.range.end.line });
      walk(s.children);
    }
  };
  walk(outlineReport(doc));
  return out;
}
