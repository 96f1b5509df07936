import { CHINESE_NUMERALS, chineseNumeral, chineseNumeralValue } from '../template/numerals';
import type { RuleContext } from './context';
import { localize } from './messages';
import { proseMap } from './prose';
import { defineRule } from './rule';

/** The word of an enumeration marker: 一是, 二是, … */
const ENUMERATION_WORD = '是';
/**
 * A marker: one or two numerals right before 是, after a break or at the start of the text, so "统一是"
 * and "三十二是" are not markers. Text extracted from a PDF wraps its lines anywhere, also between the
 * numeral and 是 ("三\n是"). \f is a page break in such text.
 */
const MARKER = new RegExp(`([${CHINESE_NUMERALS}]{1,2})(?:\\r?\\n)?${ENUMERATION_WORD}`, 'g');
const BREAK = /[\n\r\t\f 。；;，,：:！？!?（(“"、　]/;

/** Every enumeration marker in the text, in order. */
export function enumerationMarkers(text: string): { start: number; end: number; numeral: string }[] {
  const markers: { start: number; end: number; numeral: string }[] = [];
  for (const m of text.matchAll(MARKER)) {
    // The break is tested here rather than by a lookbehind: a pattern that starts with the numerals
    // lets the regex engine skip ahead to them, where a lookbehind made it try every position.
    if (m.index > 0 && !BREAK.test(text[m.index - 1])) continue;
    markers.push({ start: m.index, end: m.index + m[0].length, numeral: m[1] });
  }
  return markers;
}

export default defineRule({
  code: 'heading.sequence',
  severity: 'information',
  fixable: true,
  description: { zh: '“一是…二是…”序列不连续或重复', en: '“一是…二是…” enumeration skips or repeats' },
  message: { zh: '此处应为“{expected}”，实为“{actual}”', en: 'Expected “{expected}” here, found “{actual}”' },
  docs: {
    why: {
      zh: '同一标题下的“一是…二是…三是…”应逐一递增；跳号或重号通常是删改段落后忘了改序号。“一是”总可以开始新的序列。快速修复改为应有的序号。',
      en: 'Under one heading the markers 一是, 二是, 三是 count up by one; a gap or a repeat usually means a sentence was cut and the markers were not renumbered. 一是 may always start a new enumeration. The fix writes the expected numeral.',
    },
    bad: '一是完善制度；三是加强培训。',
    good: '一是完善制度；二是加强培训。',
  },
  check(ctx: RuleContext): void {
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
        fixes: [{ title: localize('fix.renumber', ctx.locale, { expected }), edits: [{ span: numeralSpan, newText: chineseNumeral(last + 1) }], preferred: true }],
      });
      // Count on from what was written, so one slip is reported once ("一是…三是…四是": only 三是).
      last = ordinal;
    }
  },
});
