/**
 * Years and periods (FORMAT.md §1, §7): the title year, every statistics-period sentence and the
 * template version must agree, and a period is a whole calendar year (`period.year`); a 2021+ report
 * that cites the superseded 国办公开办函〔2019〕60号 gets a hint (`template.basis`).
 */
import { statisticsPeriodMatches } from '../model/meta';
import { TEMPLATE_BASIS, versionForYear } from '../template/template';
import type { ReportDocument, Span } from '../types';
import { localize } from './catalogue';
import type { RuleContext } from './context';
import { proseMap } from './prose';

interface PeriodSentence {
  from: { year: number; month: number; day: number; yearSpan: Span };
  to: { year: number; month: number; day: number; yearSpan: Span };
  /** From the first date to the end of the second. */
  datesSpan: Span;
}

/** Every statistics-period sentence outside the tables. */
export function statisticsPeriods(doc: ReportDocument): PeriodSentence[] {
  const out: PeriodSentence[] = [];
  const prose = proseMap(doc);
  for (const m of statisticsPeriodMatches(doc.text, true)) {
    if (prose.inTable(m.index)) continue;
    const ix = m.indices!;
    const date = (i: number) => ({
      year: Number(m[i]), month: Number(m[i + 1]), day: Number(m[i + 2]),
      yearSpan: { start: ix[i]![0], end: ix[i]![1] },
    });
    out.push({ from: date(1), to: date(4), datesSpan: { start: ix[1]![0], end: ix[6]![1] + 1 } });
  }
  return out;
}

const pad = (n: number) => String(n).padStart(2, '0');
const dateText = (d: { year: number; month: number; day: number }, locale: string) =>
  (locale === 'en' ? `${d.year}-${pad(d.month)}-${pad(d.day)}` : `${d.year}年${d.month}月${d.day}日`);

export function checkPeriod(ctx: RuleContext): void {
  const { doc, locale } = ctx;
  const titleYear = doc.year?.source === 'title' ? doc.year : undefined;
  if (ctx.isOn('period.year')) {
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
          fixes: [{ title: localize('fix.periodYear', locale, { year: titleYear.value }), edits, preferred: false, safe: false }],
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
  }
  if (doc.year && doc.year.value >= 2021 && ctx.isOn('template.basis')) {
    // Citing 30号 alongside 60号 (the revision next to what it revises) is right.
    const m = TEMPLATE_BASIS['2019'].exec(doc.text);
    if (m && !proseMap(doc).inTable(m.index) && !TEMPLATE_BASIS['2021'].test(doc.text)) {
      ctx.report('template.basis', { start: m.index, end: m.index + m[0].length }, { year: doc.year.value });
    }
  }
}
