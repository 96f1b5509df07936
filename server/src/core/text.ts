/** Text utilities: line index, width normalisation, numerals. No format knowledge here. */
import type { LineIndex, Position, Range, Span } from './types';

export function createLineIndex(text: string): LineIndex {
  const starts: number[] = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
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

/** The offset of the line break that precedes `nextLineStart`. */
function lineContentEnd(text: string, nextLineStart: number): number {
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
 * Called for every table cell, so plain ASCII (most cells are numbers) takes a fast path.
 */
export function normalizeLabel(s: string): string {
  if (PLAIN.test(s)) return s.indexOf(' ') >= 0 || s.indexOf('\t') >= 0 ? s.replace(/\s+/g, '') : s;
  return (s.indexOf('<') >= 0 ? s.replace(/<br\s*\/?>/gi, '') : s)
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(DROPPED, '');
}
const PLAIN = /^[\x21-\x7e \t]*$/;
const FULL_WIDTH = /[\uff01-\uff5e]/g;
const DROPPED = /[\s\u3000\u00a0“”"‘’']+/g;

/** Trimmed sub-span of `text` within [start, end). */
export function trimSpan(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  return { start: s, end: e };
}

export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0x3000 || c === 0xa0 || c === 13 || c === 10;
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Value of a Chinese numeral up to 99 (一, 十, 十二, 二十三); NaN when not one. */
export function chineseNumeralValue(s: string): number {
  if (!s) return NaN;
  if (s.length === 1 && s in CN_DIGITS) return CN_DIGITS[s];
  const m = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/.exec(s);
  if (m) return (m[1] ? CN_DIGITS[m[1]] : 1) * 10 + (m[2] ? CN_DIGITS[m[2]] : 0);
  return NaN;
}

export function chineseNumeral(n: number): string {
  const d = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return d[n];
  if (n < 20) return '十' + (n % 10 ? d[n % 10] : '');
  if (n < 100) return d[Math.floor(n / 10)] + '十' + (n % 10 ? d[n % 10] : '');
  return String(n);
}

/** Full-width digits to ASCII. */
export function asciiDigits(s: string): string {
  if (!FULL_WIDTH_DIGIT.test(s)) return s;
  return s.replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}
const FULL_WIDTH_DIGIT = /[０-９．]/;
