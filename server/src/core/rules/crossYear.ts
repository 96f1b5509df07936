/**
 * Across years (docs/format.md, “Arithmetic relations”): which reports are compared — the same agency's, for consecutive
 * years — and running the rules that compare them (crossYear.*).
 */
import type { AnalyzeOptions, Finding, ReportDocument } from '../types';
import { RULES } from './catalogue';
import { RuleContext } from './context';

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
  if (!isPreviousYearOf(prev, cur)) return [];
  const ctx = new RuleContext(cur, options);
  for (const rule of RULES) if (rule.compare && ctx.isOn(rule.code)) rule.compare(prev, ctx);
  return ctx.findings;
}
