/**
 * Node/V8 flags the VS Code client starts the server with (client/src/languageClient.ts), and the LSP
 * benchmark too (test/bench/lspBench.ts), so the README's figures are the editor's. Other clients may
 * put them before dist/server.js; without them the server works the same, with a bigger peak.
 *
 * `--max-semi-space-size=2`: V8 grows the young generation to 2 × 16 MiB for the burst of short-lived
 * objects each analysis makes; capped at 2 MiB per semi-space, RSS right after 300 edits of a 22 KB
 * report is 63–66 MiB instead of 72–73, with no measurable cost in change → diagnostics latency.
 *
 * Measured and left out (npm run bench:lsp with --node-flags=…, 2 cores):
 * - `--max-semi-space-size=1`, `--optimize-for-size`: a lower peak still (57–61 MiB), but p95 analysis
 *   time up by 1–3 ms from more frequent collections; the change → diagnostics p95 target is 5 ms.
 * - `--no-concurrent-recompilation`: 3 MiB less after the idle collection (the optimizing compiler's
 *   scratch memory no longer stays in a background thread's malloc arena), but its compiles pause the
 *   main thread: open and change p95 doubled.
 * - `--no-opt` / `--max-opt=1`: 4 MiB less (the optimizing compiler's pages of the node binary are
 *   never touched), but analysis twice as slow.
 * After a burst the idle collection (memory.ts) returns the heap to its idle size whatever the flags.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=2'];
