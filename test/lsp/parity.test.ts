/**
 * CLI–server parity: one engine, one config loader, so `cli check --format json` and the server's
 * published diagnostics must agree (code, range, severity, message) on every seed and on edited
 * variants, including a folder with a .govreportrc.json and the English locale.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { analyzeReport } from '../../server/src/core';
import { TestClient, fileUri, readSeed } from './client';
import { runCli, SEEDS, tempDir } from './helpers';

const SEVERITY: Record<string, number> = { error: 1, warning: 2, information: 3, hint: 4 };

interface CliDiagnostic {
  code: string;
  severity: string;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

function key(d: { code?: unknown; severity?: number; message: string; range: CliDiagnostic['range'] }): string {
  const r = d.range;
  return `${d.code} ${d.severity} ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${d.message}`;
}

/** Replaces one cell's value, found through the core's model (test-side only). */
function withCell(text: string, cellKey: string, value: (old: string) => string): string {
  const cell = analyzeReport(text).document.cells.get(cellKey);
  if (!cell) throw new Error(`no cell ${cellKey}`);
  return text.slice(0, cell.span.start) + value(text.slice(cell.span.start, cell.span.end)) + text.slice(cell.span.end);
}

const bump = (old: string) => String(Number(old) + 1);

/** Seeds plus edited variants that make every sum rule and the cell rules fire. */
function variants(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  for (const seed of SEEDS) {
    const text = readSeed(seed);
    out.push({ name: seed, text });
    const edits: [string, (o: string) => string][] = [
      ['requests.granted.total', bump],
      ['requests.granted.natural', bump],
      ['requests.carryover.natural', bump],
      ['review.reconsideration.total', bump],
      ['requests.partial.business', () => ''],
      ['requests.partial.research', () => 'abc'],
    ];
    // Every seed has these cells (withCell throws otherwise): no variant is silently left out.
    for (const [cellKey, edit] of edits) out.push({ name: `${seed} ${cellKey}`, text: withCell(text, cellKey, edit) });
  }
  return out;
}

async function compareAll(client: TestClient, dir: string, cliArgs: string[], label: string) {
  let i = 0;
  const all = variants();
  assert.equal(all.length, SEEDS.length * 7);
  for (const v of all) {
    const file = path.join(dir, `${label}-${i++}.txt`);
    writeFileSync(file, v.text);
    const cli = JSON.parse(runCli(['check', '--format', 'json', ...cliArgs, file])) as { files: { diagnostics: CliDiagnostic[] }[] };
    const expected = cli.files[0].diagnostics.map((d) => key({ ...d, severity: SEVERITY[d.severity] })).sort();
    const uri = fileUri(file);
    const published = await client.open(uri, v.text);
    assert.deepEqual(published.diagnostics.map(key).sort(), expected, v.name);
    await client.close(uri);
  }
}

describe('CLI–server parity', () => {
  let zh: TestClient;
  let en: TestClient;
  const plain = tempDir();
  const configured = tempDir();
  before(async () => {
    writeFileSync(path.join(configured, '.govreportrc.json'), JSON.stringify({ rules: { 'sum.rowTotal': 'warning', 'heading.numbering': 'off' } }));
    zh = await TestClient.start({ root: plain });
    en = await TestClient.start({ root: plain, locale: 'en' });
  });
  after(async () => {
    await zh.stop();
    await en.stop();
  });

  it('seeds and edited variants: same diagnostics as `check --format json`', async () => {
    await compareAll(zh, plain, [], 'zh');
  });

  it('same under a .govreportrc.json', async () => {
    await compareAll(zh, configured, [], 'cfg');
  });

  it('same in English', async () => {
    await compareAll(en, plain, ['--locale', 'en'], 'en');
  });
});
