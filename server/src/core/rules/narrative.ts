/**
 * Counts in the prose bound to the tables (docs/format.md, “The prose against the tables”): each "N件" whose subject phrase, right
 * before it (or, for "17件结转下年度", right after it), names what the tables count, with the table
 * values it may mean. The narrative.* rules compare them; hovers, definitions and references show them.
 */
import { inLocale } from '../template/bilingual';
import { cellLabel } from '../template/labels';
import { REQUEST_COLUMNS, cellKey, requestRows } from '../template/tables';
import { asciiDigits } from '../text';
import type { Cell, CellKey, Locale, ReportDocument, Span, TemplateVersion } from '../types';
import type { FindingExtras } from './context';
import { localize } from './messages';
import {
  NARRATIVE_COUNT, NARRATIVE_DELEGATE, NARRATIVE_EXPLANATION, NARRATIVE_FOREIGN, NARRATIVE_SKIP_PARTS, NARRATIVE_SUBJECTS, NARRATIVE_TABLE_PARTS,
  type NarrativeReading, type NarrativeSubject,
} from './narrativeSubjects';
import { clauseEnd, clauseStart, paragraphAround, proseMap, sentenceAround, unwrapped } from './prose';
import { sumsVersion, validCell } from './sums';

/** The subject a number is about: the closest subject phrase before it, else a phrase after it. */
export function bindSubject(prefix: string, suffix: string): NarrativeSubject | undefined {
  let best: NarrativeSubject | undefined;
  let bestStart = -1;
  for (const s of NARRATIVE_SUBJECTS) {
    if (!s.before) continue;
    const m = s.before.exec(prefix);
    if (!m || m.index <= bestStart) continue;
    const filler = m[1];
    if (filler !== undefined && (NARRATIVE_FOREIGN.test(filler) || (s.fillerMustMatch && !s.fillerMustMatch.test(filler)))) continue;
    best = s;
    bestStart = m.index;
  }
  return best ?? NARRATIVE_SUBJECTS.find((s) => s.after?.test(suffix));
}

export interface Evaluated {
  reading: NarrativeReading;
  cells: Cell[];
  value: number;
}

/** The cells a reading sums: its cells, or its table 三 rows (a group expands to its numbered rows) in the subject's columns. */
function keysOf(version: TemplateVersion, subject: NarrativeSubject, reading: NarrativeReading): CellKey[] {
  const keys = [...(reading.cells ?? [])];
  for (const row of reading.rows ?? []) {
    const rows = requestRows(version).filter((r) => r.key === row || r.group === row);
    for (const r of rows) for (const col of subject.columns ?? ['total']) keys.push(cellKey('requests', r.key, col));
  }
  return keys;
}

function evaluate(doc: ReportDocument, version: TemplateVersion, subject: NarrativeSubject, reading: NarrativeReading): Evaluated | undefined {
  const cells: Cell[] = [];
  for (const k of keysOf(version, subject, reading)) {
    const c = validCell(doc, k);
    if (!c) return undefined;
    cells.push(c);
  }
  return cells.length ? { reading, cells, value: cells.reduce((sum, c) => sum + c.value!, 0) } : undefined;
}

/** "（一）予以公开·总计", "一 + 二·自然人", "行政复议·总计". */
export function whereOf(subject: NarrativeSubject, reading: NarrativeReading, locale: Locale): string {
  const label = inLocale(reading.label, locale);
  if (subject.table !== 'requests') return label;
  const cols = subject.columns ?? ['total'];
  let column: string;
  if (subject.columnLabel) column = inLocale(subject.columnLabel, locale);
  else {
    const c = REQUEST_COLUMNS.find((x) => x.key === cols[0]);
    column = c ? inLocale(c.label, locale) : cols[0];
  }
  if (cols[0] === 'total' && /总计$|total processed$/.test(label)) return label;
  return locale === 'en' ? `${label} · ${column}` : `${label}·${column}`;
}

function toNumber(s: string): number {
  return Number(asciiDigits(s));
}

/** A count in the prose ("办理政府信息公开申请333件") bound to what the tables say about its subject. */
export interface NarrativeCount {
  /** The digits. */
  span: Span;
  /** The end of the whole "333件". */
  afterEnd: number;
  stated: number;
  subject: NarrativeSubject;
  /** The table values the count may mean (most subjects have one), each from valid cells only. */
  readings: Evaluated[];
}

/** The bound count whose "N件" contains `offset`, if any (hovers and go-to-definition on prose). */
export function narrativeCountAt(doc: ReportDocument, offset: number): NarrativeCount | undefined {
  return narrativeCounts(doc).find((c) => offset >= c.span.start && offset <= c.afterEnd);
}

/**
 * Every bound count of the prose, in text order. Read once per document: both narrative rules, hovers
 * and find references ask for them.
 */
export function narrativeCounts(doc: ReportDocument): readonly NarrativeCount[] {
  let counts = COUNTS.get(doc);
  if (!counts) COUNTS.set(doc, (counts = doc.cells.size > 0 ? scanNarrative(doc) : []));
  return counts;
}
const COUNTS = new WeakMap<ReportDocument, NarrativeCount[]>();

/**
 * The cells a count states: those of the table value it equals, else of every value it may mean
 * (each cell once). What go to definition lands on and what find references matches.
 */
export function statedCells(count: NarrativeCount): Cell[] {
  const matching = count.readings.filter((r) => r.value === count.stated);
  const cells = new Map<string, Cell>();
  for (const r of matching.length ? matching : count.readings) for (const c of r.cells) if (!cells.has(c.key)) cells.set(c.key, c);
  return [...cells.values()];
}

/** Every count of the prose that names what the tables count and can be compared with them. */
function scanNarrative(doc: ReportDocument): NarrativeCount[] {
  const prose = proseMap(doc);
  const text = doc.text;
  const version = sumsVersion(doc);
  // PDF text (its tables aligned by spaces) breaks sentences at the page's width: read clauses across.
  const wrapped = doc.tables.some((t) => t.shape === 'aligned');
  const counts: NarrativeCount[] = [];
  const unreliable = new Set(doc.tables.filter((t) => t.problems.length > 0).map((t) => t.key));
  for (const m of text.matchAll(NARRATIVE_COUNT)) {
    const numStart = m.index;
    const numEnd = numStart + m[1].length;
    const afterEnd = m.index + m[0].length;
    if (prose.inTable(numStart)) continue;
    const part = prose.partAt(numStart);
    if (part && NARRATIVE_SKIP_PARTS.includes(part)) continue;
    const prefix = unwrapped(text.slice(clauseStart(text, numStart, undefined, wrapped), numStart));
    const suffix = unwrapped(text.slice(afterEnd, clauseEnd(text, afterEnd, undefined, wrapped)));
    if (NARRATIVE_EXPLANATION.test(suffix) || NARRATIVE_DELEGATE.test(prefix)) continue;
    const subject = bindSubject(prefix, suffix);
    if (!subject) continue;
    if (subject.context && !(part && NARRATIVE_TABLE_PARTS.includes(part))) {
      const scope = subject.contextScope === 'sentence' ? sentenceAround(text, numStart, undefined, wrapped) : paragraphAround(doc, numStart);
      if (!subject.context.test(text.slice(scope.start, scope.end))) continue;
    }
    const readings: Evaluated[] = [];
    for (const r of subject.readings) {
      const e = evaluate(doc, version, subject, r);
      // Only cells of a table read whole are compared: a half-read table's sums say nothing.
      if (e && e.cells.every((c) => !unreliable.has(c.table))) readings.push(e);
    }
    if (!readings.length) continue;
    counts.push({ span: { start: numStart, end: numEnd }, afterEnd, stated: toNumber(m[1]), subject, readings });
  }
  return counts;
}

/** Related information naming each cell of the readings once, with its value. */
export function relatedOf(readings: Evaluated[], version: TemplateVersion, locale: Locale): FindingExtras['related'] {
  const seen = new Set<string>();
  const out: NonNullable<FindingExtras['related']> = [];
  for (const r of readings) {
    for (const c of r.cells) {
      if (seen.has(c.key)) continue;
      seen.add(c.key);
      out.push({ span: c.span, cell: c.key, message: localize('word.related.table', locale, { label: cellLabel(c.key, version, locale), value: c.value ?? '' }) });
    }
  }
  return out;
}
