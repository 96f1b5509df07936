import type { RuleContext } from './context';
import { defineRule } from './rule';
import { checkRelations } from './sums';

export default defineRule({
  code: 'sum.columnTotal',
  severity: 'error',
  fixable: true,
  description: { zh: '表三“（七）总计”不等于各办理结果之和', en: 'Table 三 （七）总计 is not the sum of the outcomes' },
  message: {
    zh: '（七）总计应为 {expected}（{formula}），实为 {actual}',
    en: '(7) Total should be {expected} ({formula}), found {actual}',
  },
  docs: {
    why: {
      zh: '表三“（七）总计”一行的每一列等于（一）至（六）各办理结果之和。快速修复改为各项之和。',
      en: 'Each column of table 三’s (7) total processed equals the sum of outcomes (1) to (6). The fix sets it to the sum.',
    },
    bad: '（一）予以公开 69 …（六）其他处理 17，（七）总计 334',
    good: '（一）予以公开 69 …（六）其他处理 17，（七）总计 333',
  },
  check(ctx: RuleContext): void {
    checkRelations(ctx, 'sum.columnTotal');
  },
});
