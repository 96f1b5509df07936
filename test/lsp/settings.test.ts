/**
 * Settings over the protocol: `workspace/configuration` answers, `didChangeConfiguration`, pushed
 * settings, `.govreportrc.json` (editor settings win), run: onSave and maxFileSize.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TestClient, fileUri, readSeed } from './client';
import { setTabCell, tempDir, totalLineOfRow, serverPerSuite } from './helpers';

const SEED_000 = readSeed('000_dc17b29f247dd138.txt');
const EDITED = setTabCell(SEED_000, totalLineOfRow(SEED_000, '（一）予以公开'), '70').text;

const rowTotal = (p: { diagnostics: { code?: unknown; severity?: number }[] }) => p.diagnostics.filter((d) => d.code === 'sum.rowTotal');

describe('settings from workspace/configuration', () => {
  let client: TestClient;
  const dir = tempDir();
  const uri = fileUri(path.join(dir, 'a.txt'));
  serverPerSuite((c) => (client = c), { root: dir });

  it('asks for section govAnnualReport scoped to the document', async () => {
    const first = await client.open(uri, EDITED);
    assert.equal(rowTotal(first).length, 1);
    const request = client.events.find((e) => e.kind === 'configuration');
    assert.ok(request && request.kind === 'configuration');
    assert.deepEqual(request.params.items, [{ scopeUri: uri, section: 'govAnnualReport' }]);
  });

  it('rules: "off" removes the code after didChangeConfiguration', async () => {
    client.settings = { rules: { 'sum.rowTotal': 'off' } };
    const published = client.diagnostics(uri, 1);
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.equal(rowTotal(await published).length, 0);
  });

  it('rules: "warning" changes the severity', async () => {
    client.settings = { rules: { 'sum.rowTotal': 'warning' } };
    const published = client.diagnostics(uri, 1);
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const found = rowTotal(await published);
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 2);
  });

  it('invalid setting values fall back to defaults instead of breaking analysis', async () => {
    client.settings = { rules: { 'sum.rowTotal': 'loud', other: 3 }, run: 42, maxFileSize: 'big', template: 2030 };
    const published = client.diagnostics(uri, 1);
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const found = rowTotal(await published);
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 1);
  });

  it('run: "onSave" publishes on save, not on change', async () => {
    client.settings = { run: 'onSave' };
    const republished = client.diagnostics(uri, 1);
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await republished;
    const before = client.count('diagnostics');
    // Undo the edit (back to 69): with onType this would clear sum.rowTotal at once.
    const line = totalLineOfRow(SEED_000, '（一）予以公开');
    await client.notifyChange(uri, 2, [{ range: { start: { line, character: 1 }, end: { line, character: 3 } }, text: '69' }]);
    // Messages are handled in order: had the change published, it would have arrived before this answer.
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line, character: 1 } });
    assert.equal(client.count('diagnostics'), before, 'no publish on change');
    const saved = client.diagnostics(uri, 2);
    await client.conn.sendNotification('textDocument/didSave', { textDocument: { uri } });
    assert.equal(rowTotal(await saved).length, 0);
    client.settings = {};
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
  });

  it('maxFileSize: a larger document is skipped — empty diagnostics and a status that says why', async () => {
    client.settings = { maxFileSize: 1000 };
    const big = fileUri(path.join(dir, 'big.txt'));
    const status = client.waitFor('status', (s) => s.uri === big);
    const published = await client.open(big, EDITED);
    assert.deepEqual(published.diagnostics, []);
    const s = await status;
    assert.match(s.skipped ?? '', /1000/);
    assert.equal(s.errors, 0);
    const hover = await client.request('textDocument/hover', { textDocument: { uri: big }, position: { line: 0, character: 0 } });
    assert.equal(hover, null);
    client.settings = {};
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
  });

  it('maxFileSize counts characters, not bytes: a report of exactly the limit in characters is analysed', async () => {
    const chars = EDITED.length;
    const bytes = Buffer.byteLength(EDITED, 'utf8');
    assert.ok(bytes > 2 * chars, `a Chinese report: ${bytes} bytes for ${chars} characters`);
    // At the limit in characters (far above it in bytes): analysed.
    client.settings = { maxFileSize: chars };
    const atLimit = fileUri(path.join(dir, 'at-limit.txt'));
    const statusAt = client.waitFor('status', (s) => s.uri === atLimit);
    assert.equal(rowTotal(await client.open(atLimit, EDITED)).length, 1, 'analysed');
    assert.equal((await statusAt).skipped, undefined);
    // One character over: skipped, and the message gives both numbers in characters.
    client.settings = { maxFileSize: chars - 1 };
    const statusOver = client.waitFor('status', (s) => s.uri === atLimit && s.skipped !== undefined);
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const over = await statusOver;
    assert.ok(over.skipped!.includes(`${chars} 个字符`), over.skipped);
    assert.ok(over.skipped!.includes(`上限 ${chars - 1} 个字符`), over.skipped);
    assert.ok(!over.skipped!.includes(String(bytes)), 'no byte count');
    assert.equal(over.skipReason, 'tooLarge');
    client.settings = {};
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.close(atLimit);
  });

  it('a skipped document\'s status never says template "auto": absent with auto, the configured one otherwise', async () => {
    const doc = fileUri(path.join(dir, 'skipped-template.txt'));
    client.settings = { maxFileSize: 10 };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const auto = client.waitFor('status', (s) => s.uri === doc);
    await client.open(doc, EDITED);
    const a = await auto;
    assert.ok(a.skipped);
    assert.equal(a.template, undefined, `template with auto: ${JSON.stringify(a)}`);
    assert.equal(a.year, undefined);
    for (const template of ['2019', '2021']) {
      client.settings = { maxFileSize: 10, template };
      const next = client.waitFor('status', (s) => s.uri === doc && s.template === template);
      await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
      const s = await next;
      assert.ok(s.skipped);
    }
    // Analysed documents always carry the resolved template, never "auto".
    client.settings = {};
    const analysed = client.waitFor('status', (s) => s.uri === doc && s.skipped === undefined);
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.equal((await analysed).template, '2021');
    assert.ok(!client.events.some((e) => e.kind === 'status' && e.params.template === ('auto' as string)), 'no status with template auto');
    await client.close(doc);
  });
});

describe('.govreportrc.json in the workspace root', () => {
  let client: TestClient;
  const dir = tempDir();
  const uri = fileUri(path.join(dir, 'sub', 'report.txt'));
  before(async () => {
    writeFileSync(path.join(dir, '.govreportrc.json'), JSON.stringify({ rules: { 'sum.rowTotal': 'off', 'heading.numbering': 'hint' } }));
    client = await TestClient.start({ root: dir });
  });
  after(async () => {
    await client.stop();
  });

  it('is honoured for documents below it', async () => {
    const published = await client.open(uri, EDITED);
    assert.equal(rowTotal(published).length, 0);
    const numbering = published.diagnostics.filter((d) => d.code === 'heading.numbering');
    assert.ok(numbering.length > 0 && numbering.every((d) => d.severity === 4));
  });

  it('editor settings win over it', async () => {
    client.settings = { rules: { 'sum.rowTotal': 'warning' } };
    const published = client.diagnostics(uri, 1);
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const p = await published;
    assert.equal(rowTotal(p)[0]?.severity, 2);
    // Rules the editor does not mention still come from the file.
    assert.ok(p.diagnostics.filter((d) => d.code === 'heading.numbering').every((d) => d.severity === 4));
  });

  it('is re-read when the watched file changes', async () => {
    client.settings = {};
    writeFileSync(path.join(dir, '.govreportrc.json'), JSON.stringify({ rules: { 'sum.rowTotal': 'information' } }));
    const published = client.diagnostics(uri, 1);
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: fileUri(path.join(dir, '.govreportrc.json')), type: 2 }],
    });
    assert.equal(rowTotal(await published)[0]?.severity, 3);
  });

  it('an invalid file is reported once with a warning, its valid parts still apply', async () => {
    writeFileSync(path.join(dir, '.govreportrc.json'), JSON.stringify({ rules: { 'sum.rowTotal': 'off', 'no.such': 'error' }, template: 2021 }));
    const warning = client.waitFor('showMessage', (m) => m.type === 2 && m.message.includes('no.such'));
    const published = client.diagnostics(uri, 1);
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: fileUri(path.join(dir, '.govreportrc.json')), type: 2 }],
    });
    assert.equal(rowTotal(await published).length, 0);
    // In the editor's language (Chinese here), every problem, one after the other.
    assert.match((await warning).message, /\.govreportrc\.json 有误："template" 应为 auto、2019、2021 之一，实为 2021；未知的规则 "no\.such"$/);
  });
});

describe('clients that push settings (no workspace/configuration)', () => {
  let client: TestClient;
  serverPerSuite((c) => (client = c), { configuration: false });

  it('takes settings from didChangeConfiguration params', async () => {
    const uri = fileUri(path.join(tempDir(), 'r.txt'));
    assert.equal(rowTotal(await client.open(uri, EDITED)).length, 1);
    const published = client.diagnostics(uri, 1);
    await client.conn.sendNotification('workspace/didChangeConfiguration', {
      settings: { govAnnualReport: { rules: { 'sum.rowTotal': 'off' } } },
    });
    assert.equal(rowTotal(await published).length, 0);
    assert.equal(client.count('configuration'), 0);
  });
});
