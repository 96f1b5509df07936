/**
 * What a rule is: one finding code with its default severity, its messages and documentation in
 * Chinese and English, and the check that reports it. Each rule lives in rules/<code>.ts and is listed
 * in catalogue.ts.
 */
import type { Bilingual } from '../template/bilingual';
import type { ReportDocument, Severity } from '../types';
import type { RuleContext } from './context';

export interface RuleDocs {
  /** Why the rule exists: what goes wrong for the reader or the reviewer when it is broken. */
  why: Bilingual;
  /** A short excerpt of a report that breaks the rule, and the same excerpt put right. */
  bad: string;
  good: string;
}

export interface RuleDefinition<Code extends string = string> {
  code: Code;
  severity: Severity;
  /** Whether its findings carry a quick fix. */
  fixable: boolean;
  /** What the rule checks, in a line. */
  description: Bilingual;
  /** The finding's message; `{name}` placeholders are filled from the finding's args. */
  message: Bilingual;
  docs: RuleDocs;
  /** Checks one report. */
  check?(ctx: RuleContext): void;
  /** Checks a report against the same agency's report for the year before (`ctx.doc` is the later one). */
  compare?(previous: ReportDocument, ctx: RuleContext): void;
  /** Reported where a file's bytes are decoded (server/src/files/), not by the core, which sees only text. */
  reportedWhenDecoding?: true;
}

/** A rule whose code keeps its literal type, so the catalogue can derive the type of every code. */
export function defineRule<const Code extends string>(rule: RuleDefinition<Code>): RuleDefinition<Code> {
  return rule;
}
