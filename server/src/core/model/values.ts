/** Reading a cell's text as a value (docs/format.md, “Cell values”: blank, "/", "—" or text is missing, never 0). */
import type { ColumnTemplate } from '../template';
import { asciiDigits } from '../text';
import type { CellStatus } from '../types';

/** Markers people write for "no value". */
const BLANK_MARKERS = /^(?:[/／\\]|[-—–－~～]+|无|空|暂无)$/;

export function isBlankText(norm: string): boolean {
  return norm === '' || BLANK_MARKERS.test(norm);
}

/** Units people write after a count ("12件"); the table's header already says what is counted. */
const COUNT_UNIT = '件|个|项|次|人次';
const COUNT_WITH_UNIT = new RegExp(`^(\\d{1,3}(?:,\\d{3})+|\\d+)(${COUNT_UNIT})$`);

/** "12件" → { value: 12, unit: '件' }: a count that is invalid only for its unit. */
export function countWithUnit(text: string): { value: number; unit: string } | undefined {
  const m = COUNT_WITH_UNIT.exec(asciiDigits(text.replace(/[\s\u3000]/g, '')));
  return m ? { value: Number(m[1].replace(/,/g, '')), unit: m[2] } : undefined;
}

/** Units a value may carry: amounts in (万)元, counts in 件 and the like. */
export const VALUE_UNIT = `万元|万|元|${COUNT_UNIT}`;
const VALUE_WITH_NOISE = new RegExp(`^[+\\-−增减]?[\\d.,，]+(?:${VALUE_UNIT})?$`);

/**
 * Whether a cell's text reads as a value (possibly an invalid one) rather than a label:
 * numbers with noise ("12 ", "1,234", "77903.8万元", "增98"), blanks, or short digit-bearing text.
 */
export function isValueLike(norm: string): boolean {
  if (isBlankText(norm)) return true;
  const t = asciiDigits(norm);
  if (VALUE_WITH_NOISE.test(t)) return true;
  // Digit-bearing text without a numbered-label shape ("12件左右", "约5") is a bad value, not a label.
  return /\d/.test(t) && !/^\d+[.、]\D/.test(t) && t.length <= 12;
}

export function parseCellValue(text: string, kind: ColumnTemplate['kind'] = 'count'): { status: CellStatus; value: number | null } {
  const t = asciiDigits(text.replace(/[\s\u3000]/g, ''));
  if (isBlankText(t)) return { status: 'blank', value: null };
  if (kind === 'count') {
    if (/^\d{1,3}(?:,\d{3})+$|^\d+$/.test(t)) return { status: 'ok', value: Number(t.replace(/,/g, '')) };
    return { status: 'invalid', value: null };
  }
  if (kind === 'amount') {
    const m = /^(\d+(?:\.\d+)?)(?:万元|万)?$/.exec(t.replace(/,/g, ''));
    return m ? { status: 'ok', value: Number(m[1]) } : { status: 'invalid', value: null };
  }
  const m = /^(增|减|\+|-|−)?(\d+(?:\.\d+)?)$/.exec(t);
  if (!m) return { status: 'invalid', value: null };
  const sign = m[1] === '减' || m[1] === '-' || m[1] === '−' ? -1 : 1;
  return { status: 'ok', value: sign * Number(m[2]) };
}

/** "75394432.52元": an amount written in yuan, where the column counts 万元; its value in yuan. */
export function amountInYuan(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)元$/.exec(asciiDigits(text.replace(/[\s\u3000,，]/g, '')));
  return m ? Number(m[1]) : undefined;
}
