// A new, empty report: no wall of errors before the first word, a status item that says "empty", and
// once text is typed, one section.missing whose quick fix inserts the whole official outline.
const assert = require('assert');
const vscode = require('vscode');
const { api, waitFor, codeOf, summarize, diagnosticsMatching, isChinese } = require('./helpers');

suite('empty and new documents', () => {
  let reportApi;
  suiteSetup(async () => {
    reportApi = await api();
  });
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('an empty report: no diagnostics, the status item says "empty", never "auto"', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'gov-annual-report', content: '' });
    await vscode.window.showTextDocument(doc);
    const status = await waitFor('a status for the empty document', () => reportApi.statusFor(doc.uri), [reportApi.onDidChangeStatus]);
    assert.strictEqual(status.skipReason, 'empty', JSON.stringify(status));
    assert.deepStrictEqual(vscode.languages.getDiagnostics(doc.uri), []);
    const text = await waitFor('the status item for the empty document',
      () => reportApi.statusVisible() && /空文档|empty/.test(reportApi.statusText()) && reportApi.statusText(),
      [reportApi.onDidChangeStatus], { describe: () => reportApi.statusText() });
    assert.ok(text.endsWith(isChinese() ? '年报: 空文档' : 'Report: empty'), text);
    assert.doesNotMatch(`${text}\n${reportApi.statusTooltip()}`, /auto|undefined/);
  });

  test('typing "一、" under the title completes the official heading of part 一', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'gov-annual-report', content: '' });
    const editor = await vscode.window.showTextDocument(doc);
    await waitFor('a status for the empty document', () => reportApi.statusFor(doc.uri), [reportApi.onDidChangeStatus]);
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), '某某区人民政府2023年政府信息公开工作年度报告\n一、'));
    await diagnosticsMatching('the title analysed', doc.uri, (ds) => ds.length > 0);
    const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(1, 2), '、');
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('一、总体情况'), labels.join(' | '));
  });

  test('a title only: one section.missing; its quick fix inserts the six parts with their tables', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'gov-annual-report', content: '' });
    const editor = await vscode.window.showTextDocument(doc);
    await waitFor('a status for the empty document', () => reportApi.statusFor(doc.uri), [reportApi.onDidChangeStatus]);
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), '某某区人民政府2023年政府信息公开工作年度报告\n'));
    const diags = await diagnosticsMatching('one section.missing', doc.uri, (ds) => ds.length > 0);
    assert.strictEqual(diags.length, 1, summarize(diags));
    assert.strictEqual(codeOf(diags[0]), 'section.missing');
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, diags[0].range, vscode.CodeActionKind.QuickFix.value);
    // (The command returns the actions without their diagnostics: pick it by its title.)
    const fix = actions.find((a) => a.edit && /6/.test(a.title));
    assert.ok(fix, `the outline fix among ${actions.map((a) => `${a.title} (edit: ${!!a.edit})`).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    for (const part of ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、', '六、']) {
      assert.ok(doc.getText().includes(part), `${part} inserted`);
    }
    const after = await diagnosticsMatching('no section.missing or table.missing', doc.uri,
      (ds) => !ds.some((d) => ['section.missing', 'table.missing', 'table.unparsed'].includes(codeOf(d))));
    console.log(`    (after the outline fix: ${summarize(after)})`);
    // Emptied again: silence again.
    await editor.edit((b) => b.delete(new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length))));
    await diagnosticsMatching('no diagnostics on the emptied document', doc.uri, (ds) => ds.length === 0);
  });
});
