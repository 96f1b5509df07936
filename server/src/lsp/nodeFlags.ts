/**
 * How the server process is started: its Node/V8 flags and environment.
 *
 * Node/V8 flags the VS Code client starts the server with (client/src/languageClient.ts), and the LSP
 * benchmark too (test/bench/lspBench.ts), so the README's figures are the editor's. Other clients may
 * put them before dist/server.js.
 *
 * None: the one V8 setting that pays, the optimizing compiler off until analysis is heavy, is set by
 * the server itself at run time (compilerTier.ts), so that every client gets it. Each candidate below
 * was measured (npm run bench:lsp --node-flags=…, 300 edits of a 22 KB report, 2 cores) and costs more
 * than it saves. What bounds memory after a burst is the idle collection (memory.ts).
 * - `--max-semi-space-size=2` (or 4): the peak right after the edits drops from ~90 to ~68 MiB (600
 *   edits) and the settled RSS not at all, but ANY heap-size flag, even `=16` (the default), slows
 *   the cold start: 10–13 ms in an earlier measurement, ~45 ms in the latest (median 133–139 vs 86–89
 *   ms, without NODE_EXTRA_CA_CERTS; target 150 ms).
 * - `--min-semi-space-size=16`: half as many young-generation collections over 600 edits, but each
 *   costs more and the change p95 does not improve; `--single-threaded-gc`, `--v8-pool-size=1`: no
 *   better either.
 * - `--max-semi-space-size=1`, `--optimize-for-size`: peak 57–61 MiB, but p95 analysis time up by
 *   1–3 ms from more frequent collections (change → diagnostics p95 target: 5 ms).
 * - `--no-concurrent-recompilation`: 3 MiB less after the idle collection (the optimizing compiler's
 *   scratch memory no longer stays in a background thread's malloc arena), but its compiles pause the
 *   main thread: open and change p95 doubled.
 * - `--max-opt=1` on the command line: what compilerTier.ts does from the start (settled 46.2–46.3
 *   MiB, change p95 1.9–2.3 ms on 2026-12-04; 5.2–6.6 ms on a slower day before the core's last
 *   rounds), but for good: a 5 MB report would take 590 ms per edit instead of 110. `--maglev
 *   --max-opt=2`: V8 11.3 optimizes nothing with Maglev here, the same as `--max-opt=1`.
 * - glibc malloc through the environment: `MALLOC_ARENA_MAX=1` changes nothing;
 *   `MALLOC_MMAP_THRESHOLD_=16384 MALLOC_TRIM_THRESHOLD_=0` settles 1.5–3 MiB lower (51.6 vs 53.3–54.8
 *   MiB, two runs each) but open → diagnostics p95 rose from 10.4–10.8 to 13.3–14.0 ms (each message
 *   buffer over 16 KB is mapped and unmapped).
 */
export const SERVER_NODE_FLAGS: readonly string[] = [];

/**
 * Environment changes for the server process, on top of the editor's environment (an `undefined`
 * value removes the variable). NODE_EXTRA_CA_CERTS makes Node read and parse a certificate bundle at
 * start-up, before any code runs: measured here (Debian's 140-certificate bundle, 2 cores) `node -e 0`
 * takes 130 ms with it and 40 ms without. The server never opens a network connection, so it has no
 * use for certificates.
 */
export const SERVER_ENV_OVERRIDES: Readonly<Record<string, string | undefined>> = { NODE_EXTRA_CA_CERTS: undefined };

/** `base` with SERVER_ENV_OVERRIDES applied (for spawning the server directly, as tests do). */
export function serverEnvironment(base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env = { ...base };
  for (const [key, value] of Object.entries(SERVER_ENV_OVERRIDES)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}
