/**
 * Tables as PDF text extraction lays them out (`pdftotext -layout`, docs/format.md, “Shapes a table arrives in” "also seen"): cells
 * aligned by spaces, a row's numbers on one line, its labels wrapped over the lines above and below
 * (cells are centred vertically), group labels ("（三）不予公开") broken up in the middle of their rows,
 * page breaks (\f) and page numbers in between:
 *
 *            （二）部分公开（区分处理的，只计这一情
 *                                     35     0     0   0     0   0   35
 *                 形，不计其他情形）
 *
 * The labels are too shredded to map by, so rows are mapped by their order: table 三 is the template's
 * rows of seven numbers (25 rows in the 2021 template, 23 in 2019), table 四 fifteen numbers, table 二
 * the template's rows with one to three values each, found in order after the table's first words. A
 * table whose number lines do not match its template exactly is reported unparsed with what was found;
 * nothing is guessed. Read only for a table the other shapes did not find (parseReport.ts).
 */
import {
  ACTIVE_ROWS, REQUEST_COLUMNS, REVIEW_COLUMNS, REVIEW_GROUPS, TABLE_OPENERS, requestRows, type ColumnTemplate,
} from '../template';
import { asciiDigits, normalizeLabel, type Line } from '../text';
import { partOfTitle } from './headings';
import type { Cell, ParsedTable, Span, TableKey, TemplateVersion } from '../types';
import { makeValueCell } from './mapTables';
import { VALUE_UNIT } from './values';

/** A run of non-blank characters on a line, with its offsets in the text. */
interface Word {
  text: string;
  span: Span;
}

/** A line of the table with values at its end. */
interface ValueLine {
  words: Word[];
  /** How many of `words`, counted from the end, are values. */
  values: number;
  line: Line;
}

/** Numbers as cells hold them: "12", "3027.6557", "1,234", "增98", "77903.8万元", or a blank marker. */
const VALUE_WORD = new RegExp(`^(?:[+\\-−增减]?\\s*\\d[\\d,]*(?:\\.\\d+)?\\s*(?:${VALUE_UNIT})?|[/／—–-]+)$`);
/** A page number: "- 3 -", "3", "第 3 页", "3 / 10" (page furniture when a page break is next to it). */
const PAGE_NUMBER = /^(?:[-—–]?\s*\d{1,4}\s*[-—–]?|第\s*\d{1,4}\s*页(?:\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})$/;
/**
 * Where a table's scan stops: a part heading ("四、政府信息公开行政复议、行政诉讼情况"; parts may be
 * misnumbered, seed 001 has ten). Table 三's own numbered row labels ("三、本年度办理结果",
 * "四、结转下年度继续办理") name no part.
 */
const NUMBERED = /^[一二三四五六七八九十]+、(.*)$/;
function isPartHeading(trimmed: string): boolean {
  const m = NUMBERED.exec(trimmed);
  return m !== null && partOfTitle(m[1], false) !== undefined;
}

/**
 * Each line's first word, normalised ("" for a blank line): a line opens table `key` when its first
 * word holds the table's opening words (TABLE_OPENERS).
 */
function firstWordsOf(lines: Line[]): string[] {
  return lines.map((line) => {
    const m = /(\S+)(?: (\S+))?/.exec(line.text);
    if (!m) return '';
    const first = normalizeLabel(m[1]);
    // A caption with a stray space ("第二十条 第（一）项") is one word.
    const joined = m[2] === undefined ? first : normalizeLabel(m[1] + m[2]);
    const opens = (w: string) => Object.values(TABLE_OPENERS).some((re) => re.test(w));
    return !opens(first) && opens(joined) ? joined : first;
  });
}

/** Prose, not a table: a run of this many characters without a space (wrapped labels are shorter). */
const PROSE_RUN = 30;

/** A sign and a unit that PDF extraction sets apart from their number: "增 98", "77903.8 万元". */
const SIGN_WORD = /^[+\-−增减]$/;
const UNIT_WORD = new RegExp(`^(?:${VALUE_UNIT})$`);

/**
 * The words of a line: runs of characters other than spaces, TABs, ideographic spaces and \f, a sign
 * or a unit joined to its number (the cell's text is then the source text, space included).
 */
function wordsOf(line: Line): Word[] {
  const words: Word[] = [];
  for (const m of line.text.matchAll(/\S+/g)) {
    const text = m[0];
    const start = line.start + m.index!;
    const end = start + text.length;
    const prev = words[words.length - 1];
    if (prev && ((DIGIT_FIRST.test(text) && SIGN_WORD.test(prev.text)) || (UNIT_WORD.test(text) && DIGIT_LAST.test(prev.text)))) {
      prev.span.end = end;
      prev.text = line.text.slice(prev.span.start - line.start, end - line.start);
    } else {
      words.push({ text, span: { start, end } });
    }
  }
  return words;
}
const DIGIT_FIRST = /^[0-9０-９]/;
const DIGIT_LAST = /[0-9０-９]$/;

function trailingValues(words: Word[]): number {
  let n = 0;
  while (n < words.length && VALUE_WORD.test(asciiDigits(words[words.length - 1 - n].text))) n++;
  return n;
}

/** What a table's scan found: its value lines in order, and the lines it covers. */
interface Scan {
  key: TableKey;
  values: ValueLine[];
  startLine: number;
  endLine: number;
  anchor: Span;
}

/**
 * Scans a table from its opener line: value lines are kept, label fragments, header lines, blank lines
 * and page numbers passed over; prose, the next part's heading or a line of the wrong width ends it.
 * `maxValues` is the most values a row has (table 三: 7; a line with more belongs to another table), or
 * undefined (二, 四); the scan ends early once `complete` says the template has all it needs.
 */
function scan(lines: Line[], firstWords: string[], key: TableKey, opener: number, isFree: (line: number) => boolean, maxValues: number | undefined, complete: (values: ValueLine[]) => boolean): Scan {
  const anchorWords = wordsOf(lines[opener]);
  const found: Scan = { key, values: [], startLine: opener, endLine: opener, anchor: anchorWords[0].span };
  for (let i = opener; i < lines.length && isFree(i) && !complete(found.values); i++) {
    const words = wordsOf(lines[i]);
    if (words.length === 0) continue;
    const trimmed = lines[i].text.trim();
    if (PAGE_NUMBER.test(trimmed) && nextToPageBreak(lines, i)) continue;
    const values = trailingValues(words);
    if (values === 0) {
      // The header repeated at the top of the table's next page is passed over like the first one.
      if (i > opener && !TABLE_OPENERS[key].test(firstWords[i]) && (isPartHeading(trimmed) || words.some((w) => w.text.length >= PROSE_RUN))) break;
      continue;
    }
    if (maxValues !== undefined && values > maxValues) break;
    // In table 三 a lone number without a label is page furniture, not a row of six blank cells: taken
    // for a row it could stand in for a row that is missing and shift the rows after it unseen.
    if (maxValues !== undefined && values === 1 && words.length === 1) continue;
    found.values.push({ words, values, line: lines[i] });
    found.endLine = i;
  }
  return found;
}

/**
 * Whether line `i` is at a page's edge: it starts the page (pdftotext puts \f before a page's first
 * line), the next non-blank line does, or none follows. A page number, then, not a one-value row
 * ("69110" of 行政许可 with its label wrapped onto the lines around it).
 */
function nextToPageBreak(lines: Line[], i: number): boolean {
  if (lines[i].text.startsWith('\f')) return true;
  for (let j = i + 1; j < lines.length; j++) {
    if (lines[j].text.startsWith('\f')) return true;
    if (lines[j].text.trim() !== '') return false;
  }
  return true;
}

/** The first line that opens table `key` and lies outside the other tables. */
function openerLine(firstWords: string[], key: TableKey, isFree: (line: number) => boolean): number {
  return firstWords.findIndex((word, i) => isFree(i) && TABLE_OPENERS[key].test(word));
}

/** The words that are values on a value line, in order. */
function valueWords(v: ValueLine): Word[] {
  return v.words.slice(v.words.length - v.values);
}

function tableOf(lines: Line[], s: Scan, cells: Cell[], version?: TemplateVersion): ParsedTable {
  const span = { start: lines[s.startLine].start, end: lines[s.endLine].end };
  const table: ParsedTable = { key: s.key, shape: 'aligned', span, anchor: s.anchor, cells, problems: [] };
  if (version) table.version = version;
  return table;
}

function unparsed(lines: Line[], s: Scan, reason: string, args: Record<string, string | number>): ParsedTable {
  const table = tableOf(lines, s, []);
  table.problems.push({ reason, args, span: s.anchor });
  return table;
}

/** The cells of the template's `rows`, each row's columns filled from its words in order. */
function cellsOf(table: TableKey, rows: readonly { key: string; columns: readonly ColumnTemplate[] }[], words: Word[][]): Cell[] {
  const cells: Cell[] = [];
  rows.forEach((row, r) => row.columns.forEach((column, c) => cells.push(makeValueCell(table, row.key, column, words[r][c].text, words[r][c].span))));
  return cells;
}

/** Table 三: rows of up to seven numbers, placed in their columns; 25 rows is the 2021 template, 23 the 2019 one. */
function readRequests(lines: Line[], s: Scan): ParsedTable {
  const version = (['2021', '2019'] as const).find((v) => requestRows(v).length === s.values.length);
  if (!version) return unparsed(lines, s, 'reason.alignedRows', { expected: `${requestRows('2021').length} / ${requestRows('2019').length}`, width: REQUEST_COLUMNS.length, found: s.values.length });
  const placed = placeInColumns(s.values, REQUEST_COLUMNS.length);
  if (!Array.isArray(placed)) return unparsed(lines, s, 'reason.alignedColumns', { row: placed.row + 1, found: s.values[placed.row].values, width: REQUEST_COLUMNS.length });
  const rows = requestRows(version).map((r) => ({ key: r.key, columns: REQUEST_COLUMNS }));
  return tableOf(lines, s, cellsOf('requests', rows, placed), version);
}

/** How far (in characters) a number may sit from its column's middle; pdftotext keeps columns to ±1. */
const COLUMN_SLACK = 3;

/**
 * Every row's values in the table's `width` columns. A blank cell leaves no word in PDF text, so a row
 * with fewer values is placed by where its numbers sit: each column's middle is where the full rows
 * (three at least) have theirs, and every number must fall within COLUMN_SLACK of a column, in order.
 * A blank cell is an empty word at its column. The first row that cannot be placed, if any, instead.
 */
function placeInColumns(rows: ValueLine[], width: number): Word[][] | { row: number } {
  const full = rows.filter((v) => v.values === width);
  const middle = (w: Word, v: ValueLine) => (w.span.start + w.span.end) / 2 - v.line.start;
  const columns: number[] = [];
  for (let c = 0; c < width; c++) columns.push(median(full.map((v) => middle(valueWords(v)[c], v))));
  const placed: Word[][] = [];
  for (let r = 0; r < rows.length; r++) {
    const v = rows[r];
    const words = valueWords(v);
    if (words.length === width) {
      placed.push(words);
      continue;
    }
    if (full.length < 3) return { row: r };
    const row: (Word | undefined)[] = new Array(width).fill(undefined);
    let previous = -1;
    for (const w of words) {
      const at = middle(w, v);
      let best = 0;
      for (let c = 1; c < width; c++) if (Math.abs(columns[c] - at) < Math.abs(columns[best] - at)) best = c;
      if (best <= previous || Math.abs(columns[best] - at) > COLUMN_SLACK) return { row: r };
      row[best] = w;
      previous = best;
    }
    placed.push(row.map((w, c) => {
      if (w) return w;
      const at = v.line.start + Math.min(Math.round(columns[c]), v.line.text.length);
      return { text: '', span: { start: at, end: at } };
    }));
  }
  return placed;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[s.length >> 1] : NaN;
}

const REVIEW_WIDTH = REVIEW_GROUPS.length * REVIEW_COLUMNS.length;

/** Table 四: fifteen numbers, on one line or wrapped over several. */
function readReview(lines: Line[], s: Scan): ParsedTable {
  const words = s.values.flatMap(valueWords);
  if (words.length !== REVIEW_WIDTH) return unparsed(lines, s, 'reason.reviewCount', { found: words.length });
  const width = REVIEW_COLUMNS.length;
  const rows = REVIEW_GROUPS.map((g) => ({ key: g.key, columns: REVIEW_COLUMNS }));
  return tableOf(lines, s, cellsOf('review', rows, rows.map((_, r) => words.slice(r * width, (r + 1) * width))));
}

/** Table 二: the template's rows in order, each with its number of values (2021: 3 3 1 1 1 1). */
function readActive(lines: Line[], s: Scan): ParsedTable {
  const widths = s.values.map((v) => v.values).join(' ');
  const version = (['2021', '2019'] as const).find((v) => ACTIVE_ROWS[v].map((r) => r.columns.length).join(' ') === widths);
  if (!version) {
    return unparsed(lines, s, 'reason.alignedActive', { expected: ACTIVE_ROWS['2021'].map((r) => r.columns.length).join(' '), found: widths || '0' });
  }
  return tableOf(lines, s, cellsOf('active', ACTIVE_ROWS[version], s.values.map(valueWords)), version);
}

/** The line ranges of the aligned tables found, for headings to pass over (sorted, disjoint). */
export interface AlignedTables {
  tables: ParsedTable[];
  lineRanges: { startLine: number; endLine: number }[];
}

/**
 * Reads the tables in `missing` in the aligned layout, each from its opener onwards, outside the lines
 * `isFree` excludes (the other shapes' tables). A table whose opener is there but no value line follows
 * is not reported: the text only mentions it.
 */
export function readAlignedTables(lines: Line[], missing: readonly TableKey[], isFree: (line: number) => boolean): AlignedTables {
  const out: AlignedTables = { tables: [], lineRanges: [] };
  const firstWords = firstWordsOf(lines);
  for (const key of missing) {
    const free = (i: number) => isFree(i) && !out.lineRanges.some((r) => i >= r.startLine && i <= r.endLine);
    const opener = openerLine(firstWords, key, free);
    if (opener < 0) continue;
    // Table 三 is scanned to its end, not to its 25th row: a row too many must show, not shift the rest.
    const s = key === 'requests' ? scan(lines, firstWords, key, opener, free, REQUEST_COLUMNS.length, () => false)
      : key === 'review' ? scan(lines, firstWords, key, opener, free, undefined, (v) => v.reduce((n, l) => n + l.values, 0) >= REVIEW_WIDTH)
        : scan(lines, firstWords, key, opener, free, undefined, () => false);
    if (s.values.length === 0) continue;
    out.tables.push(key === 'requests' ? readRequests(lines, s) : key === 'review' ? readReview(lines, s) : readActive(lines, s));
    out.lineRanges.push({ startLine: s.startLine, endLine: s.endLine });
  }
  out.tables.sort((a, b) => a.span.start - b.span.start);
  out.lineRanges.sort((a, b) => a.startLine - b.startLine);
  return out;
}
