const assert = require('assert');
const vscode = require('vscode');
const { api, openReport, analysed, diagnosticsMatching, replaceOnLine, totalLineOf, revert, setSetting, codeOf } = require('./helpers');

suite('settings reach the server', () => {
  let doc;
  let line;
  suiteSetup(async () => {
    const reportApi = await api();
    doc = await openReport('reports/天桥区2022.txt');
    await analysed(reportApi, doc.uri);
    line = totalLineOf(doc, '（一）予以公开');
  });
  teardown(async () => {
    await setSetting('rules', undefined);
    await revert(doc);
  });

  test('govAnnualReport.rules overrides a rule severity and turns a rule off', async () => {
    await replaceOnLine(doc, line, '69', '70');
    await diagnosticsMatching('sum.rowTotal error', doc.uri,
      (ds) => ds.some((d) => codeOf(d) === 'sum.rowTotal' && d.severity === vscode.DiagnosticSeverity.Error));
    await setSetting('rules', { 'sum.rowTotal': 'warning' });
    await diagnosticsMatching('sum.rowTotal as a warning', doc.uri,
      (ds) => ds.some((d) => codeOf(d) === 'sum.rowTotal' && d.severity === vscode.DiagnosticSeverity.Warning));
    await setSetting('rules', { 'sum.rowTotal': 'off' });
    const diags = await diagnosticsMatching('sum.rowTotal off', doc.uri, (ds) => !ds.some((d) => codeOf(d) === 'sum.rowTotal'));
    assert.ok(diags.every((d) => codeOf(d) !== 'sum.rowTotal'));
  });
});
