/**
 * The server runs in V8's baseline tier and turns the optimizing compiler on only for heavy analysis
 * (server/src/lsp/compilerTier.ts): the policy, that the V8 flags really do that on this Node, and
 * that the server applies it.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { BULK_FILES, CompilerTier, LONG_ANALYSIS_MS } from '../../server/src/lsp/compilerTier';
import { TestClient, fileUri, readSeed } from './client';
import { setTabCell, tempDir, totalLineOfRow } from './helpers';

const SEED_000 = readSeed('000_dc17b29f247dd138.txt');
const OPTIMIZING_LOG = 'V8 optimizing compiler on';

/** A CompilerTier whose flags are only recorded; `known: false` plays a V8 without them. */
function recordingTier(known = true) {
  const flags: string[] = [];
  const reasons: string[] = [];
  const tier = new CompilerTier((f) => (flags.push(f), known));
  tier.onOptimizing((reason) => reasons.push(reason));
  return { tier, flags, reasons };
}

describe('CompilerTier', () => {
  it('starts without TurboFan and turns it on once, for a long analysis', () => {
    const { tier, flags, reasons } = recordingTier();
    tier.startBaseline();
    assert.equal(tier.optimizing, false);
    for (let i = 0; i < 1000; i++) tier.observeAnalysis(LONG_ANALYSIS_MS - 1);
    assert.deepEqual(flags, ['--no-turbofan'], 'many short analyses (typing) never turn it on');
    tier.observeAnalysis(LONG_ANALYSIS_MS + 12.3);
    assert.equal(tier.optimizing, true);
    tier.observeAnalysis(LONG_ANALYSIS_MS * 10);
    tier.observeBulk(BULK_FILES * 10);
    assert.deepEqual(flags, ['--no-turbofan', '--turbofan'], 'once');
    assert.deepEqual(reasons, [`${LONG_ANALYSIS_MS + 12} ms analysis`]);
  });

  it('turns it on before a bulk check of many files, not of a few', () => {
    const { tier, flags, reasons } = recordingTier();
    tier.startBaseline();
    tier.observeBulk(BULK_FILES - 1);
    assert.equal(tier.optimizing, false);
    tier.observeBulk(BULK_FILES);
    assert.deepEqual(flags, ['--no-turbofan', '--turbofan']);
    assert.deepEqual(reasons, [`${BULK_FILES} files to check`]);
  });

  it('on a V8 without the flags, stays with V8 defaults and sets nothing more', () => {
    const { tier, flags, reasons } = recordingTier(false);
    tier.startBaseline();
    assert.equal(tier.optimizing, true);
    tier.observeAnalysis(LONG_ANALYSIS_MS * 2);
    assert.deepEqual(flags, ['--no-turbofan']);
    assert.deepEqual(reasons, []);
  });

  it('really keeps V8 from optimizing hot code on this Node, and lets it once turned on', () => {
    // A child process, since V8 flags are per process; --trace-opt prints what TurboFan completes.
    const tierModule = path.join(__dirname, '../../server/src/lsp/compilerTier.js');
    const script = `
      const { compilerTier, LONG_ANALYSIS_MS } = require(${JSON.stringify(tierModule)});
      compilerTier.startBaseline();
      function hot(n) { let s = 0; for (let i = 0; i < n; i++) s += (i * 7) % 13; return s; }
      const run = () => { for (let i = 0; i < 3000; i++) hot(200); };
      run();
      console.log('--- baseline ends, optimizing=' + compilerTier.optimizing);
      compilerTier.observeAnalysis(LONG_ANALYSIS_MS);
      run();
      console.log('--- optimizing=' + compilerTier.optimizing);`;
    const r = spawnSync(process.execPath, ['--trace-opt', '-e', script], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const [baseline, optimizing] = r.stdout.split(/^--- baseline ends.*$/m);
    assert.match(r.stdout, /baseline ends, optimizing=false/);
    assert.match(r.stdout, /--- optimizing=true/);
    assert.doesNotMatch(baseline, /completed optimizing .*hot/, 'TurboFan compiled while off');
    assert.match(optimizing, /completed optimizing .*hot/, 'TurboFan did not compile once on');
  });
});

describe('the server and the optimizing compiler', () => {
  it('edits of a report of normal size leave it off; one long analysis turns it on, logged', async () => {
    const client = await TestClient.start({ root: tempDir() });
    try {
      const uri = fileUri(path.join(tempDir(), 'r.txt'));
      await client.open(uri, SEED_000);
      const { range } = setTabCell(SEED_000, totalLineOfRow(SEED_000, '（一）予以公开'), '69');
      for (let v = 2; v < 302; v++) await client.change(uri, v, [{ range, text: v % 2 ? '69' : '70' }]);
      assert.deepEqual(client.logs.filter((l) => l.includes(OPTIMIZING_LOG)), []);
      // ~2 MB: several hundred ms in the baseline tier on any machine this runs on.
      const big = fileUri(path.join(tempDir(), 'big.txt'));
      await client.open(big, SEED_000.repeat(90));
      const logged = client.logs.filter((l) => l.includes(OPTIMIZING_LOG));
      assert.equal(logged.length, 1, client.logs.join('\n'));
      assert.match(logged[0], /\(\d+ ms analysis\)/);
      assert.equal((await client.change(uri, 302, [{ range, text: '70' }])).version, 302, 'still serving');
    } finally {
      await client.stop();
    }
  });
});
