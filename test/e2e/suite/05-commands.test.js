const assert = require('assert');
const vscode = require('vscode');
const { api, openReport, analysed, waitFor } = require('./helpers');

suite('commands', () => {
  let reportApi;
  suiteSetup(async () => {
    reportApi = await api();
  });

  test('all five commands are registered', async () => {
    const all = new Set(await vscode.commands.getCommands(true));
    for (const c of ['recomputeTotals', 'checkWorkspace', 'showOutput', 'restartServer', 'showTableView']) {
      assert.ok(all.has(`govAnnualReport.${c}`), `govAnnualReport.${c}`);
    }
  });

  test('Show Output runs', async () => {
    await vscode.commands.executeCommand('govAnnualReport.showOutput');
  });

  test('Check All Reports in Workspace runs', async () => {
    await vscode.commands.executeCommand('govAnnualReport.checkWorkspace');
  });

  test('Restart Language Server: analysis resumes', async () => {
    const doc = await openReport('reports/天桥区2022.txt');
    await analysed(reportApi, doc.uri);
    await vscode.commands.executeCommand('govAnnualReport.restartServer');
    assert.ok(reportApi.client.isRunning(), 'the client runs again');
    await waitFor('a fresh status after the restart', () => reportApi.statusFor(doc.uri), [reportApi.onDidChangeStatus]);
    await analysed(reportApi, doc.uri);
    assert.match(reportApi.statusText(), /2022/);
  });
});
