/**
 * The table view: a webview beside the editor (like Markdown's preview) showing tables 二, 三 and 四 of
 * a report as grids. The grids come from the language server (`govAnnualReport/tables`); the view asks
 * again on every change of the document. A value typed into a grid cell becomes one WorkspaceEdit of
 * exactly that cell's text, so the text stays the document and one undo takes it back.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { TABLES_REQUEST, type TablesParams, type TablesResult } from '../../../shared/tableView';
import { Commands, LANGUAGE_ID } from '../constants';
import type { HostMessage, TestAction, ViewMessage, ViewState, ViewStrings } from './messages';

export const SHOW_TABLE_VIEW = 'govAnnualReport.showTableView';
/** Not in the manifest: lets the end-to-end tests drive a panel as a user would. */
export const TABLE_VIEW_TEST_COMMAND = 'govAnnualReport.tableView.test';
const VIEW_TYPE = 'govAnnualReport.tableView';

/** One panel per report; the command shows the active report's panel. */
export class TableViewManager implements vscode.Disposable {
  private readonly panels = new Map<string, TableViewPanel>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly client: LanguageClient,
    private readonly ready: Promise<void>,
  ) {
    this.subscriptions = [
      vscode.commands.registerCommand(SHOW_TABLE_VIEW, (uri?: vscode.Uri) => this.show(uri)),
      vscode.commands.registerCommand(TABLE_VIEW_TEST_COMMAND, (uri: string, action: TestAction) =>
        this.panels.get(uri)?.test(action)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.panels.get(e.document.uri.toString())?.refresh();
      }),
      // A language switch (auto-detection) reopens the document under the report language.
      vscode.workspace.onDidOpenTextDocument((doc) => this.panels.get(doc.uri.toString())?.refresh()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('govAnnualReport')) for (const p of this.panels.values()) p.refresh();
      }),
    ];
  }

  async show(uri?: vscode.Uri): Promise<void> {
    const doc = uri instanceof vscode.Uri
      ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())
      : vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== LANGUAGE_ID) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open an annual report to show its tables.'));
      return;
    }
    const key = doc.uri.toString();
    const existing = this.panels.get(key);
    if (existing) {
      existing.reveal();
      return;
    }
    const panel = new TableViewPanel(this.extensionUri, this.client, this.ready, doc.uri, () => this.panels.delete(key));
    this.panels.set(key, panel);
  }

  dispose(): void {
    for (const p of [...this.panels.values()]) p.dispose();
    this.subscriptions.forEach((s) => s.dispose());
  }
}

class TableViewPanel {
  private readonly panel: vscode.WebviewPanel;
  private model: NonNullable<TablesResult> | undefined;
  private requesting = false;
  private stale = false;
  private disposed = false;
  private nextTestId = 1;
  private readonly pendingTests = new Map<number, (result: ViewState | string | boolean) => void>();
  /** When the document last changed (for the update latency the tests report). */
  private changedAt: number | undefined;
  private lastUpdateMs: number | undefined;
  /** How long the last `govAnnualReport/tables` request took (sent to answered). */
  private lastRequestMs: number | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly client: LanguageClient,
    private readonly ready: Promise<void>,
    private readonly uri: vscode.Uri,
    private readonly onDispose: () => void,
  ) {
    const dist = vscode.Uri.joinPath(extensionUri, 'dist');
    this.panel = vscode.window.createWebviewPanel(
      VIEW_TYPE,
      vscode.l10n.t('Table View: {0}', basename(uri)),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [dist], retainContextWhenHidden: false },
    );
    this.panel.webview.html = this.html(dist);
    this.panel.webview.onDidReceiveMessage((m: ViewMessage) =>
      // The editor may go away meanwhile (closed, reloaded): say so in the log, never as an unhandled error.
      this.onMessage(m).catch((err: unknown) => this.client.outputChannel.appendLine(`table view: ${err instanceof Error ? err.message : String(err)}`)));
    this.panel.onDidDispose(() => this.dispose());
    // A hidden webview loses its page: when it shows again it says `ready` and gets the model anew.
  }

  reveal(): void {
    this.panel.reveal(undefined, true);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.onDispose();
    this.panel.dispose();
    for (const resolve of this.pendingTests.values()) resolve(false);
  }

  /** Asks the server for the grids; changes that arrive meanwhile make one more request afterwards. */
  refresh(): void {
    if (this.disposed) return;
    this.changedAt ??= Date.now();
    if (this.requesting) {
      this.stale = true;
      return;
    }
    void this.request();
  }

  private async request(): Promise<void> {
    this.requesting = true;
    try {
      do {
        this.stale = false;
        await this.ready;
        if (!this.client.isRunning()) return;
        const params: TablesParams = { uri: this.uri.toString() };
        const sent = Date.now();
        const model = await this.client.sendRequest<TablesResult>(TABLES_REQUEST, params);
        this.lastRequestMs = Date.now() - sent;
        if (this.disposed) return;
        if (model) {
          this.model = model;
          void this.post({ type: 'model', model });
        }
      } while (this.stale && !this.disposed);
    } catch (err) {
      this.client.outputChannel.appendLine(`table view: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      this.requesting = false;
    }
  }

  private post(message: HostMessage): Thenable<boolean> {
    return this.panel.webview.postMessage(message);
  }

  private async onMessage(m: ViewMessage): Promise<void> {
    switch (m.type) {
      case 'ready':
        if (this.model) void this.post({ type: 'model', model: this.model });
        this.refresh();
        break;
      case 'rendered':
        if (this.changedAt !== undefined && this.model && m.version === this.currentDocument()?.version) {
          this.lastUpdateMs = Date.now() - this.changedAt;
          this.changedAt = undefined;
        }
        break;
      case 'reveal':
        await this.revealCell(m.key);
        break;
      case 'edit':
        await this.editCell(m.key, m.text);
        break;
      case 'recompute':
        await vscode.commands.executeCommand(Commands.recomputeTotals, this.uri.toString());
        break;
      case 'testResult': {
        const resolve = this.pendingTests.get(m.id);
        this.pendingTests.delete(m.id);
        if (resolve && typeof m.result === 'object') resolve({ ...m.result, lastUpdateMs: this.lastUpdateMs, lastRequestMs: this.lastRequestMs });
        else resolve?.(m.result);
        break;
      }
    }
  }

  test(action: TestAction): Promise<ViewState | string | boolean> {
    const id = this.nextTestId++;
    return new Promise((resolve) => {
      this.pendingTests.set(id, resolve);
      void this.post({ type: 'test', id, action });
    });
  }

  private currentDocument(): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.uri.toString());
  }

  /** The cell's range in the current version of the document, asking the server again if the model is older. */
  private async cellRange(key: string): Promise<vscode.Range | undefined> {
    const doc = this.currentDocument();
    if (!doc) return undefined;
    if (!this.model || this.model.version !== doc.version) {
      this.model = (await this.client.sendRequest<TablesResult>(TABLES_REQUEST, { uri: this.uri.toString() })) ?? undefined;
    }
    if (!this.model || this.model.version !== doc.version) return undefined;
    for (const t of this.model.tables) {
      for (const s of t.sections) {
        for (const r of s.rows) {
          const c = r.cells.find((x) => x.key === key);
          if (c?.range) return new vscode.Range(c.range.start.line, c.range.start.character, c.range.end.line, c.range.end.character);
        }
      }
    }
    return undefined;
  }

  private async revealCell(key: string): Promise<void> {
    const range = await this.cellRange(key);
    const doc = this.currentDocument();
    if (!range || !doc) return;
    const shown = vscode.window.visibleTextEditors.find((e) => e.document === doc);
    const editor = await vscode.window.showTextDocument(doc, {
      viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One,
      selection: range,
      preserveFocus: true,
    });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  /** Replaces exactly the cell's text (inserts at a blank cell's place): one edit, one undo step. */
  private async editCell(key: string, typed: string): Promise<void> {
    if (this.model?.readOnly) return;
    const text = typed.trim();
    // A tab, line break or pipe would change the table's shape, not the cell's value.
    if (/[\t\r\n|]/.test(text)) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The cell was not changed: a value cannot contain a tab, a line break or "|".'));
      return;
    }
    const range = await this.cellRange(key);
    const doc = this.currentDocument();
    if (!range || !doc || doc.getText(range) === text) return;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, range, text);
    await vscode.workspace.applyEdit(edit);
  }

  private html(dist: vscode.Uri): string {
    const webview = this.panel.webview;
    const nonce = makeNonce();
    const script = webview.asWebviewUri(vscode.Uri.joinPath(dist, 'tableView.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(dist, 'tableView.css'));
    const csp = [
      "default-src 'none'",
      `style-src ${webview.cspSource}`,
      `script-src 'nonce-${nonce}'`,
    ].join('; ');
    const lang = vscode.env.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
    // JSON inside a non-executed script element; `<` escaped so no text can close the element.
    const strings = JSON.stringify(viewStrings()).replace(/</g, '\\u003c');
    return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>${escapeHtml(vscode.l10n.t('Table View: {0}', basename(this.uri)))}</title>
</head>
<body>
<div id="root" aria-live="polite"></div>
<script type="application/json" id="strings">${strings}</script>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
  }
}

function viewStrings(): ViewStrings {
  return {
    title: vscode.l10n.t('Table View'),
    recompute: vscode.l10n.t('Recompute Totals'),
    recomputeHint: vscode.l10n.t('Sets every total to the sum of its terms (one undo step)'),
    shouldBe: vscode.l10n.t('should be {0}'),
    table: vscode.l10n.t('Table {0}'),
    noTable: vscode.l10n.t('This report has no table {0}.'),
    readOnly: vscode.l10n.t('Published text (a PDF or a web page): the table view is read-only.'),
    helpEditable: vscode.l10n.t('Click a cell to show it in the text. Enter or a digit edits it; Enter again writes it into the text.'),
    helpReadOnly: vscode.l10n.t('Click a cell or press Enter to show it in the text.'),
    legend: vscode.l10n.t('Legend'),
    broken: vscode.l10n.t('total does not add up'),
    blank: vscode.l10n.t('blank'),
    invalid: vscode.l10n.t('not a number'),
    contradicted: vscode.l10n.t('the text says otherwise'),
    missing: vscode.l10n.t('not in the report'),
    template: vscode.l10n.t('{0} template'),
    waiting: vscode.l10n.t('Waiting for the language server…'),
    notAnalysed: vscode.l10n.t('Not analysed: {0}'),
    editCell: vscode.l10n.t('Edit the value, Enter to write it, Escape to cancel'),
  };
}

function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

function makeNonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let nonce = '';
  for (let i = 0; i < 32; i++) nonce += chars.charAt(Math.floor(Math.random() * chars.length));
  return nonce;
}
