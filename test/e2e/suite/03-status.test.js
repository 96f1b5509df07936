const assert = require('assert');
const vscode = require('vscode');
const { api, openReport, analysed, waitFor, workspaceUri, revert, isChinese } = require('./helpers');

suite('status bar item', () => {
  let reportApi;
  suiteSetup(async () => {
    reportApi = await api();
  });

  test('shows the report year and template for the active report', async () => {
    const doc = await openReport('reports/天桥区2022.txt');
    await analysed(reportApi, doc.uri);
    const text = await waitFor('status text with the year', () => {
      const t = reportApi.statusText();
      return reportApi.statusVisible() && /2022/.test(t) ? t : undefined;
    }, [reportApi.onDidChangeStatus], { describe: () => reportApi.statusText() });
    assert.match(text, /2021/, `template in "${text}"`);
    assert.ok(text.endsWith(isChinese() ? '2022年 · 2021版' : '2022 · 2021 template'), `"${text}" in the display language`);
    assert.doesNotMatch(text, /\$\(error\)/, 'no errors in seed 000');
    assert.match(reportApi.statusTooltip(), /2022/);
  });

  test('is hidden for other languages and back for a report', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceUri('reports/notes.txt')));
    await waitFor('status hidden', () => !reportApi.statusVisible(), [reportApi.onDidChangeStatus]);
    await openReport('reports/天桥区2022.txt');
    await waitFor('status shown', () => reportApi.statusVisible() && /2022/.test(reportApi.statusText()), [reportApi.onDidChangeStatus]);
  });

  test('counts errors after an edit', async () => {
    const doc = await openReport('reports/天桥区2022.年报.txt');
    await analysed(reportApi, doc.uri);
    const line = doc.getText().split('\n').indexOf('\t（一）予以公开') + 7;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(line, 1, line, 3), '70');
    await vscode.workspace.applyEdit(edit);
    const text = await waitFor('error badge', () => /\$\(error\) \d/.test(reportApi.statusText()) && reportApi.statusText(),
      [reportApi.onDidChangeStatus], { describe: () => reportApi.statusText() });
    assert.match(text, /2022/);
    await revert(doc);
  });
});
