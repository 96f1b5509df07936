// `npm run bench`: every performance budget in one run — the core and the CLI (bench.js), the language
// server against a do-nothing server (lspBench.js), and a national-scale batch (scale.js). Each prints its
// table with ✓/✗; this exits 1 when any budget was missed. Never part of `npm test`.
import { spawnSync } from 'node:child_process';

const benches = [['out/test/bench/bench.js'], ['out/test/bench/lspBench.js', '--strict'], ['out/test/bench/scale.js']];
const missed = benches.filter((argv) => spawnSync(process.execPath, argv, { stdio: 'inherit' }).status !== 0).map(([file]) => file);
if (missed.length > 0) console.log(`\nbudgets missed in: ${missed.join(', ')}`);
process.exit(missed.length > 0 ? 1 : 0);
