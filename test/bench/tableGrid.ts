/**
 * The table view's server-side cost for one keystroke: analysing a ~25 KB report and building its grid
 * model (core/tableGrid.ts), and the size of the JSON the request sends. The first run (a cold process)
 * and medians over repeated runs; no test asserts on time.
 *
 *   npx tsc -p tsconfig.test.json && node out/test/bench/tableGrid.js
 */
import { analyzeReport, tableGrid } from '../../server/src/core';
import { paddedTo, readSeed, seedIn, withTablesAs } from '../support/fixtures';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

const cases = [
  { name: '000 padded to 25 KB (TAB)', text: paddedTo(readSeed('000'), 25_000) },
  { name: '000 as Markdown', text: withTablesAs(readSeed('000'), 'markdown') },
  { name: '000 as PDF text (24.7 KB)', text: seedIn('000', 'aligned') },
];
const RUNS = 300;
console.log('case                         size    analyse+grid first  grid first  analyse+grid median  grid median  JSON');
for (const c of cases) {
  const all: number[] = [];
  const grid: number[] = [];
  let json = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    const { document, findings } = analyzeReport(c.text, { locale: 'zh-cn' });
    const t1 = process.hrtime.bigint();
    const model = tableGrid(document, findings, 'zh-cn');
    grid.push(ms(t1));
    all.push(ms(t0));
    json = JSON.stringify(model).length;
  }
  console.log(`${c.name.padEnd(28)} ${(Buffer.byteLength(c.text) / 1024).toFixed(0).padStart(3)} KB  ${all[0].toFixed(2).padStart(8)} ms  ${grid[0].toFixed(2).padStart(7)} ms  ${median(all).toFixed(2).padStart(12)} ms  ${median(grid).toFixed(3).padStart(8)} ms  ${(json / 1024).toFixed(0)} KB`);
}
