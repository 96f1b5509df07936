import { cellKey } from '../template/tables';
import type { RuleContext } from './context';
import { localize } from './messages';
import { defineRule } from './rule';
import { validCell } from './sums';

/** Table 二 收费金额 is in 万元; an amount this large (≥ 10亿元) was most likely typed in 元. */
const FEE_AMOUNT_YUAN_SUSPECT = 100_000;

export default defineRule({
  code: 'table.unit',
  severity: 'hint',
  fixable: true,
  description: { zh: '收费金额单位疑似为元而非万元', en: 'Fee amount looks like yuan, not 10k yuan' },
  message: {
    zh: '收费金额 {amount} 万元偏大，是否误以“元”为单位？',
    en: 'A fee amount of {amount} (10k yuan) is large: was it written in yuan?',
  },
  docs: {
    why: {
      zh: '表二“本年收费金额”的单位是万元；10 万万元（10 亿元）以上的金额多半是按元填写的。快速修复按万元换算。',
      en: 'Table 二’s fee amount is in 10k yuan; an amount of 100,000 or more (a billion yuan) was most likely written in yuan. The fix converts it.',
    },
    bad: '| 行政事业性收费 | 1234500 |',
    good: '| 行政事业性收费 | 123.45 |',
  },
  check(ctx: RuleContext): void {
    const { doc } = ctx;
    if (doc.template !== '2021') return;
    const fee = validCell(doc, cellKey('active', 'fees', 'amount'));
    if (!fee || fee.value! < FEE_AMOUNT_YUAN_SUSPECT) return;
    const value = String(Number((fee.value! / 10_000).toFixed(6)));
    ctx.report('table.unit', fee.span, { amount: fee.text.trim() }, {
      cell: fee.key,
      fixes: [{ title: localize('fix.toWanYuan', ctx.locale, { value }), edits: [{ span: fee.span, newText: value }], preferred: false }],
    });
  },
});
