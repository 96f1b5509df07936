import { inLocale } from '../template/bilingual';
import { ACTIVE_ROWS, cellKey } from '../template/tables';
import type { RuleContext } from './context';
import { defineRule } from './rule';
import { termRelated, validCell } from './sums';

export default defineRule({
  code: 'table.plausibility',
  severity: 'warning',
  fixable: false,
  description: { zh: '表二数据不合常理', en: 'Implausible numbers in table 二' },
  message: {
    zh: '{label}：本年制发 {issued} 件多于现行有效 {effective} 件 + 本年废止 {repealed} 件',
    en: '{label}: {issued} issued exceeds {effective} in force + {repealed} repealed',
  },
  docs: {
    why: {
      zh: '本年制发的规章、规范性文件年底要么仍现行有效，要么已废止，所以制发件数不会多于现行有效件数与废止件数之和；多出来说明有一个数填错了。',
      en: 'A rule or normative document issued this year is by the year’s end either in force or repealed, so more issued than in force plus repealed means one of the numbers is wrong.',
    },
    bad: '| 行政规范性文件 | 12 | 0 | 5 |',
    good: '| 行政规范性文件 | 12 | 0 | 40 |',
  },
  check(ctx: RuleContext): void {
    const { doc } = ctx;
    if (doc.template !== '2021') return;
    for (const row of ACTIVE_ROWS['2021']) {
      const issued = validCell(doc, cellKey('active', row.key, 'issued'));
      const effective = validCell(doc, cellKey('active', row.key, 'effective'));
      const repealed = validCell(doc, cellKey('active', row.key, 'repealed'));
      if (!issued || !effective || !repealed || issued.value! <= effective.value! + repealed.value!) continue;
      ctx.report('table.plausibility', issued.span, {
        label: inLocale(row.label, ctx.locale), issued: issued.value!, effective: effective.value!, repealed: repealed.value!,
      }, { cell: issued.key, related: [termRelated(effective, '2021', ctx.locale), termRelated(repealed, '2021', ctx.locale)] });
    }
  },
});
