/**
 * The rule catalogue: every rule, once, in the order the rules page lists them. The code type, the
 * settings schema, the rules page (docs/rules.md) and the CLI's SARIF rules all come from here; a test
 * fails when they drift. To add a rule, write rules/<code>.ts and list it below.
 */
import cellBlank from './cell.blank';
import cellInvalid from './cell.invalid';
import cellRecovered from './cell.recovered';
import crossYearCarried from './crossYear.carried';
import crossYearEffective from './crossYear.effective';
import encodingInvalid from './encoding.invalid';
import headingNumbering from './heading.numbering';
import headingSequence from './heading.sequence';
import narrativeMismatch from './narrative.mismatch';
import narrativePercent from './narrative.percent';
import part6Fee from './part6.fee';
import part6Item from './part6.item';
import periodYear from './period.year';
import type { RuleDefinition } from './rule';
import sectionDuplicate from './section.duplicate';
import sectionExtra from './section.extra';
import sectionMissing from './section.missing';
import sectionOrder from './section.order';
import sectionTitle from './section.title';
import sumBalance from './sum.balance';
import sumColumnTotal from './sum.columnTotal';
import sumReviewTotal from './sum.reviewTotal';
import sumRowTotal from './sum.rowTotal';
import tableMissing from './table.missing';
import tablePlausibility from './table.plausibility';
import tableUnit from './table.unit';
import tableUnparsed from './table.unparsed';
import templateBasis from './template.basis';
import templateVersion from './template.version';

const ALL = [
  // Structure
  sectionMissing, sectionOrder, sectionDuplicate, sectionExtra, sectionTitle, headingNumbering, headingSequence,
  // Tables
  tableMissing, tableUnparsed, templateVersion, templateBasis, cellInvalid, cellBlank, cellRecovered, tablePlausibility, tableUnit,
  // Arithmetic (勾稽关系)
  sumRowTotal, sumColumnTotal, sumBalance, sumReviewTotal,
  // Narrative, period, part 六, across years
  narrativeMismatch, narrativePercent, periodYear, part6Fee, part6Item, crossYearCarried, crossYearEffective,
  // The file's bytes
  encodingInvalid,
] as const;

/** Every finding code; a misspelt code does not compile. */
export type RuleCode = (typeof ALL)[number]['code'];

export type { RuleDefinition } from './rule';

export const RULES: readonly RuleDefinition[] = ALL;

export const RULES_BY_CODE: ReadonlyMap<string, RuleDefinition> = new Map(RULES.map((r) => [r.code, r]));

/** Where each rule is documented; `codeDescription.href` and SARIF `helpUri` point here. */
export const RULE_DOCS_BASE = 'https://github.com/gov-annual-report/gov-annual-report/blob/main/docs/rules.md';
export function ruleDocsUrl(code: string): string {
  return `${RULE_DOCS_BASE}#${code.replace(/\./g, '').toLowerCase()}`;
}
