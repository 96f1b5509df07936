import { TABLES } from '../template/tables';
import type { RuleContext } from './context';
import { defineRule } from './rule';

export default defineRule({
  code: 'template.version',
  severity: 'error',
  fixable: false,
  description: { zh: '统计表格式与报告年度不符', en: 'A table follows the wrong template for the report year' },
  message: {
    zh: '{year}年度报告应使用{expected}版格式，表{table}为{actual}版格式',
    en: 'A report for {year} needs the {expected} template; table {table} follows {actual}',
  },
  docs: {
    why: {
      zh: '2019、2020年度报告用国办公开办函〔2019〕60号的表格，2021年度起用〔2021〕30号的表格；沿用旧表会缺少新表要求的数据。',
      en: 'Reports for 2019 and 2020 use the tables of 国办公开办函〔2019〕60号, reports from 2021 on those of 〔2021〕30号; a report on the old tables lacks numbers the new ones ask for.',
    },
    bad: '2022年政府信息公开工作年度报告\n…\n| 信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |',
    good: '2022年政府信息公开工作年度报告\n…\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
  },
  check(ctx: RuleContext): void {
    const { doc } = ctx;
    // Only a template the year or the settings ask for is one a table can break.
    if (doc.templateSource !== 'year' && doc.templateSource !== 'option') return;
    for (const table of doc.tables) {
      if (!table.version || table.version === doc.template) continue;
      ctx.report('template.version', table.anchor, { year: doc.year?.value ?? '', expected: doc.template, actual: table.version, table: TABLES[table.key].numeral });
    }
  },
});
