const assert = require('assert');
const vscode = require('vscode');
const { api, openReport, analysed, codeOf, summarize, workspaceUri, diagnosticsMatching } = require('./helpers');

suite('seed 004 (pipe-shaped tables)', () => {
  test('is detected and analysed as a 2022 report', async () => {
    const reportApi = await api();
    const doc = await openReport('reports/东丽区2022.txt');
    const { status, diags } = await analysed(reportApi, doc.uri);
    console.log(`    (seed 004: ${summarize(diags)})`);
    assert.strictEqual(status.year, 2022);
    assert.ok(!diags.some((d) => codeOf(d) === 'table.unparsed'), 'its tables are understood');
  });
});

suite('PDF text (seed 002 through pdftotext -layout)', () => {
  test('is detected, its aligned tables read; a hover names a table 三 cell', async () => {
    const reportApi = await api();
    const doc = await openReport('reports/张店区2023-pdf.txt');
    const { status, diags } = await analysed(reportApi, doc.uri);
    console.log(`    (seed 002 as PDF text: ${summarize(diags)})`);
    assert.strictEqual(status.year, 2023);
    assert.ok(!diags.some((d) => codeOf(d) === 'table.unparsed' || codeOf(d) === 'table.missing' || d.severity === vscode.DiagnosticSeverity.Error), summarize(diags));
    const line = doc.getText().split('\n').findIndex((l) => l.includes('（一）予以公开'));
    const character = doc.lineAt(line).text.search(/\d/); // the row's first number, 自然人
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, character));
    const text = hovers.map((h) => h.contents.map((c) => c.value ?? c).join('\n')).join('\n');
    assert.match(text, /予以公开/);
    assert.match(text, /（一）予以公开 × 自然人/);
  });
});

suite('untitled documents', () => {
  test('an untitled report is analysed too', async () => {
    const reportApi = await api();
    const source = await vscode.workspace.openTextDocument(workspaceUri('reports/天桥区2022.年报.txt'));
    const doc = await vscode.workspace.openTextDocument({ language: 'gov-annual-report', content: source.getText().replace('\t69\n', '\t70\n') });
    await vscode.window.showTextDocument(doc);
    const diags = await diagnosticsMatching('sum.rowTotal in an untitled document', doc.uri,
      (ds) => ds.some((d) => codeOf(d) === 'sum.rowTotal'));
    assert.ok(diags.length > 0);
    await analysed(reportApi, doc.uri);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
