/**
 * "Import Report (Word/PDF/Web Page)": converts a .docx, .html/.htm or .pdf file into a Markdown report
 * in a new editor, checked at once. The conversion runs in the language server (CONVERT_REQUEST); the
 * client only reads the file's bytes (through VS Code's file system, so remote files work too) and
 * opens the result.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CONVERT_REQUEST, convertedName, type ConvertParams, type ConvertResult } from '../../shared/convert';
import { LANGUAGE_ID } from './constants';

export const IMPORT_REPORT_COMMAND = 'govAnnualReport.importReport';

export function registerImportReport(client: LanguageClient): vscode.Disposable {
  return vscode.commands.registerCommand(IMPORT_REPORT_COMMAND, async (uri?: vscode.Uri) => {
    const file = uri instanceof vscode.Uri ? uri : await pickFile();
    if (!file) return;
    const name = file.path.slice(file.path.lastIndexOf('/') + 1);
    try {
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Importing {0}…', name) },
        async () => {
          const data = Buffer.from(await vscode.workspace.fs.readFile(file)).toString('base64');
          if (!client.isRunning()) await client.start();
          return client.sendRequest<ConvertResult | null>(CONVERT_REQUEST, { name, data } satisfies ConvertParams);
        },
      );
      // null only from a server that has not finished starting (its error boundary's answer).
      if (result) await vscode.window.showTextDocument(await untitledReport(file, name, result.markdown));
    } catch (err) {
      void vscode.window.showErrorMessage(err instanceof Error ? err.message : String(err));
    }
  });
}

/**
 * A new untitled editor holding the report, named `<name>.年报.md` beside the source file so that Save
 * suggests that name; a plain untitled editor if an editor of that name is already open with text.
 */
async function untitledReport(source: vscode.Uri, name: string, markdown: string): Promise<vscode.TextDocument> {
  const target = vscode.Uri.joinPath(source, '..', convertedName(name)).with({ scheme: 'untitled' });
  const document = await vscode.workspace.openTextDocument(target);
  if (document.getText() !== '') return vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: markdown });
  const edit = new vscode.WorkspaceEdit();
  edit.insert(target, new vscode.Position(0, 0), markdown);
  await vscode.workspace.applyEdit(edit);
  return document.languageId === LANGUAGE_ID ? document : vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
}

function pickFile(): Thenable<vscode.Uri | undefined> {
  return vscode.window
    .showOpenDialog({
      canSelectMany: false,
      openLabel: vscode.l10n.t('Import'),
      filters: { [vscode.l10n.t('Reports (Word, PDF, web pages)')]: ['docx', 'pdf', 'html', 'htm'] },
    })
    .then((picked) => picked?.[0]);
}
