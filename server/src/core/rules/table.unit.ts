import { amountInYuan } from '../model/values';
import { cellLabel } from '../template/labels';
import { cellKey } from '../template/tables';
import type { Cell } from '../types';
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
  description: { zh: '金额单位疑似为元而非万元', en: 'An amount looks like yuan, not 10k yuan' },
  message: {
    zh: '{label}以万元计，“{amount}”{why}；按万元应为 {value}',
    en: '{label} is in 10k yuan; “{amount}” {why}; in 10k yuan it is {value}',
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
    const report = (cell: Cell, yuan: number, why: 'word.largeAmount' | 'word.yuanUnit') => {
      const value = String(Number((yuan / 10_000).toFixed(6)));
      const label = cellLabel(cell.key, doc.template, ctx.locale);
      ctx.report('table.unit', cell.span, { label, amount: cell.text.trim(), why: localize(why, ctx.locale), value }, {
        cell: cell.key,
        fixes: [{ title: localize('fix.toWanYuan', ctx.locale, { value }), edits: [{ span: cell.span, newText: value }], preferred: why === 'word.yuanUnit' }],
      });
    };
    // Any amount written with the unit 元 in a column of 万元 ("75394432.52元").
    for (const table of doc.tables) {
      for (const cell of table.cells) {
        const yuan = /amount$/.test(cell.column) && cell.status === 'invalid' ? amountInYuan(cell.text) : undefined;
        if (yuan !== undefined) report(cell, yuan, 'word.yuanUnit');
      }
    }
    if (doc.template !== '2021') return;
    const fee = validCell(doc, cellKey('active', 'fees', 'amount'));
    if (fee && fee.value! >= FEE_AMOUNT_YUAN_SUSPECT) report(fee, fee.value!, 'word.largeAmount');
  },
});
