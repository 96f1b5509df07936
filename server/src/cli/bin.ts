/**
 * The `gov-annual-report` command (dist/cli.js): tunes V8, then loads the CLI proper (dist/cli-main.js,
 * built from main.ts) through V8's code cache and runs it. Kept apart from main.ts so that the bundle
 * with the analysis is what the cache holds.
 */
import * as path from 'node:path';
import { codeCacheDir, requireWithCodeCache } from './codeCache';
import { tuneJit } from './jit';
import type * as Main from './main';

tuneJit(); // before loading: the flags are part of what V8 checks a code cache against
// `check dir | head`: the reader went away; stop quietly instead of dying on EPIPE with a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit();
});
const loaded = requireWithCodeCache(path.join(__dirname, 'cli-main.js'), codeCacheDir(process.env));
let analysedFiles = 0;
const finish = (code: number) => {
  process.exitCode = code;
  // Only a run that analysed something has compiled the analysis: worth keeping.
  if (analysedFiles > 0) loaded.saveCache();
};
const code = (loaded.exports as typeof Main).runFromProcess((files) => (analysedFiles = files));
if (typeof code === 'number') finish(code);
else void code.then(finish);
