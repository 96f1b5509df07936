/**
 * `npm run bench:instructions`: machine instructions per analysis, counted by valgrind's callgrind,
 * for A/B comparisons of the core on a noisy machine. On the 2-core VM this project is measured on,
 * wall-clock medians of the same build move by ±20 % between runs (neighbours, CPU phases); the
 * instruction count of the same build repeats within 0.5 %. It is not a time: memory stalls and the
 * JIT's background threads are not in it (V8 runs single-threaded here, so compiles are counted on the
 * main thread, where they happen).
 *
 * The workload: the five seeds, seed 000 as Markdown and the 25 KB report, analysed in rounds. Two runs,
 * of FIRST and of LAST rounds, so Node's start-up cancels out:
 * - per analysis, hot: (count(LAST) − count(FIRST)) / ((LAST − FIRST) × reports per round);
 * - first FIRST rounds, in total: what start-up and the JIT's warm-up cost (the CLI's case).
 *
 * `node out/test/bench/instructions.js [--core DIR]` measures the core compiled in DIR/out (default:
 * this checkout), so two checkouts can be compared. Needs valgrind (Debian: apt-get install valgrind);
 * takes a few minutes.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { ROOT, SEEDS, paddedReport, readSeed, withTablesAs } from '../support/fixtures';

const FIRST = 100;
const LAST = 300;

/** The reports of one round. */
function workload(): string[] {
  return [...SEEDS.map(readSeed), withTablesAs(readSeed('000'), 'markdown'), paddedReport()];
}

/** Child mode (`--rounds N --core DIR`): the analyses to count. */
function loop(rounds: number, coreDir: string): void {
  const { analyzeReport } = require(path.join(coreDir, 'out', 'server', 'src', 'core')) as typeof import('../../server/src/core');
  const texts = workload();
  for (let i = 0; i < rounds; i++) for (const t of texts) analyzeReport(t);
}

/** Instructions callgrind counts for the whole child process (start-up included). */
function instructions(rounds: number, coreDir: string): number {
  const res = spawnSync('valgrind', [
    '--tool=callgrind', '--callgrind-out-file=/dev/null',
    process.execPath, '--single-threaded', __filename, '--rounds', String(rounds), '--core', coreDir,
  ], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const m = /I\s+refs:\s+([\d,]+)/.exec(res.stderr ?? '');
  if (res.status !== 0 || !m) throw new Error(`valgrind failed (${res.status}): ${(res.stderr ?? '').slice(-2000)}`);
  return Number(m[1].replace(/,/g, ''));
}

function main(): void {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const coreDir = path.resolve(arg('--core') ?? ROOT);
  const rounds = arg('--rounds');
  if (rounds !== undefined) return loop(Number(rounds), coreDir);

  if (spawnSync('valgrind', ['--version']).status !== 0) {
    console.error('bench:instructions needs valgrind (Debian: apt-get install valgrind).');
    process.exit(2);
  }
  const perRound = workload().length;
  const first = instructions(FIRST, coreDir);
  const last = instructions(LAST, coreDir);
  const perAnalysis = (last - first) / ((LAST - FIRST) * perRound);
  console.log(`core in ${coreDir}`);
  console.log(`instructions per analysis, hot (rounds ${FIRST}–${LAST} of ${perRound} reports): ${(perAnalysis / 1e6).toFixed(3)} M`);
  console.log(`instructions for start-up and the first ${FIRST} rounds: ${(first / 1e9).toFixed(3)} G`);
}

main();
