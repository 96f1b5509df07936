/**
 * `npm run bench` (never part of `npm test`): the performance budgets of docs/performance.md, each
 * measured next to its reference in the same run, printed as one table with ✓ or ✗ per budget.
 * - Analysis (parse + rules) of a 25 KB report, in every shape the parser reads: median ≤ 1 ms and
 *   ≤ 30× a bare line split of the same text, the two timed in alternation.
 * - A 1 MB report: median ≤ 100 ms.
 * - The CLI, `check --format json` over 300 and 3,000 copies of the seeds, wall clock with Node's
 *   start-up: ≥ 500 and ≥ 1,000 reports/s, the two batch sizes run in alternation.
 * Exits 1 when a budget is missed.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeReport, parseReport } from '../../server/src/core';
import { ROOT, SEEDS, paddedTo, readSeed, seedIn, type TestShape } from '../support/fixtures';

interface Stats {
  median: number;
  p95: number;
}

function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
  return { median: at(0.5), p95: at(0.95) };
}

/**
 * Times functions in alternation (a, b, a, b, …) after a warm-up, so that a change in the machine's
 * load during the run affects them alike and their ratio stays meaningful. Milliseconds per run, per function.
 */
function timeTogether(fns: (() => unknown)[], runs: number, warmUp = Math.min(100, runs)): number[][] {
  for (let i = 0; i < warmUp; i++) for (const fn of fns) fn();
  const out: number[][] = fns.map(() => []);
  for (let i = 0; i < runs; i++) {
    fns.forEach((fn, k) => {
      const t0 = process.hrtime.bigint();
      fn();
      out[k].push(Number(process.hrtime.bigint() - t0) / 1e6);
    });
  }
  return out;
}

const splitLines = (text: string) => text.split(/\r?\n/);

const KB25 = 25_000;
const MB1 = 1_000_000;
const SHAPES: [TestShape | 'original', string][] = [
  ['original', 'as published'],
  ['tab', 'TAB cells'],
  ['pipe', 'pipe cells'],
  ['markdown', 'Markdown'],
  ['rows', 'rows without outer pipes'],
  ['aligned', 'PDF layout text'],
];

interface Row {
  budget: string;
  measured: string;
  median: string;
  p95: string;
  reference: string;
  ratio: string;
  ok: boolean[];
}

const ms = (x: number) => (x < 1 ? x.toFixed(3) : x < 100 ? x.toFixed(1) : x.toFixed(0)) + ' ms';
const mark = (ok: boolean) => (ok ? '✓' : '✗');

/**
 * One row per shape: every seed in that shape padded to 25 KB, analysis and line split of each timed
 * in alternation; the row shows the seed with the slowest median (and the largest ratio, if another).
 */
function bench25k(runs: number): Row[] {
  return SHAPES.map(([shape, label]) => {
    const perSeed = SEEDS.map((seed) => {
      const text = paddedTo(seedIn(seed, shape), KB25);
      const [analysis, split] = timeTogether([() => analyzeReport(text), () => splitLines(text)], runs).map(stats);
      return { seed: seed.slice(0, 3), kb: Buffer.byteLength(text) / 1024, analysis, split, ratio: analysis.median / split.median };
    });
    const slowest = perSeed.reduce((a, b) => (b.analysis.median > a.analysis.median ? b : a));
    const widest = perSeed.reduce((a, b) => (b.ratio > a.ratio ? b : a));
    const ratioNote = widest === slowest ? '' : ` (${widest.seed}: ${widest.ratio.toFixed(1)}×)`;
    return {
      budget: '25 KB analysis ≤ 1 ms, ≤ 30× split',
      measured: `${label}, slowest of ${perSeed.length} seeds: ${slowest.seed} (${slowest.kb.toFixed(1)} KB)`,
      median: ms(slowest.analysis.median),
      p95: ms(slowest.analysis.p95),
      reference: `split ${ms(slowest.split.median)}`,
      ratio: `${slowest.ratio.toFixed(1)}×${ratioNote}`,
      ok: [slowest.analysis.median <= 1, widest.ratio <= 30],
    };
  });
}

/**
 * Two 1 MB reports: seed 000 with its prose repeated (a very long report), and the five seeds one after
 * the other, again and again (many reports pasted into one file: every table and heading many times).
 */
function bench1mb(runs: number): Row[] {
  const longProse = paddedTo(readSeed('000'), MB1);
  let pasted = '';
  for (let i = 0; Buffer.byteLength(pasted) < MB1; i++) pasted += readSeed(SEEDS[i % SEEDS.length]) + '\n';
  return [
    ['seed 000, prose repeated', longProse],
    ['the five seeds pasted in turn', pasted],
  ].map(([label, text]) => {
    const [analysis, split] = timeTogether([() => analyzeReport(text), () => splitLines(text)], runs, 3).map(stats);
    return {
      budget: '1 MB analysis ≤ 100 ms',
      measured: `${label} (${(Buffer.byteLength(text) / 1024).toFixed(0)} KB)`,
      median: ms(analysis.median),
      p95: ms(analysis.p95),
      reference: `split ${ms(split.median)}`,
      ratio: `${(analysis.median / split.median).toFixed(1)}×`,
      ok: [analysis.median <= 100],
    };
  });
}

/** Wall clock of one process run, in ms; exit code 2 (usage or I/O error) is a broken bench. */
function wall(args: string[]): number {
  const t0 = process.hrtime.bigint();
  const res = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  const elapsed = Number(process.hrtime.bigint() - t0) / 1e6;
  if (res.status !== 0 && res.status !== 1) throw new Error(`node ${args.join(' ')}: exit ${res.status}\n${res.stderr}`);
  return elapsed;
}

/**
 * The built CLI over 300 and 3,000 copies of the seeds (each file a seed's text, the five in turn),
 * the two batch sizes and a bare `node -e 0` run in alternation, wall clock including Node's start-up.
 */
function benchCli(runs: number): Row[] {
  const cli = path.join(ROOT, 'dist', 'cli.js');
  const batches = [300, 3000].map((files) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `gar-bench-${files}-`));
    for (let i = 0; i < files; i++) fs.writeFileSync(path.join(dir, `r${i}.txt`), readSeed(SEEDS[i % SEEDS.length]));
    return { files, dir };
  });
  try {
    const commands = [...batches.map((b) => [cli, 'check', '--format', 'json', b.dir]), ['-e', '0']];
    commands.forEach((args) => wall(args)); // not timed: fills the file system cache
    const times: number[][] = commands.map(() => []);
    for (let r = 0; r < runs; r++) commands.forEach((args, k) => times[k].push(wall(args)));
    const bare = stats(times[commands.length - 1]);
    const budgets: Record<number, number> = { 300: 500, 3000: 1000 };
    return batches.map((b, k) => {
      const t = stats(times[k]);
      const rate = b.files / (t.median / 1000);
      return {
        budget: `CLI ≥ ${budgets[b.files].toLocaleString('en')} reports/s on ${b.files.toLocaleString('en')}`,
        measured: `\`check --format json\`, ${b.files.toLocaleString('en')} files`,
        median: ms(t.median),
        p95: ms(t.p95),
        reference: `\`node -e 0\` ${ms(bare.median)}`,
        ratio: `${Math.round(rate).toLocaleString('en')} reports/s`,
        ok: [rate >= budgets[b.files]],
      };
    });
  } finally {
    for (const b of batches) fs.rmSync(b.dir, { recursive: true, force: true });
  }
}

function printTable(rows: Row[]): void {
  console.log('| budget | measured | median | p95 | reference (median) | ratio / rate | met |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.budget} | ${r.measured} | ${r.median} | ${r.p95} | ${r.reference} | ${r.ratio} | ${r.ok.map(mark).join(' ')} |`);
}

const CORE_RUNS = 500;
const MB_RUNS = 21;
const CLI_RUNS = 7;
const cpus = os.cpus();
console.log(`gov-annual-report bench — Node ${process.version}, ${os.platform()} ${os.arch()}, ${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(`25 KB: ${CORE_RUNS} alternated runs per seed and shape; 1 MB: ${MB_RUNS} runs; CLI: ${CLI_RUNS} alternated runs per batch.\n`);
const rows = [...bench25k(CORE_RUNS), ...bench1mb(MB_RUNS), ...benchCli(CLI_RUNS)];
printTable(rows);
const missed = rows.filter((r) => r.ok.includes(false)).length;
console.log(missed ? `\n${missed} row(s) miss a budget.` : '\nEvery budget met.');
process.exitCode = missed ? 1 : 0;
