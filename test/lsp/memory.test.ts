/**
 * Memory after a burst of edits: the server's idle collection (server/src/lsp/memory.ts) gives back
 * what V8 grew for the burst, without any Node flag (what Neovim and other clients run).
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { IDLE_COLLECT_MS, IdleCollector } from '../../server/src/lsp/memory';
import { TestClient, fileUri, readSeed } from './client';
import { setTabCell, tempDir, totalLineOfRow } from './helpers';

const SEED_000 = readSeed('000_dc17b29f247dd138.txt');
const MiB = 1024 * 1024;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('IdleCollector', () => {
  it('collects once per burst, only after the delay without work, never without work', async () => {
    let runs = 0;
    const idle = new IdleCollector(() => runs++, 40);
    assert.equal(idle.enabled, true);
    await sleep(80);
    assert.equal(runs, 0, 'no work, no collection');
    for (let i = 0; i < 5; i++) {
      idle.touch();
      await sleep(10);
    }
    assert.equal(runs, 0, 'not while work keeps coming');
    await sleep(80);
    assert.equal(runs, 1, 'one collection for the burst');
    await sleep(80);
    assert.equal(runs, 1, 'nothing new to collect');
    idle.touch();
    idle.dispose();
    await sleep(80);
    assert.equal(runs, 1, 'disposed: the pending collection is dropped');
  });

  it('does nothing where no collection is available', () => {
    const idle = new IdleCollector(null, 1);
    assert.equal(idle.enabled, false);
    idle.touch();
    idle.dispose();
  });
});

describe('server memory after a burst of edits', () => {
  it('once idle, RSS comes back near its idle size (no flags needed)', async () => {
    const client = await TestClient.start({ root: tempDir() });
    try {
      const idleRss = client.rss();
      const uri = fileUri(path.join(tempDir(), 'burst.txt'));
      await client.open(uri, SEED_000);
      const line = totalLineOfRow(SEED_000, '（一）予以公开');
      const { range } = setTabCell(SEED_000, line, '69');
      for (let v = 2; v < 302; v++) {
        await client.change(uri, v, [{ range, text: v % 2 ? '69' : '70' }]);
      }
      const burst = client.rss();
      await sleep(IDLE_COLLECT_MS + 1500);
      const settled = client.rss();
      const show = (b: number) => `${(b / MiB).toFixed(1)} MiB`;
      console.log(`    RSS idle ${show(idleRss)}, after 300 edits ${show(burst)}, settled ${show(settled)}`);
      // Without the idle collection V8 keeps the burst's heap: settled = burst, 25+ MiB above idle.
      assert.ok(settled - idleRss <= 15 * MiB, `settled ${show(settled)} vs idle ${show(idleRss)}`);
      assert.ok(client.alive);
      // Still serving after the collection.
      assert.equal((await client.change(uri, 302, [{ range, text: '70' }])).version, 302);
    } finally {
      await client.stop();
    }
  });
});
