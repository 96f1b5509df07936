import { cellLabel } from '../template/labels';
import type { RuleContext } from './context';
import { defineRule } from './rule';

export default defineRule({
  code: 'cell.recovered',
  severity: 'information',
  fixable: false,
  description: { zh: '单元格的数字从连写的数字中按勾稽关系拆出', en: 'A cell was split out of run-together digits by the table’s arithmetic' },
  message: {
    zh: '{label}读作 {value}：从连写的“{run}”中拆出，这是唯一符合表中勾稽关系的拆法',
    en: '{label} read as {value}: split out of the run-together “{run}”, the only split that keeps the table’s relations',
  },
  docs: {
    why: {
      zh: '网页被压成一行时，表格的数字常常连在一起（“640020470”）。只有当恰好一种拆法能让该行和整张表的勾稽关系都成立时，才按这种拆法读出（与细心的人工录入相同），并逐格提示，便于与原件核对；拆法不唯一的报告为 table.unparsed。',
      en: 'When a web page is flattened onto one line, a table’s numbers often run together (“640020470”). They are read only when exactly one split makes the row’s and the whole table’s relations hold (as a careful transcriber would), and each such cell is noted so that it can be checked against the original; a run with no unique split is reported as table.unparsed.',
    },
    bad: '一、本年新收政府信息公开申请数量640020470二、上年结转政府信息公开申请数量0000000三、本年度办理结果…',
    good: '| 一、本年新收政府信息公开申请数量 | | 64 | 0 | 0 | 2 | 0 | 4 | 70 |',
  },
  check(ctx: RuleContext): void {
    for (const table of ctx.doc.tables) {
      const version = table.version ?? ctx.doc.template;
      for (const cell of table.cells) {
        if (!cell.recovered) continue;
        ctx.report('cell.recovered', cell.span, { label: cellLabel(cell.key, version, ctx.locale), value: cell.text, run: cell.recovered.run }, { cell: cell.key });
      }
    }
  },
});
