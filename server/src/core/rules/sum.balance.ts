import type { RuleContext } from './context';
import { defineRule } from './rule';
import { checkRelations } from './sums';

export default defineRule({
  code: 'sum.balance',
  severity: 'error',
  fixable: true,
  description: { zh: '表三“一 + 二 = （七）+ 四”不成立', en: 'Table 三 new + carried ≠ processed + carried over' },
  message: {
    zh: '一 + 二 = {lhs}（{lhsFormula}），（七）+ 四 = {rhs}（{rhsFormula}），不相等；四应为 {expected}，实为 {actual}',
    en: 'new + carried = {lhs} ({lhsFormula}) but processed + carried over = {rhs} ({rhsFormula}); carried over should be {expected}, found {actual}',
  },
  docs: {
    why: {
      zh: '表三每一列都要平衡：本年新收加上年结转，等于本年办结（（七）总计）加结转下年度。快速修复改“四、结转下年度”，但不作为首选：错的也可能是其他项。',
      en: 'Every column of table 三 balances: new plus carried over from last year equals processed ((7) total) plus carried into next year. The fix sets 四 (carried into next year) but is not preferred: another term may be the wrong one.',
    },
    bad: '一、本年新收 323；二、上年结转 27；（七）总计 333；四、结转下年度 20',
    good: '一、本年新收 323；二、上年结转 27；（七）总计 333；四、结转下年度 17',
  },
  check(ctx: RuleContext): void {
    checkRelations(ctx, 'sum.balance');
  },
});
