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
