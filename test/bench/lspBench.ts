/**
 * LSP benchmark (`npm run bench:lsp`): our server (dist/server.js) over stdio, side by side with a
 * do-nothing server (nullServer.ts) started by the same harness, in one run, on seed 000 (22 KB).
 * Each latency runs from sending the message to receiving the matching answer or publish in the
 * client, JSON-RPC framing and pipes included, as an editor sees it. The two servers take turns
 * (one start each, one edit each, …) so that a change in machine load touches both alike.
 *
 * Budgets, as ratios to the do-nothing server:
 * - cold start (spawn → initialize result), median: ≤ 2×;
 * - open → first diagnostics, median: ≤ 4×, on a running server (a new document each time), and on a
 *   fresh server (its first document: our analysis code then runs for the first time);
 * - change → diagnostics, p95 over keystroke-sized edits: ≤ 3×;
 * - peak RSS after the edits: ≤ the do-nothing server's + 25 MiB.
 * Writes bench-results/lsp.json too. `--strict` exits 1 when a budget is missed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { TestClient, fileUri, readSeed, REPO_ROOT, SERVER_JS } from '../lsp/client';

const SEED = '000_dc17b29f247dd138.txt';
const STARTS = 20;
const OPENS = 50;
const CHANGES = 300;
const MiB = 1024 * 1024;

/** The do-nothing server, bundled the way dist/server.js is, so both load one file. */
function buildNullServer(): string {
  const outfile = path.join(REPO_ROOT, 'out/bench/nullServer.js');
  buildSync({
    entryPoints: [path.join(REPO_ROOT, 'test/bench/nullServer.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    logLevel: 'warning',
  });
  return outfile;
}

interface Stats {
  n: number;
  median: number;
  p95: number;
}

function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
  return { n: s.length, median: at(0.5), p95: at(0.95) };
}

/**
 * Keystroke-sized edits of seed 000 open at `uri`: each turns a table-三 total one up or one down and
 * resolves with its change → diagnostics latency.
 */
function cellEditor(client: TestClient, uri: string, text: string) {
  const lines = text.split('\n');
  let line = lines.findIndex((l) => l.trim() === '（一）予以公开');
  for (let numbers = 0; numbers < 7; ) if (/^\t\s*\d+\s*$/.test(lines[++line])) numbers++;
  const character = lines[line].indexOf(lines[line].trim());
  let current = lines[line].trim();
  let version = 1;
  return async (): Promise<number> => {
    const v = ++version;
    const next = String(Number(current) + (v % 2 === 0 ? 1 : -1));
    const range = { start: { line, character }, end: { line, character: character + current.length } };
    current = next;
    const t0 = performance.now();
    const published = await client.change(uri, v, [{ range, text: next }]);
    if (published.version !== v) throw new Error('publish for the wrong version');
    return performance.now() - t0;
  };
}

interface Side {
  name: 'ours' | 'null';
  module: string;
  starts: number[];
  firstOpens: number[];
  opens: number[];
  changes: number[];
  peakRss: number;
}

async function main() {
  const text = readSeed(SEED);
  const sides: Side[] = [
    { name: 'ours', module: SERVER_JS, starts: [], firstOpens: [], opens: [], changes: [], peakRss: 0 },
    { name: 'null', module: buildNullServer(), starts: [], firstOpens: [], opens: [], changes: [], peakRss: 0 },
  ];
  const root = path.join(REPO_ROOT, 'test/fixtures');

  // One start of each first, so that the OS file cache is not what the first sample measures.
  for (const side of sides) await (await TestClient.start({ root, serverModule: side.module })).stop();

  // Cold start and first open: a fresh server each time, the two servers in turn (order swapped each round).
  for (let i = 0; i < STARTS; i++) {
    for (const side of i % 2 === 0 ? sides : [...sides].reverse()) {
      const t0 = performance.now();
      const client = await TestClient.start({ root, serverModule: side.module });
      side.starts.push(performance.now() - t0);
      const t1 = performance.now();
      await client.open(fileUri(`/bench/first-${i}.txt`), text);
      side.firstOpens.push(performance.now() - t1);
      await client.stop();
    }
  }

  // Opens, then change → diagnostics: one server of each, one open or edit to each in turn; then each
  // one's peak RSS.
  const clients = await Promise.all(sides.map((side) => TestClient.start({ root, serverModule: side.module })));
  for (let i = 0; i < OPENS; i++) {
    for (let k = 0; k < sides.length; k++) {
      const openUri = fileUri(`/bench/open-${i}.txt`);
      const t0 = performance.now();
      await clients[k].open(openUri, text);
      sides[k].opens.push(performance.now() - t0);
      await clients[k].close(openUri);
    }
  }
  const uri = fileUri('/bench/changes.txt');
  const editors = await Promise.all(clients.map(async (client) => {
    await client.open(uri, text);
    return cellEditor(client, uri, text);
  }));
  for (let i = 0; i < CHANGES; i++) {
    for (let k = 0; k < sides.length; k++) sides[k].changes.push(await editors[k]());
  }
  for (let k = 0; k < sides.length; k++) {
    sides[k].peakRss = clients[k].peakRss();
    await clients[k].stop();
  }

  const [ours, none] = sides;
  const start = [stats(ours.starts), stats(none.starts)] as const;
  const firstOpen = [stats(ours.firstOpens), stats(none.firstOpens)] as const;
  const open = [stats(ours.opens), stats(none.opens)] as const;
  const change = [stats(ours.changes), stats(none.changes)] as const;
  const ms = (x: number) => x.toFixed(2);
  const mib = (x: number) => (x / MiB).toFixed(1);
  const rows = [
    { measure: 'cold start (spawn → initialize result)', ours: start[0], none: start[1], ratio: start[0].median / start[1].median, on: 'median', budget: 2 },
    { measure: `open → first diagnostics (${OPENS} opens)`, ours: open[0], none: open[1], ratio: open[0].median / open[1].median, on: 'median', budget: 4 },
    { measure: 'open → first diagnostics, fresh server', ours: firstOpen[0], none: firstOpen[1], ratio: firstOpen[0].median / firstOpen[1].median, on: 'median', budget: 4 },
    { measure: `change → diagnostics (${CHANGES} edits)`, ours: change[0], none: change[1], ratio: change[0].p95 / change[1].p95, on: 'p95', budget: 3 },
  ].map((r) => [
    r.measure,
    `${ms(r.ours.median)} / ${ms(r.ours.p95)}`,
    `${ms(r.none.median)} / ${ms(r.none.p95)}`,
    `${r.ratio.toFixed(2)}×`,
    `${r.ratio <= r.budget ? '✓' : '✗'} ${r.on} ≤ ${r.budget}×`,
  ]);
  const rssMargin = (ours.peakRss - none.peakRss) / MiB;
  const rssOk = rssMargin <= 25;
  rows.push([
    'peak RSS after the edits (MiB)',
    mib(ours.peakRss),
    mib(none.peakRss),
    `+${rssMargin.toFixed(1)} MiB`,
    `${rssOk ? '✓' : '✗'} ≤ null + 25 MiB`,
  ]);

  const header = ['measure', 'ours: median / p95 ms', 'null: median / p95 ms', 'ratio', 'budget'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r: string[]) => r.map((c, i) => (i === 0 || i === 4 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`LSP benchmark — node ${process.version}, ${SEED} (${(Buffer.byteLength(text) / 1024).toFixed(0)} KB), per server: ${STARTS} starts, ${OPENS} opens, ${CHANGES} edits`);
  console.log(fmt(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(fmt(r));

  const outDir = path.join(REPO_ROOT, 'bench-results');
  mkdirSync(outDir, { recursive: true });
  const result = {
    node: process.version,
    seed: SEED,
    coldStartMs: { ours: start[0], null: start[1] },
    openMs: { ours: open[0], null: open[1] },
    firstOpenMs: { ours: firstOpen[0], null: firstOpen[1] },
    changeMs: { ours: change[0], null: change[1] },
    peakRssMiB: { ours: ours.peakRss / MiB, null: none.peakRss / MiB },
  };
  writeFileSync(path.join(outDir, 'lsp.json'), JSON.stringify(result, null, 2) + '\n');
  const missed = rows.some((r) => r[4].startsWith('✗'));
  if (missed && process.argv.includes('--strict')) process.exit(1);
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
