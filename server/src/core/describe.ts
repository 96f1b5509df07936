/**
 * Hover data: for a table cell, its full labels, key and value and every relation it takes part in
 * with the numbers filled in; for a part heading, what the official template asks the part to hold.
 */
import { isPublishedText } from './recompute';
import { inLocale, localize } from './rules/messages';
import { narrativeCountAt, narrativeCounts, statedCells, whereOf, type NarrativeCount } from './rules/narrative';
import { sumsVersion, formulaOf } from './rules/sums';
import { cellLabels } from './template/labels';
import { PARTS, officialHeading } from './template/parts';
import { relations, type Relation } from './template/relations';
import { REVIEW_GROUPS, TABLES } from './template/tables';
import type { Cell, HoverInfo, Locale, Position, Range, RelatedCell, ReportDocument, Span } from './types';

export interface DescribeOptions {
  /** Show a cell's canonical key (`requests.granted.total`); off by default, for rule authors. */
  showKeys?: boolean;
}

export function describeAt(doc: ReportDocument, position: Position, locale: Locale = 'zh-cn', options: DescribeOptions = {}): HoverInfo | undefined {
  if (position.line < 0 || position.line >= doc.lines.lineCount) return undefined;
  const offset = doc.lines.offsetAt(position);
  const hit = cellAt(doc, offset, position.line);
  if (hit) return describeCell(doc, hit.cell, hit.span, locale, options.showKeys ?? false);
  const count = narrativeCountAt(doc, offset);
  if (count) return describeCount(doc, count, locale);
  const heading = doc.headings.find((h) => h.line === position.line && h.part);
  if (heading) {
    const part = PARTS.find((p) => p.key === heading.part)!;
    const title = locale === 'en' ? `**${officialHeading(part)}** — ${part.titleEn}` : `**${officialHeading(part)}**`;
    const body = inLocale(part.contents, locale);
    return { range: doc.lines.rangeOf(heading.lineSpan), markdown: `${title}\n\n${body}` };
  }
  return undefined;
}

/**
 * A count in the prose: what it is about and the table value(s) it may mean. The one it equals gets ✓;
 * when it equals none (a narrative.mismatch), each gets ✗.
 */
function describeCount(doc: ReportDocument, count: NarrativeCount, locale: Locale): HoverInfo {
  const table = TABLES[count.subject.table].numeral;
  const matched = count.readings.some((r) => r.value === count.stated);
  const lines = [localize('hover.narrative', locale, { subject: inLocale(count.subject.label, locale), stated: count.stated }), ''];
  for (const r of count.readings) {
    const where = whereOf(count.subject, r.reading, locale);
    const mark = r.value === count.stated ? ' ✓' : matched ? '' : ' ✗';
    lines.push(`- ${localize('hover.narrative.reading', locale, { table, where, value: r.value })}${mark}`);
  }
  return { range: doc.lines.rangeOf({ start: count.span.start, end: count.afterEnd }), markdown: lines.join('\n') };
}

/**
 * Where a count in the prose comes from (go to definition from "办理政府信息公开申请333件" to 表三's
 * （七）总计): the cells of the table value it equals, else of every value it may mean. Undefined when
 * the position is on no such count.
 */
export function definitionsAt(doc: ReportDocument, position: Position): Range[] | undefined {
  if (position.line < 0 || position.line >= doc.lines.lineCount) return undefined;
  const count = narrativeCountAt(doc, doc.lines.offsetAt(position));
  return count && statedCells(count).map((c) => doc.lines.rangeOf(c.span));
}

/**
 * Find references, the other way round: with the cursor on a table cell, every count of the prose
 * that states it ("办理政府信息公开申请333件" for 表三's （七）总计); on such a count, the counts that
 * state the same cells. The cells themselves come first when `includeDeclaration`. Undefined when
 * the position is on neither a cell nor a bound count.
 */
export function referencesAt(doc: ReportDocument, position: Position, includeDeclaration: boolean): Range[] | undefined {
  if (position.line < 0 || position.line >= doc.lines.lineCount) return undefined;
  const offset = doc.lines.offsetAt(position);
  const hit = cellAt(doc, offset, position.line);
  const count = hit ? undefined : narrativeCountAt(doc, offset);
  const targets = hit ? [hit.cell] : count ? statedCells(count) : undefined;
  if (!targets) return undefined;
  const keys = new Set(targets.map((c) => c.key));
  const ranges = includeDeclaration ? targets.map((c) => doc.lines.rangeOf(c.span)) : [];
  for (const c of narrativeCounts(doc)) {
    if (statedCells(c).some((cell) => keys.has(cell.key))) ranges.push(doc.lines.rangeOf({ start: c.span.start, end: c.afterEnd }));
  }
  return ranges;
}

/**
 * The cell under `position` and every cell it shares a relation with: what a reviewer wants lit up to
 * see what adds up to what. Undefined when the position is on no cell.
 */
export function relatedCellsAt(doc: ReportDocument, position: Position): RelatedCell[] | undefined {
  if (position.line < 0 || position.line >= doc.lines.lineCount) return undefined;
  const hit = cellAt(doc, doc.lines.offsetAt(position), position.line);
  if (!hit) return undefined;
  const self = hit.cell.key;
  const roles = new Map<string, RelatedCell['role']>([[self, 'self']]);
  for (const r of cellRelations(doc, self)) {
    roles.set(r.target, r.target === self ? 'self' : 'total');
    for (const key of [...r.plus, ...r.minus]) if (!roles.has(key)) roles.set(key, 'term');
  }
  const related: RelatedCell[] = [];
  for (const [key, role] of roles) {
    const cell = doc.cells.get(key);
    if (cell) related.push({ cell: key, range: doc.lines.rangeOf(cell.span), role });
  }
  return related;
}

/** The relations a cell takes part in, as total or as term. */
function cellRelations(doc: ReportDocument, key: string): Relation[] {
  return relations(sumsVersion(doc)).filter((r) => r.target === key || r.plus.includes(key) || r.minus.includes(key));
}

/** Spaces, TABs and the ideographic space: what separates or pads cells, never part of a value. */
const PAD = /[ \t\u3000\u00a0]/;

/**
 * The cell under `offset` and the span the hover covers, which always contains `offset`:
 * - on the value itself: the value's span;
 * - on the padding around a value (leading TAB, spaces inside a Markdown or pipe cell up to its `|`):
 *   that cell, the span stretched to the position;
 * - anywhere else on a line that holds exactly one cell and otherwise only padding and `|` (TAB and
 *   pipe shapes write one cell per line): that cell, the span stretched to the position.
 */
function cellAt(doc: ReportDocument, offset: number, line: number): { cell: Cell; span: Span } | undefined {
  const lineStart = doc.lines.lineStarts[line];
  const lineEnd = line + 1 < doc.lines.lineCount ? doc.lines.lineStarts[line + 1] : doc.text.length;
  const onLine: Cell[] = [];
  for (const t of doc.tables) {
    for (const c of t.cells) {
      if (offset >= c.span.start && offset <= c.span.end) return { cell: c, span: c.span };
      if (c.span.start >= lineStart && c.span.start < lineEnd) onLine.push(c);
    }
  }
  if (onLine.length === 0) return undefined;
  const stretched = (c: Cell): Span => ({ start: Math.min(c.span.start, offset), end: Math.max(c.span.end, offset) });
  // Padding between the position and a value, on the same line: the nearest such cell wins. On a `|`
  // itself, no cell: it belongs to neither neighbour.
  let best: Cell | undefined;
  let distance = Infinity;
  const onSeparator = doc.text[offset] === '|';
  for (const c of onSeparator ? [] : onLine) {
    const [from, to] = offset < c.span.start ? [offset, c.span.start] : [c.span.end, offset];
    if (to - from < distance && isPadding(doc.text, from, to)) {
      best = c;
      distance = to - from;
    }
  }
  if (best) return { cell: best, span: stretched(best) };
  if (onLine.length !== 1) return undefined;
  // A line that holds one cell and nothing but separators (`557 |`): the whole line is that cell's.
  const [only] = onLine;
  const separatorsOnly = isPadding(doc.text, lineStart, only.span.start, true) && isPadding(doc.text, only.span.end, lineEnd, true);
  return separatorsOnly ? { cell: only, span: stretched(only) } : undefined;
}

/** Only padding in text[from, to) (with `separators`, also `|` and the line break). */
function isPadding(text: string, from: number, to: number, separators = false): boolean {
  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (PAD.test(ch) || (separators && (ch === '|' || ch === '\r' || ch === '\n'))) continue;
    return false;
  }
  return true;
}

/**
 * A cell's hover, short enough to read without scrolling (at most about eight lines): when the cell
 * is a total that does not add up, what it should be, the formula and ✗ come first, then the fix;
 * then the cell's labels and value, then its other relations, one line each. The canonical key only
 * with `showKeys` (the setting govAnnualReport.showCellKeys): a clerk never needs it.
 */
function describeCell(doc: ReportDocument, cell: Cell, span: Span, locale: Locale, showKeys: boolean): HoverInfo {
  const version = doc.tables.find((t) => t.key === cell.table)?.version ?? doc.template;
  const l = cellLabels(cell.key, version, locale)!;
  const parts = [localize('hover.table', locale, { numeral: l.tableNumeral }), l.group, l.row].filter(Boolean).join(' · ');
  const value = cell.status === 'ok' ? `**${cell.value}**`
    : cell.status === 'blank' ? localize('hover.blank', locale) : localize('hover.invalid', locale, { text: cell.text });
  const rels = cellRelations(doc, cell.key);
  const broken = rels.filter((r) => r.target === cell.key && expectedOf(doc, r) !== undefined);
  const lines: string[] = [];
  for (const r of broken) {
    const expected = expectedOf(doc, r)!;
    lines.push(localize('hover.broken', locale, { expected, relation: describeRelation(doc, r, locale, false), actual: cell.value ?? '' }));
  }
  // Published text (PDF layout) is audited, not edited: no fix is offered there, so none is advertised.
  if (broken.length > 0 && !isPublishedText(doc)) {
    const [first] = broken;
    const key = first.derived ? 'hover.fix.total' : 'hover.fix.carryover';
    lines.push(localize(key, locale, { expected: expectedOf(doc, first)! }));
  }
  lines.push(`**${parts} × ${l.column}** = ${value}`);
  if (locale === 'en') {
    // The printed report carries the official Chinese labels: show them so a reviewer can find the cell.
    const zh = cellLabels(cell.key, version, 'zh-cn')!;
    lines.push(localize('hover.officialLabel', locale, { label: `${[zh.tableNumeral, zh.group, zh.row].filter(Boolean).join(' · ')} × ${zh.column}` }));
  }
  if (showKeys) lines.push(`\`${cell.key}\``);
  const others = rels.filter((r) => !broken.includes(r));
  if (others.length) lines.push(others.map((r) => `- ${describeRelation(doc, r, locale, true)}`).join('\n'));
  return { range: doc.lines.rangeOf(span), markdown: lines.join('\n\n'), cell: cell.key };
}

/**
 * What the target of a relation should hold when every cell is valid and it holds something else;
 * undefined when it adds up or cannot be checked.
 */
function expectedOf(doc: ReportDocument, r: Relation): number | undefined {
  const value = (k: string) => {
    const c = doc.cells.get(k);
    return c && c.status === 'ok' ? c.value! : undefined;
  };
  const target = value(r.target);
  const plus = r.plus.map(value);
  const minus = r.minus.map(value);
  if (target === undefined || plus.includes(undefined) || minus.includes(undefined)) return undefined;
  const sum = (list: (number | undefined)[]) => list.reduce((a: number, v) => a + v!, 0);
  const expected = sum(plus) - sum(minus);
  return expected === target ? undefined : expected;
}

/** One relation with its values; with `mark`, ✓ or ✗ (and what the table has) at the end. */
function describeRelation(doc: ReportDocument, r: Relation, locale: Locale, mark: boolean): string {
  const get = (k: string) => doc.cells.get(k);
  const show = (c: Cell | undefined) => (c && c.status === 'ok' ? String(c.value) : '?');
  const target = get(r.target);
  const plus = r.plus.map(get);
  const minus = r.minus.map(get);
  const group = r.code === 'sum.reviewTotal' ? REVIEW_GROUPS.find((x) => r.target.startsWith(`review.${x.key}.`)) : undefined;
  const name = localize(`hover.relation.${r.code}`, locale, { group: group && inLocale(group.label, locale) });
  const known = [target, ...plus, ...minus].every((c) => c && c.status === 'ok');
  if (r.code === 'sum.balance') {
    const [n, c] = plus;
    const [p] = minus;
    const check = !known ? '—' : n!.value! + c!.value! === p!.value! + target!.value! ? '✓' : '✗';
    return `${name}：${show(n)} + ${show(c)} = ${show(p)} + ${show(target)}${mark ? ` ${check}` : ''}`;
  }
  if (!known) return `${name} = ${plus.map(show).join(' + ')} — ${localize('hover.uncheckable', locale)}`;
  const sum = plus.reduce((a, c) => a + c!.value!, 0);
  const formula = formulaOf(r, { plus: plus as Cell[] }).split('+').join(' + ');
  if (!mark) return `${name} = ${formula}`;
  const check = sum === target!.value ? '✓' : `✗ (${localize('hover.tableHas', locale, { value: target!.value! })})`;
  return `${name} = ${formula} = ${sum} ${check}`;
}
