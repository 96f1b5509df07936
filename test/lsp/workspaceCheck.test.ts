/** `govAnnualReport.checkWorkspace`: which files count, what gets published, progress reporting. */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyzeReport, summarize } from '../../server/src/core';
import { TestClient, fileUri, readSeed } from './client';
import { setTabCell, tempDir, totalLineOfRow, serverPerSuite } from './helpers';

const SEED_000 = readSeed('000_dc17b29f247dd138.txt');
const EDITED = setTabCell(SEED_000, totalLineOfRow(SEED_000, '（一）予以公开'), '70').text;

function makeWorkspace(): { root: string; reports: Record<string, string> } {
  const root = tempDir('gar-ws-');
  const reports: Record<string, string> = {
    [path.join(root, 'a.txt')]: EDITED,
    [path.join(root, 'sub', 'deeper', 'b.md')]: readSeed('004_594938079f36f576.txt'),
    // Named as a report: checked whatever it looks like.
    [path.join(root, 'draft.年报.txt')]: '一、总体情况\n草稿\n',
  };
  const ignored: Record<string, string> = {
    [path.join(root, 'node_modules', 'pkg', 'c.txt')]: EDITED,
    [path.join(root, '.git', 'd.txt')]: EDITED,
    [path.join(root, 'dist', 'e.txt')]: EDITED,
    [path.join(root, 'out', 'f.md')]: EDITED,
    [path.join(root, '.vscode-test', 'g.txt')]: EDITED,
    [path.join(root, 'notes.txt')]: 'shopping list: milk, eggs',
    // Binary data, even under a report's name and with a report's title in it.
    [path.join(root, 'scan.年报.txt')]: `${EDITED.slice(0, 200)}\u0000\u0001\u0002`,
    [path.join(root, 'report.json')]: EDITED,
  };
  for (const [file, text] of Object.entries({ ...reports, ...ignored })) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return { root, reports };
}

describe('checkWorkspace', () => {
  const { root, reports } = makeWorkspace();
  let client: TestClient;
  serverPerSuite((c) => (client = c), { root });

  it('publishes every report under the folders, skipping build and VCS folders and non-reports', async () => {
    const from = client.events.length;
    const result = await client.request<{ files: number; errors: number; warnings: number }>('workspace/executeCommand', {
      command: 'govAnnualReport.checkWorkspace',
      arguments: [],
    });
    const expected = Object.values(reports).map((text) => {
      const { document, findings } = analyzeReport(text);
      return summarize(document, findings);
    });
    assert.deepEqual(result, {
      files: 3,
      errors: expected.reduce((n, s) => n + s.errors, 0),
      warnings: expected.reduce((n, s) => n + s.warnings, 0),
    });
    const published = client.events.slice(from).flatMap((e) => (e.kind === 'diagnostics' ? [e.params] : []));
    assert.deepEqual(published.map((p) => p.uri).sort(), Object.keys(reports).map(fileUri).sort());
    const a = published.find((p) => p.uri === fileUri(path.join(root, 'a.txt')))!;
    assert.ok(a.diagnostics.some((d) => d.code === 'sum.rowTotal'));
    assert.equal(a.version, undefined, 'files not open have no version');
  });

  it('reports progress with window/workDoneProgress/create and $/progress begin…end', async () => {
    const from = client.events.length;
    await client.request('workspace/executeCommand', { command: 'govAnnualReport.checkWorkspace', arguments: [] });
    const events = client.events.slice(from);
    const create = events.find((e) => e.kind === 'progressCreate');
    assert.ok(create && create.kind === 'progressCreate');
    const progress = events.flatMap((e) => (e.kind === 'progress' && e.params.token === create.params.token ? [e.params.value] : []));
    assert.equal(progress[0].kind, 'begin');
    assert.equal(progress[0].title, '检查工作区中的年报');
    assert.equal(progress.at(-1)!.kind, 'end');
    // One report per candidate .txt/.md outside the skipped folders (the 3 reports, notes.txt, scan.年报.txt).
    const reports = progress.filter((v) => v.kind === 'report');
    assert.equal(reports.length, 5);
    assert.ok(reports.every((r, i) => i === 0 || (r.percentage ?? 0) >= (reports[i - 1].percentage ?? 0)), 'percentages only grow');
  });

  it('uses the editor text of open documents, not the file on disk', async () => {
    const uri = fileUri(path.join(root, 'a.txt'));
    await client.open(uri, SEED_000);
    const result = await client.request<{ errors: number }>('workspace/executeCommand', { command: 'govAnnualReport.checkWorkspace', arguments: [] });
    const onDisk = Object.values(reports).slice(1).map((t) => { const r = analyzeReport(t); return summarize(r.document, r.findings).errors; });
    assert.equal(result.errors, onDisk.reduce((x, y) => x + y, 0));
    await client.close(uri);
  });
});

describe('checkWorkspace without client progress support', () => {
  it('still works and creates no progress token', async () => {
    const { root } = makeWorkspace();
    const client = await TestClient.start({ root, workDoneProgress: false });
    try {
      const result = await client.request<{ files: number }>('workspace/executeCommand', { command: 'govAnnualReport.checkWorkspace', arguments: [] });
      assert.equal(result.files, 3);
      assert.equal(client.count('progressCreate'), 0);
      assert.equal(client.count('progress'), 0);
    } finally {
      await client.stop();
    }
  });
});

describe('checkWorkspace and maxFileSize', () => {
  it('counts characters, like the open-document limit: a file far above the limit in bytes is checked', async () => {
    const root = tempDir('gar-ws-size-');
    writeFileSync(path.join(root, 'a.txt'), EDITED);
    writeFileSync(path.join(root, 'b.txt'), `${EDITED}\n`);
    const bytes = Buffer.byteLength(EDITED, 'utf8');
    assert.ok(bytes > 2 * EDITED.length);
    const client = await TestClient.start({ root, settings: { maxFileSize: EDITED.length } });
    try {
      const result = await client.request<{ files: number }>('workspace/executeCommand', { command: 'govAnnualReport.checkWorkspace', arguments: [] });
      // a.txt has exactly maxFileSize characters (about three times as many bytes); b.txt one more.
      assert.equal(result.files, 1);
      assert.ok(client.events.some((e) => e.kind === 'diagnostics' && e.params.uri === fileUri(path.join(root, 'a.txt'))));
      assert.ok(!client.events.some((e) => e.kind === 'diagnostics' && e.params.uri === fileUri(path.join(root, 'b.txt'))));
    } finally {
      await client.stop();
    }
  });
});
