/**
 * LSP benchmark over stdio against dist/server.js (`npm run bench:lsp`): cold start, open → first
 * diagnostics, change → diagnostics, hover and code-action latency, and the server's RSS afterwards.
 * Each latency is measured from sending the message to receiving the matching publish/response in
 * the client, so it includes JSON-RPC framing and the pipe, as an editor would see it.
 * Writes bench-results/lsp.json too. `--strict` exits 1 when a target is missed.
 *
 * The server runs with the Node/V8 flags the VS Code client gives it (server/src/lsp/nodeFlags.ts);
 * `--node-flags="…"` replaces them (`--node-flags=` for none), to compare. RSS is read right after the
 * edits and again once the server has been idle long enough for its idle collection (memory.ts): the
 * ≤ 50 MiB target is checked on the settled figure, the burst figure is shown beside it. "private" is
 * the anonymous memory of the process; the rest of RSS is the node binary's pages (file-backed, shared
 * with other node processes).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { IDLE_COLLECT_MS } from '../../server/src/lsp/memory';
import { SERVER_NODE_FLAGS } from '../../server/src/lsp/nodeFlags';
import { TestClient, fileUri, readSeed, REPO_ROOT } from '../lsp/client';

const SEED = '000_dc17b29f247dd138.txt';
const STARTS = 20;
const OPENS = 50;
const CHANGES = 300;
const PACED_CHANGES = 100;
const FLAGS_ARG = process.argv.find((a) => a.startsWith('--node-flags='));
const NODE_FLAGS = FLAGS_ARG === undefined ? [...SERVER_NODE_FLAGS] : FLAGS_ARG.slice('--node-flags='.length).split(' ').filter(Boolean);

/** RSS and anonymous (private) memory of a process, in MiB (Linux /proc). */
function memoryOf(pid: number): { rss: number; anon: number } {
  const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(rollup)?.[1] ?? NaN);
  return { rss: kb('Rss') / 1024, anon: kb('Anonymous') / 1024 };
}

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
  return { n: s.length, median: at(0.5), p95: at(0.95), max: s[s.length - 1] };
}

/**
 * Keystroke-sized edits of `text` open at `uri`: each flips a table-三 total between two values and
 * resolves with its change → diagnostics latency. `position` is that cell's.
 */
function cellEditor(client: TestClient, uri: string, text: string) {
  const lines = text.split('\n');
  let line = lines.findIndex((l) => l.trim() === '（一）予以公开');
  for (let numbers = 0; numbers < 7; ) if (/^\t\s*\d+\s*$/.test(lines[++line])) numbers++;
  const character = lines[line].indexOf(lines[line].trim());
  let current = lines[line].trim();
  let version = 1;
  const edit = async (): Promise<number> => {
    const v = ++version;
    const next = v % 2 === 0 ? String(Number(current) + 1) : String(Number(current) - 1);
    const range = { start: { line, character }, end: { line, character: character + current.length } };
    current = next;
    const t0 = performance.now();
    const published = await client.change(uri, v, [{ range, text: next }]);
    if (published.version !== v) throw new Error('publish for the wrong version');
    return performance.now() - t0;
  };
  return { edit, position: { line, character } };
}

async function main() {
  const text = readSeed(SEED);
  const results: { name: string; n: number; median: number; p95: number; max: number; target?: string; ok?: boolean }[] = [];

  // Cold start: spawn → initialize result. One warm-up start first so the OS file cache is not measured.
  await (await TestClient.start({ execArgv: NODE_FLAGS })).stop();
  const starts: number[] = [];
  for (let i = 0; i < STARTS; i++) {
    const t0 = performance.now();
    const c = await TestClient.start({ execArgv: NODE_FLAGS });
    starts.push(performance.now() - t0);
    await c.stop();
  }
  const start = stats(starts);
  results.push({ name: 'cold start (spawn → initialize result)', ...start, target: 'median ≤ 150 ms', ok: start.median <= 150 });

  const client = await TestClient.start({ root: path.join(REPO_ROOT, 'test/fixtures'), execArgv: NODE_FLAGS });
  // Node + the bundle before any document: the floor the RSS target is measured against.
  const idle = memoryOf(client.proc.pid!);
  const opens: number[] = [];
  for (let i = 0; i < OPENS; i++) {
    const uri = fileUri(`/bench/open-${i}.txt`);
    const t0 = performance.now();
    await client.open(uri, text);
    opens.push(performance.now() - t0);
    await client.close(uri);
  }
  // The first open also pulls the settings (one workspace/configuration round trip); report it apart.
  const open = stats(opens.slice(1));
  results.push({ name: `open → first diagnostics (${(Buffer.byteLength(text) / 1024).toFixed(0)} KB)`, ...open, target: 'median ≤ 10 ms', ok: open.median <= 10 });
  results.push({ name: 'first open of the session', n: 1, median: opens[0], p95: opens[0], max: opens[0] });

  // Change → diagnostics: flip one table-三 total between two values, one keystroke-sized edit each.
  const uri = fileUri('/bench/changes.txt');
  await client.open(uri, text);
  const { edit, position } = cellEditor(client, uri, text);
  const changes: number[] = [];
  // Back to back, twice CHANGES edits: the first CHANGES right after the open include V8's warm-up of the
  // change path (the slowest edits are there); the next CHANGES run hot.
  for (let i = 0; i < 2 * CHANGES; i++) changes.push(await edit());
  // At typing pace (one edit per 100 ms), what a clerk sees: the process sleeps between edits, and code
  // that has slept runs slower than hot (in-process on this VM, seed 000's analysis: 0.29 ms back to
  // back, 0.85 ms after a 10 ms sleep).
  const paced: number[] = [];
  for (let i = 0; i < PACED_CHANGES; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    paced.push(await edit());
  }
  for (const [name, samples] of [
    [`change → diagnostics (first ${CHANGES} edits)`, changes.slice(0, CHANGES)],
    [`change → diagnostics (next ${CHANGES} edits)`, changes.slice(CHANGES)],
    [`change → diagnostics (${PACED_CHANGES} edits, 100 ms apart)`, paced],
  ] as const) {
    const change = stats(samples);
    results.push({ name, ...change, target: 'p95 ≤ 5 ms', ok: change.p95 <= 5 });
  }

  const hovers: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    await client.request('textDocument/hover', { textDocument: { uri }, position });
    hovers.push(performance.now() - t0);
  }
  results.push({ name: 'hover (cached analysis)', ...stats(hovers) });

  const actions: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    await client.request('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: position, end: position },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    actions.push(performance.now() - t0);
  }
  results.push({ name: 'codeAction source.fixAll', ...stats(actions) });

  const burst = memoryOf(client.proc.pid!);
  // A bare Node process, idle: the part of the server's RSS that is Node itself.
  const bare = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  await new Promise((resolve) => setTimeout(resolve, 500));
  const bareNode = memoryOf(bare.pid!);
  bare.kill();
  await new Promise((resolve) => setTimeout(resolve, IDLE_COLLECT_MS + 1500));
  const settled = memoryOf(client.proc.pid!);
  await client.stop();

  // A clerk opens a report and reads before typing: a fresh server, a pause of 1 s after the open, then
  // the edits (code that has not run for a while runs slower than hot; above, edits follow the open).
  const fresh = await TestClient.start({ execArgv: NODE_FLAGS });
  await fresh.open(uri, text);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const afterPause: number[] = [];
  const freshEditor = cellEditor(fresh, uri, text);
  for (let i = 0; i < CHANGES; i++) afterPause.push(await freshEditor.edit());
  await fresh.stop();
  const paused = stats(afterPause);
  const firstRow = results.findIndex((r) => r.name.startsWith('change → diagnostics (first'));
  results.splice(firstRow + 1, 0, { name: `change → diagnostics (first ${CHANGES}, new server, 1 s after the open)`, ...paused, target: 'p95 ≤ 5 ms', ok: paused.p95 <= 5 });

  const rows = results.map((r) => [
    r.name,
    String(r.n),
    r.median.toFixed(2),
    r.p95.toFixed(2),
    r.max.toFixed(2),
    r.target ? `${r.ok ? '✓' : '✗'} ${r.target}` : '',
  ]);
  const header = ['measure', 'n', 'median ms', 'p95 ms', 'max ms', 'target'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r: string[]) => r.map((c, i) => (i === 0 || i === 5 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`LSP benchmark — node ${process.version}, ${SEED}, server flags: ${NODE_FLAGS.join(' ') || '(none)'}`);
  console.log(fmt(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(fmt(r));

  const memRows = [
    ['bare node -e, idle (for comparison)', bareNode],
    ['idle after initialize', idle],
    ['right after the edits', burst],
    [`settled (${((IDLE_COLLECT_MS + 1500) / 1000).toFixed(1)} s idle)`, settled, `${settled.rss <= 50 ? '✓' : '✗'} ≤ 50 MiB`],
  ] as const;
  console.log('');
  console.log(`${'server memory'.padEnd(widths[0])}  RSS MiB  private MiB  target`);
  for (const [label, m, target] of memRows) {
    console.log(`${label.padEnd(widths[0])}  ${m.rss.toFixed(1).padStart(7)}  ${m.anon.toFixed(1).padStart(11)}  ${target ?? ''}`);
  }

  const outDir = path.join(REPO_ROOT, 'bench-results');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'lsp.json'), JSON.stringify({ node: process.version, seed: SEED, nodeFlags: NODE_FLAGS, results, memoryMiB: { bareNode, idle, burst, settled } }, null, 2) + '\n');
  const missed = results.some((r) => r.ok === false) || settled.rss > 50;
  if (missed && process.argv.includes('--strict')) process.exit(1);
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
