/**
 * Loads a CommonJS bundle with V8's code cache, so that a run starts with the bytecode of the functions
 * earlier runs compiled instead of parsing and compiling them again (Node 22's `module.enableCompileCache`
 * does this; Node 20 has no such thing).
 *
 * The cache is written at the end of a run that did real work, not right after compiling: V8 compiles a
 * function when it is first called, so a cache made before running holds little more than the top level
 * (which is what `v8-compile-cache`-style loaders store, and why one measured nothing here). Made after
 * a run, it holds the whole analysis and saves about 8 ms a process (21 interleaved pairs, 2 cores: one
 * report 89–90 → 81–83 ms; 300 reports 306 → 286 and 283 → 283 ms, within this VM's drift).
 *
 * V8 rejects a cache made from another source length, another V8 or other V8 flags (set flags BEFORE
 * loading); then the run compiles as usual and writes a fresh one. The key also holds the bundle's size
 * and modification time, so a rebuilt bundle never meets an old cache. Any failure to read or write the
 * cache only costs the speed-up: it is never an error.
 */
import * as fs from 'node:fs';
import Module from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';

/** Set to a folder to keep the cache there, or to "off" to load without it. */
export const CACHE_DIR_VARIABLE = 'GOV_ANNUAL_REPORT_CACHE_DIR';

/** Where the cache lives: the variable above, else the user's cache folder (never a shared one). */
export function codeCacheDir(env: NodeJS.ProcessEnv): string | undefined {
  const chosen = env[CACHE_DIR_VARIABLE];
  if (chosen === 'off') return undefined;
  if (chosen) return chosen;
  const base = process.platform === 'win32' ? env.LOCALAPPDATA : env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return base ? path.join(base, 'gov-annual-report') : undefined;
}

export interface CachedModule {
  exports: unknown;
  /** Writes the cache if this load had none (or V8 rejected it). Call once the run has done its work. */
  saveCache(): void;
}

/** Requires `file` (a CommonJS bundle) through the code cache in `cacheDir` (none: a plain require). */
export function requireWithCodeCache(file: string, cacheDir: string | undefined): CachedModule {
  if (!cacheDir) return { exports: require(file), saveCache: () => undefined };
  const source = fs.readFileSync(file, 'utf8');
  const stat = fs.statSync(file);
  const prefix = `${path.basename(file, '.js')}-`;
  const cacheName = `${prefix}${process.version}-${process.arch}-${stat.size}-${Math.round(stat.mtimeMs)}.v8cache`;
  const cacheFile = path.join(cacheDir, cacheName);
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    /* first run, or the cache was removed */
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const needsCache = !cachedData || script.cachedDataRejected === true;

  // A bundle requires only Node's built-ins, so a plain createRequire serves it.
  const module = new Module(file, undefined);
  module.filename = file;
  const moduleRequire = Module.createRequire(file);
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, moduleRequire, module, file, path.dirname(file));
  module.loaded = true;

  return {
    exports: module.exports,
    saveCache: () => {
      if (!needsCache) return;
      try {
        fs.mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
        const tmp = `${cacheFile}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, script.createCachedData());
        fs.renameSync(tmp, cacheFile);
        // Caches of earlier builds or Node versions will never be read again.
        for (const name of fs.readdirSync(cacheDir)) {
          if (name.startsWith(prefix) && name.endsWith('.v8cache') && name !== cacheName) fs.rmSync(path.join(cacheDir, name), { force: true });
        }
      } catch {
        /* a read-only home, a full disk: run without the cache next time too */
      }
    },
  };
}
