/**
 * `npm run bench`: core analysis time per seed next to a bare line split of the same text, and CLI
 * throughput over a few hundred files. Medians (and p95) over repeated runs; no test asserts on time.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeReport, planRecompute } from '../../server/src/core';
import { CACHE_DIR_VARIABLE } from '../../server/src/cli/codeCache';
import { ROOT, SEEDS, paddedReport, readSeed, seedIn, withTablesAs } from '../support/fixtures';

function quantiles(samples: number[]): { median: number; p95: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], p95: s[Math.floor(s.length * 0.95)] };
}

/** Times `fn` `runs` times after a warm-up; returns per-run milliseconds. */
function time(fn: () => unknown, runs: number): number[] {
  return timeTogether([fn], runs)[0];
}

/**
 * Times several functions in alternation (a, b, a, b, …) so that a change in machine load during the
 * run affects all of them alike and their ratio stays meaningful; per-run milliseconds for each.
 */
function timeTogether(fns: (() => unknown)[], runs: number): number[][] {
  for (let i = 0; i < Math.min(200, runs); i++) for (const fn of fns) fn();
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

const fmt = (ms: number) => (ms < 0.01 ? ms.toFixed(4) : ms.toFixed(3));

function benchCore(): void {
  const RUNS = 2000;
  const base = readSeed('000');
  const cases = [
    ...SEEDS.map((s) => ({ name: s.slice(0, 3), text: readSeed(s) })),
    { name: '000 as Markdown', text: withTablesAs(base, 'markdown') },
    { name: '000 as PDF text', text: seedIn('000', 'aligned') },
    { name: '000 padded to 25 KB', text: paddedReport() },
  ];
  console.log(`\n## Core analysis (parse + check), ${RUNS} runs each\n`);
  console.log('| report | size | analysis median | analysis p95 | line split median | ratio | recompute plan median |');
  console.log('|---|---|---|---|---|---|---|');
  for (const c of cases) {
    const [analysisRuns, splitRuns] = timeTogether([() => analyzeReport(c.text), () => c.text.split(/\r?\n/)], RUNS);
    const analysis = quantiles(analysisRuns);
    const split = quantiles(splitRuns);
    const doc = analyzeReport(c.text).document;
    const recompute = quantiles(time(() => planRecompute(doc), RUNS));
    const kb = (Buffer.byteLength(c.text) / 1024).toFixed(1);
    console.log(`| ${c.name} | ${kb} KB | ${fmt(analysis.median)} ms | ${fmt(analysis.p95)} ms | ${fmt(split.median)} ms | ${(analysis.median / split.median).toFixed(1)}× | ${fmt(recompute.median)} ms |`);
  }
}

/** This environment without NODE_EXTRA_CA_CERTS, which Node reads and parses at every start-up. */
const { NODE_EXTRA_CA_CERTS, ...ENV_WITHOUT_CA } = process.env;

/** Wall clock of one process run, in ms. */
function wall(args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const t0 = process.hrtime.bigint();
  const res = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 28, env });
  if (res.status === 2) throw new Error(res.stderr);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/**
 * `check --format json` over a few hundred and a few thousand files: the first shows what a typical
 * batch costs including Node start-up and JIT warm-up, the second the rate once the code is hot. The
 * CLI keeps V8's code cache in a folder of the bench's own, filled by one run before the timed ones (as
 * any earlier run fills the user's); one row runs without it, for comparison.
 */
function benchCli(): void {
  const RUNS = 9;
  const cli = path.join(ROOT, 'dist', 'cli.js');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gar-bench-'));
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gar-bench-cache-'));
  const withCache = (env: NodeJS.ProcessEnv, cache = cacheDir) => ({ ...env, [CACHE_DIR_VARIABLE]: cache });
  let written = 0;
  const writeReports = (files: number) => {
    for (; written < files; written++) fs.writeFileSync(path.join(dir, `r${written}.txt`), readSeed(SEEDS[written % SEEDS.length]));
  };
  writeReports(300);
  wall([cli, 'check', '--format', 'json', dir], withCache(process.env)); // fills the code cache; not timed
  const seed = path.join(ROOT, 'test', 'fixtures', 'seeds', SEEDS[0]);
  const single = quantiles(Array.from({ length: RUNS }, () => wall([cli, 'check', seed], withCache(process.env))));
  // What Node itself takes to start and exit here (NODE_EXTRA_CA_CERTS, for one, adds tens of ms).
  const bare = quantiles(Array.from({ length: RUNS }, () => wall(['-e', '0'])));
  const bareWithoutCa = quantiles(Array.from({ length: RUNS }, () => wall(['-e', '0'], ENV_WITHOUT_CA)));
  console.log(`\n## CLI throughput (\`check --format json\`, median of ${RUNS} runs, wall clock incl. Node start-up; rows of a size interleaved)\n`);
  console.log(`One-file run median ${single.median.toFixed(0)} ms; \`node -e 0\` median ${bare.median.toFixed(0)} ms`
    + (NODE_EXTRA_CA_CERTS ? `, ${bareWithoutCa.median.toFixed(0)} ms without NODE_EXTRA_CA_CERTS (set here).\n` : '.\n'));
  console.log('| files | environment | median wall | reports/s |');
  console.log('|---|---|---|---|');
  // Rows timed together run in alternation, so that they share the machine's phases (this VM's speed
  // drifts by ±10 % over a minute, more than the code cache saves).
  const rows: [number, [string, NodeJS.ProcessEnv][]][] = [
    [300, [['as is', withCache(process.env)], ['as is, no code cache', withCache(process.env, 'off')]]],
    [3000, [['as is', withCache(process.env)]]],
  ];
  if (NODE_EXTRA_CA_CERTS) rows[0][1].push(['without NODE_EXTRA_CA_CERTS', withCache(ENV_WITHOUT_CA)]);
  for (const [files, variants] of rows) {
    writeReports(files);
    const times = variants.map((): number[] => []);
    for (let run = 0; run < RUNS; run++) variants.forEach(([, env], i) => times[i].push(wall([cli, 'check', '--format', 'json', dir], env)));
    variants.forEach(([label], i) => {
      const { median } = quantiles(times[i]);
      console.log(`| ${files} | ${label} | ${median.toFixed(0)} ms | ${Math.round(files / (median / 1000))} |`);
    });
  }
  // Each deoptimization costs a bailout and a recompile while the batch runs; there should be none.
  const traced = spawnSync(process.execPath, ['--trace-deopt', cli, 'check', '--format', 'json', dir], { encoding: 'utf8', maxBuffer: 1 << 28, env: withCache(process.env, 'off') });
  const deopts = (traced.stdout.match(/^\[bailout \(kind: deopt/gm) ?? []).length;
  console.log(`\nV8 deoptimizations in one run over ${written} files (\`node --trace-deopt\`): ${deopts}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(cacheDir, { recursive: true, force: true });
}

console.log(`gov-annual-report bench — Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
benchCore();
benchCli();
