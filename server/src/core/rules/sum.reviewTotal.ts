import type { RuleContext } from './context';
import { defineRule } from './rule';
import { checkRelations } from './sums';

export default defineRule({
  code: 'sum.reviewTotal',
  severity: 'error',
  fixable: true,
  description: { zh: '表四各组“总计”不等于各结果之和', en: 'Table 四 group total is not the sum of its outcomes' },
  message: {
    zh: '{group}总计应为 {expected}（{formula}），实为 {actual}',
    en: '{group} total should be {expected} ({formula}), found {actual}',
  },
  docs: {
    why: {
      zh: '表四的行政复议、未经复议直接起诉、复议后起诉三组，各自的“总计”等于结果维持、结果纠正、其他结果、尚未审结之和。快速修复改为各项之和。',
      en: 'In table 四 each group (reconsideration, direct litigation, litigation after reconsideration) has a total equal to upheld + corrected + other + pending. The fix sets it to the sum.',
    },
    bad: '行政复议：结果维持 5，结果纠正 1，其他结果 0，尚未审结 1，总计 8',
    good: '行政复议：结果维持 5，结果纠正 1，其他结果 0，尚未审结 1，总计 7',
  },
  check(ctx: RuleContext): void {
    checkRelations(ctx, 'sum.reviewTotal');
  },
});
