/** Runs every rule of the catalogue over a parsed report. */
import { parseReport } from './model/parseReport';
import { RULES } from './rules/catalogue';
import { RuleContext } from './rules/context';
import type { AnalyzeOptions, Finding, ReportDocument, ReportSummary } from './types';

/** Checks a parsed report: every rule that is not turned off. Findings are sorted by position. */
export function checkReport(doc: ReportDocument, options: AnalyzeOptions = {}): Finding[] {
  const ctx = new RuleContext(doc, options);
  for (const rule of RULES) if (rule.check && ctx.isOn(rule.code)) rule.check(ctx);
  return sortFindings(ctx.findings);
}

/** Sorts findings by position, then code, in place: the order every output lists them in. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

/** Parse + check: what the editor and the CLI run on every text. */
export function analyzeReport(text: string, options: AnalyzeOptions = {}): { document: ReportDocument; findings: Finding[] } {
  const document = parseReport(text, options);
  return { document, findings: checkReport(document, options) };
}

export function summarize(doc: ReportDocument, findings: readonly Finding[]): ReportSummary {
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  return {
    year: doc.year?.value,
    template: doc.template,
    agency: doc.agency,
    errors: count('error'),
    warnings: count('warning'),
    infos: count('information'),
    hints: count('hint'),
  };
}
