/**
 * Cross-year checks (docs/format.md, “Arithmetic relations”): a report is compared with the same agency's report for the year
 * before when one is at hand — another open document, or another file of the workspace check — the
 * way the CLI pairs the files it is given. Computed at publish time from cached analyses, so a
 * document's own cache entry never depends on other documents.
 */
import { compareWithPreviousYear, isPreviousYearOf } from '../../core';
import type { Finding } from '../../core/types';
import type { Analysis } from '../analysisCache';

/** The analysis of the same agency's previous-year report among `candidates`, if any. */
export function previousYearOf(cur: Analysis, candidates: Iterable<Analysis>): Analysis | undefined {
  const doc = cur.document;
  if (!doc?.year) return undefined;
  for (const prev of candidates) {
    if (prev !== cur && prev.uri !== cur.uri && prev.document && isPreviousYearOf(prev.document, doc)) return prev;
  }
  return undefined;
}

export function crossYearFindings(cur: Analysis, candidates: Iterable<Analysis>): Finding[] {
  const prev = previousYearOf(cur, candidates);
  if (!prev?.document || !cur.document) return [];
  try {
    return compareWithPreviousYear(prev.document, cur.document, cur.options.analyze);
  } catch {
    return []; // a cross-year problem must never cost the document its own diagnostics
  }
}

/** The analyses for which `changed` is the previous-year report: they must be re-published. */
export function dependentsOf(changed: Analysis, candidates: Iterable<Analysis>): Analysis[] {
  const out: Analysis[] = [];
  for (const next of candidates) {
    if (next.uri !== changed.uri && previousYearOf(next, [changed]) === changed) out.push(next);
  }
  return out;
}
