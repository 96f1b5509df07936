/**
 * New and empty documents. ESLint shows nothing on an empty file, and neither does the server: a
 * document with nothing but white space gets no diagnostics and an "empty" status. A draft that has
 * text but no part heading and no table yet gets ONE section.missing for the six parts, whose quick fix
 * inserts the whole official outline, instead of six errors at the same spot. Anything with a part or
 * a table keeps exactly the core's (and the CLI's) findings.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { analyzeReport } from '../../server/src/core';
import { TestClient, fileUri } from './client';
import { applyTextEdits, comparable, tempDir, serverPerSuite } from './helpers';

const SEVERITY = { error: 1, warning: 2, information: 3, hint: 4 } as const;
const dir = tempDir();
let n = 0;
const newUri = () => fileUri(path.join(dir, `e${n++}.年报.txt`));
const TITLE = '某某区人民政府2023年政府信息公开工作年度报告\n';

describe('empty and nearly empty documents', () => {
  let client: TestClient;
  serverPerSuite((c) => (client = c), { root: dir });

  for (const [name, text] of [['empty', ''], ['white space only', '  \n\n\t\n\u3000\r\n \n']] as const) {
    it(`${name}: no diagnostics, status "empty" with no counts and no template`, async () => {
      const uri = newUri();
      const status = client.waitFor('status', (s) => s.uri === uri);
      const published = await client.open(uri, text);
      assert.deepEqual(published.diagnostics, []);
      const s = await status;
      assert.equal(s.skipReason, 'empty');
      assert.match(s.skipped ?? '', /空文档/);
      assert.deepEqual([s.errors, s.warnings, s.infos, s.hints], [0, 0, 0, 0]);
      assert.equal(s.template, undefined);
      // Requests on it answer quietly.
      assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }), null);
      assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
      await client.close(uri);
    });
  }

  it('a title only: one section.missing (the configured severity) whose fix inserts all six parts', async () => {
    const uri = newUri();
    const published = await client.open(uri, TITLE);
    const core = analyzeReport(TITLE).findings;
    assert.equal(core.filter((f) => f.code === 'section.missing').length, 6, 'the core reports six');
    assert.equal(published.diagnostics.length, 1, published.diagnostics.map((d) => d.message).join(' | '));
    const [d] = published.diagnostics as Diagnostic[];
    assert.equal(d.code, 'section.missing');
    assert.equal(d.severity, 1);
    assert.match(d.message, /全部 6 个部分/);
    for (const part of ['一、总体情况', '三、收到和处理政府信息公开申请情况', '六、其他需要报告的事项']) assert.ok(d.message.includes(part), d.message);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d], only: ['quickfix'] },
    });
    // The one fix, and the two actions every finding has (turn the rule off, show its documentation).
    const fixes = actions.filter((a) => a.edit);
    assert.equal(fixes.length, 1);
    assert.deepEqual(actions.filter((a) => !a.edit).map((a) => a.command?.command), ['govAnnualReport.disableRule', 'govAnnualReport.openRuleDocs']);
    assert.equal(fixes[0].isPreferred, true);
    const edits = fixes[0].edit!.changes![uri] as TextEdit[];
    const scaffold = applyTextEdits(TITLE, edits);
    // The scaffold has every part and every table: no part or table is missing any more.
    const after = analyzeReport(scaffold).findings.map((f) => f.code);
    assert.ok(!after.includes('section.missing'), after.join(', '));
    assert.ok(!after.includes('table.missing'), after.join(', '));
    assert.ok(!after.includes('table.unparsed'), after.join(', '));
    // And the server agrees once the edit is applied.
    const republished = await client.change(uri, 2, [{ text: scaffold }]);
    assert.ok(!republished.diagnostics.some((x) => x.code === 'section.missing'));
    // Emptied again: silence.
    assert.deepEqual((await client.change(uri, 3, [{ text: '' }])).diagnostics, []);
    await client.close(uri);
  });

  it('the collapsed finding follows the rules setting (warning, off)', async () => {
    const uri = newUri();
    client.settings = { rules: { 'section.missing': 'warning' } };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const warned = await client.open(uri, TITLE);
    assert.deepEqual(warned.diagnostics.map((d) => `${d.code}:${d.severity}`), ['section.missing:2']);
    client.settings = { rules: { 'section.missing': 'off' } };
    const off = client.diagnostics(uri, 1);
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual((await off).diagnostics, []);
    client.settings = {};
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.close(uri);
  });

  it('in English', async () => {
    const en = await TestClient.start({ root: dir, locale: 'en' });
    try {
      const uri = newUri();
      const status = en.waitFor('status', (s) => s.uri === uri);
      await en.open(uri, '\n');
      assert.match((await status).skipped ?? '', /^Empty document/);
      const published = await en.change(uri, 2, [{ text: TITLE }]);
      assert.equal(published.diagnostics.length, 1);
      assert.match(published.diagnostics[0].message, /^None of the 6 parts of the official format found yet: 一、总体情况; 二、/);
      const actions = await en.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: published.diagnostics[0].range,
        context: { diagnostics: published.diagnostics, only: ['quickfix'] },
      });
      assert.equal(actions[0].title, 'Insert all 6 official parts (with their tables)');
    } finally {
      await en.stop();
    }
  });

  it('a draft with one part heading or a table keeps the core findings unchanged', async () => {
    for (const text of ['一、总体情况\n草稿\n', `${TITLE}一、总体情况\n`, '二、主动公开政府信息情况\n']) {
      const uri = newUri();
      const published = await client.open(uri, text);
      const expected = analyzeReport(text).findings.map((f) => comparable({ code: f.code, range: f.range, severity: SEVERITY[f.severity] })).sort();
      assert.deepEqual(published.diagnostics.map(comparable).sort(), expected, JSON.stringify(text));
      assert.ok(published.diagnostics.filter((d) => d.code === 'section.missing').length >= 4, JSON.stringify(text));
      await client.close(uri);
    }
  });
});
