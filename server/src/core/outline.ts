/** Outline (document symbols) and folding ranges: parts, sub-headings and the three tables. */
import { TABLES } from './template/tables';
import type { Locale, OutlineSymbol, ReportDocument, Span } from './types';

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
      sym: { name, detail: t.version ? `${t.version}` : undefined, kind: 'table', range: doc.lines.rangeOf(t.span), selectionRange: doc.lines.rangeOf(t.anchor), children: [] },
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

function trimEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && /\s/.test(text[e - 1])) e--;
  return e;
}

export function foldingRanges(doc: ReportDocument): { startLine: number; endLine: number }[] {
  const out: { startLine: number; endLine: number }[] = [];
  const walk = (syms: OutlineSymbol[]) => {
    for (const s of syms) {
      if (s.range.end.line > s.range.start.line) out.push({ startLine: s.range.start.line, endLine: s.range.end.line });
      walk(s.children);
    }
  };
  walk(outlineReport(doc));
  return out;
}
