/**
 * Pairs each report with the same agency's report for the year before, among the files of a batch (the
 * CLI's, the workspace check's), while the batch streams: of each report it keeps only what a later
 * report of the next year compares with (agency, year, template and the carried-over and in-force
 * cells), and of a report whose previous year has not come yet, only what the caller needs to read it
 * again (its path).
 *
 * As before streaming, the first report of an (agency, year) in the batch is the one paired with.
 */
import { compareWithPreviousYear, parseReport, type AnalyzeOptions, type Cell, type Finding, type ReportDocument } from '../core';

const keyOf = (agency: string, year: number) => `${year}\u0000${agency}`;

/** The cells of a report a later year's report is compared with (compareWithPreviousYear reads these). */
const KEPT_CELL = /^requests\.carryover\.|^active\.\w+\.effective$/;

const TEMPLATES: readonly ReportDocument['template'][] = ['2019', '2021'];

/**
 * `Waiting`: what the caller keeps of a report whose previous year has not come yet.
 *
 * What a report keeps for the next year's report is a block of numbers in one flat array: its template
 * and the values of the cells compared across years (valid ones only, as compareWithPreviousYear reads
 * only those; NaN for the others), each cell at the slot `slots` gives it. The agency and year are in
 * the key, copied flat (`detached`). A hundred thousand reports then keep a few hundred bytes each.
 */
export class CrossYearPairing<Waiting> {
  /** (year, agency) → where the first report of that key has its block in `store`. */
  private readonly first = new Map<string, number>();
  private readonly store: number[] = [];
  private readonly slots = new Map<string, number>();
  /** (year, agency) → the first report waiting for the report of that key; `moreWaiting` the others (rare). */
  private readonly waiting = new Map<string, Waiting>();
  private readonly moreWaiting = new Map<string, Waiting[]>();

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
    if (prev !== undefined) findings = compareWithPreviousYear(this.documentAt(prev, doc.agency, year - 1), doc, options);
    else {
      const key = keyOf(doc.agency, year - 1);
      if (!this.waiting.has(key)) this.waiting.set(detached(key), waiter);
      else {
        const more = this.moreWaiting.get(key);
        if (more) more.push(waiter);
        else this.moreWaiting.set(detached(key), [waiter]);
      }
    }
    const key = keyOf(doc.agency, year);
    if (this.first.has(key)) return { findings, waiting: [] };
    this.first.set(detached(key), this.keep(doc));
    if (!this.waiting.has(key)) return { findings, waiting: [] };
    const waiting = [this.waiting.get(key)!, ...(this.moreWaiting.get(key) ?? [])];
    this.waiting.delete(key);
    this.moreWaiting.delete(key);
    return { findings, waiting };
  }

  /** Findings on `cur` against `prev` (a report that came after `cur` in the batch). */
  compare(prev: ReportDocument, cur: ReportDocument, options: AnalyzeOptions): Finding[] {
    return compareWithPreviousYear(prev, cur, options);
  }

  /** Stores `[template, slot count, value of slot 0, …]`; returns where. */
  private keep(doc: ReportDocument): number {
    const values: number[] = [];
    for (const c of doc.cells.values()) {
      if (!KEPT_CELL.test(c.key)) continue;
      let slot = this.slots.get(c.key);
      if (slot === undefined) this.slots.set(c.key, (slot = this.slots.size));
      values[slot] = c.status === 'ok' && c.value !== null ? c.value : NaN;
    }
    const at = this.store.length;
    this.store.push(TEMPLATES.indexOf(doc.template), values.length);
    for (let i = 0; i < values.length; i++) this.store.push(values[i] ?? NaN);
    return at;
  }

  /** A document holding only what compareWithPreviousYear reads of the previous year's report. */
  private documentAt(at: number, agency: string, year: number): ReportDocument {
    const count = this.store[at + 1];
    const cells = new Map<string, Cell>();
    for (const [key, slot] of this.slots) {
      const value = slot < count ? this.store[at + 2 + slot] : NaN;
      if (Number.isNaN(value)) continue;
      cells.set(key, { key, table: key.startsWith('active.') ? 'active' : 'requests', row: '', column: '', text: '', span: { start: 0, end: 0 }, status: 'ok', value });
    }
    return { ...EMPTY, year: { value: year, span: { start: 0, end: 0 }, source: 'title' }, agency, template: TEMPLATES[this.store[at]], cells };
  }
}

const EMPTY = parseReport('');

/**
 * A flat copy of `s`, sharing no memory with the string it was cut from or built of (a report's
 * agency is a substring of its text; a key made with a template literal points at its parts).
 */
function detached(s: string): string {
  return Array.from(s).join('');
}
