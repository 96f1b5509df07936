import { amountInYuan, countWithUnit } from '../model/values';
import { cellLabel } from '../template/labels';
import type { Cell } from '../types';
import type { RuleContext } from './context';
import { localize, type StringKey } from './messages';
import { defineRule } from './rule';

export default defineRule({
  code: 'cell.invalid',
  severity: 'error',
  fixable: true,
  description: { zh: '单元格不是有效数值', en: 'A cell does not hold a valid number' },
  message: { zh: '{label}应为{kind}，实为“{text}”', en: '{label} should be {kind}, found “{text}”' },
  docs: {
    why: {
      zh: '统计表的单元格只能填数（表二“本年增/减”可带符号），文字、“/”等无法参与核对，也不等于 0。数后带单位（如“69件”）时，快速修复去掉单位。',
      en: 'A table cell holds a number (table 二’s change column may be signed); text or “/” cannot be checked and is not 0. When a count carries a unit (69件), the fix drops the unit.',
    },
    bad: '| （一）予以公开 | | 69件 | 0 | 0 | 0 | 0 | 0 | 69 |',
    good: '| （一）予以公开 | | 69 | 0 | 0 | 0 | 0 | 0 | 69 |',
  },
  check(ctx: RuleContext): void {
    for (const table of ctx.doc.tables) {
      const version = table.version ?? ctx.doc.template;
      for (const cell of table.cells) {
        // An amount written in yuan is table.unit's, with its conversion.
        if (cell.status !== 'invalid' || (/amount$/.test(cell.column) && amountInYuan(cell.text) !== undefined)) continue;
        reportInvalid(ctx, cell, cellLabel(cell.key, version, ctx.locale));
      }
    }
  },
});

function reportInvalid(ctx: RuleContext, cell: Cell, label: string): void {
  const kind: StringKey = /amount$/.test(cell.column) ? 'word.amount' : cell.column === 'delta' ? 'word.delta' : 'word.integer';
  const count = kind === 'word.integer' ? countWithUnit(cell.text) : undefined;
  ctx.report('cell.invalid', cell.span, { label, kind: localize(kind, ctx.locale), text: cell.text }, {
    cell: cell.key,
    fixes: count && [{
      title: localize('fix.dropUnit', ctx.locale, { value: count.value, unit: count.unit }),
      edits: [{ span: cell.span, newText: String(count.value) }],
      preferred: true,
    }],
  });
}
