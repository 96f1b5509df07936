// A picture for people (only when the runner has --screenshot): a squiggle with its hover open and the
// Problems panel. Runs last so the workbench layout does not disturb the other suites.
const vscode = require('vscode');
const screenshot = require('./screenshot');
const { api, openReport, analysed, diagnosticsMatching, replaceOnLine, totalLineOf, codeOf, revert } = require('./helpers');

suite('screenshot', () => {
  test('squiggle with its hover', async function () {
    if (!process.env.VSCODE_E2E_SCREENSHOT_URL) this.skip();
    const reportApi = await api();
    const doc = await openReport('reports/天桥区2022.txt');
    await analysed(reportApi, doc.uri);
    const line = totalLineOf(doc, '（一）予以公开');
    await replaceOnLine(doc, line, '69', '70');
    await diagnosticsMatching('sum.rowTotal', doc.uri, (ds) => ds.some((d) => codeOf(d) === 'sum.rowTotal'));
    await vscode.commands.executeCommand('notifications.clearAll');
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    const editor = await vscode.window.showTextDocument(doc);
    const at = new vscode.Range(line, 1, line, 3);
    editor.revealRange(at, vscode.TextEditorRevealType.InCenter);
    editor.selection = new vscode.Selection(at.end, at.end);
    // The recompute code lens over table 三 comes a moment after the diagnostics and pushes the lines below
    // it down by one: a hover opened before it is drawn loses its target. Let it settle first.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    // The first visible squiggle: another one (the （七）总计 cell, off screen) may come first in the DOM.
    await screenshot('squiggle', { hover: '.squiggly-error:visible', selector: '.monaco-hover .marker' });
    await revert(doc);
  });
});
