const assert = require('assert');
const vscode = require('vscode');
const { api, workspaceUri, documentFor, openReport, setSetting, LANGUAGE_ID, EXTENSION_ID } = require('./helpers');

suite('activation and language selection', () => {
  suiteSetup(async () => {
    await api();
  });

  test('a *.年报.txt file gets the report language from the file association', async () => {
    const doc = await vscode.workspace.openTextDocument(workspaceUri('reports/天桥区2022.年报.txt'));
    assert.strictEqual(doc.languageId, LANGUAGE_ID);
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID).isActive);
  });

  test('a plain .txt that looks like a report is switched by auto-detection', async () => {
    const uri = workspaceUri('reports/天桥区2022.txt');
    const doc = await openReport('reports/天桥区2022.txt');
    assert.strictEqual(doc.languageId, LANGUAGE_ID);
    assert.strictEqual(documentFor(uri).languageId, LANGUAGE_ID);
  });

  test('a plain .txt that is not a report stays plain text', async () => {
    // Detection runs synchronously in the open event, so the answer is there once the open resolves.
    const doc = await vscode.workspace.openTextDocument(workspaceUri('reports/notes.txt'));
    assert.strictEqual(doc.languageId, 'plaintext');
    assert.strictEqual(documentFor(doc.uri).languageId, 'plaintext');
  });

  test('govAnnualReport.autoDetect = false leaves .txt reports alone', async () => {
    await setSetting('autoDetect', false);
    try {
      const doc = await vscode.workspace.openTextDocument(workspaceUri('reports/天桥区2022-copy.txt'));
      assert.strictEqual(doc.languageId, 'plaintext');
      assert.strictEqual(documentFor(doc.uri).languageId, 'plaintext');
    } finally {
      await setSetting('autoDetect', undefined);
    }
  });

  test('a report the user switched back to plain text is not switched again', async () => {
    const doc = await openReport('reports/天桥区2022.txt');
    const plain = await vscode.languages.setTextDocumentLanguage(doc, 'plaintext');
    assert.strictEqual(plain.languageId, 'plaintext');
    assert.strictEqual(documentFor(doc.uri).languageId, 'plaintext');
    // back to the report language for the following suites
    await vscode.languages.setTextDocumentLanguage(plain, LANGUAGE_ID);
  });
});
