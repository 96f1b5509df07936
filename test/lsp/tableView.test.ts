/**
 * `govAnnualReport/tables` over stdio: the table view's grids for an open report, of its current
 * version; a typed change shows up in the next answer (broken total marked, cell range where the
 * value is); published PDF-layout text is read-only; other documents get null.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { TABLES_REQUEST, type GridCell, type TablesResult } from '../../shared/tableView';
import { REPO_ROOT, TestClient, fileUri, readSeed } from './client';
import { serverPerSuite, setTabCell, tempDir, totalLineOfRow } from './helpers';

const SEED_000 = readSeed('000_dc17b29f247dd138.txt');
const LAYOUT_002 = readFileSync(path.join(REPO_ROOT, 'test/fixtures/layout/002.txt'), 'utf8');
const dir = tempDir();

function cellOf(model: NonNullable<TablesResult>, key: string): GridCell {
  for (const t of model.tables) for (const s of t.sections) for (const r of s.rows) {
    const c = r.cells.find((x) => x.key === key);
    if (c) return c;
  }
  assert.fail(`no cell ${key}`);
}

describe('govAnnualReport/tables', () => {
  let client: TestClient;
  serverPerSuite((c) => (client = c), { root: dir });
  const tables = (uri: string) => client.request<TablesResult>(TABLES_REQUEST, { uri });

  it('answers with the three grids of the current version, and the next version after a change', async () => {
    const uri = fileUri(path.join(dir, 'a.txt'));
    await client.open(uri, SEED_000);
    const first = await tables(uri);
    assert.ok(first);
    assert.equal(first.uri, uri);
    assert.equal(first.version, 1);
    assert.equal(first.readOnly, false);
    assert.deepEqual(first.tables.map((t) => t.numeral), ['二', '三', '四']);
    assert.equal(cellOf(first, 'requests.granted.total').status, 'ok');

    const line = totalLineOfRow(SEED_000, '（一）予以公开');
    const { range } = setTabCell(SEED_000, line, '70');
    await client.notifyChange(uri, 2, [{ range: { start: range.start, end: { line, character: range.start.character + 2 } }, text: '70' }]);
    // No waiting for diagnostics: the request itself analyses the latest version.
    const second = await tables(uri);
    assert.ok(second);
    assert.equal(second.version, 2);
    const total = cellOf(second, 'requests.granted.total');
    assert.equal(total.status, 'broken');
    assert.equal(total.text, '70');
    assert.equal(total.expected, 69);
    assert.equal(total.formula, '69+0+0+0+0+0');
    assert.deepEqual(total.range, range, 'the cell’s range is where its value is');
    assert.ok(total.notes.some((n) => n.code === 'sum.rowTotal'));
  });

  it('published PDF-layout text is read-only', async () => {
    const uri = fileUri(path.join(dir, 'published.txt'));
    await client.open(uri, LAYOUT_002);
    const model = await tables(uri);
    assert.ok(model);
    assert.equal(model.readOnly, true);
    assert.ok(model.tables.every((t) => t.shape === 'aligned'));
  });

  it('an empty report says why it was not analysed', async () => {
    const uri = fileUri(path.join(dir, 'empty.txt'));
    await client.open(uri, '  \n');
    const model = await tables(uri);
    assert.ok(model);
    assert.deepEqual(model.tables, []);
    assert.ok(model.skipped && model.skipped.length > 0);
  });

  it('null for a document that is not open or not a report', async () => {
    assert.equal(await tables(fileUri(path.join(dir, 'never-opened.txt'))), null);
    const other = fileUri(path.join(dir, 'notes.txt'));
    await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: other, languageId: 'plaintext', version: 1, text: '会议纪要' } });
    assert.equal(await tables(other), null);
    assert.equal(await client.request(TABLES_REQUEST, {}), null, 'no uri');
  });
});
