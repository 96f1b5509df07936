/**
 * The reviewer's summary (workspaceSummary notification, exportSummary request), the new-report
 * skeleton (newReport request) and the two quick fixes every finding carries (ruleActions.ts).
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { CodeAction } from 'vscode-languageserver-protocol';
import {
  CLIENT_RULE_COMMANDS, EXPORT_SUMMARY_REQUEST, NEW_REPORT_REQUEST, WORKSPACE_SUMMARY_NOTIFICATION,
  type ExportSummaryResult, type NewReportResult, type WorkspaceSummaryParams,
} from '../../shared/summary';
import { analyzeReport } from '../../server/src/core';
import { TestClient, fileUri, readSeed } from './client';
import { serverPerSuite, setTabCell, tempDir, totalLineOfRow } from './helpers';

const SEED_000 = readSeed('000_dc17b29f247dd138.txt');
const BROKEN = setTabCell(SEED_000, totalLineOfRow(SEED_000, '（一）予以公开'), '70').text;

describe('workspace summary', () => {
  const root = tempDir('gar-summary-');
  writeFileSync(path.join(root, 'clean.年报.txt'), readSeed('004_594938079f36f576.txt'));
  writeFileSync(path.join(root, 'broken.年报.txt'), BROKEN);
  writeFileSync(path.join(root, 'warned.年报.txt'), SEED_000);
  let client: TestClient;
  serverPerSuite((c) => (client = c), { root });

  async function check(): Promise<WorkspaceSummaryParams> {
    let summary: WorkspaceSummaryParams | undefined;
    const sub = client.conn.onNotification(WORKSPACE_SUMMARY_NOTIFICATION, (p: WorkspaceSummaryParams) => (summary = p));
    await client.request('workspace/executeCommand', { command: 'govAnnualReport.checkWorkspace', arguments: [] });
    sub.dispose();
    assert.ok(summary, 'the summary arrives before the command answers');
    return summary;
  }

  it('lists every report once, worst first, with agency, year, template and counts per rule', async () => {
    const { reports } = await check();
    assert.deepEqual(reports.map((r) => path.basename(decodeURIComponent(new URL(r.uri).pathname))), ['broken.年报.txt', 'warned.年报.txt', 'clean.年报.txt']);
    const [broken, warned, clean] = reports;
    assert.ok(broken.errors > 0 && warned.errors === 0 && warned.warnings > 0 && clean.errors === 0 && clean.warnings === 0);
    const { document, findings } = analyzeReport(BROKEN);
    assert.equal(broken.agency, document.agency);
    assert.equal(broken.year, 2022);
    assert.equal(broken.template, '2021');
    assert.equal(broken.errors, findings.filter((f) => f.severity === 'error').length);
    assert.equal(broken.rules['sum.rowTotal'], findings.filter((f) => f.code === 'sum.rowTotal').length);
    assert.equal(broken.rules['heading.numbering'], 2);
  });

  it('exports the rows to .xlsx (two sheets) and to CSV', async () => {
    const { reports } = await check();
    const names = reports.map((r) => path.basename(new URL(r.uri).pathname));
    const xlsx = await client.request<ExportSummaryResult>(EXPORT_SUMMARY_REQUEST, { format: 'xlsx', reports, names });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    assert.equal(sheet.name, '年报');
    assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1, 7), ['机关', '年度', '格式版本', '错误', '警告', '提示']);
    assert.equal(sheet.rowCount, 1 + reports.length);
    assert.deepEqual((sheet.getRow(2).values as unknown[]).slice(1, 6), [reports[0].agency, 2022, '2021', reports[0].errors, reports[0].warnings]);
    assert.equal(workbook.worksheets[1].name, '按规则');
    const byRule = workbook.worksheets[1].getSheetValues().slice(2).map((r) => (r as unknown[])[3]);
    assert.ok(byRule.includes('sum.rowTotal'));

    const csv = await client.request<ExportSummaryResult>(EXPORT_SUMMARY_REQUEST, { format: 'csv', reports, names });
    const text = Buffer.from(csv.base64, 'base64').toString('utf8');
    assert.ok(text.startsWith('\uFEFF机关,年度,格式版本,错误,警告,提示,文件'), text.slice(0, 60));
    assert.equal(text.trim().split('\r\n').length, 1 + reports.length);
    assert.ok(text.includes(`,${reports[0].errors},${reports[0].warnings},`));
  });

  it('refuses an export it cannot make', async () => {
    await assert.rejects(client.request(EXPORT_SUMMARY_REQUEST, { format: 'pdf', reports: [] }), /exportSummary/);
  });
});

describe('new report skeleton', () => {
  let client: TestClient;
  serverPerSuite((c) => (client = c));

  for (const shape of ['tab', 'markdown', 'pipe'] as const) {
    it(`${shape}: six parts and three empty tables that read back as the official tables, cursor under part 一`, async () => {
      const result = await client.request<NewReportResult>(NEW_REPORT_REQUEST, { year: 2024, agency: '某某市某某局', shape });
      const lines = result.text.split('\n');
      assert.equal(lines[0], '某某市某某局2024年政府信息公开工作年度报告');
      assert.equal(lines[result.cursor.line - 1], '一、总体情况');
      assert.equal(lines[result.cursor.line], '');
      const { document, findings } = analyzeReport(result.text);
      assert.deepEqual(document.parts.map((p) => p.key), ['overview', 'active', 'requests', 'review', 'problems', 'other']);
      assert.deepEqual(document.tables.map((t) => t.key), ['active', 'requests', 'review']);
      assert.deepEqual(document.tables.map((t) => t.shape), shape === 'markdown' ? ['markdown', 'markdown', 'markdown'] : ['tab', 'tab', 'tab']);
      assert.equal(document.template, '2021');
      assert.deepEqual(findings.filter((f) => f.severity === 'error'), [], 'no errors: only the blanks to fill in');
      assert.ok([...document.cells.values()].every((c) => c.status === 'blank'));
    });
  }

  it('uses the 2019 tables for a 2020 report, and refuses nonsense', async () => {
    const result = await client.request<NewReportResult>(NEW_REPORT_REQUEST, { year: 2020, agency: '某局', shape: 'tab' });
    assert.equal(analyzeReport(result.text).document.template, '2019');
    await assert.rejects(client.request(NEW_REPORT_REQUEST, { year: 'x', agency: '某局', shape: 'tab' }), /newReport/);
    await assert.rejects(client.request(NEW_REPORT_REQUEST, { year: 2024, agency: '某局', shape: 'csv' }), /newReport/);
  });
});

describe('rule quick fixes on every finding', () => {
  let client: TestClient;
  serverPerSuite((c) => (client = c));

  it('offers "don’t show again" and "show documentation" once per rule, as client commands with the code', async () => {
    const uri = fileUri(path.join(tempDir('gar-rule-'), 'r.年报.txt'));
    const published = await client.open(uri, BROKEN);
    const diagnostics = published.diagnostics
      .filter((d) => d.code === 'heading.numbering' || d.code === 'sum.rowTotal')
      .sort((a, b) => a.range.start.line - b.range.start.line);
    assert.ok(diagnostics.filter((d) => d.code === 'heading.numbering').length === 2, 'two findings of one rule');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics },
    });
    const ruleCommands: string[] = Object.values(CLIENT_RULE_COMMANDS);
    const ruleActions = actions.filter((a) => a.command && ruleCommands.includes(a.command.command));
    assert.deepEqual(
      ruleActions.map((a) => [a.command!.command, a.command!.arguments]),
      [
        [CLIENT_RULE_COMMANDS.disableRule, ['heading.numbering']], [CLIENT_RULE_COMMANDS.openRuleDocs, ['heading.numbering']],
        [CLIENT_RULE_COMMANDS.disableRule, ['sum.rowTotal']], [CLIENT_RULE_COMMANDS.openRuleDocs, ['sum.rowTotal']],
      ],
    );
    assert.ok(ruleActions.every((a) => a.kind === 'quickfix'));
    assert.match(ruleActions.find((a) => a.command!.arguments![0] === 'sum.rowTotal')!.title, /^不再提示此类问题（表三“总计”列不等于各类申请人之和）$/);
    assert.ok(actions.some((a) => a.edit), 'the fixes of the findings themselves are still there');
  });
});
