/**
 * Helpers of the section.* and heading.* rules (docs/format.md, “The six parts”): the official part of a heading, the
 * first occurrence of each part, and the text that inserts a missing part.
 */
import { headingMarkupAt } from '../model/markup';
import { PARTS, officialHeading, type PartTemplate } from '../template/parts';
import { renderTable } from '../template/render';
import { TABLE_TRACES } from '../template/tables';
import type { Part, PartKey, ReportDocument, Span, TableKey, TableShape } from '../types';

export function partTemplate(key: PartKey): PartTemplate {
  return PARTS.find((p) => p.key === key)!;
}

/** The report's parts in order, each with the first part of the same key when it repeats one. */
export function partOccurrences(doc: ReportDocument): { part: Part; first?: Part }[] {
  const firstOf = new Map<PartKey, Part>();
  return doc.parts.map((part) => {
    const first = firstOf.get(part.key);
    if (!first) firstOf.set(part.key, part);
    return { part, first };
  });
}

/** The shape the report's first table uses, so an inserted table looks like its neighbours. */
export function prevailingShape(doc: ReportDocument): TableShape {
  return doc.tables[0]?.shape ?? 'markdown';
}

/** The report's line break: CRLF when it has one, else LF. */
export function lineBreakOf(doc: ReportDocument): string {
  return doc.text.includes('\r\n') ? '\r\n' : '\n';
}

/**
 * The text that adds part `t` to this report (the missing-part fix and completion insert it): its
 * official heading, marked up like the report's other part headings, then — when the report lacks the
 * part's table — the empty official table in the report's table shape. `text` ends with a line break.
 */
export function partInsertion(doc: ReportDocument, t: PartTemplate): { heading: string; text: string; table?: TableKey } {
  const eol = lineBreakOf(doc);
  const heading = officialHeading(t);
  const markup = partHeadingMarkup(doc);
  const table = t.table && !doc.tables.some((x) => x.key === t.table) ? t.table : undefined;
  const rendered = table ? `${renderTable(table, doc.template, prevailingShape(doc), eol)}${eol}` : '';
  return { heading, text: `${markup.open}${heading}${markup.close}${eol}${rendered}`, table };
}

/**
 * The Markdown around the report's part headings ("## ", "**…**"), so an inserted heading looks like
 * its neighbours; none when they are plain or carry anything else before the numeral.
 */
function partHeadingMarkup(doc: ReportDocument): { open: string; close: string } {
  const h = doc.parts.find((p) => p.heading.numeral)?.heading;
  const open = h ? doc.text.slice(h.lineSpan.start, h.numeralSpan.start) : '';
  const close = h ? doc.text.slice(h.titleSpan.end, h.lineSpan.end).trimEnd() : '';
  const { end, close: closer } = headingMarkupAt(open, 0);
  const closes = closer === '#' ? close === '' : close === closer;
  return end === open.length && closes ? { open, close } : { open: '', close: '' };
}

/** Where the text of part `part` shows a trace of table `key` (it was there but not read), if it does. */
export function tableTrace(doc: ReportDocument, part: Part, key: TableKey): { span: Span; text: string } | undefined {
  const from = part.heading.lineSpan.end;
  const m = TABLE_TRACES[key].exec(doc.text.slice(from, part.span.end));
  return m ? { span: { start: from + m.index, end: from + m.index + m[0].length }, text: m[0] } : undefined;
}
