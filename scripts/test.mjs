// `npm test` after the build: the compiled form (out/test/…/*.test.js) of every test/…/*.test.ts, run by
// node's test runner. Listed from the sources, so that a test deleted from test/ is not run from a stale
// out/. The files are listed here rather than by a glob in package.json: Node 20 does not expand globs
// itself and npm's shell on Windows does not either; a folder argument would also run the benchmarks
// and helpers.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const files = readdirSync('test', { recursive: true })
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => join('out', 'test', f.replace(/\.ts$/, '.js')))
  .sort();
const unbuilt = files.filter((f) => !existsSync(f));
if (files.length === 0 || unbuilt.length > 0) {
  console.error(`not compiled: ${unbuilt.join(', ') || 'no tests'}: was the test build (tsc -p tsconfig.test.json) run?`);
  process.exit(1);
}
const { status } = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(status ?? 1);
