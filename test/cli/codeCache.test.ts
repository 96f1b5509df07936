/**
 * V8's code cache for the CLI bundle (server/src/cli/codeCache.ts): the loader in-process on small
 * modules, then the built command (dist/cli.js) with a cache folder of its own.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { CACHE_DIR_VARIABLE, codeCacheDir, requireWithCodeCache } from '../../server/src/cli/codeCache';
import { ROOT, SEED_DIR } from '../support/fixtures';
import { tempDir } from '../support/temp';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const cacheFiles = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.v8cache')) : []);

/** A module file in a folder of its own (require caches by path; each test loads fresh files). */
function moduleFile(source: string): string {
  const file = path.join(tempDir(), 'mod.js');
  fs.writeFileSync(file, source);
  return file;
}

describe('code cache loader', () => {
  test('where the cache lives: the variable, "off", else the user cache folder', () => {
    assert.equal(codeCacheDir({ [CACHE_DIR_VARIABLE]: '/x/y' }), '/x/y');
    assert.equal(codeCacheDir({ [CACHE_DIR_VARIABLE]: 'off' }), undefined);
    if (process.platform !== 'win32') {
      assert.equal(codeCacheDir({ XDG_CACHE_HOME: '/c' }), path.join('/c', 'gov-annual-report'));
      assert.equal(codeCacheDir({}), path.join(os.homedir(), '.cache', 'gov-annual-report'));
    }
  });

  test('the first load writes a cache that V8 accepts; a later load keeps it; a new build replaces it', () => {
    const cache = tempDir();
    const file = moduleFile('module.exports = { double: (x) => x * 2, name: __filename };');
    const first = requireWithCodeCache(file, cache);
    assert.equal((first.exports as { double(x: number): number }).double(21), 42);
    assert.equal((first.exports as { name: string }).name, file, 'CommonJS wrapper arguments');
    assert.deepEqual(cacheFiles(cache), [], 'nothing before saveCache');
    first.saveCache();
    const [written] = cacheFiles(cache);
    assert.ok(written, 'a cache file');
    const before = fs.readFileSync(path.join(cache, written));

    const second = requireWithCodeCache(file, cache);
    fs.writeFileSync(path.join(cache, written), before.subarray(0, 0)); // would show if rewritten
    second.saveCache();
    assert.equal(fs.statSync(path.join(cache, written)).size, 0, 'an accepted cache is not written again');

    // Garbage where the cache was: V8 rejects it, the module still loads, and a good cache replaces it.
    // (Another source of the same length and time, as the one already compiled in this process would
    // come from V8's in-memory compilation cache without reading the file.)
    fs.writeFileSync(path.join(cache, written), 'not a cache');
    const { mtime } = fs.statSync(file);
    fs.writeFileSync(file, 'module.exports = { double: (x) => x * 3, name: __filename };');
    fs.utimesSync(file, mtime, mtime);
    const third = requireWithCodeCache(file, cache);
    assert.equal((third.exports as { double(x: number): number }).double(2), 6);
    third.saveCache();
    assert.deepEqual(cacheFiles(cache), [written]);
    assert.ok(fs.statSync(path.join(cache, written)).size > 100, 'a real cache again');

    // A rebuilt bundle (another size): its own cache, and the old one is removed.
    fs.writeFileSync(file, 'module.exports = { double: (x) => x + x, name: __filename, rebuilt: true };');
    requireWithCodeCache(file, cache).saveCache();
    const after = cacheFiles(cache);
    assert.equal(after.length, 1);
    assert.notEqual(after[0], written);
  });

  test('no cache folder: a plain require; an unwritable one: no error', () => {
    const file = moduleFile('module.exports = 7;');
    const plain = requireWithCodeCache(file, undefined);
    assert.equal(plain.exports, 7);
    plain.saveCache();
    const notAFolder = path.join(tempDir(), 'file');
    fs.writeFileSync(notAFolder, '');
    const loaded = requireWithCodeCache(moduleFile('module.exports = 8;'), notAFolder);
    assert.equal(loaded.exports, 8);
    assert.doesNotThrow(() => loaded.saveCache());
  });
});

describe('dist/cli.js with the code cache', () => {
  const run = (args: string[], cache: string) =>
    spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LANG: 'C', [CACHE_DIR_VARIABLE]: cache } });

  test('a check writes the cache, the next run reads it and prints the same; --version writes none', () => {
    const cache = tempDir();
    assert.equal(run(['--version'], cache).status, 0);
    assert.deepEqual(cacheFiles(cache), [], '--version analysed nothing');
    const cold = run(['check', '--format', 'json', 'test/fixtures/seeds'], cache);
    assert.equal(cacheFiles(cache).length, 1);
    const warm = run(['check', '--format', 'json', 'test/fixtures/seeds'], cache);
    assert.equal(warm.stdout, cold.stdout);
    assert.equal(warm.status, cold.status);
    const off = run(['check', '--format', 'json', 'test/fixtures/seeds'], 'off');
    assert.equal(off.stdout, cold.stdout);
  });

  test('output cut short by the reader (check … | head): a quiet exit, no stack trace', async () => {
    const dir = tempDir();
    const seeds = fs.readdirSync(SEED_DIR);
    // Enough output to fill the pipe: the write after the reader left fails with EPIPE.
    for (let i = 0; i < 60; i++) fs.copyFileSync(path.join(SEED_DIR, seeds[i % seeds.length]), path.join(dir, `r${i}.txt`));
    const child = spawn(process.execPath, [CLI, 'check', dir], { env: { ...process.env, LANG: 'C' } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.on('exit', resolve));
    assert.equal(stderr, '');
    assert.notEqual(code, 2);
  });
});
