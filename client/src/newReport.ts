/**
 * "新建年度报告" (New Annual Report): asks the year, the agency and the table shape, and opens the
 * official skeleton — rendered by the server (`govAnnualReport/newReport`) — in a new untitled editor
 * of the report language, with the cursor at the first blank. Also "打开示例年报" (Open Sample Report),
 * the walkthrough's first step: the sample shipped in the extension, opened as an untitled copy so the
 * clerk can try everything without touching a file.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LANGUAGE_ID } from '../../shared/protocol';
import { NEW_REPORT_REQUEST, type NewReportParams, type NewReportResult, type SkeletonShape } from '../../shared/summary';

export const NewReportCommands = {
  newReport: 'govAnnualReport.newReport',
  openSample: 'govAnnualReport.openSample',
} as const;

/** `ready` resolves once the language server runs. */
export function registerNewReportCommands(extensionUri: vscode.Uri, client: LanguageClient, ready: Promise<void>): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(NewReportCommands.newReport, async (preset?: Partial<NewReportParams>) => {
      await ready;
      const params = await askParams(preset);
      if (!params) return undefined;
      const result = await client.sendRequest<NewReportResult | null>(NEW_REPORT_REQUEST, params);
      if (!result) return undefined;
      const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: result.text });
      const at = new vscode.Position(result.cursor.line, result.cursor.character);
      const editor = await vscode.window.showTextDocument(document, { selection: new vscode.Range(at, at) });
      editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      return document.uri;
    }),
    vscode.commands.registerCommand(NewReportCommands.openSample, async () => {
      const sample = vscode.Uri.joinPath(extensionUri, 'samples', '示例年报.年报.txt');
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(sample));
      const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: text });
      await vscode.window.showTextDocument(document, { preview: false });
      return document.uri;
    }),
  );
}

/** The year, agency and shape, from `preset` (tests, other extensions) or asked one after another. */
async function askParams(preset: Partial<NewReportParams> = {}): Promise<NewReportParams | undefined> {
  const lastYear = new Date().getFullYear() - 1;
  const yearText = preset.year !== undefined ? String(preset.year) : await vscode.window.showInputBox({
    title: vscode.l10n.t('New Annual Report (1/3)'),
    prompt: vscode.l10n.t('The year the report covers'),
    value: String(lastYear),
    validateInput: (v) => (/^\s*(20[0-9]{2}|2100)\s*$/.test(v) ? undefined : vscode.l10n.t('A year such as {0}', lastYear)),
  });
  if (yearText === undefined) return undefined;
  const agency = preset.agency ?? await vscode.window.showInputBox({
    title: vscode.l10n.t('New Annual Report (2/3)'),
    prompt: vscode.l10n.t('The agency the report is for (it begins the title)'),
    placeHolder: vscode.l10n.t('e.g. 某某市人民政府办公室'),
  });
  if (agency === undefined) return undefined;
  let shape = preset.shape;
  if (!shape) {
    const items: (vscode.QuickPickItem & { shape: SkeletonShape })[] = [
      { shape: 'tab', label: vscode.l10n.t('One cell per line (TAB)'), detail: vscode.l10n.t('Each cell on its own line after a TAB, as text copied from Word. Works in any editor.') },
      { shape: 'markdown', label: vscode.l10n.t('Markdown tables'), detail: vscode.l10n.t('| cell | cell | rows: easy to read in the editor and in Markdown previews.') },
      { shape: 'pipe', label: vscode.l10n.t('Cells ending in “ |”'), detail: vscode.l10n.t('The pipe form has no way to write an empty cell, so the empty tables are written one cell per line (TAB); both forms are read the same.') },
    ];
    const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('New Annual Report (3/3): table shape'), placeHolder: vscode.l10n.t('How the three tables are written') });
    if (!picked) return undefined;
    shape = picked.shape;
  }
  return { year: Number(yearText), agency: agency.trim(), shape };
}
