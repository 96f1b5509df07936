/**
 * Across years (FORMAT.md §6): this year's 上年结转 equals last year's 结转下年度, per column
 * (`crossYear.carried`), and 现行有效件数 follows from last year's plus issued minus repealed
 * (`crossYear.effective`, information only: clean-up campaigns legitimately break it).
 */
import { ACTIVE_ROWS, REQUEST_COLUMNS } from '../template/template';
import { cellLabel } from '../template/labels';
import type { AnalyzeOptions, Finding, ReportDocument } from '../types';
import { localize } from './catalogue';
import { RuleContext } from './context';
import { validCell } from './sums';

/** Same publishing body: both names known and equal (never pair reports of different agencies). */
export function sameAgency(a: ReportDocument, b: ReportDocument): boolean {
  return a.agency !== undefined && b.agency !== undefined && a.agency === b.agency;
}

/** Whether `prev` is the same agency's report for the year before `cur`: the only pairing compared. */
export function isPreviousYearOf(prev: ReportDocument, cur: ReportDocument): boolean {
  return prev !== cur && !!prev.year && !!cur.year && prev.year.value === cur.year.value - 1 && sameAgency(prev, cur);
}

/** Findings on `cur` from comparing it with `prev`, the same agency's report for the year before. */
export function compareWithPreviousYear(prev: ReportDocument, cur: ReportDocument, options: AnalyzeOptions = {}): Finding[] {
  if (!isPreviousYearOf(prev, cur) || !prev.year) return [];
  const ctx = new RuleContext(cur, options);
  for (const col of REQUEST_COLUMNS) {
    const before = validCell(prev, `requests.carryover.${col.key}`);
    const now = validCell(cur, `requests.carried.${col.key}`);
    if (!before || !now || before.value === now.value) continue;
    ctx.report('crossYear.carried', now.span, { expected: before.value!, actual: now.value!, prevYear: prev.year.value }, {
      cell: now.key,
      fixes: [{ title: localize('fix.setCell', ctx.locale, { label: cellLabel(now.key, cur.template, ctx.locale), value: before.value! }), edits: [{ span: now.span, newText: String(before.value) }], preferred: false, safe: false }],
    });
  }
  if (cur.template === '2021' && prev.template === '2021') {
    for (const row of ACTIVE_ROWS['2021'].filter((r) => r.key === 'rules' || r.key === 'normative')) {
      const p = validCell(prev, `active.${row.key}.effective`);
      const issued = validCell(cur, `active.${row.key}.issued`);
      const repealed = validCell(cur, `active.${row.key}.repealed`);
      const now = validCell(cur, `active.${row.key}.effective`);
      if (!p || !issued || !repealed || !now) continue;
      const expected = p.value! + issued.value! - repealed.value!;
      if (expected === now.value) continue;
      ctx.report('crossYear.effective', now.span, { expected, actual: now.value!, prev: p.value!, issued: issued.value!, repealed: repealed.value! }, { cell: now.key });
    }
  }
  return ctx.findings;
}
