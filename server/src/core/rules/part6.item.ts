import { inLocale, type Bilingual } from '../template/bilingual';
import type { Part, ReportDocument } from '../types';
import type { RuleContext } from './context';
import { proseMap } from './prose';
import { defineRule } from './rule';

/** The customary items of part 六 since 2021 besides the fee statement (part6.fee), and what names each. */
const ITEMS: readonly { key: string; matches: RegExp; label: Bilingual }[] = [
  { key: 'keyPoints', matches: /工作要点|工作方案/, label: { zh: '落实上级年度政务公开工作要点情况', en: 'implementation of the year’s key points' } },
  { key: 'proposals', matches: /人大代表建议|政协提案|建议提案|建议和提案/, label: { zh: '人大代表建议和政协提案办理结果公开情况', en: 'handling of deputies’ suggestions and CPPCC proposals' } },
  { key: 'innovation', matches: /创新/, label: { zh: '年度政务公开工作创新情况', en: 'innovations of the year' } },
  { key: 'statistics', matches: /数据统计|统计需要说明|年报数据|表中|数据主要/, label: { zh: '年报数据统计需要说明的事项', en: 'notes on the statistics' } },
  { key: 'ownMatters', matches: /认为需要报告的其他事项|其他需要报告|需要报告的其他/, label: { zh: '本机关认为需要报告的其他事项', en: 'other matters the body wants to report' } },
  { key: 'required', matches: /专门要求|要求通过.*年度报告/, label: { zh: '其他有关文件专门要求通过年报报告的事项', en: 'matters other documents require the report to cover' } },
];

export default defineRule({
  code: 'part6.item',
  severity: 'information',
  fixable: false,
  description: { zh: '第六部分缺少惯常事项', en: 'Part 六 lacks a customary item' },
  message: { zh: '第六部分未涉及“{item}”', en: 'Part 六 does not cover “{item}”' },
  docs: {
    why: {
      zh: '自2021年度起，第六部分通常说明落实政务公开工作要点、建议提案办理结果公开、工作创新、年报数据说明等事项；缺少某项时提示一下，是否需要由本机关判断。',
      en: 'Since 2021 part 六 customarily covers the year’s key points, the disclosure of deputies’ suggestions and proposals, innovations, notes on the statistics and more; a missing one is pointed out, and the body decides whether it applies.',
    },
    bad: '六、其他需要报告的事项\n本年度未收取信息处理费。',
    good: '六、其他需要报告的事项\n（一）本年度未收取信息处理费。\n（二）落实上级年度政务公开工作要点情况…',
  },
  check(ctx: RuleContext): void {
    const { doc } = ctx;
    if (doc.template !== '2021') return;
    const part = doc.parts.find((p) => p.key === 'other');
    if (!part) return;
    const text = proseOf(doc, part);
    for (const item of ITEMS) {
      if (!item.matches.test(text)) ctx.report('part6.item', part.heading.titleSpan, { item: inLocale(item.label, ctx.locale) });
    }
  },
});

/**
 * The part's text below its heading ("其他需要报告的事项" is not an item), with any table blanked
 * out so table labels never satisfy a prose check.
 */
function proseOf(doc: ReportDocument, part: Part): string {
  const from = part.heading.lineSpan.end;
  let text = doc.text.slice(from, part.span.end);
  for (const t of proseMap(doc).tables) {
    if (t.end <= from || t.start >= part.span.end) continue;
    const s = Math.max(t.start, from) - from;
    const e = Math.min(t.end, part.span.end) - from;
    text = text.slice(0, s) + ' '.repeat(e - s) + text.slice(e);
  }
  return text;
}
