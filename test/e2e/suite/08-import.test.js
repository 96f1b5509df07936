// Import Report (Word/PDF/Web Page): a Word file of the workspace opens as a Markdown report in a new
// editor, checked at once (the planted broken total of the fixture is found).
const assert = require('assert');
const vscode = require('vscode');
const screenshot = require('./screenshot');
const { api, workspaceUri, waitFor, diagnosticsMatching, codeOf, LANGUAGE_ID } = require('./helpers');

suite('import report', () => {
  test('the command is registered and offered in the Explorer for .docx, .pdf and .html', async () => {
    const all = new Set(await vscode.commands.getCommands(true));
    assert.ok(all.has('govAnnualReport.importReport'));
    const manifest = vscode.extensions.getExtension('gov-annual-report.gov-annual-report').packageJSON;
    const entry = manifest.contributes.menus['explorer/context'].find((m) => m.command === 'govAnnualReport.importReport');
    assert.match(entry.when, /docx\|pdf\|html\?/);
  });

  test('a Word file opens as a Markdown report in a new editor, checked at once', async () => {
    await api();
    const uri = workspaceUri('reports/洪泽区2023.docx');
    await vscode.commands.executeCommand('govAnnualReport.importReport', uri);
    const editor = await waitFor('the imported report in an editor', () => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.scheme === 'untitled' && e.document.languageId === LANGUAGE_ID ? e : undefined;
    }, [vscode.window.onDidChangeActiveTextEditor]);
    const text = editor.document.getText();
    assert.match(editor.document.uri.path, /洪泽区2023\.年报\.md$/, 'Save suggests <name>.年报.md');
    assert.match(text, /^\| 一、本年新收政府信息公开申请数量 \| /m, 'table 三 as a Markdown grid');
    const diags = await diagnosticsMatching('the broken total found', editor.document.uri, (ds) => ds.some((d) => codeOf(d) === 'sum.rowTotal'));
    assert.ok(diags.some((d) => codeOf(d) === 'sum.columnTotal'));
    if (process.env.VSCODE_E2E_SCREENSHOT_URL) {
      await vscode.commands.executeCommand('notifications.clearAll');
      const line = text.split('\n').findIndex((l) => l.startsWith('| 三、本年度办理结果 | （一）予以公开'));
      editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.InCenter);
      await screenshot('import');
    }
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
