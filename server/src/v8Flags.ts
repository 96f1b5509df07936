/**
 * V8 flags set at run time (node:v8 `setFlagsFromString`), by the CLI (cli/jit.ts) and the language
 * server (lsp/compilerTier.ts) for themselves, so that they behave the same however they are started.
 *
 * A flag is set only on V8 versions known to have it: an unknown flag makes V8 print an error on
 * stderr. node:v8 is loaded on the first call only (it costs ~2 ms to load).
 */
export function setV8Flags(flags: string, knownFrom: number, knownTo = 13): boolean {
  const major = Number(process.versions.v8.split('.')[0]);
  if (!(major >= knownFrom && major <= knownTo)) return false;
  (require('node:v8') as typeof import('node:v8')).setFlagsFromString(flags);
  return true;
}
