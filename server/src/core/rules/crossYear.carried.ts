import { cellLabel } from '../template/labels';
import { REQUEST_COLUMNS, cellKey } from '../template/tables';
import type { ReportDocument } from '../types';
import type { RuleContext } from './context';
import { localize } from './messages';
import { defineRule } from './rule';
import { validCell } from './sums';

export default defineRule({
  code: 'crossYear.carried',
  severity: 'warning',
  fixable: true,
  description: { zh: '本年“上年结转”与上年报告“结转下年度”不一致', en: 'Carried-over requests differ from last year’s report' },
  message: {
    zh: '上年结转应为 {expected}（{prevYear}年报告“结转下年度”），实为 {actual}',
    en: 'Carried over should be {expected} (carried into next year in the {prevYear} report), found {actual}',
  },
  docs: {
    why: {
      zh: '上一年结转下年度继续办理的申请，就是今年的“二、上年结转”，每一列都应相等（只比较同一机关相邻两年的报告）。快速修复改为上年报告的数。',
      en: 'The requests last year carried into this year are this year’s carried-over requests, column by column (only the same agency’s reports for consecutive years are compared). The fix uses last year’s number.',
    },
    bad: '2021年报告：四、结转下年度 17\n2022年报告：二、上年结转 15',
    good: '2021年报告：四、结转下年度 17\n2022年报告：二、上年结转 17',
  },
  compare(prev: ReportDocument, ctx: RuleContext): void {
    const cur = ctx.doc;
    for (const col of REQUEST_COLUMNS) {
      const before = validCell(prev, cellKey('requests', 'carryover', col.key));
      const now = validCell(cur, cellKey('requests', 'carried', col.key));
      if (!before || !now || before.value === now.value) continue;
      ctx.report('crossYear.carried', now.span, { expected: before.value!, actual: now.value!, prevYear: prev.year!.value }, {
        cell: now.key,
        fixes: [{
          title: localize('fix.setCell', ctx.locale, { label: cellLabel(now.key, cur.template, ctx.locale), value: before.value! }),
          edits: [{ span: now.span, newText: String(before.value) }],
          preferred: false,
        }],
      });
    }
  },
});
