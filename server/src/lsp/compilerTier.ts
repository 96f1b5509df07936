/**
 * Which of V8's compilers the server's JavaScript runs in. The server starts with the optimizing
 * compiler (TurboFan) off, so its code runs in V8's baseline tier (the Ignition interpreter and the
 * Sparkplug baseline compiler), and turns TurboFan on for the rest of the process once analysis keeps
 * it busy: a report of megabytes, or a workspace check over thousands of files.
 *
 * Why, measured with `npm run bench:lsp` (seed 000, 22 KB, Node 20, 2 cores, 2026-12-04):
 * - Memory. TurboFan pages in ~3 MiB of the node binary's code the first time it compiles anything
 *   (at load already: esbuild's `__copyProps` runs hot while the protocol library loads), and its
 *   compile zones stay in a background thread's malloc arena. Settled RSS after 600 edits 54.8 → 46.3
 *   MiB, idle after initialize 50.2 → 46.3 MiB (target ≤ 50).
 * - Latency of a normal report does not suffer: change → diagnostics p95 2.3–3.1 → 1.9–2.3 ms (no
 *   background compiles compete for the cores), median 0.85 → 1.3 ms; open p95 7.6 → 2.9 ms.
 * - Bulk analysis does: seed 000 in-process 0.14 → 0.76 ms, a 5 MB report 110 → 590 ms, 300 reports
 *   92 → 246 ms. Hence the switch: one analysis of LONG_ANALYSIS_MS or a workspace check of BULK_FILES
 *   turns TurboFan on. Typing in a report of normal size (1–2 ms per edit) never comes near either.
 *
 * The flags are V8's own and set at run time (v8Flags.ts), so every client gets this, Neovim included.
 * Nothing here is needed for correctness: on an unknown V8 the server simply keeps TurboFan on. Only
 * TurboFan is turned off: on V8 12 and later (VS Code desktop's Electron) the mid-tier Maglev compiler
 * is on by default and stays on; the figures above are Node 20's (V8 11.3, no Maglev by default).
 */
import { setV8Flags } from '../v8Flags';

/** An analysis that took this long turns the optimizing compiler on (a report of ~400 KB and more). */
export const LONG_ANALYSIS_MS = 50;
/** A workspace check over this many files turns it on before it starts. */
export const BULK_FILES = 500;
/** The first V8 with the `--turbofan` flag (called `--opt` before). */
const TURBOFAN_FLAG_SINCE = 11;

export type SetFlags = (flags: string) => boolean;

export class CompilerTier {
  /** TurboFan may compile (V8's default until startBaseline succeeds). */
  optimizing = true;
  private readonly listeners: ((reason: string) => void)[] = [];

  constructor(
    private readonly setFlags: SetFlags = (flags) => setV8Flags(flags, TURBOFAN_FLAG_SINCE),
  ) {}

  /** Turns TurboFan off. Call before the bundle's other modules load: loading them already runs hot code. */
  startBaseline(): void {
    if (this.setFlags('--no-turbofan')) this.optimizing = false;
  }

  /** Called once TurboFan is turned on, with what did it. */
  onOptimizing(listener: (reason: string) => void): void {
    this.listeners.push(listener);
  }

  /** An analysis just took `ms`: one that long turns TurboFan on. */
  observeAnalysis(ms: number): void {
    if (ms >= LONG_ANALYSIS_MS) this.optimize(`${ms.toFixed(0)} ms analysis`);
  }

  /** `files` are about to be analysed in a row: that many turn TurboFan on. */
  observeBulk(files: number): void {
    if (files >= BULK_FILES) this.optimize(`${files} files to check`);
  }

  private optimize(reason: string): void {
    if (this.optimizing || !this.setFlags('--turbofan')) return;
    this.optimizing = true;
    for (const listener of this.listeners) listener(reason);
  }
}

/** The server process's tier (V8's flags are per process). */
export const compilerTier = new CompilerTier();
