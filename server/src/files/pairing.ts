/**
 * Pairs each report with the same agency's report for the year before, among the files of a batch (the
 * CLI's, the workspace check's), while the batch streams: of each report it keeps only what a later
 * report of the next year compares with (agency, year, template and the carried-over and in-force
 * cells), and of a report whose previous year has not come yet, only what the caller needs to read it
 * again (its path). Memory stays a few hundred bytes a report.
 *
 * As before streaming, the first report of an (agency, year) in the batch is the one paired with.
 */
import { compareWithPreviousYear, parseReport, type AnalyzeOptions, type Cell, type Finding, type ReportDocument } from '../core';


const keyOf = (agency: string, year: number) => `${year}\u0000${agency}`;

/** The cells of a report a later year's report is compared with (compareWithPreviousYear reads these). */
const KEPT_CELL = /^requests\.carryover\.|^active\.\w+\.effective$/;

/** `Waiting`: what the caller keeps of a report whose previous year has not come yet. */
export class CrossYearPairing<Waiting> {
  private readonly first = new Map<string, PairingSummary>();
  private readonly waiting = new Map<string, Waiting[]>();

  /**
   * Adds a report. Returns its cross-year findings when its previous year came earlier, and the reports
   * that came earlier and had been waiting for it as their previous year (the caller reads those again
   * and compares them with `doc`).
   */
  add(doc: ReportDocument, options: AnalyzeOptions, waiter: Waiting): { findings: Finding[]; waiting: Waiting[] } {
    if (doc.year === undefined || doc.agency === undefined) return { findings: [], waiting: [] };
    const year = doc.year.value;
    const prev = this.first.get(keyOf(doc.agency, year - 1));
    let findings: Finding[] = [];
    if (prev) findings = compareWithPreviousYear(documentOf(prev), doc, options);
    else {
      const key = keyOf(detached(doc.agency), year - 1);
      const list = this.waiting.get(key);
      if (list) list.push(waiter);
      else this.waiting.set(key, [waiter]);
    }
    const key = keyOf(doc.agency, year);
    if (this.first.has(key)) return { findings, waiting: [] };
    const summary = summaryOf(doc, doc.agency, year);
    this.first.set(keyOf(summary.agency, year), summary);
    const waiting = this.waiting.get(key) ?? [];
    this.waiting.delete(key);
    return { findings, waiting };
  }

  /** Findings on `cur` against `prev` (a report that came after `cur` in the batch). */
  compare(prev: ReportDocument, cur: ReportDocument, options: AnalyzeOptions): Finding[] {
    return compareWithPreviousYear(prev, cur, options);
  }
}

const EMPTY = parseReport('');

/**
 * What a report keeps for the next year's report: its agency, year, template and the values of the
 * cells compared across years (valid ones only, as compareWithPreviousYear reads only those). Built
 * field by field, and the agency copied, because a substring of the report would keep its whole text
 * alive in V8.
 */
interface PairingSummary {
  agency: string;
  year: number;
  template: ReportDocument['template'];
  keys: string[];
  values: number[];
}

function summaryOf(doc: ReportDocument, agency: string, year: number): PairingSummary {
  const keys: string[] = [];
  const values: number[] = [];
  for (const c of doc.cells.values()) {
    if (c.status !== 'ok' || c.value === null || !KEPT_CELL.test(c.key)) continue;
    keys.push(c.key);
    values.push(c.value);
  }
  return { agency: detached(agency), year, template: doc.template, keys, values };
}

/** A document holding only what compareWithPreviousYear reads of the previous year's report. */
function documentOf(s: PairingSummary): ReportDocument {
  const cells = new Map<string, Cell>();
  s.keys.forEach((key, i) => {
    cells.set(key, { key, table: key.startsWith('active.') ? 'active' : 'requests', row: '', column: '', text: '', span: { start: 0, end: 0 }, status: 'ok', value: s.values[i] });
  });
  return {
    ...EMPTY,
    year: { value: s.year, span: { start: 0, end: 0 }, source: 'title' },
    agency: s.agency,
    template: s.template,
    cells,
  };
}

/** A copy of `s` that does not share the memory of the string it was cut from. */
function detached(s: string): string {
  return Array.from(s).join('');
}
