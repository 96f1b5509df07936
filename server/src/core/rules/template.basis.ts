import type { RuleContext } from './context';
import { proseMap } from './prose';
import { defineRule } from './rule';

/** The documents each template was issued with. */
const BASIS_2019 = /国办公开办函\s*[〔[(（]\s*2019\s*[〕\])）]\s*60\s*号/;
const BASIS_2021 = /国办公开办函\s*[〔[(（]\s*2021\s*[〕\])）]\s*30\s*号/;

export default defineRule({
  code: 'template.basis',
  severity: 'hint',
  fixable: false,
  description: { zh: '引用了已被替代的格式文件', en: 'Cites a superseded format document' },
  message: {
    zh: '{year}年度报告适用国办公开办函〔2021〕30号，〔2019〕60号已被替代',
    en: 'Reports for {year} follow 国办公开办函〔2021〕30号; 〔2019〕60号 is superseded',
  },
  docs: {
    why: {
      zh: '2021年度起的报告按国办公开办函〔2021〕30号编制；只引用〔2019〕60号，多半是沿用了旧报告的说明文字。同时引用两者（说明修订关系）是对的。',
      en: 'Reports from 2021 on follow 国办公开办函〔2021〕30号; citing only 〔2019〕60号 usually means the wording was copied from an old report. Citing both (the revision beside what it revises) is right.',
    },
    bad: '本报告根据国办公开办函〔2019〕60号要求编制。',
    good: '本报告根据国办公开办函〔2021〕30号要求编制。',
  },
  check(ctx: RuleContext): void {
    const { doc } = ctx;
    if (!doc.year || doc.year.value < 2021) return;
    const m = BASIS_2019.exec(doc.text);
    if (m && !proseMap(doc).inTable(m.index) && !BASIS_2021.test(doc.text)) {
      ctx.report('template.basis', { start: m.index, end: m.index + m[0].length }, { year: doc.year.value });
    }
  },
});
