import { PARTS } from '../template/parts';
import { TABLES } from '../template/tables';
import type { RuleContext } from './context';
import { localize, type StringKey } from './messages';
import { defineRule } from './rule';
import { tableTrace } from './structure';

export default defineRule({
  code: 'table.unparsed',
  severity: 'error',
  fixable: false,
  description: { zh: '统计表无法完整对应到官方模板', en: 'A table could not be mapped onto the official template' },
  message: { zh: '表{table}无法解析：{reason}', en: 'Table {table} could not be mapped: {reason}' },
  docs: {
    why: {
      zh: '表中的行缺失、数字个数不对或几个数连在一起时，无法确定每个数属于哪个单元格；猜测会让核对结果不可信，所以只报告，不猜。',
      en: 'When rows are missing, a row has the wrong count of numbers or numbers run together, which number belongs to which cell cannot be told; a guess would make every later check untrustworthy, so it is reported, not guessed.',
    },
    bad: '| 三、本年度办理结果 | （一）予以公开 | | 6900000069 |',
    good: '| 三、本年度办理结果 | （一）予以公开 | | 69 | 0 | 0 | 0 | 0 | 0 | 69 |',
  },
  check(ctx: RuleContext): void {
    for (const table of ctx.doc.tables) {
      const numeral = TABLES[table.key].numeral;
      for (const p of table.problems) {
        ctx.report('table.unparsed', p.span, { table: numeral, reason: localize(p.reason as StringKey, ctx.locale, p.args) });
      }
    }
    // A part whose table is there (its words are) but in no shape that could be read.
    for (const part of ctx.doc.parts) {
      const key = PARTS.find((p) => p.key === part.key)?.table;
      if (!key || ctx.doc.tables.some((t) => t.key === key)) continue;
      const trace = tableTrace(ctx.doc, part, key);
      if (trace) ctx.report('table.unparsed', trace.span, { table: TABLES[key].numeral, reason: localize('reason.notRead', ctx.locale, { text: trace.text }) });
    }
  },
});
