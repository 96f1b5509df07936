/** Text utilities: line index, width normalisation, digits. No format knowledge here. */
import type { LineIndex, Position, Range, Span } from './types';

export function createLineIndex(text: string): LineIndex {
  return lineIndexOf(text, lineStartsOf(text));
}

function lineIndexOf(text: string, starts: number[]): LineIndex {
  const positionAt = (offset: number): Position => {
    const o = Math.max(0, Math.min(offset, text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - starts[lo] };
  };
  const offsetAt = (p: Position): number => {
    if (p.line >= starts.length) return text.length;
    if (p.line < 0) return 0;
    const start = starts[p.line];
    const end = p.line + 1 < starts.length ? lineContentEnd(text, starts[p.line + 1]) : text.length;
    return Math.max(start, Math.min(start + Math.max(0, p.character), end));
  };
  return {
    lineCount: starts.length,
    lineStarts: starts,
    positionAt,
    offsetAt,
    rangeOf: (s: Span): Range => ({ start: positionAt(s.start), end: positionAt(s.end) }),
  };
}

/** Offsets where lines start; breaks are \n, \r\n and a lone \r. */
function lineStartsOf(text: string): number[] {
  const starts: number[] = [0];
  if (text.indexOf('\r') < 0) {
    // The common case: indexOf is several times faster than a charCodeAt loop.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (i + 1 < text.length && text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** The offset of the line break that precedes `nextLineStart`. */
export function lineContentEnd(text: string, nextLineStart: number): number {
  let e = nextLineStart;
  if (e > 0 && text.charCodeAt(e - 1) === 10) e--;
  if (e > 0 && text.charCodeAt(e - 1) === 13) e--;
  return e;
}

export interface Line {
  index: number;
  start: number;
  /** End of the line's content (before the line break). */
  end: number;
  text: string;
}

/**
 * createLineIndex and splitLines in one go. Text without \r (the usual case) is split by one native
 * String#split and the line starts follow from the lines' lengths: cheaper than finding each break and
 * slicing each line, especially before the JIT has compiled this code (the CLI's first reports).
 */
export function indexLines(text: string): { index: LineIndex; lines: Line[] } {
  if (text.indexOf('\r') >= 0) {
    const index = createLineIndex(text);
    return { index, lines: splitLines(text, index) };
  }
  const parts = text.split('\n');
  const n = parts.length;
  const starts: number[] = new Array(n);
  const lines: Line[] = new Array(n);
  let start = 0;
  for (let i = 0; i < n; i++) {
    const t = parts[i];
    starts[i] = start;
    lines[i] = { index: i, start, end: start + t.length, text: t };
    start += t.length + 1;
  }
  return { index: lineIndexOf(text, starts), lines };
}

export function splitLines(text: string, index: LineIndex): Line[] {
  const lines: Line[] = [];
  const starts = index.lineStarts;
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i];
    const end = i + 1 < starts.length ? lineContentEnd(text, starts[i + 1]) : text.length;
    lines.push({ index: i, start, end, text: text.slice(start, end) });
  }
  return lines;
}

/**
 * Width normalisation for matching labels: full-width ASCII to half-width (（一） → (一), ， → ,),
 * ideographic spaces to spaces, curly quotes and `<br>` dropped, then all whitespace removed.
 * Plain ASCII text (most cells are numbers) only loses its spaces and tabs; it keeps `<br>` and
 * straight quotes. Called for every table cell: one pass over the characters, no regex, and no new
 * string when nothing changes.
 */
export function normalizeLabel(s: string): string {
  const n = s.length;
  let plain = true;
  let blanks = false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x21 && c <= 0x7e) continue;
    if (c === 32 || c === 9) blanks = true;
    else {
      plain = false;
      break;
    }
  }
  if (plain) return blanks ? s.replace(/[ \t]+/g, '') : s;
  const t = s.indexOf('<') >= 0 ? s.replace(/<br\s*\/?>/gi, '') : s;
  // Full-width ASCII (U+FF01–FF5E) shifts down by 0xFEE0 first, so ＂ and ＇ are dropped as " and '.
  let out = '';
  let run = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) {
      if (i > run) out += t.slice(run, i);
      run = i + 1;
      const h = c - 0xfee0;
      if (h !== 0x22 && h !== 0x27) out += String.fromCharCode(h);
    } else if (c < 0x80 ? DROPPED_ASCII[c] === 1 : c > 0x3000 ? c === 0xfeff : isDroppedWide(c)) {
      if (i > run) out += t.slice(run, i);
      run = i + 1;
    }
  }
  if (run === 0) return t;
  return run < t.length ? out + t.slice(run) : out;
}

/** ASCII characters normalizeLabel drops: whitespace (as JavaScript's \s) and straight quotes. */
const DROPPED_ASCII = new Uint8Array(128);
for (const c of '\t\n\v\f\r "\'') DROPPED_ASCII[c.charCodeAt(0)] = 1;

/** Non-ASCII characters normalizeLabel drops: the rest of \s (NBSP, U+3000, …) and curly quotes. */
function isDroppedWide(c: number): boolean {
  return c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || isJsWhitespace(c);
}

/** Whether a UTF-16 code unit is whitespace as a regex's \s matches it. */
export function isJsWhitespace(c: number): boolean {
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x3000 || c === 0xfeff || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f;
}

/** Trimmed sub-span of `text` within [start, end). */
export function trimSpan(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  return { start: s, end: e };
}

/** Blank characters around headings and cells; \f is a page break in text extracted from PDF. */
export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0x3000 || c === 0xa0 || c === 13 || c === 10 || c === 12;
}

/** Full-width digits to ASCII. */
export function asciiDigits(s: string): string {
  // Mostly called on short ASCII numbers: a loop finds "nothing to do" sooner than a regex call.
  let i = 0;
  while (i < s.length && !isFullWidthDigit(s.charCodeAt(i))) i++;
  if (i === s.length) return s;
  return s.replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}
/** ０–９ and ．(U+FF0E). */
const isFullWidthDigit = (c: number) => (c >= 0xff10 && c <= 0xff19) || c === 0xff0e;

/** Whether a UTF-16 code unit is a decimal digit, ASCII or full-width (０–９). */
export function isDigitCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);
}

/**
 * Whether a text is really binary data: it holds a NUL character, which no text document does (the
 * test git and grep use). Such a file gets one clear verdict instead of six "part missing" findings.
 */
export function looksBinary(text: string): boolean {
  return text.indexOf('\u0000') >= 0;
}
