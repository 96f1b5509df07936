const assert = require('assert');
const vscode = require('vscode');
const { api, openReport, analysed, codeOf, summarize } = require('./helpers');

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
