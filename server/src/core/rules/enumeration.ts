/**
 * "一是…二是…三是…" enumerations in the prose (FORMAT.md §2): within the text under one heading the
 * markers count up by one; a gap or a repeat is `heading.sequence` (information), with the fix to the
 * expected numeral. "一是" always may start a new enumeration.
 */
import { ENUMERATION_BREAKS, ENUMERATION_MARKER } from '../template/template';
import { chineseNumeral, chineseNumeralValue } from '../text';
import { localize } from './catalogue';
import type { RuleContext } from './context';
import { proseMap } from './prose';

export function checkEnumerations(ctx: RuleContext): void {
  if (!ctx.isOn('heading.sequence')) return;
  const { doc } = ctx;
  const prose = proseMap(doc);
  const headingStarts = doc.headings.map((h) => h.lineSpan.start);
  let nextHeading = 0;
  let last = 0;
  const re = new RegExp(ENUMERATION_MARKER.source, ENUMERATION_MARKER.flags);
  const { text } = doc;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > 0 && !ENUMERATION_BREAKS.has(text[m.index - 1])) {
      re.lastIndex = m.index + 1; // "统一二是": the marker may start one character later
      continue;
    }
    if (prose.inTable(m.index)) continue;
    // A heading between the previous marker and this one starts a new block.
    while (nextHeading < headingStarts.length && headingStarts[nextHeading] <= m.index) {
      nextHeading++;
      last = 0;
    }
    const ordinal = chineseNumeralValue(m[1]);
    if (!ordinal) continue;
    if (ordinal === 1 || ordinal === last + 1) {
      last = ordinal;
      continue;
    }
    const expected = `${chineseNumeral(last + 1)}是`;
    const actual = m[0];
    const span = { start: m.index, end: m.index + m[0].length - 1 };
    ctx.report('heading.sequence', { start: m.index, end: m.index + actual.length }, { expected, actual }, {
      fixes: [{ title: localize('fix.renumber', ctx.locale, { expected }), edits: [{ span, newText: chineseNumeral(last + 1) }], preferred: true, safe: false }],
    });
    // Count on from what was written, so one slip is reported once ("一是…三是…四是": only 三是).
    last = ordinal;
  }
}
