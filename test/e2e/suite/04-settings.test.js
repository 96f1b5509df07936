const assert = require('assert');
const vscode = require('vscode');
const {
  api, openReport, analysed, diagnosticsMatching, replaceOnLine, totalLineOf, revert, setSetting, codeOf, waitFor, isChinese,
} = require('./helpers');

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
    await setSetting('maxFileSize', undefined);
    await setSetting('template', undefined);
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

  test('govAnnualReport.maxFileSize: a larger file is not analysed and the status bar says so', async () => {
    const reportApi = await api();
    await setSetting('maxFileSize', 1000);
    await diagnosticsMatching('diagnostics cleared', doc.uri, (ds) => ds.length === 0);
    const status = await waitFor('a skipped status', () => reportApi.statusFor(doc.uri)?.skipped && reportApi.statusFor(doc.uri),
      [reportApi.onDidChangeStatus], { describe: () => JSON.stringify(reportApi.statusFor(doc.uri)) });
    console.log(`    (skipped: ${status.skipped})`);
    assert.match(reportApi.statusText(), isChinese() ? /未分析/ : /not analysed/);
    // Nothing was read, so no year and (with template auto) no template: never the word "auto".
    assert.strictEqual(status.template, undefined, JSON.stringify(status));
    assert.strictEqual(status.skipReason, 'tooLarge');
    assert.doesNotMatch(`${reportApi.statusText()}\n${reportApi.statusTooltip()}`, /auto/);
    // The limit is in characters, and the tooltip says so with the document's own character count.
    assert.ok(reportApi.statusTooltip().includes(String(doc.getText().length)), reportApi.statusTooltip());
    assert.match(reportApi.statusTooltip(), isChinese() ? /个字符/ : /characters/);
    // A template fixed in the settings is known even without reading the report: the item shows it.
    await setSetting('template', '2019');
    const fixed = await waitFor('the configured template on the skipped status',
      () => reportApi.statusFor(doc.uri)?.template === '2019' && reportApi.statusText(), [reportApi.onDidChangeStatus],
      { describe: () => `${JSON.stringify(reportApi.statusFor(doc.uri))} / ${reportApi.statusText()}` });
    assert.ok(fixed.endsWith(isChinese() ? '未分析 · 2019版' : 'not analysed · 2019 template'), fixed);
    await setSetting('template', undefined);
    await setSetting('maxFileSize', undefined);
    await waitFor('analysis again', () => !reportApi.statusFor(doc.uri)?.skipped, [reportApi.onDidChangeStatus]);
    await analysed(reportApi, doc.uri);
  });
});
