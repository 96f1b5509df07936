import type { RuleContext } from './context';
import { defineRule } from './rule';
import { checkRelations } from './sums';

export default defineRule({
  code: 'sum.rowTotal',
  severity: 'error',
  fixable: true,
  description: { zh: '表三“总计”列不等于各类申请人之和', en: 'Table 三 总计 column is not the sum of the applicant columns' },
  message: {
    zh: '总计应为 {expected}（{formula}），实为 {actual}',
    en: 'Total should be {expected} ({formula}), found {actual}',
  },
  docs: {
    why: {
      zh: '表三每一行的“总计”等于自然人与各类法人或其他组织之和。不相等说明某个数填错或漏加。快速修复把总计改为各列之和（首选；“重新计算合计”一次改好所有合计）。',
      en: 'In every row of table 三 the total equals the sum of the applicant columns; otherwise a number is wrong or was left out of the sum. The fix sets the total to the sum (preferred; “recompute totals” sets every total at once).',
    },
    bad: '| （一）予以公开 | | 60 | 5 | 0 | 0 | 4 | 0 | 70 |',
    good: '| （一）予以公开 | | 60 | 5 | 0 | 0 | 4 | 0 | 69 |',
  },
  check(ctx: RuleContext): void {
    checkRelations(ctx, 'sum.rowTotal');
  },
});
