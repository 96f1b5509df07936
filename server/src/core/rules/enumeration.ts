/**
 * "一是…二是…三是…" enumerations in the prose (FORMAT.md §2): within the text under one heading the
 * markers count up by one; a gap or a repeat is `heading.sequence` (information), with the fix to the
 * expected numeral. "一是" always may start a new enumeration.
 */
import { ENUMERATION_BREAKS, ENUMERATION_NUMERALS, ENUMERATION_WORD } from '../template/template';
import { chineseNumeral, chineseNumeralValue } from '../text';
import { localize } from './catalogue';
import type { RuleContext } from './context';
import { proseMap } from './prose';

export function checkEnumerations(ctx: RuleContext): void {
  if (!ctx.isOn('heading.sequence')) return;
  const { doc } = ctx;
  const prose = proseMap(doc);
  const headings = doc.headings;
  let nextHeading = 0;
  let last = 0;
  for (const marker of enumerationMarkers(doc.text)) {
    if (prose.inTable(marker.start)) continue;
    // A heading between the previous marker and this one starts a new block.
    while (nextHeading < headings.length && headings[nextHeading].lineSpan.start <= marker.start) {
      nextHeading++;
      last = 0;
    }
    const ordinal = chineseNumeralValue(marker.numeral);
    if (!ordinal) continue;
    if (ordinal === 1 || ordinal === last + 1) {
      last = ordinal;
      continue;
    }
    const expected = `${chineseNumeral(last + 1)}${ENUMERATION_WORD}`;
    const actual = marker.numeral + ENUMERATION_WORD;
    const numeralSpan = { start: marker.start, end: marker.start + marker.numeral.length };
    ctx.report('heading.sequence', { start: marker.start, end: marker.end }, { expected, actual }, {
      fixes: [{ title: localize('fix.renumber', ctx.locale, { expected }), edits: [{ span: numeralSpan, newText: chineseNumeral(last + 1) }], preferred: true, safe: false }],
    });
    // Count on from what was written, so one slip is reported once ("一是…三是…四是": only 三是).
    last = ordinal;
  }
}

/**
 * Every enumeration marker in the text, in order: one or two numerals right before each 是, preceded
 * by a break or the start of the text. Found by looking back from each 是 (indexOf) rather than with a
 * regex that tries every offset of the text for a numeral: several times faster on a whole report.
 * Text extracted from a PDF wraps its lines anywhere, also between the numeral and 是 ("三\n是").
 */
export function* enumerationMarkers(text: string): Generator<{ start: number; end: number; numeral: string }> {
  for (let k = text.indexOf(ENUMERATION_WORD); k >= 0; k = text.indexOf(ENUMERATION_WORD, k + 1)) {
    let numeralEnd = k;
    if (text[numeralEnd - 1] === '\n') numeralEnd -= text[numeralEnd - 2] === '\r' ? 2 : 1;
    let start = numeralEnd;
    while (start > 0 && numeralEnd - start < 2 && ENUMERATION_NUMERALS.includes(text[start - 1])) start--;
    if (start === numeralEnd) continue;
    // Three or more numerals ("三十二是"), or a word before the numerals ("统一是"): not a marker.
    if (start > 0 && !ENUMERATION_BREAKS.has(text[start - 1])) continue;
    yield { start, end: k + ENUMERATION_WORD.length, numeral: text.slice(start, numeralEnd) };
  }
}
