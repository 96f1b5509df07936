const assert = require('assert');
const vscode = require('vscode');
const {
  api, openReport, analysed, diagnosticsMatching, textMatching, replaceOnLine, totalLineOf, revert, codeOf,
  summarize, hoverText, isChinese,
} = require('./helpers');

const GRANTED = '（一）予以公开';

suite('diagnostics, recompute and hover on seed 000 (2022, TAB tables)', () => {
  let reportApi;
  let doc;
  let original;
  let line;

  suiteSetup(async () => {
    reportApi = await api();
    doc = await openReport('reports/天桥区2022.txt');
    original = doc.getText();
    line = totalLineOf(doc, GRANTED);
    assert.strictEqual(doc.lineAt(line).text, '\t69', 'the （一）予以公开 total cell');
  });

  teardown(async () => {
    await revert(doc);
  });

  test('a consistent report has no errors', async () => {
    const { status, diags } = await analysed(reportApi, doc.uri);
    console.log(`    (seed 000: ${status.errors} errors, ${status.warnings} warnings, ${status.infos} infos, ${status.hints} hints: ${summarize(diags)})`);
    const errors = diags.filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepStrictEqual(errors.map((d) => `${codeOf(d)}: ${d.message}`), []);
    assert.strictEqual(status.year, 2022);
    assert.strictEqual(status.template, '2021');
  });

  test('a wrong row total gets sum.rowTotal on that cell', async () => {
    const cell = await replaceOnLine(doc, line, '69', '70');
    const diags = await diagnosticsMatching('sum.rowTotal', doc.uri, (ds) => ds.some((d) => codeOf(d) === 'sum.rowTotal'));
    const rowTotal = diags.filter((d) => codeOf(d) === 'sum.rowTotal');
    assert.strictEqual(rowTotal.length, 1, summarize(rowTotal));
    const [d] = rowTotal;
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(d.range.isEqual(cell), `range ${JSON.stringify(d.range)} is the cell ${JSON.stringify(cell)}`);
    assert.match(d.message, /69/, 'the message gives the expected total');
    assert.match(d.message, isChinese() ? /总计应为/ : /Total should be/, `message in the display language: ${d.message}`);
  });

  test('Recompute Totals from the command palette (no arguments) fixes the document', async () => {
    await replaceOnLine(doc, line, '69', '70');
    await diagnosticsMatching('sum.rowTotal', doc.uri, (ds) => ds.some((d) => codeOf(d) === 'sum.rowTotal'));
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('govAnnualReport.recomputeTotals');
    await textMatching('the total back at 69', doc, (t) => t === original);
    await diagnosticsMatching('no sum.* errors', doc.uri, (ds) => !ds.some((d) => /^sum\./.test(codeOf(d))));
  });

  test('Recompute Totals with [uri, version] and with a resource Uri (editor/title menu)', async () => {
    await replaceOnLine(doc, line, '69', '71');
    await vscode.commands.executeCommand('govAnnualReport.recomputeTotals', doc.uri.toString(), doc.version);
    await textMatching('recompute with [uri, version]', doc, (t) => t === original);
    await replaceOnLine(doc, line, '69', '72');
    await vscode.commands.executeCommand('govAnnualReport.recomputeTotals', doc.uri);
    await textMatching('recompute with a Uri', doc, (t) => t === original);
  });

  test('the code lens over a table with a wrong total recomputes it', async () => {
    await replaceOnLine(doc, line, '69', '73');
    await diagnosticsMatching('sum.rowTotal', doc.uri, (ds) => ds.some((d) => codeOf(d) === 'sum.rowTotal'));
    const lenses = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', doc.uri);
    assert.strictEqual(lenses.length, 1, JSON.stringify(lenses.map((l) => l.command && l.command.title)));
    const { command } = lenses[0];
    assert.match(command.title, isChinese() ? /重新计算合计（本表 \d+ 处不一致）/ : /Recompute totals \(\d+ wrong in this table\)/);
    assert.ok(lenses[0].range.start.line < line, 'above the cell, on the table');
    await vscode.commands.executeCommand(command.command, ...(command.arguments || []));
    await textMatching('the total back at 69 after the lens', doc, (t) => t === original);
  });

  test('hover on a table cell names its row', async () => {
    const at = new vscode.Position(line, 1);
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, at);
    const text = hoverText(hovers);
    if (isChinese()) {
      assert.match(text, /予以公开/, `hover names the row: ${text}`);
      assert.match(text, /总计/, `hover names the column: ${text}`);
    } else {
      assert.match(text, /予以公开|Granted/, `hover names the row: ${text}`);
      assert.match(text, /[Tt]otal/, `hover names the column: ${text}`);
      // The official Chinese labels too, to find the cell in the printed report.
      assert.match(text, /Official label: 三 · （一）予以公开 × 总计/, text);
    }
  });

  test('document highlights on a total light up its terms', async () => {
    const highlights = await vscode.commands.executeCommand('vscode.executeDocumentHighlights', doc.uri, new vscode.Position(line, 1));
    assert.ok(Array.isArray(highlights) && highlights.length >= 7, `the row total and its six terms at least: ${JSON.stringify(highlights)}`);
    const self = highlights.find((h) => h.range.start.line === line);
    assert.ok(self && self.kind === vscode.DocumentHighlightKind.Text, 'the cell itself');
    // Its six terms, the cells of row （一）予以公开 above it, are reads.
    const terms = highlights.filter((h) => h.kind === vscode.DocumentHighlightKind.Read && h.range.start.line < line && h.range.start.line >= line - 6);
    assert.strictEqual(terms.length, 6, JSON.stringify(highlights));
  });

  test('go to definition from a count in the prose lands on its table cell', async () => {
    const needle = '予以公开69件';
    const offset = doc.getText().indexOf(needle);
    assert.ok(offset >= 0, 'the seed states the count');
    const at = doc.positionAt(offset + needle.indexOf('69') + 1);
    const locations = await vscode.commands.executeCommand('vscode.executeDefinitionProvider', doc.uri, at);
    assert.strictEqual(locations.length, 1, JSON.stringify(locations));
    const target = locations[0].range ?? locations[0].targetRange;
    assert.strictEqual(target.start.line, line, 'the row total of （一）予以公开');
  });

  test('find references on a table cell lists the count of the prose that states it', async () => {
    const locations = await vscode.commands.executeCommand('vscode.executeReferenceProvider', doc.uri, new vscode.Position(line, 1));
    // VS Code asks with includeDeclaration: true (the cell itself and "69件" in the prose) and sorts by position.
    const prose = doc.positionAt(doc.getText().indexOf('予以公开69件')).line;
    assert.deepStrictEqual(locations.map((l) => l.range.start.line), [prose, line], JSON.stringify(locations));
  });

  test('hover at character 0 of a TAB cell line (on the TAB) covers the position', async () => {
    for (const character of [0, 1, doc.lineAt(line).text.length]) {
      const at = new vscode.Position(line, character);
      const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, at);
      assert.strictEqual(hovers.length, 1, `one hover at ${character}`);
      // The official label (in English too, as "Official label: …"); the canonical key only with showCellKeys.
      assert.match(hoverText(hovers), /（一）予以公开 × 总计/, `the cell at ${character}`);
      assert.doesNotMatch(hoverText(hovers), /requests\.granted\.total/);
      assert.ok(hovers[0].range && hovers[0].range.contains(at), `range ${JSON.stringify(hovers[0].range)} contains ${character}`);
    }
  });
});
