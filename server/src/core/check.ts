/** Runs every rule family over a parsed report. */
import { parseReport } from './model/parseReport';
import { RuleContext } from './rules/context';
import { checkNarrative } from './rules/narrative';
import { checkEnumerations } from './rules/enumeration';
import { checkPart6 } from './rules/part6';
import { checkPeriod } from './rules/period';
import { checkHeadingNumbers, checkParts } from './rules/structure';
import { checkSums } from './rules/sums';
import { checkPlausibility, checkTables } from './rules/tables';
import type { AnalyzeOptions, Finding, ReportDocument, ReportSummary } from './types';

/** Rule families in report order; each reads the document and reports through the context. */
const FAMILIES: ((ctx: RuleContext) => void)[] = [
  checkParts, checkHeadingNumbers, checkEnumerations, checkTables, checkPlausibility, checkSums,
  checkPeriod, checkNarrative, checkPart6,
];

/** Checks a parsed report. Findings are sorted by position. */
export function checkReport(doc: ReportDocument, options: AnalyzeOptions = {}): Finding[] {
  const ctx = new RuleContext(doc, options);
  for (const family of FAMILIES) family(ctx);
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
