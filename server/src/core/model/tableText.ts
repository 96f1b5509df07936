/**
 * Finds the tables in a report's text and reads them as a flat stream of cells, whatever their
 * plain-text shape (FORMAT.md §8):
 * - `tab`: one cell per line starting with a TAB; a blank line ends a row; a cell may wrap onto
 *   following untabbed lines, even across a blank line ("结果\n\n维持").
 * - `pipe`: one cell per line ending in " |"; extra "| ||" runs mark some row ends.
 * - `markdown`: `| a | b |` rows, `|---|` separators; `<br>` inside cells. Also rows without the outer
 *   pipes (`a | b`, which Markdown allows, with or without a `---|---` separator): one table row per
 *   line, " | " between cells, as text copied from web pages and Word comes (FORMAT.md §8, "also seen").
 *   Such a table's rows whose only text is their first cell ("第二十条第（一）项 | | |") look like pipe
 *   lines; a region that has any row with text after a pipe is read as Markdown rows throughout.
 * Which table a region is, and what each cell means, is decided later by labels (mapTables.ts).
 */
import { isJsWhitespace, isSpace, normalizeLabel, trimSpan, type Line } from '../text';
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
  if (text.length === 0) return 'blank';
  if (text.charCodeAt(0) === 9) return 'tab';
  let i = 0;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  if (i === text.length) return 'blank';
  if (text[i] === '|') {
    if (MD_SEPARATOR.test(text)) return 'separator';
    return text.indexOf('|', i + 1) > 0 ? 'markdown' : 'text';
  }
  const pipe = text.indexOf('|', i);
  if (pipe < 0) return 'text';
  // A separator without outer pipes ("---|---"); one pipe at least, so that "---" alone stays text.
  const c = text.charCodeAt(i);
  if ((c === 45 || c === 58) && MD_SEPARATOR.test(text)) return 'separator';
  if (isRowWithoutOuterPipes(text, pipe)) return 'markdown';
  // Cheap pre-check before the regex: a pipe cell's line ends in "|" (maybe followed by spaces).
  let e = text.length - 1;
  while (e > i && (text.charCodeAt(e) === 32 || text.charCodeAt(e) === 9)) e--;
  if (text.charCodeAt(e) === 124 && PIPE_TAIL.test(text)) return 'pipe';
  return 'text';
}

/**
 * "a | b | c": two pipes or more, text after the first one (a pipe-shape line has only pipes and spaces
 * after its first pipe: "结果 |", "0 | ||"). One pipe is not enough: prose and web footers use one as
 * a separator ("网站标识码 | 京ICP备…").
 */
function isRowWithoutOuterPipes(text: string, firstPipe: number): boolean {
  let afterText = false;
  let pipes = 1;
  for (let j = firstPipe + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 124) pipes++;
    else if (!isJsWhitespace(c)) afterText = true;
    if (afterText && pipes >= 2) return true;
  }
  return false;
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
  // Arrays that optimized code reads are filled by push or sized up front (as here and in indexLines),
  // across the core, never made by map(): once map() itself runs optimized it returns arrays of another
  // elements kind, and V8 deoptimized every optimized reader of them ("wrong map") and compiled it
  // again (8 times in a 300-report run).
  const kinds: LineKind[] = new Array(lines.length);
  for (let i = 0; i < lines.length; i++) kinds[i] = classifyLine(lines[i].text);
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
  // One function per shape: each stays small, so the JIT compiles only the one a report uses, quickly.
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
    // "\tcell" — further TABs on the same line separate further cells.
    for (let from = 1; ;) {
      const tab = lt.indexOf('\t', from);
      const span = trimSpan(lt, from, tab < 0 ? lt.length : tab);
      // trimSpan trims a subset of what String#trim does, so trimming the span first gives the same text.
      const text = trimmed(lt, span.start, span.end);
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
    const lt = line.text;
    // One pass over the row: each unescaped pipe ends a cell. Text before the first pipe is a cell only
    // if not blank ("a | b" rows), and so is text after the last one ("| a | b" rows).
    let segStart = 0;
    let firstSegment = true;
    let rowStart = true;
    for (let j = 0; j <= lt.length; j++) {
      const c = j < lt.length ? lt.charCodeAt(j) : 124;
      if (c === 92 && j + 1 < lt.length) {
        j++; // "\|" is an escaped pipe
        continue;
      }
      if (c !== 124) continue;
      const atEnd = j >= lt.length;
      if (!((firstSegment || atEnd) && isBlank(lt, segStart, j))) {
        tokens.push(markdownToken(line, segStart, Math.min(j, lt.length), rowStart));
        rowStart = false;
      }
      firstSegment = false;
      segStart = j + 1;
    }
  }
  return tokens;
}

/** The token of the Markdown cell between offsets `from` and `to` of a row. */
function markdownToken(line: Line, from: number, to: number, rowStart: boolean): CellToken {
  const lt = line.text;
  const span = trimSpan(lt, from, to);
  let text = lt.slice(span.start, span.end);
  if (text.indexOf('<') >= 0) text = text.replace(/<br\s*\/?>/gi, '');
  if (span.start === span.end) {
    // Empty cell: a value typed here goes after the first space ("| |" → "| 12|").
    const at = from < to && lt.charCodeAt(from) === 32 ? from + 1 : from;
    span.start = span.end = at;
  }
  span.start += line.start;
  span.end += line.start;
  return { text, norm: normalizeLabel(text), span, rowStart, line: line.index };
}

/** `s.slice(start, end).trim()`, without the second string when there is nothing left to trim. */
function trimmed(s: string, start: number, end: number): string {
  const t = s.slice(start, end);
  return start < end && (isJsWhitespace(s.charCodeAt(start)) || isJsWhitespace(s.charCodeAt(end - 1))) ? t.trim() : t;
}

/** Whether `text.slice(start, end).trim()` is empty. */
function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isJsWhitespace(text.charCodeAt(i))) return false;
  return true;
}
