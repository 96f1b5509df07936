// Issue 19, "say less, better" and "say what changed", in a real VS Code: the message after a recompute
// names the cells it changed, published text (PDF layout) is not recomputed, inlay hints label the bare
// numbers of a one-cell-per-line table and show what a broken total should be (with a picture).
const assert = require('assert');
const vscode = require('vscode');
const screenshot = require('./screenshot');
const { api, openReport, analysed, diagnosticsMatching, textMatching, replaceOnLine, totalLineOf, revert, codeOf, isChinese } = require('./helpers');

suite('say what changed (seed 000, TAB tables)', () => {
  let reportApi;
  let doc;
  let original;
  let line;

  suiteSetup(async () => {
    reportApi = await api();
    doc = await openReport('reports/天桥区2022.txt');
    await analysed(reportApi, doc.uri);
    original = doc.getText();
    line = totalLineOf(doc, '（一）予以公开');
  });

  teardown(async () => {
    await revert(doc);
  });

  test('Recompute Totals tells which cell it changed, from what to what', async () => {
    await replaceOnLine(doc, line, '69', '70');
    await diagnosticsMatching('sum.rowTotal', doc.uri, (ds) => ds.some((d) => codeOf(d) === 'sum.rowTotal'));
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('govAnnualReport.recomputeTotals');
    await textMatching('the total back at 69', doc, (t) => t === original);
    const expected = isChinese() ? '已修改 1 处：表三（一）予以公开×总计 70 → 69' : 'Changed 1 cell: table 三 (1) Granted × total 70 → 69';
    assert.strictEqual(reportApi.lastChangeSummary(), expected);
    // The one undo step the message's Undo runs puts the edit back.
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    await textMatching('the 70 back after undo', doc, (t) => t !== original && doc.lineAt(line).text === '\t70');
  });

  test('inlay hints: the column before each bare number, the expected value after the broken total', async () => {
    await replaceOnLine(doc, line, '69', '70');
    await diagnosticsMatching('sum.rowTotal', doc.uri, (ds) => ds.some((d) => codeOf(d) === 'sum.rowTotal'));
    const range = new vscode.Range(line - 6, 0, line, 10);
    const hints = await vscode.commands.executeCommand('vscode.executeInlayHintProvider', doc.uri, range);
    const labels = hints.map((h) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')));
    const zh = isChinese();
    assert.deepStrictEqual(labels.slice(0, 1), [zh ? '自然人 │' : 'natural persons │'], JSON.stringify(labels));
    assert.ok(labels.includes(zh ? '← 应为 69' : '← should be 69'), JSON.stringify(labels));
    const editor = await vscode.window.showTextDocument(doc);
    const at = new vscode.Range(line, 1, line, 3);
    editor.revealRange(at, vscode.TextEditorRevealType.InCenter);
    editor.selection = new vscode.Selection(at.end, at.end);
    await vscode.commands.executeCommand('notifications.clearAll');
    // Hints come a moment after the diagnostics (the editor asks for them once the text settles).
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await screenshot('inlay-hints', { selector: '.monaco-editor .view-lines' });
  });
});

suite('published text (PDF layout) is audited, not changed', () => {
  test('Recompute Totals leaves a PDF text alone and changes nothing', async () => {
    const reportApi = await api();
    const doc = await openReport('reports/张店区2023-pdf.txt');
    await analysed(reportApi, doc.uri);
    const before = doc.getText();
    const summary = reportApi.lastChangeSummary();
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('govAnnualReport.recomputeTotals');
    const lenses = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', doc.uri);
    assert.strictEqual(lenses.length, 0, 'no recompute lens on published text');
    assert.strictEqual(doc.getText(), before);
    assert.strictEqual(doc.isDirty, false);
    assert.strictEqual(reportApi.lastChangeSummary(), summary, 'no change to report');
  });
});
