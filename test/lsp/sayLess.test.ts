/**
 * Issue 19, "say less, better" and "say what changed", over stdio: the diagnostic source, related
 * information that names only the terms a reader needs, short hovers on broken totals, inlay hints,
 * the change summary after a recompute or a fix-all, the fix-all entry of the Ctrl+. menu, and audit
 * mode for published text (PDF layout).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { CodeAction, Diagnostic, Hover, InitializeResult, InlayHint, MarkupContent } from 'vscode-languageserver-protocol';
import { parseReport } from '../../server/src/core';
import { withTablesAs } from '../support/fixtures';
import { TestClient, fileUri, readSeed, REPO_ROOT } from './client';
import { serverPerSuite, setTabCell, tempDir, totalLineOfRow } from './helpers';

const SEED_000 = readSeed('000_dc17b29f247dd138.txt');
const LAYOUT_000 = fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'layout', '000.txt'), 'utf8');

/** `text` with one cell's value replaced. */
function withCell(text: string, key: string, value: string): string {
  const c = parseReport(text).cells.get(key)!;
  return text.slice(0, c.span.start) + value + text.slice(c.span.end);
}

/** Seed 000 with （一）予以公开's 总计 70 instead of 69: its row and its column no longer add up. */
const BROKEN = setTabCell(SEED_000, totalLineOfRow(SEED_000, '（一）予以公开'), '70').text;

const dir = tempDir();
let n = 0;
const newUri = () => fileUri(path.join(dir, `s${n++}.txt`));
const hoverText = (h: Hover) => (h.contents as MarkupContent).value;
const position = (text: string, key: string, end = false) => {
  const doc = parseReport(text);
  const c = doc.cells.get(key)!;
  return doc.lines.positionAt(end ? c.span.end : c.span.start);
};

describe('say less, better (Chinese)', () => {
  let client: TestClient;
  serverPerSuite((c) => (client = c), { root: dir });

  it('advertises inlay hints', () => {
    assert.deepEqual((client.initializeResult as InitializeResult).capabilities.inlayHintProvider, { resolveProvider: false });
  });

  it('the source is 年报 and a broken （七）总计 names at most five non-zero terms', async () => {
    const uri = newUri();
    const text = withCell(SEED_000, 'requests.processed.natural', '334');
    const { diagnostics } = await client.open(uri, text);
    assert.ok(diagnostics.length > 0);
    assert.ok(diagnostics.every((d) => d.source === '年报'), diagnostics.map((d) => d.source).join());
    const total = diagnostics.find((d) => d.code === 'sum.columnTotal')!;
    assert.equal(total.message, '（七）总计应为 333（69+35+8+198+6+17），实为 334');
    // 21 terms, 13 of them non-zero: the five largest, in table order.
    assert.deepEqual(total.relatedInformation?.map((r) => r.message), [
      '表三（一）予以公开×自然人 = 69',
      '表三（二）部分公开（区分处理的，只计这一情形，不计其他情形）×自然人 = 35',
      '表三（四）无法提供·1.本机关不掌握相关政府信息×自然人 = 197',
      '表三（六）其他处理·1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请×自然人 = 6',
      '表三（六）其他处理·3.其他×自然人 = 11',
    ]);
    assert.ok(total.relatedInformation!.every((r) => r.location.uri === uri));
    await client.close(uri);
  });

  it('the hover on a broken total: ✗, expected value and formula first, then the fix, no key, at most eight lines', async () => {
    const uri = newUri();
    await client.open(uri, BROKEN);
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: position(BROKEN, 'requests.granted.total') });
    const lines = hoverText(h).split('\n').filter((l) => l.trim() !== '');
    assert.ok(lines.length <= 8, hoverText(h));
    assert.equal(lines[0], '✗ **应为 69**：本行总计 = 69 + 0 + 0 + 0 + 0 + 0，表中为 70');
    assert.match(lines[1], /^修复：快速修复（Ctrl\+\.）改为 69/);
    assert.equal(lines[2], '**三 · （一）予以公开 × 总计** = **70**');
    assert.ok(!hoverText(h).includes('requests.granted.total'), 'no canonical key by default');
    await client.close(uri);
  });

  it('inlay hints: the column before each bare number and "← 应为 69" after the broken total, within the range asked', async () => {
    const uri = newUri();
    await client.open(uri, BROKEN);
    const total = position(BROKEN, 'requests.granted.total');
    const range = { start: { line: total.line - 6, character: 0 }, end: { line: total.line, character: 100 } };
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range });
    assert.deepEqual(hints.map((h) => [h.position.line - total.line, h.position.character, h.label, h.kind ?? null]), [
      [-6, 1, '自然人 │', 2],
      [-5, 1, '商业企业 │', 2],
      [-4, 1, '科研机构 │', 2],
      [-3, 1, '社会公益组织 │', 2],
      [-2, 1, '法律服务机构 │', 2],
      [-1, 1, '其他 │', 2],
      [0, 1, '总计 │', 2],
      [0, 3, '← 应为 69', null],
    ]);
    assert.equal(hints[0].paddingRight, true);
    assert.equal(hints[0].tooltip, '（一）予以公开 × 自然人');
    assert.equal(hints[7].paddingLeft, true);
    await client.close(uri);
  });

  it('inlay hints: none for Markdown rows (a header names the columns), the expected value still', async () => {
    const uri = newUri();
    const text = withCell(withTablesAs(SEED_000, 'markdown'), 'requests.granted.total', '70');
    await client.open(uri, text);
    const end = parseReport(text).lines.lineCount;
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: end, character: 0 } } });
    assert.deepEqual(hints.map((h) => h.label), ['← 应为 69', '← 应为 334']);
    assert.deepEqual(hints[0].position, position(text, 'requests.granted.total', true));
    await client.close(uri);
  });

  it('recompute: the result lists the cells changed, and a client without its own summary is shown it', async () => {
    const uri = newUri();
    await client.open(uri, BROKEN);
    const message = client.waitFor('showMessage', (m) => m.message.startsWith('已修改'));
    const result = await client.request<{ applied: number; message: string; changes: unknown[] }>('workspace/executeCommand', {
      command: 'govAnnualReport.recomputeTotals',
      arguments: [uri, 1],
    });
    assert.equal(result.applied, 1);
    assert.equal(result.message, '已修改 1 处：表三（一）予以公开×总计 70 → 69');
    const total = position(BROKEN, 'requests.granted.total');
    assert.deepEqual(result.changes, [
      { label: '表三（一）予以公开×总计', before: '70', after: '69', range: { start: total, end: { line: total.line, character: total.character + 2 } } },
    ]);
    assert.equal((await message).message, result.message);
    await client.close(uri);
  });

  it('Ctrl+. on a sum finding offers its own fix and 修复全部合计 (the recompute command)', async () => {
    const uri = newUri();
    const { diagnostics } = await client.open(uri, BROKEN);
    const rowTotal = diagnostics.find((d) => d.code === 'sum.rowTotal')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: rowTotal.range,
      context: { diagnostics: [rowTotal], only: ['quickfix'] },
    });
    assert.deepEqual(actions.map((a) => [a.title, a.kind, a.command?.command ?? null]), [
      ['将表三（一）予以公开×总计改为 69', 'quickfix', null],
      ['修复全部合计', 'quickfix', 'govAnnualReport.recomputeTotals'],
      ['不再提示此类问题（表三“总计”列不等于各类申请人之和）', 'quickfix', 'govAnnualReport.disableRule'],
      ['查看规则说明：表三“总计”列不等于各类申请人之和', 'quickfix', 'govAnnualReport.openRuleDocs'],
    ]);
    assert.deepEqual(actions[1].command!.arguments, [uri, 1]);
    assert.deepEqual(actions[1].diagnostics, [rowTotal]);
    // A finding that is not a sum gets no fix-all entry (only its rule's two actions).
    const other: Diagnostic = { ...rowTotal, code: 'heading.numbering', data: {} };
    const none = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: rowTotal.range,
      context: { diagnostics: [other], only: ['quickfix'] },
    });
    assert.deepEqual(none.map((a) => a.command?.command), ['govAnnualReport.disableRule', 'govAnnualReport.openRuleDocs']);
    await client.close(uri);
  });

  it('published text (PDF layout) is audited: findings, but no lens, no edit, no recompute', async () => {
    const uri = newUri();
    const text = withCell(LAYOUT_000, 'requests.granted.total', '70');
    const { diagnostics } = await client.open(uri, text);
    const rowTotal = diagnostics.find((d) => d.code === 'sum.rowTotal');
    assert.ok(rowTotal, 'the finding is reported');
    assert.deepEqual(await client.request('textDocument/codeLens', { textDocument: { uri } }), []);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: rowTotal.range,
      context: { diagnostics: [rowTotal] },
    });
    // No edit of any kind: only the two actions that change no text (turn the rule off, read its page).
    assert.deepEqual(actions.map((a) => [a.command?.command, a.edit]), [['govAnnualReport.disableRule', undefined], ['govAnnualReport.openRuleDocs', undefined]]);
    // The hover says what the total should be, and advertises no fix.
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: position(text, 'requests.granted.total') });
    assert.match(hoverText(h), /^✗ \*\*应为 69\*\*/);
    assert.doesNotMatch(hoverText(h), /修复/);
    const before = client.count('applyEdit');
    const message = client.waitFor('showMessage', (m) => /已发布的报告文本/.test(m.message));
    const result = await client.request('workspace/executeCommand', { command: 'govAnnualReport.recomputeTotals', arguments: [uri, 1] });
    assert.deepEqual(result, { applied: 0 });
    assert.equal((await message).type, 3);
    assert.equal(client.count('applyEdit'), before);
    // The same numbers in the TAB shape are editable: the lens is there.
    const editable = newUri();
    await client.open(editable, BROKEN);
    assert.equal((await client.request<unknown[]>('textDocument/codeLens', { textDocument: { uri: editable } })).length, 1);
    await client.close(editable);
    await client.close(uri);
  });
});

describe('say less, better (English, settings, a client that shows change summaries)', () => {
  let client: TestClient;
  serverPerSuite((c) => (client = c), {
    root: dir,
    locale: 'en',
    initializationOptions: { changeSummary: true },
    settings: { showCellKeys: true, inlayHints: { columnLabels: false } },
  });

  it('the source is "annual report"; keys are shown with showCellKeys; only the expected-value hint is left', async () => {
    const uri = newUri();
    const { diagnostics } = await client.open(uri, BROKEN);
    assert.ok(diagnostics.every((d) => d.source === 'annual report'));
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: position(BROKEN, 'requests.granted.total') });
    assert.match(hoverText(h), /^✗ \*\*should be 69\*\*: row total = 69 \+ 0 \+ 0 \+ 0 \+ 0 \+ 0; the table has 70/);
    assert.match(hoverText(h), /\n\n`requests\.granted\.total`\n\n/);
    const end = parseReport(BROKEN).lines.lineCount;
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: end, character: 0 } } });
    assert.deepEqual(hints.map((x) => x.label), ['← should be 69', '← should be 334']);
    await client.close(uri);
  });

  it('recompute answers with the summary and leaves showing it to the client', async () => {
    const uri = newUri();
    await client.open(uri, BROKEN);
    const shown = client.count('showMessage');
    const result = await client.request<{ applied: number; message: string }>('workspace/executeCommand', {
      command: 'govAnnualReport.recomputeTotals',
      arguments: [uri, 1],
    });
    assert.equal(result.message, 'Changed 1 cell: table 三 (1) Granted × total 70 → 69');
    assert.equal(client.count('showMessage'), shown, 'no second message from the server');
    await client.close(uri);
  });

  it('source.fixAll carries the edit and then the client command that shows what changed', async () => {
    const uri = newUri();
    await client.open(uri, BROKEN);
    const [action] = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.equal(action.title, 'Fix all totals');
    assert.equal(action.edit!.changes![uri].length, 1);
    assert.equal(action.command!.command, 'govAnnualReport.showChanges');
    const [target, summary] = action.command!.arguments as [string, { message: string }];
    assert.equal(target, uri);
    assert.equal(summary.message, 'Changed 1 cell: table 三 (1) Granted × total 70 → 69');
    await client.close(uri);
  });

  it('the code action request accepts diagnostics of either source back', async () => {
    const uri = newUri();
    const { diagnostics } = await client.open(uri, BROKEN);
    const rowTotal = diagnostics.find((d) => d.code === 'sum.rowTotal')!;
    for (const source of ['annual report', '年报']) {
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: rowTotal.range,
        context: { diagnostics: [{ ...rowTotal, source }], only: ['quickfix'] },
      });
      assert.equal(actions.length, 4, source); // its fix, 修复全部合计, and its rule's two actions
    }
    await client.close(uri);
  });
});
