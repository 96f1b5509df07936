/** Parts and headings: section.*, heading.numbering (FORMAT.md §2). */
import { headingMarkupAt } from '../model/markup';
import { renderTable } from '../template/render';
import { PARTS, type PartTemplate } from '../template/template';
import { chineseNumeral, normalizeLabel } from '../text';
import type { Heading, Part, ReportDocument, TableKey, TableShape } from '../types';
import { localize } from './catalogue';
import type { RuleContext } from './context';

const partTemplate = (key: string): PartTemplate => PARTS.find((p) => p.key === key)!;

export function checkParts(ctx: RuleContext): void {
  const { doc } = ctx;
  const firstOf = new Map<string, Part>();
  let furthest: PartTemplate | undefined;
  for (const part of doc.parts) {
    const t = partTemplate(part.key);
    const h = part.heading;
    const first = firstOf.get(part.key);
    if (first) {
      ctx.report('section.duplicate', h.lineSpan, { title: t.title, firstLine: first.heading.line + 1 });
      continue;
    }
    firstOf.set(part.key, part);
    if (furthest && t.number < furthest.number) {
      ctx.report('section.order', h.titleSpan, { title: t.title, before: furthest.title });
    } else furthest = t;
    if (normalizeLabel(h.title).replace(/[:：]$/, '') !== normalizeLabel(t.title)) {
      ctx.report('section.title', h.titleSpan, { canonical: t.title }, {
        fixes: [{ title: localize('fix.retitle', ctx.locale, { canonical: t.title }), edits: [{ span: h.titleSpan, newText: t.title }], preferred: true, safe: false }],
      });
    }
  }
  for (const h of doc.headings) {
    if (h.outlineLevel === 1 && !h.part) ctx.report('section.extra', h.lineSpan, { title: `${h.numeral}${h.title}` });
  }
  for (const t of PARTS) {
    if (!firstOf.has(t.key)) reportMissingPart(ctx, t);
  }
}

/** The shape most of the report's tables use, so an inserted table looks like its neighbours. */
function prevailingShape(doc: ReportDocument): TableShape {
  return doc.tables[0]?.shape ?? 'markdown';
}

/**
 * The text that adds part `t` to this report (the missing-part fix and completion insert it): its
 * official heading, marked up like the report's other part headings, then — when the report lacks the
 * part's table — the empty official table in the report's table shape. `text` ends with a line break.
 */
export function partInsertion(doc: ReportDocument, t: PartTemplate): { heading: string; text: string; table?: TableKey } {
  const eol = doc.text.includes('\r\n') ? '\r\n' : '\n';
  const heading = `${chineseNumeral(t.number)}、${t.title}`;
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

function reportMissingPart(ctx: RuleContext, t: PartTemplate): void {
  const { doc } = ctx;
  const numeral = chineseNumeral(t.number);
  const eol = doc.text.includes('\r\n') ? '\r\n' : '\n';
  // Insert before the next official part present; else after the previous one; else at the end.
  const next = doc.parts.find((p) => partTemplate(p.key).number > t.number);
  const prev = [...doc.parts].reverse().find((p) => partTemplate(p.key).number < t.number);
  const firstTop = doc.headings.find((h) => h.outlineLevel === 1);
  let at: number;
  if (next) at = next.heading.lineSpan.start;
  else if (prev) at = prev.span.end;
  else if (t.key === 'overview' && firstTop) at = firstTop.lineSpan.start;
  else at = doc.text.length;
  const atLineStart = at === 0 || doc.text[at - 1] === '\n' || doc.text[at - 1] === '\r';
  const { heading, text } = partInsertion(doc, t);
  const newText = `${atLineStart ? '' : eol}${text}`;
  const anchor = next ? next.heading.lineSpan : { start: at, end: at };
  ctx.report('section.missing', anchor, { numeral, title: t.title }, {
    fixes: [{ title: localize('fix.insertPart', ctx.locale, { heading }), edits: [{ span: { start: at, end: at }, newText }], preferred: true, safe: false }],
  });
}

/** Expected numeral text for an outline level and ordinal, keeping the writer's separator for 1./1、. */
function numeralFor(level: number, ordinal: number, h: Heading): string {
  if (level === 1) return `${chineseNumeral(ordinal)}、`;
  if (level === 2) return `（${chineseNumeral(ordinal)}）`;
  if (level === 3) return `${ordinal}${h.level === 3 && /、$/.test(h.numeral) ? '、' : '.'}`;
  return `（${ordinal}）`;
}

export function checkHeadingNumbers(ctx: RuleContext): void {
  const counters = [0, 0, 0, 0, 0];
  const renumber = (h: Heading, expected: string) => {
    ctx.report('heading.numbering', h.numeralSpan, { expected, actual: h.numeral || '—' }, {
      fixes: [{
        title: localize('fix.renumber', ctx.locale, { expected }),
        edits: [{ span: h.numeralSpan, newText: expected }],
        preferred: true,
        safe: false,
      }],
    });
  };
  for (const h of ctx.doc.headings) {
    const level = h.outlineLevel;
    if (level === 1) {
      counters.fill(0);
      if (!h.part) continue;
      const number = partTemplate(h.part).number;
      if (h.level !== 1 || h.ordinal !== number) renumber(h, numeralFor(1, number, h));
      continue;
    }
    for (let l = level + 1; l < counters.length; l++) counters[l] = 0;
    const expected = counters[level] + 1;
    if (h.level !== level || h.ordinal !== expected) renumber(h, numeralFor(level, expected, h));
    counters[level] = h.ordinal;
  }
}
