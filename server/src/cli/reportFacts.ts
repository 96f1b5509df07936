/**
 * What the reviewer's reports (check --format html|xlsx) show of each report beyond its findings: the
 * agency, and the outcome totals of table 三 — rows （一） to （六）, column 总计 — kept while check still
 * has the whole document (it keeps only a stub afterwards, see main.ts).
 */
import type { ReportDocument } from '../core';
import { OUTCOME_GROUPS, cellKey, requestRows, type OutcomeGroup } from '../core/template/tables';

/** The outcome groups （一） to （六）: the template's, without （七）总计, which is their sum. */
export type OutcomeKey = Exclude<OutcomeGroup['key'], 'processed'>;
export const OUTCOME_KEYS: readonly OutcomeKey[] = OUTCOME_GROUPS.map((g) => g.key).filter((k): k is OutcomeKey => k !== 'processed');

export interface ReportFacts {
  agency?: string;
  /** Per outcome group, the sum of its 总计 cells; null when none of them holds a number. */
  outcomes: Record<OutcomeKey, number | null>;
}

export function reportFacts(doc: ReportDocument): ReportFacts {
  const outcomes = Object.fromEntries(OUTCOME_KEYS.map((k) => [k, null])) as Record<OutcomeKey, number | null>;
  for (const row of requestRows(doc.template)) {
    const group = (row.group === 'results' ? row.key : row.group) as OutcomeKey | undefined;
    if (!group || !(group in outcomes)) continue;
    const cell = doc.cells.get(cellKey('requests', row.key, 'total'));
    if (cell?.status === 'ok' && cell.value !== null) outcomes[group] = (outcomes[group] ?? 0) + cell.value;
  }
  return { agency: doc.agency, outcomes };
}

/** The outcome groups' labels: （一）予以公开 … （六）其他处理. */
export function outcomeLabel(key: OutcomeKey, locale: 'zh-cn' | 'en'): string {
  const g = OUTCOME_GROUPS.find((x) => x.key === key)!;
  // "（二）部分公开（区分处理的，只计这一情形，不计其他情形）" → "（二）部分公开": a legend, not the form.
  return locale === 'en' ? g.label.en : g.label.zh.replace(/^(（.）[^（]+).*$/, '$1');
}
