import { inLocale } from '../template/bilingual';
import { TABLES } from '../template/tables';
import type { Span, TemplateVersion } from '../types';
import type { RuleContext } from './context';
import { localize } from './messages';
import { narrativeCounts, relatedOf, whereOf, type Evaluated } from './narrative';
import type { NarrativeSubject } from './narrativeSubjects';
import { defineRule } from './rule';
import { sumsVersion } from './sums';

export default defineRule({
  code: 'narrative.mismatch',
  severity: 'warning',
  fixable: true,
  description: { zh: '正文数字与统计表不一致', en: 'A number in the prose contradicts the tables' },
  message: {
    zh: '正文称{subject} {stated} 件，表{table}{where}为 {actual}{alternatives}',
    en: 'The text says {subject} {stated}, table {table} {where} has {actual}{alternatives}',
  },
  docs: {
    why: {
      zh: '正文常复述表中的数（收到申请多少件、予以公开多少件、行政复议多少件……）；改了表忘了改正文，读者就看到两个数。只比较主语明确指向表中数据的数字。快速修复改为表中的数。',
      en: 'The prose often restates the tables (requests received, granted, reconsideration cases…); when a table is corrected and the prose is not, the reader sees two numbers. Only numbers whose subject names what the tables count are compared. The fix uses the table’s number.',
    },
    bad: '本年度共办理政府信息公开申请334件。（表三（七）总计为 333）',
    good: '本年度共办理政府信息公开申请333件。',
  },
  check(ctx: RuleContext): void {
    const version = sumsVersion(ctx.doc);
    for (const c of narrativeCounts(ctx.doc)) {
      if (!c.readings.some((r) => r.value === c.stated)) reportMismatch(ctx, c.subject, c.stated, c.span, c.readings, version);
    }
  },
});

function reportMismatch(ctx: RuleContext, subject: NarrativeSubject, stated: number, span: Span, readings: Evaluated[], version: TemplateVersion): void {
  const { locale } = ctx;
  // Readings with the same value say the same thing twice (行政诉讼 with no 复议后起诉): keep the first.
  const distinct = readings.filter((r, i) => readings.findIndex((x) => x.value === r.value) === i);
  const [first, ...others] = distinct;
  const table = TABLES[subject.table].numeral;
  const alternatives = others.length
    ? localize('word.alternatives', locale, {
      list: others.map((r) => localize('word.alternative', locale, { label: whereOf(subject, r.reading, locale), value: r.value })).join(locale === 'en' ? '; ' : '，'),
    })
    : '';
  const fixes = distinct.map((r) => ({
    title: localize('fix.useTableValue', locale, { table, value: r.value, where: whereOf(subject, r.reading, locale) }),
    edits: [{ span, newText: String(r.value) }],
    preferred: false,
  }));
  ctx.report('narrative.mismatch', span, {
    subject: inLocale(subject.label, locale),
    stated,
    table,
    where: whereOf(subject, first.reading, locale),
    actual: first.value,
    alternatives,
  }, {
    cell: first.cells.length === 1 ? first.cells[0].key : undefined,
    related: relatedOf(readings, version, locale),
    fixes,
  });
}
