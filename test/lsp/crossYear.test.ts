/**
 * Cross-year checks in the server: an open report is compared with the same agency's previous-year
 * report when that one is open too (and in the workspace check), with the same result as the CLI
 * given both files.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TestClient, fileUri, readSeed } from './client';
import { comparable, runCli, tempDir } from './helpers';

const SEVERITY: Record<string, number> = { error: 1, warning: 2, information: 3, hint: 4 };
// Seed 000 is 2022; the same text dated 2023 is "next year's report" whose 上年结转 differ from
// 2022's 结转下年度.
const Y2022 = readSeed('000_dc17b29f247dd138.txt');
const Y2023 = Y2022.replace(/2022/g, '2023');

describe('cross-year checks', () => {
  const dir = tempDir();
  const f2022 = path.join(dir, 'a2022.txt');
  const f2023 = path.join(dir, 'b2023.txt');
  let client: TestClient;
  before(async () => {
    writeFileSync(f2022, Y2022);
    writeFileSync(f2023, Y2023);
    client = await TestClient.start({ root: dir });
  });
  after(async () => {
    await client.stop();
  });

  function cliDiagnostics(file: string): string[] {
    const out = JSON.parse(runCli(['check', '--format', 'json', dir])) as { files: { path: string; diagnostics: { code: string; severity: string; range: never }[] }[] };
    const entry = out.files.find((f) => path.resolve(f.path) === file)!;
    return entry.diagnostics.map((d) => comparable({ ...d, severity: SEVERITY[d.severity] as 1 })).sort();
  }

  it('alone, the 2023 report has no cross-year findings', async () => {
    const published = await client.open(fileUri(f2023), Y2023);
    assert.ok(!published.diagnostics.some((d) => String(d.code).startsWith('crossYear.')));
  });

  it('opening the 2022 report re-publishes the 2023 one with crossYear.carried, as the CLI does', async () => {
    const republished = client.diagnostics(fileUri(f2023), 1, { from: client.events.length });
    await client.open(fileUri(f2022), Y2022);
    const p = await republished;
    assert.ok(p.diagnostics.some((d) => d.code === 'crossYear.carried'), p.diagnostics.map((d) => d.code).join(', '));
    assert.deepEqual(p.diagnostics.map(comparable).sort(), cliDiagnostics(f2023));
  });

  it('closing the 2022 report drops them again', async () => {
    const republished = client.diagnostics(fileUri(f2023), 1, { from: client.events.length });
    await client.close(fileUri(f2022));
    const p = await republished;
    assert.ok(!p.diagnostics.some((d) => String(d.code).startsWith('crossYear.')));
  });

  it('the workspace check pairs files on disk the same way', async () => {
    await client.close(fileUri(f2023));
    const from = client.events.length;
    await client.request('workspace/executeCommand', { command: 'govAnnualReport.checkWorkspace', arguments: [] });
    const p = await client.diagnostics(fileUri(f2023), undefined, { from });
    assert.deepEqual(p.diagnostics.map(comparable).sort(), cliDiagnostics(f2023));
  });
});
