const assert = require('assert');
const vscode = require('vscode');
const {
  api, openReport, analysed, diagnosticsMatching, replaceOnLine, totalLineOf, revert, setSetting, codeOf, waitFor, isChinese,
  workspaceUri,
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

  test('govAnnualReport.run = onSave: an edit gives no new diagnostic until the document is saved', async () => {
    const reportApi = await api();
    // A file of its own: this test saves, and the other suites expect their files as on disk.
    const uri = workspaceUri('reports/保存时检查.年报.txt');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(doc.getText(), 'utf8'));
    await setSetting('run', 'onSave');
    try {
      const saved = await openReport('reports/保存时检查.年报.txt');
      await analysed(reportApi, saved.uri);
      const before = JSON.stringify(reportApi.statusFor(saved.uri));
      const total = totalLineOf(saved, '（一）予以公开');
      const cell = await replaceOnLine(saved, total, '69', '70');
      assert.ok(saved.isDirty);
      // The client sends didChange before any later request, and the server answers in order: once a
      // hover has come back, a publish for the edit would already have arrived. None may have.
      for (let i = 0; i < 3; i++) await vscode.commands.executeCommand('vscode.executeHoverProvider', saved.uri, cell.start);
      await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', saved.uri);
      assert.ok(!vscode.languages.getDiagnostics(saved.uri).some((d) => codeOf(d) === 'sum.rowTotal'), 'no sum.rowTotal before saving');
      assert.strictEqual(JSON.stringify(reportApi.statusFor(saved.uri)), before, 'no new status before saving');
      assert.ok(await saved.save(), 'saved');
      const diags = await diagnosticsMatching('sum.rowTotal after saving', saved.uri, (ds) => ds.some((d) => codeOf(d) === 'sum.rowTotal'));
      assert.ok(diags.find((d) => codeOf(d) === 'sum.rowTotal').range.isEqual(cell));
      // Fixing it back is also only seen on save.
      await replaceOnLine(saved, total, '70', '69');
      await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', saved.uri);
      assert.ok(vscode.languages.getDiagnostics(saved.uri).some((d) => codeOf(d) === 'sum.rowTotal'), 'still there until saved');
      assert.ok(await saved.save());
      await diagnosticsMatching('sum.rowTotal gone after saving', saved.uri, (ds) => !ds.some((d) => codeOf(d) === 'sum.rowTotal'));
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      await setSetting('run', undefined);
    }
  });
});
