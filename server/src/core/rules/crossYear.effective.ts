import { cellKey } from '../template/tables';
import type { ReportDocument } from '../types';
import type { RuleContext } from './context';
import { defineRule } from './rule';
import { validCell } from './sums';

export default defineRule({
  code: 'crossYear.effective',
  severity: 'information',
  fixable: false,
  description: { zh: '现行有效件数与上年报告衔接不上', en: 'Documents in force do not follow from last year’s report' },
  message: {
    zh: '现行有效件数按上年 {prev} + 制发 {issued} − 废止 {repealed} 应为 {expected}，实为 {actual}',
    en: 'In force should be {expected} (last year {prev} + issued {issued} − repealed {repealed}), found {actual}',
  },
  docs: {
    why: {
      zh: '规章、行政规范性文件的现行有效件数通常等于上年现行有效件数加本年制发、减本年废止。清理文件等情况会合理地打破这一关系，所以只作提示信息。',
      en: 'Rules and normative documents in force usually equal last year’s in force plus issued minus repealed this year. Clean-up campaigns legitimately break this, so it is information only.',
    },
    bad: '2021年：现行有效 40\n2022年：制发 5，废止 2，现行有效 50',
    good: '2021年：现行有效 40\n2022年：制发 5，废止 2，现行有效 43',
  },
  compare(prev: ReportDocument, ctx: RuleContext): void {
    const cur = ctx.doc;
    if (cur.template !== '2021' || prev.template !== '2021') return;
    for (const row of ['rules', 'normative']) {
      const p = validCell(prev, cellKey('active', row, 'effective'));
      const issued = validCell(cur, cellKey('active', row, 'issued'));
      const repealed = validCell(cur, cellKey('active', row, 'repealed'));
      const now = validCell(cur, cellKey('active', row, 'effective'));
      if (!p || !issued || !repealed || !now) continue;
      const expected = p.value! + issued.value! - repealed.value!;
      if (expected === now.value) continue;
      ctx.report('crossYear.effective', now.span, { expected, actual: now.value!, prev: p.value!, issued: issued.value!, repealed: repealed.value! }, { cell: now.key });
    }
  },
});
