/**
 * Narrative against tables (FORMAT.md §7): the numbers the prose states about requests, outcomes,
 * carry-overs, reconsideration and litigation, compared with tables 二/三/四 (`narrative.mismatch`),
 * and "占比X%" compared with count ÷ （七）总计 (`narrative.percent`).
 *
 * A number is compared only when the subject phrase right before it (or, for "17件结转下年度", right
 * after it) names what the tables count; the subjects and their readings are data in template.ts.
 */
import { cellLabel } from '../template/labels';
import {
  NARRATIVE_COUNT, NARRATIVE_EXPLANATION, NARRATIVE_FOREIGN, NARRATIVE_SHARE, NARRATIVE_SKIP_PARTS, NARRATIVE_SUBJECTS,
  NARRATIVE_TABLE_PARTS, REQUEST_COLUMNS, TABLES, cellKey, requestRows,
  type NarrativeReading, type NarrativeSubject,
} from '../template/template';
import { asciiDigits, isDigitCode, isJsWhitespace } from '../text';
import type { Cell, CellKey, Locale, ReportDocument, Span, TemplateVersion } from '../types';
import { inLocale, localize } from './catalogue';
import type { FindingExtras, RuleContext } from './context';
import { clauseEnd, clauseStart, codeSet, paragraphAround, proseMap, sentenceAround, unwrapped } from './prose';
import { sumsVersion, validCell } from './sums';

/** The subject a number is about: the closest subject phrase before it, else a phrase after it. */
export function bindSubject(prefix: string, suffix: string): NarrativeSubject | undefined {
  let best: NarrativeSubject | undefined;
  let bestStart = -1;
  // Most prefixes name none of the subjects or one: only subjects whose cue occurs run their regex,
  // in subject order (lowest bit first).
  for (let bits = cuedSubjects(prefix); bits !== 0; bits &= bits - 1) {
    const s = NARRATIVE_SUBJECTS[31 - Math.clz32(bits & -bits)];
    const m = s.before!.exec(prefix);
    if (!m || m.index <= bestStart) continue;
    const filler = m[1];
    if (filler !== undefined && (NARRATIVE_FOREIGN.test(filler) || (s.fillerMustMatch && !s.fillerMustMatch.test(filler)))) continue;
    best = s;
    bestStart = m.index;
  }
  if (best) return best;
  // Every `after` phrase has words: an empty suffix (the count ends its clause) names no subject.
  if (suffix !== '') for (const s of AFTER_SUBJECTS) if (s.after!.test(suffix)) return s;
  return undefined;
}
const AFTER_SUBJECTS = NARRATIVE_SUBJECTS.filter((s) => s.after);

/**
 * Literals at least one of which every match of a regex contains, read from its source: the longest
 * run of non-ASCII literals at the top level (outside groups and classes, not made optional by a
 * quantifier), else the cues of each alternative of a required group ("(?:办结|答复)…" → 办结, 答复).
 * Undefined when no such set is found (an alternative without a literal, an optional group).
 */
export function requiredCues(source: string): string[] | undefined {
  const alternatives = splitTopLevel(source);
  if (alternatives.length > 1) {
    const cues: string[] = [];
    for (const alt of alternatives) {
      const c = requiredCues(alt);
      if (!c) return undefined;
      for (const cue of c) if (!cues.includes(cue)) cues.push(cue);
    }
    return cues;
  }
  let best = '';
  let run = '';
  let group: string[] | undefined;
  const endRun = () => {
    if (run.length > best.length) best = run;
    run = '';
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\' || c === '[') {
      i = atomEnd(source, i); // an escape or a class is never one of the literals we keep
      endRun();
    } else if (c === '(') {
      endRun();
      const close = closingParen(source, i);
      const inner = source.slice(i, close + 1);
      const next = source[close + 1];
      const optional = next === '?' || next === '*' || source.startsWith('{0', close + 1);
      // Lookarounds assert without consuming; a named or plain group captures what it matches.
      const body = /^\(\?(?:[=!]|<[=!])/.test(inner) ? undefined : inner.replace(/^\((?:\?:|\?<[^>]*>)?/, '').slice(0, -1);
      const cues = body !== undefined && !optional ? requiredCues(body) : undefined;
      if (cues && (!group || cues.length < group.length)) group = cues;
      i = close;
    } else if (c.charCodeAt(0) > 0x7f) {
      const next = source[i + 1];
      if (next === '?' || next === '*' || next === '{') endRun();
      else run += c;
    } else endRun();
  }
  endRun();
  if (best) return [best];
  return group;
}

/** The source split at its top-level `|`s. */
function splitTopLevel(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\' || c === '[') i = atomEnd(source, i);
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(source.slice(from, i));
      from = i + 1;
    }
  }
  out.push(source.slice(from));
  return out;
}

/** The index of the `)` that closes the `(` at `open`. */
function closingParen(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === '\\' || c === '[') i = atomEnd(source, i);
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return source.length - 1;
}

/** For an escape (`\\d`) or a class (`[^，]`) starting at `i`, the index of its last character. */
function atomEnd(source: string, i: number): number {
  if (source[i] === '\\') return i + 1;
  let j = i + 1;
  while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
  return j;
}

const BEFORE_CUES = NARRATIVE_SUBJECTS.map((s) => (s.before ? requiredCues(s.before.source) : undefined));
// Sets of subjects are bit masks over their indices.
if (NARRATIVE_SUBJECTS.length > 31) throw new Error('NARRATIVE_SUBJECTS: at most 31 subjects fit a cue mask');
/** Subjects with a `before` regex but no cue: their regex always runs. */
const UNCUED = BEFORE_CUES.reduce((mask, cues, i) => (NARRATIVE_SUBJECTS[i].before && !cues ? mask | (1 << i) : mask), 0);
/** For each code unit that starts a cue, the cues that start with it and the subject of each. */
const CUE_STARTS = new Map<number, { cue: string; subject: number }[]>();
BEFORE_CUES.forEach((cues, i) => {
  for (const cue of cues ?? []) {
    const c = cue.charCodeAt(0);
    CUE_STARTS.set(c, [...(CUE_STARTS.get(c) ?? []), { cue, subject: 1 << i }]);
  }
});
const isCueStart = codeSet(String.fromCharCode(...CUE_STARTS.keys()));

/** The subjects whose before-regex may match `prefix` (a mask): one pass over it, not a search per subject. */
function cuedSubjects(prefix: string): number {
  let mask = UNCUED;
  for (let j = 0; j < prefix.length; j++) {
    const c = prefix.charCodeAt(j);
    if (!isCueStart(c)) continue;
    for (const { cue, subject } of CUE_STARTS.get(c)!) if (prefix.startsWith(cue, j)) mask |= subject;
  }
  return mask;
}

/** Table 三 rows a reading names: a group expands to its numbered rows in the version. */
const ROWS = new Map<string, string[]>();
function rowsOf(version: TemplateVersion, key: string): string[] {
  const id = `${version}:${key}`;
  let rows = ROWS.get(id);
  if (!rows) ROWS.set(id, (rows = requestRows(version).filter((r) => r.key === key || r.group === key).map((r) => r.key)));
  return rows;
}

export interface Evaluated {
  reading: NarrativeReading;
  cells: Cell[];
  value: number;
}

/** The cells a reading sums, by key; the same for every document of a version, so made once. */
const KEYS = new Map<NarrativeSubject, Map<NarrativeReading, Record<TemplateVersion, CellKey[] | undefined>>>();
function keysOf(version: TemplateVersion, subject: NarrativeSubject, reading: NarrativeReading): CellKey[] {
  let bySubject = KEYS.get(subject);
  if (!bySubject) KEYS.set(subject, (bySubject = new Map()));
  let byVersion = bySubject.get(reading);
  if (!byVersion) bySubject.set(reading, (byVersion = { '2019': undefined, '2021': undefined }));
  let keys = byVersion[version];
  if (!keys) {
    keys = [];
    if (reading.cells) keys.push(...reading.cells);
    for (const row of reading.rows ?? []) {
      for (const r of rowsOf(version, row)) for (const col of subject.columns ?? ['total']) keys.push(cellKey('requests', r, col));
    }
    byVersion[version] = keys;
  }
  return keys;
}

function evaluate(doc: ReportDocument, version: TemplateVersion, subject: NarrativeSubject, reading: NarrativeReading): Evaluated | undefined {
  const keys = keysOf(version, subject, reading);
  const cells: Cell[] = [];
  let value = 0;
  for (const k of keys) {
    const c = validCell(doc, k);
    if (!c) return undefined;
    cells.push(c);
    value += c.value!;
  }
  return cells.length ? { reading, cells, value } : undefined;
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

/**
 * The matches of NARRATIVE_COUNT in `text`, one per call, as a global regex's exec loop gives them.
 * Every match ends in 件, so instead of running the regex at every offset of the text this finds each
 * 件 with indexOf and tries the regex (sticky) only at the digits and spaces right before it: a match
 * ending at that 件 can start nowhere else, and matches ending at an earlier 件 start earlier.
 * Falls back to the plain exec loop if NARRATIVE_COUNT is ever changed from the shape relied on.
 */
function countScanner(text: string): () => RegExpExecArray | null {
  if (NARRATIVE_COUNT.source !== COUNT_SOURCE) {
    const re = new RegExp(NARRATIVE_COUNT.source, NARRATIVE_COUNT.flags);
    return () => re.exec(text);
  }
  const sticky = new RegExp(NARRATIVE_COUNT.source, 'y');
  let from = 0;
  return () => {
    for (let k = text.indexOf('件', from); k >= 0; k = text.indexOf('件', k + 1)) {
      let s = k;
      while (s > from && isDigitOrSpace(text.charCodeAt(s - 1))) s--;
      for (let p = s; p < k; p++) {
        if (!isDigitCode(text.charCodeAt(p))) continue;
        sticky.lastIndex = p;
        const m = sticky.exec(text);
        if (m) {
          from = p + m[0].length;
          return m;
        }
      }
    }
    from = text.length;
    return null;
  };
}
/** The NARRATIVE_COUNT countScanner is written for: digits, spaces, 件. */
const COUNT_SOURCE = String.raw`(?<![0-9０-９.．]|\d,)([0-9０-９]{1,9})\s*件`;
const isDigitOrSpace = (c: number) => isDigitCode(c) || isJsWhitespace(c);

function toNumber(s: string): number {
  return Number(asciiDigits(s));
}

export function checkNarrative(ctx: RuleContext): void {
  const { doc } = ctx;
  const mismatchOn = ctx.isOn('narrative.mismatch');
  const percentOn = ctx.isOn('narrative.percent');
  if (doc.cells.size === 0 || (!mismatchOn && !percentOn)) return;
  const version = sumsVersion(doc);
  scanNarrative(doc, (c) => {
    if (mismatchOn && !c.readings.some((r) => r.value === c.stated)) reportMismatch(ctx, c.subject, c.stated, c.span, c.readings, version);
    if (percentOn && c.subject.share) checkShare(ctx, c.subject, c.readings[0], c.afterEnd, version);
  });
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
  let found: NarrativeCount | undefined;
  if (doc.cells.size > 0) {
    scanNarrative(doc, (c) => {
      if (!found && offset >= c.span.start && offset <= c.afterEnd) found = c;
    });
  }
  return found;
}

/** Every bound count of the prose, in text order (find references from a cell to the prose that states it). */
export function narrativeCounts(doc: ReportDocument): NarrativeCount[] {
  const counts: NarrativeCount[] = [];
  if (doc.cells.size > 0) scanNarrative(doc, (c) => counts.push(c));
  return counts;
}

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

/** Calls `visit` for every count of the prose that names what the tables count and can be compared with them. */
function scanNarrative(doc: ReportDocument, visit: (count: NarrativeCount) => void): void {
  const prose = proseMap(doc);
  const text = doc.text;
  const version = sumsVersion(doc);
  // PDF text (its tables aligned by spaces) breaks sentences at the page's width: read clauses across.
  const wrapped = doc.tables.some((t) => t.shape === 'aligned');
  const next = countScanner(text);
  const evaluated = new Map<NarrativeSubject, Evaluated[]>();
  // Most counts share their paragraph (and sentence) with the previous one: test each context regex
  // once per scope, not once per count.
  const paragraphContext = new ScopeTests(text);
  const sentenceContext = new ScopeTests(text);
  for (let m = next(); m; m = next()) {
    const numStart = m.index;
    const numEnd = numStart + m[1].length;
    const afterEnd = m.index + m[0].length;
    if (prose.inTable(numStart)) continue;
    const part = prose.partAt(numStart);
    if (part && NARRATIVE_SKIP_PARTS.includes(part)) continue;
    const prefix = unwrapped(text.slice(clauseStart(text, numStart, undefined, wrapped), numStart));
    const suffix = unwrapped(text.slice(afterEnd, clauseEnd(text, afterEnd, undefined, wrapped)));
    // (An explanation is a word after the count: an empty suffix, the usual case, holds none.)
    if (suffix !== '' && NARRATIVE_EXPLANATION.test(suffix)) continue;
    const subject = bindSubject(prefix, suffix);
    if (!subject) continue;
    if (subject.context && !(part && NARRATIVE_TABLE_PARTS.includes(part))) {
      const inContext = subject.contextScope === 'sentence'
        ? sentenceContext.test(subject.context, numStart, () => sentenceAround(text, numStart, undefined, wrapped))
        : paragraphContext.test(subject.context, numStart, () => paragraphAround(doc, numStart));
      if (!inContext) continue;
    }
    let readings = evaluated.get(subject);
    if (!readings) {
      readings = [];
      for (const r of subject.readings) {
        const e = evaluate(doc, version, subject, r);
        if (e) readings.push(e);
      }
      evaluated.set(subject, readings);
    }
    if (!readings.length) continue;
    visit({ span: { start: numStart, end: numEnd }, afterEnd, stated: toNumber(m[1]), subject, readings });
  }
}

/** Regex tests on the scope (paragraph or sentence) around an offset, remembered while the scope stays the same. */
class ScopeTests {
  private scope: Span = { start: 0, end: -1 };
  private readonly results = new Map<RegExp, boolean>();

  constructor(private readonly text: string) {}

  test(re: RegExp, at: number, scopeAround: () => Span): boolean {
    if (at < this.scope.start || at >= this.scope.end) {
      this.scope = scopeAround();
      this.results.clear();
    }
    let result = this.results.get(re);
    if (result === undefined) {
      result = re.test(this.text.slice(this.scope.start, this.scope.end));
      this.results.set(re, result);
    }
    return result;
  }
}

function relatedOf(readings: Evaluated[], version: TemplateVersion, locale: Locale): FindingExtras['related'] {
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

function reportMismatch(ctx: RuleContext, subject: NarrativeSubject, stated: number, span: Span, readings: Evaluated[], version: TemplateVersion): void {
  const { locale } = ctx;
  // Readings with the same value say the same thing twice (行政诉讼 with no 复议后起诉): keep the first.
  const distinct = readings.filter((r, i) => readings.findIndex((x) => x.value === r.value) === i);
  const [first, ...others] = distinct;
  const table = TABLES[subject.table].numeral;
  const alternatives = others.length
    ? localize('word.alternatives', locale, {
      list: others.map((r) => localize('word.alternative', locale, { label: whereOf(subject, r.reading, locale), value: r.value })).join(locale === 'en' ? '; ' : '，'),
    })
    : '';
  const fixes = distinct.map((r) => ({
    title: localize('fix.useTableValue', locale, { table, value: r.value, where: whereOf(subject, r.reading, locale) }),
    edits: [{ span, newText: String(r.value) }],
    preferred: false,
    safe: false,
  }));
  ctx.report('narrative.mismatch', span, {
    subject: inLocale(subject.label, locale),
    stated,
    table,
    where: whereOf(subject, first.reading, locale),
    actual: first.value,
    alternatives,
  }, {
    cell: first.cells.length === 1 ? first.cells[0].key : undefined,
    related: relatedOf(readings, version, locale),
    fixes,
  });
}

const PROCESSED_TOTAL = cellKey('requests', 'processed', 'total');

/** "占比21％" after an outcome count: count ÷ （七）总计, truncated or rounded at the printed precision. */
function checkShare(ctx: RuleContext, subject: NarrativeSubject, count: Evaluated, afterEnd: number, version: TemplateVersion): void {
  const { doc, locale } = ctx;
  const text = doc.text;
  const m = NARRATIVE_SHARE.exec(text.slice(afterEnd, afterEnd + 32));
  if (!m) return;
  const totalCell = validCell(doc, PROCESSED_TOTAL);
  if (!totalCell || !totalCell.value) return;
  const printed = asciiDigits(m[1]);
  const stated = Number(printed);
  const decimals = printed.includes('.') ? printed.length - printed.indexOf('.') - 1 : 0;
  const unit = 10 ** -decimals;
  const exact = (count.value / totalCell.value) * 100;
  if (Math.abs(stated - exact) <= unit + 1e-9) return;
  const start = afterEnd + m.index + m[0].lastIndexOf(m[1]);
  const span = { start, end: start + m[1].length };
  const rounded = (Math.round(exact * 10 ** decimals) / 10 ** decimals).toFixed(decimals);
  ctx.report('narrative.percent', span, {
    subject: inLocale(subject.label, locale),
    stated: m[1],
    count: count.value,
    total: totalCell.value,
    actual: exact.toFixed(decimals + 1),
  }, {
    cell: totalCell.key,
    related: relatedOf([count, { reading: count.reading, cells: [totalCell], value: totalCell.value }], version, locale),
    fixes: [{ title: localize('fix.setPercent', locale, { value: `${rounded}%` }), edits: [{ span, newText: rounded }], preferred: false, safe: false }],
  });
}
