// `npm test` after the build: every compiled *.test.js under out/test, run by node's test runner.
// The files are listed here rather than by a glob in package.json: Node 20 does not expand globs itself
// and npm's shell on Windows does not either; a folder argument would also run the benchmarks and helpers.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join('out', 'test');
const files = readdirSync(root, { recursive: true })
  .filter((f) => f.endsWith('.test.js'))
  .map((f) => join(root, f))
  .sort();
if (files.length === 0) {
  console.error(`no *.test.js under ${root}: was the test build (tsc -p tsconfig.test.json) run?`);
  process.exit(1);
}
const { status } = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(status ?? 1);
