const assert = require('assert');
const vscode = require('vscode');
const { api, openReport, analysed, waitFor } = require('./helpers');

suite('commands', () => {
  let reportApi;
  suiteSetup(async () => {
    reportApi = await api();
  });

  test('all four commands are registered', async () => {
    const all = new Set(await vscode.commands.getCommands(true));
    for (const c of ['recomputeTotals', 'checkWorkspace', 'showOutput', 'restartServer']) {
      assert.ok(all.has(`govAnnualReport.${c}`), `govAnnualReport.${c}`);
    }
  });

  test('the language server runs as a child of the extension host with the V8 flag that bounds its heap', async () => {
    await openReport('reports/天桥区2022.txt');
    const fs = require('fs');
    // Linux /proc: the children of this process (the extension host) whose command line runs dist/server.js.
    const servers = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d)).flatMap((pid) => {
      try {
        const ppid = Number(fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')[1]);
        const argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
        return ppid === process.pid && argv.some((a) => a.endsWith('dist/server.js')) ? [argv] : [];
      } catch {
        return []; // gone meanwhile
      }
    });
    assert.strictEqual(servers.length, 1, JSON.stringify(servers));
    const [argv] = servers;
    const script = argv.findIndex((a) => a.endsWith('dist/server.js'));
    assert.ok(argv.slice(0, script).includes('--max-semi-space-size=2'), `node flags before the script: ${argv.join(' ')}`);
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
