/**
 * Pairs each report with the same agency's report for the year before, among the files of a batch (the
 * CLI's, the workspace check's), while the batch streams: of each report it keeps only what a later
 * report of the next year compares with (agency, year, template and the carried-over and in-force
 * cells), and of a report whose previous year has not come yet, only what the caller needs to read it
 * again (its path). Memory stays a few hundred bytes a report.
 *
 * As before streaming, the first report of an (agency, year) in the batch is the one paired with.
 */
import { compareWithPreviousYear, parseReport, type AnalyzeOptions, type Finding, type ReportDocument } from '../core';


const keyOf = (agency: string, year: number) => `${year}\u0000${agency}`;

/** The cells of a report a later year's report is compared with (compareWithPreviousYear reads these). */
const KEPT_CELL = /^requests\.carryover\.|^active\.\w+\.effective$/;

/** `Waiting`: what the caller keeps of a report whose previous year has not come yet. */
export class CrossYearPairing<Waiting> {
  private readonly first = new Map<string, ReportDocument>();
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
    if (prev) findings = compareWithPreviousYear(prev, doc, options);
    else {
      const key = keyOf(doc.agency, year - 1);
      const list = this.waiting.get(key);
      if (list) list.push(waiter);
      else this.waiting.set(key, [waiter]);
    }
    const key = keyOf(doc.agency, year);
    if (this.first.has(key)) return { findings, waiting: [] };
    this.first.set(key, pairingStub(doc));
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

/** The document without its text, lines, structure and all cells but those compared across years. */
function pairingStub(doc: ReportDocument): ReportDocument {
  const cells = new Map([...doc.cells].filter(([key]) => KEPT_CELL.test(key)));
  return { ...doc, text: '', lines: EMPTY.lines, headings: [], parts: [], tables: [], cells, title: undefined, period: undefined };
}
