import { chineseNumeral } from '../template/numerals';
import { PARTS } from '../template/parts';
import { renderTable } from '../template/render';
import { TABLES } from '../template/tables';
import type { RuleContext } from './context';
import { localize } from './messages';
import { defineRule } from './rule';
import { lineBreakOf, prevailingShape, tableTrace } from './structure';

export default defineRule({
  code: 'table.missing',
  severity: 'error',
  fixable: true,
  description: { zh: '部分中缺少统计表', en: 'A part lacks its statistical table' },
  message: { zh: '第{numeral}部分缺少表{table}“{caption}”', en: 'Part {numeral} lacks table {table} “{caption}”' },
  docs: {
    why: {
      zh: '第二、三、四部分各有一张官方统计表，数据只有填在表中才能被汇总和核对。快速修复在标题下插入空白的官方表格。',
      en: 'Parts 二, 三 and 四 each hold an official table; the numbers can be compiled and checked only when they are in it. The fix inserts the empty official table under the heading.',
    },
    bad: '二、主动公开政府信息情况\n本年度主动公开政府信息1200条。',
    good: '二、主动公开政府信息情况\n| 第二十条第（一）项 | | | |\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n| 规章 | 0 | 0 | 0 |\n…',
  },
  check(ctx: RuleContext): void {
    const { doc } = ctx;
    const eol = lineBreakOf(doc);
    for (const part of doc.parts) {
      const t = PARTS.find((p) => p.key === part.key)!;
      if (!t.table || doc.tables.some((x) => x.key === t.table)) continue;
      // A table that is there but could not be read is table.unparsed's.
      if (tableTrace(doc, part, t.table)) continue;
      const table = TABLES[t.table];
      const at = part.heading.lineSpan.end;
      const rendered = renderTable(t.table, doc.template, prevailingShape(doc), eol);
      const newText = eol + rendered.slice(0, rendered.length - eol.length);
      ctx.report('table.missing', part.heading.lineSpan, { numeral: chineseNumeral(t.number), table: table.numeral, caption: table.caption.zh }, {
        fixes: [{ title: localize('fix.insertTable', ctx.locale, { table: table.numeral }), edits: [{ span: { start: at, end: at }, newText }], preferred: true }],
      });
    }
  },
});
