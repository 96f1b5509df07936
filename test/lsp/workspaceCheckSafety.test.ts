/**
 * The workspace check reads files with the CLI's decoder (the same findings on the same bytes, in every
 * encoding), follows symlinked reports, and can be cancelled from its progress.
 */
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as iconv from 'iconv-lite';
import { TestClient, fileUri, readSeed } from './client';
import { comparable, runCli, tempDir } from './helpers';

const SEVERITY: Record<string, number> = { error: 1, warning: 2, information: 3, hint: 4 };
const TEXT = readSeed('000_dc17b29f247dd138.txt');

function damagedUtf8(): Buffer {
  const bytes = Buffer.from(TEXT, 'utf8');
  const stop = bytes.indexOf(Buffer.from('。')) + 3;
  return Buffer.concat([bytes.subarray(0, stop), Buffer.from([0xff]), bytes.subarray(stop)]);
}

const FILES: Record<string, Buffer> = {
  'utf8.txt': Buffer.from(TEXT, 'utf8'),
  'bom.txt': Buffer.from(`\uFEFF${TEXT.replace(/\n/g, '\r\n')}`, 'utf8'),
  'utf16le.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(TEXT, 'utf-16le')]),
  'utf16be.txt': Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(TEXT, 'utf-16be')]),
  'gb18030.txt': iconv.encode(TEXT, 'gb18030'),
  'damaged.txt': damagedUtf8(),
};

describe('workspace check and CLI parity over encodings', () => {
  it('gives the CLI\'s findings on every file, encoding.invalid included', async () => {
    const root = tempDir('gar-ws-enc-');
    for (const [name, bytes] of Object.entries(FILES)) writeFileSync(path.join(root, name), bytes);
    mkdirSync(path.join(root, 'linked'));
    symlinkSync(path.join(root, 'utf8.txt'), path.join(root, 'linked', 'via-link.txt'));
    const cli = JSON.parse(runCli(['check', '--format', 'json', root])) as { files: { path: string; diagnostics: { code: string; severity: string; range: never }[] }[] };
    const client = await TestClient.start({ root });
    try {
      const result = await client.request<{ files: number }>('workspace/executeCommand', { command: 'govAnnualReport.checkWorkspace', arguments: [] });
      assert.equal(result.files, Object.keys(FILES).length + 1, 'the symlinked report is checked too');
      assert.equal(cli.files.length, result.files);
      for (const entry of cli.files) {
        const uri = fileUri(path.resolve(entry.path));
        const published = client.events.filter((e) => e.kind === 'diagnostics' && e.params.uri === uri).at(-1);
        assert.ok(published && published.kind === 'diagnostics', entry.path);
        const server = published.params.diagnostics.map((d) => comparable(d)).sort();
        const expected = entry.diagnostics.map((d) => comparable({ ...d, severity: SEVERITY[d.severity] as 1 })).sort();
        assert.deepEqual(server, expected, entry.path);
      }
      const damaged = client.events.filter((e) => e.kind === 'diagnostics' && e.params.uri === fileUri(path.join(root, 'damaged.txt'))).at(-1);
      assert.ok(damaged?.kind === 'diagnostics' && damaged.params.diagnostics.some((d) => d.code === 'encoding.invalid'));
    } finally {
      await client.stop();
    }
  });
});

describe('workspace check progress', () => {
  it('reports progress and stops when the progress is cancelled', async () => {
    const root = tempDir('gar-ws-cancel-');
    const count = 400;
    for (let i = 0; i < count; i++) writeFileSync(path.join(root, `r${String(i).padStart(3, '0')}.txt`), TEXT);
    const client = await TestClient.start({ root });
    try {
      const from = client.events.length;
      const pending = client.request<{ files: number; cancelled?: boolean }>('workspace/executeCommand', { command: 'govAnnualReport.checkWorkspace', arguments: [] });
      const create = await client.waitFor('progressCreate', () => true, { from });
      await client.waitFor('progress', (p) => p.token === create.token && (p.value as { kind: string }).kind === 'report', { from });
      await client.conn.sendNotification('window/workDoneProgress/cancel', { token: create.token });
      const result = await pending;
      assert.equal(result.cancelled, true);
      assert.ok(result.files > 0 && result.files < count, `stopped after ${result.files} of ${count}`);
      const begin = client.events.find((e) => e.kind === 'progress' && e.params.token === create.token && (e.params.value as { kind: string }).kind === 'begin');
      assert.ok(begin?.kind === 'progress');
      assert.equal((begin.params.value as { cancellable?: boolean }).cancellable, true);
      assert.ok(client.events.some((e) => e.kind === 'progress' && e.params.token === create.token && (e.params.value as { kind: string }).kind === 'end'));
    } finally {
      await client.stop();
    }
  });
});
