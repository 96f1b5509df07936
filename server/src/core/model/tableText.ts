/**
 * Finds the tables in a report's text and reads them as a flat stream of cells, whatever their
 * plain-text shape (docs/format.md, “Shapes a table arrives in”):
 * - `tab`: one cell per line starting with a TAB; a blank line ends a row; a cell may wrap onto
 *   following untabbed lines, even across a blank line ("结果\n\n维持").
 * - `pipe`: one cell per line ending in " |"; extra "| ||" runs mark some row ends.
 * - `markdown`: `| a | b |` rows, `|---|` separators; `<br>` inside cells. Also rows without the outer
 *   pipes (`a | b`, which Markdown allows, with or without a `---|---` separator): one table row per
 *   line, " | " between cells, as text copied from web pages and Word comes (docs/format.md, “Shapes a table arrives in”, "also seen").
 *   Such a table's rows whose only text is their first cell ("第二十条第（一）项 | | |") look like pipe
 *   lines; a region that has any row with text after a pipe is read as Markdown rows throughout.
 * Which table a region is, and what each cell means, is decided later by labels (mapTables.ts).
 */
import { normalizeLabel, trimSpan, type Line } from '../text';
import type { Span, TableShape } from '../types';

export interface CellToken {
  /** Raw text (wrapped lines joined), trimmed. */
  text: string;
  /** normalizeLabel(text). */
  norm: string;
  /** Trimmed span of the cell's text on its first line; for an empty cell, where a value would go. */
  span: Span;
  /** The cell starts a new row (known only in some shapes). */
  rowStart: boolean;
  line: number;
}

export interface TableRegion {
  shape: TableShape;
  startLine: number;
  endLine: number; // inclusive
  span: Span;
  tokens: CellToken[];
}

type LineKind = 'tab' | 'pipe' | 'markdown' | 'separator' | 'blank' | 'text';

const PIPE_TAIL = /(?:^|[ \t\u3000])\|[ \t|]*$/;
const MD_SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;
/** Lines that look like headings end a table even when a TAB line follows (part 三's heading after table 二). */
const HEADING_LIKE = /^[\s\u3000]*(?:[0０]?[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）])/;

export function classifyLine(text: string): LineKind {
  if (text.startsWith('\t') || isTabRow(text)) return 'tab';
  const content = text.replace(LEADING_BLANKS, '');
  if (content === '') return 'blank';
  if (content.startsWith('|')) {
    if (MD_SEPARATOR.test(text)) return 'separator';
    // A line of pipes only: in a one-cell-per-line pipe table "|" is an empty cell, "||" a row's end.
    if (/^[|\s]+$/.test(content)) return PIPE_TAIL.test(text) ? 'pipe' : 'text';
    return content.includes('|', 1) ? 'markdown' : 'text';
  }
  const pipe = content.indexOf('|');
  if (pipe < 0) return 'text';
  // A separator without outer pipes ("---|---"); one pipe at least, so that "---" alone stays text.
  if (/^[-:]/.test(content) && MD_SEPARATOR.test(text)) return 'separator';
  if (isRowWithoutOuterPipes(content.slice(pipe + 1))) return 'markdown';
  return PIPE_TAIL.test(text) ? 'pipe' : 'text';
}

/**
 * A table row copied from a browser or Word: one row per line, TAB between cells, an empty cell as two
 * adjacent TABs ("规章\t0\t0\t0"). Two TABs at least, or one before a number, so that a stray TAB in
 * prose is not a table.
 */
function isTabRow(text: string): boolean {
  const tab = text.indexOf('\t');
  if (tab <= 0 || !text.slice(0, tab).trim()) return false;
  return text.indexOf('\t', tab + 1) > 0 || /^\s*[\d０-９]/.test(text.slice(tab + 1));
}

/** Blanks at a line's start: spaces, TABs, ideographic and no-break spaces, line and page breaks (\f in PDF text). */
const LEADING_BLANKS = /^[ \t\u3000\u00a0\r\n\f]+/;

/**
 * "a | b | c": two pipes or more, text after the first one (a pipe-shape line has only pipes and spaces
 * after its first pipe: "结果 |", "0 | ||"). One pipe is not enough: prose and web footers use one as
 * a separator ("网站标识码 | 京ICP备…"). `afterFirstPipe` is the line after its first pipe.
 */
function isRowWithoutOuterPipes(afterFirstPipe: string): boolean {
  return afterFirstPipe.includes('|') && /[^\s|]/.test(afterFirstPipe);
}

/** A short untabbed line inside a TAB table that continues the previous cell. */
function isContinuation(lines: Line[], kinds: LineKind[], i: number): boolean {
  const t = lines[i].text.trim();
  if (t.length > 40 || HEADING_LIKE.test(lines[i].text) || /[。；]/.test(t)) return false;
  // The table must go on after it: a TAB line within a few short lines.
  for (let j = i + 1, seen = 0; j < lines.length && seen < 4; j++) {
    if (kinds[j] === 'tab') return true;
    if (kinds[j] === 'blank') continue;
    if (kinds[j] !== 'text' || HEADING_LIKE.test(lines[j].text) || lines[j].text.trim().length > 40) return false;
    seen++;
  }
  return false;
}

/** Finds every table region and tokenizes it. Linear in the number of lines. */
export function findTableRegions(lines: Line[]): TableRegion[] {
  const kinds = lines.map((line) => classifyLine(line.text));
  const regions: TableRegion[] = [];
  let i = 0;
  while (i < lines.length) {
    const k = kinds[i];
    if (k !== 'tab' && k !== 'pipe' && k !== 'markdown') {
      i++;
      continue;
    }
    // Pipe and Markdown lines make one region: which of the two it is shows once it is whole.
    const piped = k !== 'tab';
    let shape: TableShape = k;
    let end = i;
    let j = i + 1;
    while (j < lines.length) {
      const kj = kinds[j];
      if (piped ? kj === 'pipe' || kj === 'markdown' || kj === 'separator' : kj === 'tab') {
        if (piped && kj !== 'pipe') shape = 'markdown';
        end = j;
        j++;
      } else if (kj === 'blank') {
        j++;
      } else if (!piped && kj === 'text' && isContinuation(lines, kinds, j)) {
        end = j;
        j++;
      } else break;
    }
    const region = tokenize(lines, kinds, shape, i, end);
    if (region.tokens.length > 0) regions.push(region);
    i = end + 1;
  }
  return regions;
}

function tokenize(lines: Line[], kinds: LineKind[], shape: TableShape, first: number, last: number): TableRegion {
  const tokens = shape === 'tab' ? tabTokens(lines, kinds, first, last)
    : shape === 'pipe' ? pipeTokens(lines, kinds, first, last)
      : markdownTokens(lines, kinds, first, last);
  const startOffset = lines[first].start;
  const endOffset = lines[last].end;
  return { shape, startLine: first, endLine: last, span: { start: startOffset, end: endOffset }, tokens };
}

function tabTokens(lines: Line[], kinds: LineKind[], first: number, last: number): CellToken[] {
  const tokens: CellToken[] = [];
  let rowStart = true;
  for (let i = first; i <= last; i++) {
    const line = lines[i];
    const kind = kinds[i];
    if (kind === 'blank') {
      rowStart = true;
      continue;
    }
    const lt = line.text;
    if (kind === 'text') {
      // Continuation of the previous cell's label ("商业\n企业").
      const prev = tokens[tokens.length - 1];
      if (prev) {
        prev.text += lt.trim();
        prev.norm = normalizeLabel(prev.text);
      }
      rowStart = false;
      continue;
    }
    // "\tcell" — further TABs on the same line separate further cells; a row copied with TABs between
    // its cells ("规章\t0\t0\t0") starts a row and its first cell at the line's start.
    const rowLine = !lt.startsWith('\t');
    if (rowLine) rowStart = true;
    for (let from = rowLine ? 0 : 1; ;) {
      const tab = lt.indexOf('\t', from);
      const to = tab < 0 ? lt.length : tab;
      const span = trimSpan(lt, from, to);
      const text = lt.slice(from, to).trim();
      span.start += line.start;
      span.end += line.start;
      tokens.push({ text, norm: normalizeLabel(text), span, rowStart, line: i });
      rowStart = false;
      if (tab < 0) break;
      from = tab + 1;
    }
  }
  return tokens;
}

function pipeTokens(lines: Line[], kinds: LineKind[], first: number, last: number): CellToken[] {
  const tokens: CellToken[] = [];
  let rowStart = true;
  for (let i = first; i <= last; i++) {
    if (kinds[i] === 'blank') continue; // blank lines do not end rows in this shape
    const line = lines[i];
    const lt = line.text;
    const m = PIPE_TAIL.exec(lt)!;
    if (m.index === 0 && lt.indexOf('|') !== lt.lastIndexOf('|')) {
      rowStart = true; // "||" alone ends a row and holds no cell
      continue;
    }
    const span = trimSpan(lt, 0, m.index);
    const text = lt.slice(span.start, span.end);
    span.start += line.start;
    span.end += line.start;
    tokens.push({ text, norm: normalizeLabel(text), span, rowStart, line: i });
    rowStart = m[0].indexOf('|') !== m[0].lastIndexOf('|'); // "| ||": two pipes or more end a row
  }
  return tokens;
}

function markdownTokens(lines: Line[], kinds: LineKind[], first: number, last: number): CellToken[] {
  const tokens: CellToken[] = [];
  for (let i = first; i <= last; i++) {
    const kind = kinds[i];
    if (kind === 'blank' || kind === 'separator') continue;
    const line = lines[i];
    // Text before the first pipe is a cell only if not blank ("a | b" rows), and so is text after the
    // last one ("| a | b" rows).
    const cells = pipeSeparated(line.text);
    let rowStart = true;
    cells.forEach(([from, to], k) => {
      const outer = k === 0 || k === cells.length - 1;
      if (outer && line.text.slice(from, to).trim() === '') return;
      tokens.push(markdownToken(line, from, to, rowStart));
      rowStart = false;
    });
  }
  return tokens;
}

/** The [start, end) offsets of the text between the unescaped pipes of a row ("\|" is a pipe inside a cell). */
function pipeSeparated(text: string): [number, number][] {
  const cells: [number, number][] = [];
  let start = 0;
  for (let j = 0; j < text.length; j++) {
    if (text[j] === '\\') j++;
    else if (text[j] === '|') {
      cells.push([start, j]);
      start = j + 1;
    }
  }
  cells.push([start, text.length]);
  return cells;
}

/** The token of the Markdown cell between offsets `from` and `to` of a row. */
function markdownToken(line: Line, from: number, to: number, rowStart: boolean): CellToken {
  const lt = line.text;
  const span = trimSpan(lt, from, to);
  const text = lt.slice(span.start, span.end).replace(/<br\s*\/?>/gi, '');
  if (span.start === span.end) {
    // Empty cell: a value typed here goes after the first space ("| |" → "| 12|").
    const at = from < to && lt.charCodeAt(from) === 32 ? from + 1 : from;
    span.start = span.end = at;
  }
  span.start += line.start;
  span.end += line.start;
  return { text, norm: normalizeLabel(text), span, rowStart, line: line.index };
}
