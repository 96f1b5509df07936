/**
 * Warms V8 up in the first idle moment after a report is opened, so that the clerk's first keystrokes
 * get their diagnostics as fast as the hundredth. Until V8 has run the analysis a few hundred times it
 * runs it in unoptimized code and compiles it in the background. Measured in-process on seed 000 (2
 * cores), the p95 of the first 300 edits after an open is 5 ms with no warm-up, 3 ms after 49 analyses
 * and 1.2 ms after 150 (the next 300 edits: 0.7 ms either way).
 *
 * Once the server has had no document event for WARM_UP_IDLE_MS, it analyses the latest document's text
 * again, once per event-loop turn (a request that arrives waits for at most one analysis), until
 * WARM_UP_RUNS runs or WARM_UP_BUDGET_MS of analysis time, whichever comes first. Once per kind of
 * document (the server passes the shapes of its tables: TAB, pipe and Markdown tables are read by
 * different code): a later report of a kind already warmed runs on the warmed code, one of a new kind
 * gets its own warm-up. Nothing is published; the results are garbage.
 *
 * Waiting for an idle moment matters: started right after the open, the warm-up's analyses, collections
 * and background compiles competed with the next messages (measured: open → diagnostics p95 8–13 →
 * 19–32 ms while 49 documents were opened back to back).
 */

import type { ReportDocument } from '../core';

export const WARM_UP_RUNS = 150;
/**
 * Total analysis time the warm-up may spend (a large report stops it early). In the server its analyses
 * take 2–3 ms each (nothing is optimized yet): 300 ms buys 100–150 of them for seed 000.
 */
export const WARM_UP_BUDGET_MS = 300;
/** Quiet time after the last document event before the warm-up starts. */
export const WARM_UP_IDLE_MS = 300;
/** Reports longer than this (UTF-16 code units) are not used: one analysis alone would blow the budget. */
export const WARM_UP_MAX_LENGTH = 200_000;

/** The kind of document a warm-up is for: the shapes of its tables ("markdown", "pipe+tab"; "none"). */
export function warmUpKind(doc: Pick<ReportDocument, 'tables'>): string {
  const shapes = [...new Set(doc.tables.map((t) => t.shape))].sort();
  return shapes.length ? shapes.join('+') : 'none';
}

export interface WarmUpLimits {
  runs: number;
  budgetMs: number;
  idleMs: number;
}

/** `O`: the options the analysis runs with, passed through from the touch. */
export class WarmUp<O> {
  private state: 'idle' | 'running' | 'disposed' = 'idle';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private step: ReturnType<typeof setImmediate> | undefined;
  /** Kinds of document warmed up (or being warmed up). */
  private readonly warmed = new Set<string>();
  /** Analyses the last warm-up ran, and the time they took (for tests and the log). */
  runs = 0;
  spentMs = 0;

  constructor(
    /** One analysis of a text as the server runs it on an edit. */
    private readonly analyze: (text: string, options: O) => void,
    /** Called when a warm-up ends (it allocated: the idle collector may run). */
    private readonly done: (kind: string) => void,
    private readonly limits: WarmUpLimits = { runs: WARM_UP_RUNS, budgetMs: WARM_UP_BUDGET_MS, idleMs: WARM_UP_IDLE_MS },
  ) {}

  /**
   * A document of `kind` was analysed under `options`: unless that kind is warm already, (re)starts
   * the wait for an idle moment, after which `text()` (read then, so the latest text) is warmed up on.
   * Does nothing while a warm-up runs (the document's next event touches again).
   */
  touch(kind: string, text: () => string | undefined, options: O): void {
    if (this.state !== 'idle' || this.warmed.has(kind)) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.begin(kind, text(), options), this.limits.idleMs);
    this.timer.unref?.(); // never keeps the process alive
  }

  private begin(kind: string, text: string | undefined, options: O): void {
    this.timer = undefined;
    if (text === undefined || text.length > WARM_UP_MAX_LENGTH) return; // wait for a better document
    this.state = 'running';
    this.warmed.add(kind);
    this.runs = 0;
    this.spentMs = 0;
    const run = () => {
      this.step = undefined;
      const t0 = performance.now();
      try {
        this.analyze(text, options);
      } catch {
        this.spentMs = Infinity; // the real analysis reports its own failures; a warm-up just stops
      }
      this.spentMs += performance.now() - t0;
      this.runs++;
      if (this.runs < this.limits.runs && this.spentMs < this.limits.budgetMs) this.step = setImmediate(run);
      else this.finish(kind);
    };
    this.step = setImmediate(run);
  }

  private finish(kind: string): void {
    this.state = 'idle';
    this.step = undefined;
    this.done(kind);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.step) clearImmediate(this.step);
    this.timer = this.step = undefined;
    this.state = 'disposed';
  }
}
