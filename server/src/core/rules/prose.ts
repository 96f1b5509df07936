/**
 * Where the prose is: offsets outside the tables, the part an offset lies in, and the clause,
 * sentence and paragraph around an offset. Shared by the prose rule families (narrative, period,
 * part 六, enumerations); computed once per document.
 */
import { lineContentEnd } from '../text';
import type { PartKey, ReportDocument, Span } from '../types';

export interface ProseMap {
  /** Whether an offset lies inside a table. */
  inTable(offset: number): boolean;
  /** The official part an offset lies in, if any. */
  partAt(offset: number): PartKey | undefined;
  /** The table spans, sorted. */
  readonly tables: readonly Span[];
  /** Whether a line holds a heading. */
  isHeadingLine(line: number): boolean;
}

const CACHE = new WeakMap<ReportDocument, ProseMap>();

export function proseMap(doc: ReportDocument): ProseMap {
  let map = CACHE.get(doc);
  if (!map) CACHE.set(doc, (map = buildProseMap(doc)));
  return map;
}

function buildProseMap(doc: ReportDocument): ProseMap {
  const tables = doc.tables.map((t) => t.span).sort((a, b) => a.start - b.start);
  const parts = doc.parts;
  const headingLines = new Set(doc.headings.map((h) => h.line));
  return {
    tables,
    isHeadingLine: (line) => headingLines.has(line),
    inTable(offset) {
      for (const t of tables) {
        if (offset < t.start) return false;
        if (offset < t.end) return true;
      }
      return false;
    },
    partAt(offset) {
      for (const p of parts) if (offset >= p.span.start && offset < p.span.end) return p.key;
      return undefined;
    },
  };
}

const CLAUSE_BREAKS = '。；;，,！？!?\n\r（(）)：:、';
const SENTENCE_BREAKS = '。！？!?\n\r';
/** What ends a paragraph line that does not run on into the next. */
const PARAGRAPH_ENDS = '。！？!?；;：:”"）)';
const BLANKS = ' \t\u3000\f';

/**
 * Whether the character at `i` is one of `breaks` (clause or sentence breaks). In `wrapped` text
 * (extracted from a PDF, lines broken at the page's width) a line break ends nothing unless the line
 * before it ends a clause (a sentence) itself, or is blank.
 */
function breaksAt(text: string, i: number, breaks: string, wrapped: boolean): boolean {
  const c = text[i];
  if (!breaks.includes(c)) return false;
  if (!wrapped || (c !== '\n' && c !== '\r')) return true;
  let j = i - 1;
  while (j >= 0 && (text[j] === '\r' || BLANKS.includes(text[j]))) j--;
  return j < 0 || breaks.includes(text[j]);
}

/** Start of the clause that ends at `at`, looking back at most `max` characters. */
export function clauseStart(text: string, at: number, max = 48, wrapped = false): number {
  const limit = Math.max(0, at - max);
  let i = at;
  while (i > limit && !breaksAt(text, i - 1, CLAUSE_BREAKS, wrapped)) i--;
  return i;
}

/** End of the clause that starts at `at`, looking ahead at most `max` characters. */
export function clauseEnd(text: string, at: number, max = 48, wrapped = false): number {
  const limit = Math.min(text.length, at + max);
  let i = at;
  while (i < limit && !breaksAt(text, i, CLAUSE_BREAKS, wrapped)) i++;
  return i;
}

/** The sentence around `at` (between 。！？ or line breaks), at most `max` characters each way. */
export function sentenceAround(text: string, at: number, max = 400, wrapped = false): Span {
  let s = at;
  const lo = Math.max(0, at - max);
  while (s > lo && !breaksAt(text, s - 1, SENTENCE_BREAKS, wrapped)) s--;
  let e = at;
  const hi = Math.min(text.length, at + max);
  while (e < hi && !breaksAt(text, e, SENTENCE_BREAKS, wrapped)) e++;
  return { start: s, end: e };
}

/** A clause of wrapped text as one line: its line breaks and the spaces around them dropped. */
export function unwrapped(clause: string): string {
  return clause.indexOf('\n') < 0 ? clause : clause.replace(/[ \t\u3000\f\r]*\n[ \t\u3000\f]*/g, '');
}

/**
 * The paragraph around `at`: its line, and the lines it wraps onto. Drafts write a paragraph on one
 * line; text extracted from a PDF breaks it into lines of the page's width, each but the last ending
 * mid-sentence. A line that does not end a sentence (。！？；：) runs on into the next, unless either
 * is blank or a heading.
 */
export function paragraphAround(doc: ReportDocument, at: number): Span {
  const { line } = doc.lines.positionAt(at);
  const starts = doc.lines.lineStarts;
  const { isHeadingLine } = proseMap(doc);
  let first = line;
  let last = line;
  if (!isHeadingLine(line)) {
    while (last + 1 < starts.length && runsOn(doc, last) && !isHeadingLine(last + 1) && lineEnd(doc, last + 1) > starts[last + 1]) last++;
    while (first > 0 && runsOn(doc, first - 1) && !isHeadingLine(first - 1)) first--;
  }
  return { start: starts[first], end: lineEnd(doc, last) };
}

/** The end of a line's content, before its line break. */
function lineEnd(doc: ReportDocument, line: number): number {
  const starts = doc.lines.lineStarts;
  return line + 1 < starts.length ? lineContentEnd(doc.text, starts[line + 1]) : doc.text.length;
}

/** Whether a line is text that stops mid-sentence (a wrapped paragraph goes on on the next line). */
function runsOn(doc: ReportDocument, line: number): boolean {
  let end = lineEnd(doc, line);
  const start = doc.lines.lineStarts[line];
  while (end > start && BLANKS.includes(doc.text[end - 1])) end--;
  return end > start && !PARAGRAPH_ENDS.includes(doc.text[end - 1]);
}
