/**
 * LSP protocol tests: the built server (dist/server.js) over real JSON-RPC on stdio. Each test makes its
 * own documents (URIs under a temp folder that need not exist) and waits on published events.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type {
  CodeAction,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InitializeResult,
  TextDocumentEdit,
  TextEdit,
} from 'vscode-languageserver-protocol';
import { analyzeReport, parseReport, planRecompute } from '../../server/src/core';
import { TestClient, fileUri, readSeed } from './client';
import { applyTextEdits, comparable, runCli, SEEDS, setTabCell, tempDir, totalLineOfRow, writeTemp, serverPerSuite } from './helpers';

const SEED_000 = readSeed('000_dc17b29f247dd138.txt');
const GRANTED = '（一）予以公开';
const SEVERITY = { error: 1, warning: 2, information: 3, hint: 4 } as const;

/** Seed 000 with the 总计 of （一）予以公开 changed from 69 to 70. */
function editedSeed000() {
  const line = totalLineOfRow(SEED_000, GRANTED);
  const { text, range } = setTabCell(SEED_000, line, '70');
  return { line, text, range };
}

function expectedFromCore(text: string, locale: 'zh-cn' | 'en' = 'zh-cn'): string[] {
  return analyzeReport(text, { locale })
    .findings.map((f) => comparable({ code: f.code, range: f.range, severity: SEVERITY[f.severity] }))
    .sort();
}

const dir = tempDir();
let uriCounter = 0;
const newUri = (name = 'report.txt') => fileUri(path.join(dir, `${uriCounter++}-${name}`));

describe('language server over stdio', () => {
  let client: TestClient;
  serverPerSuite((c) => (client = c), { root: dir });

  it('advertises incremental sync, push-only diagnostics, code action kinds and commands', () => {
    const caps = (client.initializeResult as InitializeResult).capabilities;
    const sync = caps.textDocumentSync as { change: number; openClose: boolean; save: unknown };
    assert.equal(sync.change, 2, 'incremental');
    assert.equal(sync.openClose, true);
    assert.ok(sync.save, 'save notifications (run: onSave)');
    assert.equal(caps.diagnosticProvider, undefined, 'no pull diagnostics');
    const kinds = (caps.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds;
    assert.ok(kinds.includes('quickfix'));
    assert.ok(kinds.includes('source.fixAll.govAnnualReport'));
    assert.deepEqual(caps.executeCommandProvider?.commands.sort(), ['govAnnualReport.checkWorkspace', 'govAnnualReport.recomputeTotals']);
    assert.equal(caps.hoverProvider, true);
    assert.ok(caps.documentSymbolProvider);
    assert.equal(caps.foldingRangeProvider, true);
    assert.equal(caps.documentHighlightProvider, true);
    assert.equal(caps.definitionProvider, true);
    assert.equal(caps.referencesProvider, true);
    assert.deepEqual(caps.codeLensProvider, { resolveProvider: false });
    assert.deepEqual(caps.completionProvider?.triggerCharacters, ['、']);
  });

  /** The errors each seed has: none, except the 2019 report with ten parts, whose structure errors must be reported. */
  const ERRORS_BY_SEED: Record<(typeof SEEDS)[number], string[]> = {
    '000_dc17b29f247dd138.txt': [],
    '001_d8b00d975d5bafc8.txt': ['section.missing@28', 'section.missing@417'],
    '002_fe7868b60a559d8c.txt': [],
    '003_2907b5d9cfef7e5d.txt': [],
    '004_594938079f36f576.txt': [],
  };

  for (const seed of SEEDS) {
    it(`seed ${seed}: didOpen publishes the core's findings, no sum.* codes`, async () => {
      const text = readSeed(seed);
      const uri = newUri(seed);
      const published = await client.open(uri, text);
      assert.equal(published.version, 1);
      const codes = published.diagnostics.map((d) => d.code);
      assert.ok(!codes.some((c) => String(c).startsWith('sum.')), `unexpected sum.* in ${codes.join(', ')}`);
      const errors = published.diagnostics.filter((d) => d.severity === 1).map((d) => `${d.code}@${d.range.start.line}`);
      assert.deepEqual(errors, ERRORS_BY_SEED[seed], published.diagnostics.map((d) => `${d.code}: ${d.message}`).join('\n'));
      assert.deepEqual(published.diagnostics.map(comparable).sort(), expectedFromCore(text));
      await client.close(uri);
    });
  }

  it('a change to one total publishes sum.rowTotal at that cell in the next publish', async () => {
    const uri = newUri();
    await client.open(uri, SEED_000);
    const { text, range } = editedSeed000();
    const published = await client.change(uri, 2, [{ range, text: '70' }]);
    assert.equal(published.version, 2);
    assert.deepEqual(published.diagnostics.map(comparable).sort(), expectedFromCore(text));
    const rowTotal = published.diagnostics.find((d) => d.code === 'sum.rowTotal');
    assert.ok(rowTotal, 'sum.rowTotal published');
    assert.deepEqual(rowTotal.range, range);
    assert.equal(rowTotal.severity, 1);
    assert.equal(rowTotal.source, '年报', 'the Problems view reads 年报(sum.rowTotal)');
    assert.match(rowTotal.codeDescription!.href, /^https:\/\/.+#sumrowtotal$/);
    assert.match(rowTotal.message, /^总计应为 69/);
    const data = rowTotal.data as { cell: string; args: Record<string, unknown>; fixes: unknown[] };
    assert.equal(data.cell, 'requests.granted.total');
    assert.equal(data.args.expected, 69);
    assert.ok(data.fixes.length >= 1);
    // Of the six terms of the row (自然人 … 其他, one per line above the total) only the one that is
    // not zero: 自然人 69, in this document.
    assert.deepEqual(
      rowTotal.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line, r.message]),
      [[uri, 100, '表三（一）予以公开×自然人 = 69']],
    );
    await client.close(uri);
  });

  it('status notification follows each analysis', async () => {
    const uri = newUri();
    const status = client.waitFor('status', (s) => s.uri === uri);
    await client.open(uri, editedSeed000().text);
    const s = await status;
    assert.equal(s.template, '2021');
    assert.equal(s.year, 2022);
    assert.ok(s.errors >= 1);
    assert.equal(s.skipped, undefined);
    await client.close(uri);
  });

  it('status is sent again only when it changes, and after a reopen', async () => {
    const uri = newUri();
    const statuses = () => client.events.filter((e) => e.kind === 'status' && e.params.uri === uri).map((e) => e.params as { errors: number });
    await client.open(uri, SEED_000);
    await client.waitFor('status', (s) => s.uri === uri);
    assert.equal(statuses().length, 1);
    assert.equal(statuses()[0].errors, 0);
    // A prose edit changes no count: diagnostics are published, the status is not repeated.
    const prose = SEED_000.split('\n').findIndex((l) => l.startsWith(' （二）'));
    const at = { line: prose, character: 4 };
    await client.change(uri, 2, [{ range: { start: at, end: at }, text: '进一步' }]);
    assert.equal(statuses().length, 1);
    // A broken total adds an error: the status follows.
    const { range } = editedSeed000();
    const status = client.waitFor('status', (s) => s.uri === uri && s.errors > 0);
    await client.change(uri, 3, [{ range, text: '70' }]);
    assert.ok((await status).errors >= 1);
    assert.equal(statuses().length, 2);
    await client.close(uri);
    await client.open(uri, SEED_000);
    await client.waitFor('status', (s) => s.uri === uri && s.errors === 0);
    assert.equal(statuses().length, 3);
    await client.close(uri);
  });

  it('hover on a table cell shows its row label and value (Markdown)', async () => {
    const uri = newUri();
    const { range } = editedSeed000();
    await client.open(uri, editedSeed000().text);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: range.start });
    assert.ok(hover);
    const contents = hover.contents as { kind: string; value: string };
    assert.equal(contents.kind, 'markdown');
    assert.ok(contents.value.includes(GRANTED), contents.value);
    assert.ok(contents.value.includes('70'), contents.value);
    assert.deepEqual(hover.range, range);
    const none = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.ok(none === null || typeof none === 'object');
    await client.close(uri);
  });

  it('document highlights on a cell: itself, the totals it adds up to (write), the other terms (read)', async () => {
    const uri = newUri();
    await client.open(uri, SEED_000);
    const doc = parseReport(SEED_000);
    const at = (key: string) => doc.lines.rangeOf(doc.cells.get(key)!.span);
    type Highlight = { range: { start: { line: number; character: number } }; kind: number };
    const highlights = await client.request<Highlight[] | null>('textDocument/documentHighlight', {
      textDocument: { uri }, position: at('requests.granted.natural').start,
    });
    assert.ok(highlights);
    const kindOf = (key: string) => highlights.find((h) => h.range.start.line === at(key).start.line && h.range.start.character === at(key).start.character)?.kind;
    assert.equal(kindOf('requests.granted.natural'), 1, 'the cell itself');
    assert.equal(kindOf('requests.granted.total'), 3, 'its row total');
    assert.equal(kindOf('requests.processed.natural'), 3, 'its column total (（七）总计)');
    assert.equal(kindOf('requests.granted.business'), 2, 'a term of the same row total');
    assert.equal(kindOf('requests.partial.natural'), 2, 'a term of the same column total');
    assert.equal(kindOf('requests.carried.natural'), undefined, 'the balance holds its column total, not the cell: not lit');
    assert.equal(kindOf('review.direct.total'), undefined, 'table 四 is not related');
    const prose = await client.request('textDocument/documentHighlight', { textDocument: { uri }, position: { line: 1, character: 3 } });
    assert.equal(prose, null, 'no highlights outside the tables');
    await client.close(uri);
  });

  it('go to definition from a count in the prose to the table cell it states; hover on it compares them', async () => {
    const uri = newUri();
    await client.open(uri, SEED_000);
    const doc = parseReport(SEED_000);
    const needle = '办理政府信息公开申请333件';
    const at = doc.lines.positionAt(SEED_000.indexOf(needle) + needle.indexOf('333') + 1);
    type Location = { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } };
    const locations = await client.request<Location[] | null>('textDocument/definition', { textDocument: { uri }, position: at });
    // 333 is （七）总计 × 总计; the other values it could mean (new 323, new + carried 345) are not offered.
    assert.deepEqual(locations, [{ uri, range: doc.lines.rangeOf(doc.cells.get('requests.processed.total')!.span) }]);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: at });
    assert.match((hover!.contents as { value: string }).value, /表三（七）总计 = 333 ✓/);
    const nothing = await client.request('textDocument/definition', { textDocument: { uri }, position: { line: 1, character: 2 } });
    assert.equal(nothing, null, 'no definition for a word that is not a bound count');
    await client.close(uri);
  });

  it('find references from a table cell to the counts of the prose that state it', async () => {
    const uri = newUri();
    await client.open(uri, SEED_000);
    const doc = parseReport(SEED_000);
    const cell = doc.cells.get('requests.processed.total')!;
    const stated = SEED_000.indexOf('办理政府信息公开申请333件') + '办理政府信息公开申请'.length;
    type Location = { uri: string; range: unknown };
    const at = doc.lines.positionAt(cell.span.start);
    const withCell = await client.request<Location[] | null>('textDocument/references', { textDocument: { uri }, position: at, context: { includeDeclaration: true } });
    assert.deepEqual(withCell, [
      { uri, range: doc.lines.rangeOf(cell.span) },
      { uri, range: doc.lines.rangeOf({ start: stated, end: stated + '333件'.length }) },
    ]);
    const without = await client.request<Location[] | null>('textDocument/references', { textDocument: { uri }, position: at, context: { includeDeclaration: false } });
    assert.deepEqual(without, withCell!.slice(1));
    await client.close(uri);
  });

  it('the quick fix of sum.rowTotal sets the cell back to 69', async () => {
    const uri = newUri();
    const edited = editedSeed000();
    const published = await client.open(uri, edited.text);
    const diagnostic = published.diagnostics.find((d) => d.code === 'sum.rowTotal')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ['quickfix'] },
    });
    assert.ok(actions.length >= 1);
    assert.ok(actions.every((a) => a.kind === 'quickfix'));
    const preferred = actions.filter((a) => a.isPreferred);
    assert.equal(preferred.length, 1, 'exactly one preferred fix');
    assert.deepEqual(preferred[0].diagnostics, [diagnostic]);
    const edits = preferred[0].edit!.changes![uri];
    assert.equal(applyTextEdits(edited.text, edits), SEED_000);
    await client.close(uri);
  });

  it('source.fixAll.govAnnualReport restores the total with minimal edits', async () => {
    const uri = newUri();
    const edited = editedSeed000();
    await client.open(uri, edited.text);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'], triggerKind: 2 },
    });
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.govAnnualReport');
    const edits = actions[0].edit!.changes![uri];
    assert.equal(edits.length, 1, 'one cell changed, no whole-document replace');
    assert.equal(applyTextEdits(edited.text, edits), SEED_000);
    // A correct document gets no fix-all at all (nothing to do on save).
    const clean = newUri();
    await client.open(clean, SEED_000);
    const none = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: clean },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.govAnnualReport'] },
    });
    assert.deepEqual(none, []);
    await client.close(uri);
    await client.close(clean);
  });

  it('the Source Action menu offers 重新计算合计 through the recompute command', async () => {
    const uri = newUri();
    await client.open(uri, editedSeed000().text);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source'] },
    });
    const recompute = actions.find((a) => a.command?.command === 'govAnnualReport.recomputeTotals');
    assert.ok(recompute, JSON.stringify(actions));
    assert.equal(recompute.title, '重新计算合计');
    assert.deepEqual(recompute.command!.arguments, [uri, 1]);
    assert.ok(actions.some((a) => a.kind === 'source.fixAll.govAnnualReport'));
    await client.close(uri);
  });

  it('recomputeTotals sends exactly one workspace/applyEdit equal to `cli fix --stdout`', async () => {
    const uri = newUri();
    const edited = editedSeed000();
    await client.open(uri, edited.text);
    const before = client.count('applyEdit');
    const result = await client.request<{ applied: number }>('workspace/executeCommand', {
      command: 'govAnnualReport.recomputeTotals',
      arguments: [uri, 1],
    });
    const requests = client.events.filter((e) => e.kind === 'applyEdit').slice(before);
    assert.equal(requests.length, 1);
    const change = requests[0].params.edit.documentChanges![0] as TextDocumentEdit;
    assert.deepEqual(change.textDocument, { uri, version: 1 });
    const fixed = applyTextEdits(edited.text, change.edits as TextEdit[]);
    assert.equal(result.applied, change.edits.length);
    assert.equal(fixed, SEED_000);
    const file = writeTemp(tempDir(), 'edited.txt', edited.text);
    assert.equal(fixed, runCli(['fix', '--stdout', file]), 'same result as the CLI');
    await client.close(uri);
  });

  it('a code lens over a table with wrong totals runs recomputeTotals; none when the totals are right', async () => {
    type Lens = { range: { start: { line: number } }; command: { title: string; command: string; arguments: unknown[] } };
    const uri = newUri();
    const edited = editedSeed000();
    const published = await client.open(uri, edited.text);
    // （一）予以公开 总计 70: its row total is wrong, and so is （七）总计's 总计 (its column): two errors in
    // the Problems view, though the recompute rewrites one cell. The lens counts what Problems counts.
    const lenses = await client.request<Lens[]>('textDocument/codeLens', { textDocument: { uri } });
    const doc = parseReport(edited.text);
    const requests = doc.tables.find((t) => t.key === 'requests')!;
    assert.equal(planRecompute(doc).length, 1);
    const inTable = published.diagnostics.filter((d) => d.range.start.line >= doc.lines.positionAt(requests.span.start).line && d.range.start.line <= doc.lines.positionAt(requests.span.end).line);
    assert.deepEqual(inTable.map((d) => d.code).sort(), ['sum.columnTotal', 'sum.rowTotal']);
    assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command.title, l.command.command, l.command.arguments]), [
      [doc.lines.positionAt(requests.anchor.start).line, '重新计算合计（本表 2 处不一致）', 'govAnnualReport.recomputeTotals', [uri, 1]],
    ]);
    const clean = newUri();
    await client.open(clean, SEED_000);
    assert.deepEqual(await client.request('textDocument/codeLens', { textDocument: { uri: clean } }), []);
    await client.close(uri);
    await client.close(clean);
  });

  it('completion at the start of a line offers the missing parts as text edits', async () => {
    const uri = newUri();
    const start = SEED_000.indexOf('五、存在的主要问题及改进情况');
    const text = `${SEED_000.slice(0, start)}五${SEED_000.slice(start + '五、存在的主要问题及改进情况'.length)}`;
    await client.open(uri, text);
    const position = parseReport(text).lines.positionAt(start + 1);
    type Item = { label: string; textEdit: { range: { start: { line: number; character: number } }; newText: string } };
    const items = await client.request<Item[]>('textDocument/completion', { textDocument: { uri }, position, context: { triggerKind: 1 } });
    assert.deepEqual(items.map((i) => [i.label, i.textEdit.newText, i.textEdit.range.start]), [
      ['五、存在的主要问题及改进情况', '五、存在的主要问题及改进情况', { line: position.line, character: 0 }],
    ]);
    await client.close(uri);
  });

  it('recomputeTotals on a correct document shows a message and sends no edit', async () => {
    const uri = newUri();
    await client.open(uri, SEED_000);
    const before = client.count('applyEdit');
    const message = client.waitFor('showMessage', (m) => m.message === '无需重新计算：合计均已正确');
    const result = await client.request<{ applied: number }>('workspace/executeCommand', {
      command: 'govAnnualReport.recomputeTotals',
      arguments: [uri],
    });
    assert.deepEqual(result, { applied: 0 });
    assert.equal((await message).type, 3);
    assert.equal(client.count('applyEdit'), before);
    await client.close(uri);
  });

  it('recomputeTotals refuses a stale version and bad arguments with an error response', async () => {
    const uri = newUri();
    const edited = editedSeed000();
    await client.open(uri, edited.text);
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }]);
    const before = client.count('applyEdit');
    await assert.rejects(
      client.request('workspace/executeCommand', { command: 'govAnnualReport.recomputeTotals', arguments: [uri, 1] }),
      (e: { code: number }) => e.code === -32801,
    );
    await assert.rejects(client.request('workspace/executeCommand', { command: 'govAnnualReport.recomputeTotals', arguments: [42] }));
    await assert.rejects(client.request('workspace/executeCommand', { command: 'govAnnualReport.nope', arguments: [] }));
    assert.equal(client.count('applyEdit'), before);
    await client.close(uri);
  });

  it('closing a document clears its diagnostics', async () => {
    const uri = newUri();
    const published = await client.open(uri, editedSeed000().text);
    assert.ok(published.diagnostics.length > 0);
    const cleared = await client.close(uri);
    assert.deepEqual(cleared.diagnostics, []);
  });

  it('document symbols: the six parts of seed 000 with their headings, tables and table rows, at their lines', async () => {
    const uri = newUri();
    await client.open(uri, SEED_000);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    // [name, kind, first line, last line, children]; parts are modules, tables arrays, headings
    // strings, table rows fields and （七）总计 (a row of sums) an operator.
    type Outline = [string, number, number, number, Outline[]];
    const MODULE = 2, FIELD = 8, STRING = 15, ARRAY = 18, OPERATOR = 25;
    const outline = (s: DocumentSymbol): Outline => [s.name, s.kind, s.range.start.line, s.range.end.line, (s.children ?? []).map(outline)];
    assert.deepEqual(symbols.map(outline), [
      ['1、总体情况', MODULE, 7, 13, [
        ['（一）强化公开实效，着力提升主动公开水平', STRING, 9, 9, []],
        ['（二）强化为民服务，着力提升依申请公开水平', STRING, 10, 10, []],
        ['（三）强化工作规范，着力提升信息管理水平', STRING, 11, 11, []],
        ['（四）强化渠道拓展，着力提升平台建设水平', STRING, 12, 12, []],
        ['（五）强化组织领导，着力提升监督保障水平', STRING, 13, 13, []],
      ]],
      ['二、主动公开政府信息情况', MODULE, 14, 57, [
        ['表二 主动公开政府信息情况', ARRAY, 15, 57, [
          ['规章', FIELD, 23, 25, []],
          ['行政规范性文件', FIELD, 28, 30, []],
          ['行政许可', FIELD, 38, 38, []],
          ['行政处罚', FIELD, 46, 46, []],
          ['行政强制', FIELD, 49, 49, []],
          ['行政事业性收费', FIELD, 57, 57, []],
        ]],
      ]],
      ['三、收到和处理政府信息公开申请情况', MODULE, 60, 344, [
        ['表三 收到和处理政府信息公开申请情况', ARRAY, 61, 344, [
          ['一、本年新收政府信息公开申请数量', FIELD, 81, 87, []],
          ['二、上年结转政府信息公开申请数量', FIELD, 90, 96, []],
          ['（一）予以公开', FIELD, 100, 106, []],
          ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', FIELD, 110, 116, []],
          ['（三）不予公开·1.属于国家秘密', FIELD, 121, 127, []],
          ['（三）不予公开·2.其他法律行政法规禁止公开', FIELD, 132, 138, []],
          ['（三）不予公开·3.危及“三安全一稳定”', FIELD, 143, 149, []],
          ['（三）不予公开·4.保护第三方合法权益', FIELD, 154, 160, []],
          ['（三）不予公开·5.属于三类内部事务信息', FIELD, 165, 171, []],
          ['（三）不予公开·6.属于四类过程性信息', FIELD, 176, 182, []],
          ['（三）不予公开·7.属于行政执法案卷', FIELD, 187, 193, []],
          ['（三）不予公开·8.属于行政查询事项', FIELD, 198, 204, []],
          ['（四）无法提供·1.本机关不掌握相关政府信息', FIELD, 209, 215, []],
          ['（四）无法提供·2.没有现成信息需要另行制作', FIELD, 220, 226, []],
          ['（四）无法提供·3.补正后申请内容仍不明确', FIELD, 231, 237, []],
          ['（五）不予处理·1.信访举报投诉类申请', FIELD, 242, 248, []],
          ['（五）不予处理·2.重复申请', FIELD, 253, 259, []],
          ['（五）不予处理·3.要求提供公开出版物', FIELD, 264, 270, []],
          ['（五）不予处理·4.无正当理由大量反复申请', FIELD, 275, 281, []],
          ['（五）不予处理·5.要求行政机关确认或重新出具已获取信息', FIELD, 286, 292, []],
          ['（六）其他处理·1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', FIELD, 297, 303, []],
          ['（六）其他处理·2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', FIELD, 308, 314, []],
          ['（六）其他处理·3.其他', FIELD, 319, 325, []],
          ['（七）总计', OPERATOR, 329, 335, []],
          ['四、结转下年度继续办理', FIELD, 338, 344, []],
        ]],
      ]],
      ['四、政府信息公开行政复议、行政诉讼情况', MODULE, 347, 400, [
        ['表四 政府信息公开行政复议、行政诉讼情况', ARRAY, 348, 400, [
          ['行政复议', FIELD, 386, 390, []],
          ['行政诉讼·未经复议直接起诉', FIELD, 391, 395, []],
          ['行政诉讼·复议后起诉', FIELD, 396, 400, []],
        ]],
      ]],
      ['五、存在的主要问题及改进情况', MODULE, 403, 405, []],
      ['六、其他需要报告的事项', MODULE, 406, 438, [
        ['（一）依据《政府信息公开信息处理费管理办法》收取信息处理费的情况', STRING, 407, 408, []],
        ['（二）本行政机关落实上级年度政务公开工作要点情况', STRING, 409, 423, [
          ['1、着力做好主动公开工作', STRING, 411, 413, []],
          ['2.抓好依申请公开工作', STRING, 414, 416, []],
          ['3.着力优化政策解读与公众参与', STRING, 417, 420, []],
          ['4.着力提升机制保障水平', STRING, 421, 423, []],
        ]],
        ['（三）本行政机关人大代表建议和政协提案办理结果公开情况', STRING, 424, 426, []],
        ['（4）本行政机关年度政务公开工作创新情况', STRING, 427, 431, []],
        ['（五）本行政机关政府信息公开工作年度报告数据统计需要说明的事项', STRING, 432, 434, []],
        ['（六）本行政机关认为需要报告的其他事项', STRING, 435, 436, []],
        ['（七）其他有关文件专门要求通过政府信息公开工作年度报告予以报告的事项', STRING, 437, 438, []],
      ]],
    ]);
    // The selection is the heading (or caption) itself: what the editor highlights on a click.
    const [, part2] = symbols;
    assert.deepEqual(part2.selectionRange, { start: { line: 14, character: 0 }, end: { line: 14, character: 12 } });
    assert.deepEqual(part2.children![0].selectionRange, { start: { line: 15, character: 1 }, end: { line: 15, character: 10 } });
    assert.equal(part2.children![0].detail, '2021', 'a table names the template it was read against');
    // A row: selected at its first cell, its total as detail.
    const total = symbols[2].children![0].children!.find((r) => r.name === '（七）总计')!;
    assert.equal(total.detail, '总计 333');
    assert.deepEqual(total.selectionRange, { start: { line: 329, character: 1 }, end: { line: 329, character: 4 } });
    await client.close(uri);
  });

  it('folding ranges: each part, table and heading of seed 000, from its first line to its last', async () => {
    const uri = newUri();
    await client.open(uri, SEED_000);
    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    assert.deepEqual(folds.map((f) => [f.startLine, f.endLine, f.kind]), [
      [7, 13, 'region'], // 一、总体情况 (its one-line headings do not fold)
      [14, 57, 'region'], // 二、
      [15, 57, 'region'], // 表二
      [60, 344, 'region'], // 三、
      [61, 344, 'region'], // 表三
      [347, 400, 'region'], // 四、
      [348, 400, 'region'], // 表四
      [403, 405, 'region'], // 五、
      [406, 438, 'region'], // 六、
      [407, 408, 'region'], // （一）
      [409, 423, 'region'], // （二）
      [411, 413, 'region'], // 1、
      [414, 416, 'region'], // 2.
      [417, 420, 'region'], // 3.
      [421, 423, 'region'], // 4.
      [424, 426, 'region'], // （三）
      [427, 431, 'region'], // （4）
      [432, 434, 'region'], // （五）
      [435, 436, 'region'], // （六）
      [437, 438, 'region'], // （七）
    ]);
    await client.close(uri);
  });

  it('documents of another language are left alone', async () => {
    const uri = newUri('notes.txt');
    await client.conn.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'plaintext', version: 1, text: editedSeed000().text },
    });
    // Requests are answered in order, so a publish for `uri` would have arrived before this answer.
    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 0 } });
    assert.equal(hover, null);
    assert.ok(!client.events.some((e) => e.kind === 'diagnostics' && e.params.uri === uri));
  });
});

describe('language server in English', () => {
  let client: TestClient;
  serverPerSuite((c) => (client = c), { locale: 'en-US' });

  it('messages, fix titles and server strings follow initialize params.locale', async () => {
    const uri = newUri();
    const edited = editedSeed000();
    const published = await client.open(uri, edited.text);
    const rowTotal = published.diagnostics.find((d: Diagnostic) => d.code === 'sum.rowTotal');
    assert.ok(rowTotal);
    assert.match(rowTotal.message, /^Total should be 69/);
    assert.deepEqual(published.diagnostics.map(comparable).sort(), expectedFromCore(edited.text, 'en'));
    const clean = newUri();
    await client.open(clean, SEED_000);
    const message = client.waitFor('showMessage', () => true);
    await client.request('workspace/executeCommand', { command: 'govAnnualReport.recomputeTotals', arguments: [clean] });
    assert.equal((await message).message, 'Nothing to recompute: all totals are correct');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: rowTotal.range,
      context: { diagnostics: [], only: ['source'] },
    });
    assert.ok(actions.some((a) => a.title === 'Recompute totals'));
  });
});

describe('planRecompute parity sanity', () => {
  it('the core agrees that seed 000 needs no recompute (the server relies on it)', () => {
    assert.deepEqual(planRecompute(analyzeReport(SEED_000).document), []);
  });
});
