/**
 * Numerals of the 公文 style (docs/format.md, “The six parts”): heading numerals 一、 → （一） → 1. → （1）, the
 * "一是…二是…" enumeration numerals, and Chinese numerals to and from numbers. The one place that
 * spells them.
 */

/** The Chinese numerals headings and enumerations count with (一 … 十; 十一 and on combine them). */
export const CHINESE_NUMERALS = '一二三四五六七八九十';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 12 → 十二, 23 → 二十三; from 100 on, the digits. */
export function chineseNumeral(n: number): string {
  if (n < 10) return DIGITS[n];
  if (n < 20) return '十' + (n % 10 ? DIGITS[n % 10] : '');
  if (n < 100) return DIGITS[Math.floor(n / 10)] + '十' + (n % 10 ? DIGITS[n % 10] : '');
  return String(n);
}

/** Value of a Chinese numeral up to 99 (一, 十, 十二, 二十三; also 零, 〇, 两); NaN when not one. */
export function chineseNumeralValue(s: string): number {
  if (s.length === 1) {
    if (s === '十') return 10;
    if (s === '零' || s === '〇') return 0;
    if (s === '两') return 2;
    const d = digit(s);
    return d > 0 ? d : NaN;
  }
  // X十, 十Y, X十Y with X, Y in 一…九 (not 两 or 零).
  const m = /^([一二三四五六七八九]?)十([一二三四五六七八九]?)$/.exec(s);
  if (!m) return NaN;
  return (m[1] ? digit(m[1]) : 1) * 10 + (m[2] ? digit(m[2]) : 0);
}

/** 一…九 → 1…9, else -1. */
function digit(c: string): number {
  const i = DIGITS.indexOf(c);
  return i > 0 ? i : -1;
}

/** Full-width digits to ASCII (１２ → 12). */
function asciiNumber(s: string): number {
  return Number(s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

/** The level of a heading numeral: 1 一、  2 （一）  3 1.  4 （1）. */
export type NumeralLevel = 1 | 2 | 3 | 4;

/**
 * The heading numerals, each anchored at the start of a line and taking the blanks after it. Width
 * variants count as the same style ("(一)", "1．"); "一." and "一，" are common slips for "一、".
 * Tried in this order: a bracketed Chinese numeral before a bracketed digit, both before a bare digit.
 */
export const HEADING_NUMERALS: readonly { level: NumeralLevel; re: RegExp; value: (m: RegExpExecArray) => number }[] = [
  { level: 1, re: new RegExp(`^([${CHINESE_NUMERALS}]{1,3})\\s*[、.．,，]\\s*`), value: (m) => chineseNumeralValue(m[1]) },
  { level: 2, re: new RegExp(`^[（(]\\s*([${CHINESE_NUMERALS}]{1,3})\\s*[)）]\\s*[、.．]?\\s*`), value: (m) => chineseNumeralValue(m[1]) },
  { level: 4, re: /^[（(]\s*([0-9０-９]{1,2})\s*[)）]\s*[、.．]?\s*/, value: (m) => asciiNumber(m[1]) },
  { level: 3, re: /^([0-9０-９]{1,2})\s*[、.．](?![0-9０-９])\s*/, value: (m) => asciiNumber(m[1]) },
];

/** The heading numeral `text` starts with: its level, value and text (without the blanks after it). */
export function readNumeral(text: string): { level: NumeralLevel; ordinal: number; text: string; length: number } | undefined {
  for (const n of HEADING_NUMERALS) {
    const m = n.re.exec(text);
    if (m) return { level: n.level, ordinal: n.value(m), text: m[0].trimEnd(), length: m[0].length };
  }
  return undefined;
}

/**
 * The numeral of the `ordinal`th heading at `level`, as the official style writes it: 一、 （一） 1.
 * （1）. At level 3 `separator` keeps a writer's 1、 instead of 1.
 */
export function headingNumeral(level: NumeralLevel, ordinal: number, separator: '.' | '、' = '.'): string {
  if (level === 1) return `${chineseNumeral(ordinal)}、`;
  if (level === 2) return `（${chineseNumeral(ordinal)}）`;
  if (level === 3) return `${ordinal}${separator}`;
  return `（${ordinal}）`;
}
