/**
 * The server must survive whatever a client or a file throws at it: malformed messages and params,
 * unknown methods, positions and ranges out of range, huge and binary documents, thousands of edits.
 * After each abuse it must still answer and publish.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TestClient, fileUri, readSeed } from './client';
import { setTabCell, tempDir, totalLineOfRow, serverPerSuite } from './helpers';

const SEED_000 = readSeed('000_dc17b29f247dd138.txt');
const dir = tempDir();
let n = 0;
const newUri = () => fileUri(path.join(dir, `r${n++}.txt`));

/** Deterministic pseudo-random generator, so a failure can be reproduced. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

describe('robustness', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ root: dir });
  });
  after(async () => {
    assert.ok(client.alive, `server died; stderr: ${client.stderr.slice(-2000)}`);
    await client.stop();
  });

  /** The server still answers and still publishes for a fresh document. */
  async function assertHealthy() {
    assert.ok(client.alive, `server died; stderr: ${client.stderr.slice(-2000)}`);
    const uri = newUri();
    const published = await client.open(uri, SEED_000);
    assert.ok(Array.isArray(published.diagnostics));
    await client.close(uri);
  }

  it('malformed JSON on the wire', async () => {
    client.writeRaw('{"jsonrpc":"2.0","id":9999,"method":"textDocument/hover",');
    client.writeRaw('not json at all');
    client.writeRaw('{"jsonrpc":"2.0","method":42}');
    await assertHealthy();
  });

  it('malformed params are answered with null/[] or an InvalidParams error, never a crash', async () => {
    const uri = newUri();
    await client.open(uri, SEED_000);
    const logged = client.logs.length;
    const INVALID_PARAMS = { error: -32602 };
    // [method, params, expected answer]. Params sent as an array are refused by the protocol library.
    const attempts: [string, unknown, unknown][] = [
      ['textDocument/hover', null, INVALID_PARAMS],
      ['textDocument/hover', {}, null],
      ['textDocument/hover', { textDocument: { uri }, position: { line: 'x', character: null } }, null],
      ['textDocument/hover', { textDocument: { uri }, position: { line: -1, character: -5 } }, null],
      ['textDocument/hover', { textDocument: { uri }, position: { line: 1.5, character: 0 } }, null],
      ['textDocument/hover', { textDocument: { uri: 42 }, position: { line: 0, character: 0 } }, null],
      ['textDocument/documentHighlight', { textDocument: { uri }, position: { line: 1e9, character: 0 } }, null],
      ['textDocument/documentHighlight', { textDocument: { uri }, position: null }, null],
      ['textDocument/definition', { textDocument: { uri }, position: { line: 0, character: -1 } }, null],
      ['textDocument/definition', { textDocument: { uri } }, null],
      ['textDocument/references', { textDocument: { uri }, position: { line: 2, character: 1e9 }, context: null }, null],
      ['textDocument/references', { textDocument: { uri }, position: { line: 0 } }, null],
      ['textDocument/codeAction', { textDocument: { uri } }, []],
      ['textDocument/codeAction', { textDocument: { uri }, range: null, context: { diagnostics: [null, { source: '年报', data: { fixes: [{ title: 1 }, null, { title: 't', edits: [null] }] } }] } }, []],
      ['textDocument/documentSymbol', { textDocument: null }, []],
      ['textDocument/inlayHint', { textDocument: null }, []],
      ['textDocument/inlayHint', { textDocument: { uri: 42 }, range: 'x' }, []],
      ['textDocument/foldingRange', [], INVALID_PARAMS],
      ['workspace/executeCommand', null, INVALID_PARAMS],
      ['workspace/executeCommand', { command: 'govAnnualReport.recomputeTotals', arguments: 'nope' }, INVALID_PARAMS],
      ['workspace/executeCommand', { command: 'govAnnualReport.recomputeTotals', arguments: [fileUri('/nowhere.txt')] }, INVALID_PARAMS],
    ];
    for (const [method, params, expected] of attempts) {
      const answer = await client.request<unknown>(method, params).catch((e: { code?: unknown }) => ({ error: e.code }));
      assert.deepEqual(answer, expected, `${method} ${JSON.stringify(params)}`);
    }
    // Each was turned away by a check, not by the error boundary catching an exception.
    assert.deepEqual(client.logs.slice(logged), []);
    await client.close(uri);
    await assertHealthy();
  });

  it('unknown methods: error for requests, silence for notifications', async () => {
    await assert.rejects(client.request('govAnnualReport/noSuchThing', {}), (e: { code: number }) => e.code === -32601);
    await client.conn.sendNotification('govAnnualReport/noSuchNotification', { x: 1 });
    await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri: fileUri('/never/opened.txt'), version: 2 }, contentChanges: [{ text: 'x' }] });
    await client.conn.sendNotification('textDocument/didClose', { textDocument: { uri: fileUri('/never/opened.txt') } });
    await assertHealthy();
  });

  it('hover at line 99999 and at a character beyond the line end', async () => {
    const uri = newUri();
    await client.open(uri, SEED_000);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 99999, character: 0 } }), null);
    // Beyond the end of a cell's line: still that cell (line 106 holds the 总计 of （一）予以公开).
    const h = await client.request<{ range: unknown } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 106, character: 99999 } });
    assert.deepEqual(h?.range, { start: { line: 106, character: 1 }, end: { line: 106, character: 3 } });
    await client.close(uri);
  });

  it('didChange with out-of-range and inverted ranges still publishes', async () => {
    const uri = newUri();
    await client.open(uri, SEED_000);
    const published = await client.change(uri, 2, [
      { range: { start: { line: 99999, character: 0 }, end: { line: 100000, character: 5 } }, text: '尾' },
      { range: { start: { line: 5, character: 9999 }, end: { line: 2, character: 0 } }, text: '' },
      { range: { start: { line: -3, character: -1 }, end: { line: 0, character: 0 } }, text: '\uD800' },
    ]);
    assert.ok(Array.isArray(published.diagnostics));
    await client.close(uri);
    await assertHealthy();
  });

  it('a 5 MB document is analysed (or skipped above maxFileSize) without freezing the server', async () => {
    const big = SEED_000.repeat(Math.ceil(4_900_000 / SEED_000.length)).slice(0, 4_990_000);
    const uri = newUri();
    const t0 = performance.now();
    const published = await client.open(uri, big, 1);
    const ms = performance.now() - t0;
    assert.ok(Array.isArray(published.diagnostics));
    assert.ok(ms < 20_000, `5 MB analysis took ${ms} ms`);
    await client.close(uri);
    // Just over the default limit: skipped at once.
    const over = newUri();
    const status = client.waitFor('status', (s) => s.uri === over);
    assert.deepEqual((await client.open(over, 'x'.repeat(5_000_001))).diagnostics, []);
    assert.ok((await status).skipped);
    await client.close(over);
    await assertHealthy();
  });

  it('random binary text and lone surrogates are analysed; text with NULs is skipped as binary', async () => {
    const rand = lcg(42);
    let text = '';
    // Every code unit but NUL (a NUL makes the document binary: not analysed at all, tested below).
    for (let i = 0; i < 50_000; i++) text += String.fromCharCode(1 + Math.floor(rand() * 0xffff));
    const uri = newUri();
    const status = client.waitFor('status', (s) => s.uri === uri);
    const published = await client.open(uri, text);
    assert.ok(Array.isArray(published.diagnostics));
    assert.equal((await status).skipped, undefined, 'analysed');
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } });
    await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } });
    await client.close(uri);

    const binary = newUri();
    const skipped = client.waitFor('status', (s) => s.uri === binary);
    assert.deepEqual((await client.open(binary, `${SEED_000.slice(0, 2000)}\u0000${text.slice(0, 1000)}`)).diagnostics, []);
    const s = await skipped;
    assert.equal(s.skipReason, 'binary');
    assert.match(s.skipped ?? '', /二进制/);
    await client.request('textDocument/hover', { textDocument: { uri: binary }, position: { line: 0, character: 3 } });
    await client.close(binary);
    await assertHealthy();
  });

});

// In a server of its own: the 5 MB test above leaves V8's heap (and so RSS) large for a while, which
// says nothing about whether edits leak.
describe('memory over many edits', () => {
  let client: TestClient;
  serverPerSuite((c) => (client = c), { root: dir });

  it('2,000 edits on one document keep memory bounded (RSS ≤ 150 MB) and every version publishes', async () => {
    const uri = newUri();
    await client.open(uri, SEED_000);
    const line = totalLineOfRow(SEED_000, '（一）予以公开');
    const { range } = setTabCell(SEED_000, line, '69');
    let current = '69';
    let rssAt1000 = 0;
    for (let v = 2; v <= 2001; v++) {
      const next = String(60 + (v % 30));
      const r = { start: range.start, end: { line, character: range.start.character + current.length } };
      current = next;
      // Wait for each publish every 100 edits; in between, edits stream as an editor would send them.
      if (v % 100 === 0) await client.change(uri, v, [{ range: r, text: next }]);
      else await client.notifyChange(uri, v, [{ range: r, text: next }]);
      if (v === 1000) rssAt1000 = client.rss();
    }
    const last = await client.diagnostics(uri, 2001);
    assert.ok(Array.isArray(last.diagnostics));
    const rss = client.rss();
    assert.ok(rss <= 150 * 1024 * 1024, `RSS ${(rss / 1048576).toFixed(1)} MB after 2,000 edits`);
    // Growth, not just the level: the second thousand edits must not cost what the first did.
    assert.ok(rss - rssAt1000 <= 20 * 1024 * 1024, `RSS grew ${((rss - rssAt1000) / 1048576).toFixed(1)} MB over the last 1,000 edits`);
    await client.close(uri);
      });
});
