import { cellLabel } from '../template/labels';
import type { RuleContext } from './context';
import { localize } from './messages';
import { defineRule } from './rule';

export default defineRule({
  code: 'cell.blank',
  severity: 'warning',
  fixable: true,
  description: { zh: '单元格为空（空白不等于 0）', en: 'A cell is blank (blank is not 0)' },
  message: { zh: '{label}为空；没有数据请填 0', en: '{label} is blank; write 0 if there is nothing to count' },
  docs: {
    why: {
      zh: '空白可能是“没有”，也可能是“忘了填”，不能当作 0 参与核对。确实没有数据时请填 0；快速修复填入 0，但从不作为首选：只有填报人知道是哪一种。',
      en: 'A blank may mean “none” or “forgot to fill in”, so it is never taken as 0. Write 0 when there is nothing to count; the fix fills in 0 but is never preferred: only the writer knows which it is.',
    },
    bad: '| （二）部分公开 | | | 0 | 0 | 0 | 0 | 0 | 35 |',
    good: '| （二）部分公开 | | 35 | 0 | 0 | 0 | 0 | 0 | 35 |',
  },
  check(ctx: RuleContext): void {
    for (const table of ctx.doc.tables) {
      const version = table.version ?? ctx.doc.template;
      for (const cell of table.cells) {
        if (cell.status !== 'blank') continue;
        ctx.report('cell.blank', cell.span, { label: cellLabel(cell.key, version, ctx.locale) }, {
          cell: cell.key,
          fixes: [{ title: localize('fix.fillZero', ctx.locale), edits: [{ span: cell.span, newText: '0' }], preferred: false }],
        });
      }
    }
  },
});
