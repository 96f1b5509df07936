import { statisticsPeriodMatches } from '../model/meta';
import { versionForYear } from '../template/tables';
import type { ReportDocument, Span } from '../types';
import type { RuleContext } from './context';
import { localize } from './messages';
import { proseMap } from './prose';
import { defineRule } from './rule';

interface PeriodSentence {
  from: { year: number; month: number; day: number; yearSpan: Span };
  to: { year: number; month: number; day: number; yearSpan: Span };
  /** From the first date to the end of the second. */
  datesSpan: Span;
}

/** Every statistics-period sentence outside the tables. */
function statisticsPeriods(doc: ReportDocument): PeriodSentence[] {
  const prose = proseMap(doc);
  return statisticsPeriodMatches(doc.text).filter((m) => !prose.inTable(m.index)).map((m) => {
    const ix = m.indices!;
    const date = (i: number) => ({
      year: Number(m[i]), month: Number(m[i + 1]), day: Number(m[i + 2]),
      yearSpan: { start: ix[i]![0], end: ix[i]![1] },
    });
    return { from: date(1), to: date(4), datesSpan: { start: ix[1]![0], end: ix[6]![1] + 1 } };
  });
}

const pad = (n: number) => String(n).padStart(2, '0');
const dateText = (d: { year: number; month: number; day: number }, locale: string) =>
  (locale === 'en' ? `${d.year}-${pad(d.month)}-${pad(d.day)}` : `${d.year}年${d.month}月${d.day}日`);

export default defineRule({
  code: 'period.year',
  severity: 'warning',
  fixable: true,
  description: { zh: '标题年度、统计期限与格式版本不一致', en: 'Title year, statistics period and template disagree' },
  message: { zh: '{detail}', en: '{detail}' },
  docs: {
    why: {
      zh: '年报统计一个完整的公历年度：标题年度、每一处统计期限和所用的格式版本必须一致。统计期限年份与标题不符时，快速修复改为标题年度。',
      en: 'A report counts one whole calendar year: the title year, every statistics period and the template must agree. When a period’s year is not the title year, the fix sets it to the title year.',
    },
    bad: '2022年政府信息公开工作年度报告\n…统计期限自2021年1月1日起至2021年12月31日止。',
    good: '2022年政府信息公开工作年度报告\n…统计期限自2022年1月1日起至2022年12月31日止。',
  },
  check(ctx: RuleContext): void {
    const { doc, locale } = ctx;
    const titleYear = doc.year?.source === 'title' ? doc.year : undefined;
    for (const p of statisticsPeriods(doc)) {
      const args = { from: dateText(p.from, locale), to: dateText(p.to, locale) };
      if (titleYear && (p.from.year !== titleYear.value || p.to.year !== titleYear.value)) {
        const wrong = p.from.year !== titleYear.value ? p.from : p.to;
        const other = p.from.year !== titleYear.value ? p.from.year : p.to.year;
        const va = versionForYear(titleYear.value);
        const vb = versionForYear(other);
        const detail = localize('detail.period.year', locale, { ...args, year: titleYear.value })
          + (va !== vb ? localize('detail.period.versions', locale, { a: titleYear.value, va, b: other, vb }) : '');
        const edits = [p.from, p.to].filter((d) => d.year !== titleYear.value).map((d) => ({ span: d.yearSpan, newText: String(titleYear.value) }));
        ctx.report('period.year', wrong.yearSpan, { detail }, {
          related: [{ span: titleYear.span, message: localize('word.related.titleYear', locale, { year: titleYear.value }) }],
          fixes: [{ title: localize('fix.periodYear', locale, { year: titleYear.value }), edits, preferred: false }],
        });
        continue;
      }
      const whole = p.from.year === p.to.year && p.from.month === 1 && p.from.day === 1 && p.to.month === 12 && p.to.day === 31;
      if (!whole) {
        ctx.report('period.year', p.datesSpan, { detail: localize('detail.period.partial', locale, { ...args, year: titleYear?.value ?? p.from.year }) });
      }
    }
    if (doc.year && doc.templateSource === 'option' && versionForYear(doc.year.value) !== doc.template) {
      const detail = localize('detail.period.template', locale, { year: doc.year.value, expected: versionForYear(doc.year.value), actual: doc.template });
      ctx.report('period.year', doc.year.span, { detail });
    }
  },
});
