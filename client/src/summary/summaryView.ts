/**
 * The reviewer's summary (view "年报检查汇总" in the panel's "年报" tab): one line per report of the last workspace check,
 * worst first, with agency, year, template and counts; a click opens the report. Exports the same rows
 * to Excel or CSV (the server writes the file's bytes). The toast at the end of a workspace check says
 * how many reports have errors and opens this view.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  EXPORT_SUMMARY_REQUEST, WORKSPACE_SUMMARY_NOTIFICATION,
  type ExportSummaryParams, type ExportSummaryResult, type ReportSummaryRow, type SummaryExportFormat, type WorkspaceSummaryParams,
} from '../../../shared/summary';

export const SUMMARY_VIEW = 'govAnnualReport.summary';
export const SummaryCommands = {
  show: 'govAnnualReport.showSummary',
  refresh: 'govAnnualReport.summary.refresh',
  exportXlsx: 'govAnnualReport.summary.exportXlsx',
  exportCsv: 'govAnnualReport.summary.exportCsv',
} as const;

export class SummaryView implements vscode.TreeDataProvider<ReportSummaryRow>, vscode.Disposable {
  private rows: ReportSummaryRow[] = [];
  private checked = false;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: vscode.TreeView<ReportSummaryRow>;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly client: LanguageClient) {
    this.view = vscode.window.createTreeView(SUMMARY_VIEW, { treeDataProvider: this, showCollapseAll: false });
    this.disposables.push(
      this.view,
      this.changed,
      client.onNotification(WORKSPACE_SUMMARY_NOTIFICATION, (params: WorkspaceSummaryParams) => this.update(params)),
      vscode.commands.registerCommand(SummaryCommands.show, () => vscode.commands.executeCommand(`${SUMMARY_VIEW}.focus`)),
      vscode.commands.registerCommand(SummaryCommands.refresh, () => vscode.commands.executeCommand('govAnnualReport.checkWorkspace')),
      vscode.commands.registerCommand(SummaryCommands.exportXlsx, (target?: vscode.Uri) => this.export('xlsx', target)),
      vscode.commands.registerCommand(SummaryCommands.exportCsv, (target?: vscode.Uri) => this.export('csv', target)),
    );
  }

  /** The rows of the last workspace check, worst first (for tests). */
  get reports(): readonly ReportSummaryRow[] {
    return this.rows;
  }

  getChildren(element?: ReportSummaryRow): ReportSummaryRow[] {
    return element ? [] : this.rows;
  }

  getTreeItem(row: ReportSummaryRow): vscode.TreeItem {
    const uri = vscode.Uri.parse(row.uri);
    const item = new vscode.TreeItem(row.agency ?? uri.path.split('/').pop() ?? row.uri, vscode.TreeItemCollapsibleState.None);
    // The counts first: the view is narrow and a reviewer scans for them.
    const facts = [
      row.skipped ? vscode.l10n.t('not checked') : vscode.l10n.t('{0} errors, {1} warnings', row.errors, row.warnings),
      row.year !== undefined ? vscode.l10n.t('Year {0}', row.year) : undefined,
      row.template ? vscode.l10n.t('{0} template', row.template) : undefined,
      uri.path.split('/').pop(),
    ].filter((s): s is string => !!s);
    item.description = facts.join(' · ');
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendText(`${vscode.workspace.asRelativePath(uri)}\n\n`);
    tooltip.appendText(row.skipped ?? vscode.l10n.t('{0} errors, {1} warnings, {2} notes', row.errors, row.warnings, row.infos + row.hints));
    item.tooltip = tooltip;
    item.resourceUri = uri;
    item.iconPath = new vscode.ThemeIcon(
      row.skipped ? 'circle-slash' : row.errors > 0 ? 'error' : row.warnings > 0 ? 'warning' : 'pass',
      new vscode.ThemeColor(row.errors > 0 ? 'list.errorForeground' : row.warnings > 0 ? 'list.warningForeground' : 'foreground'),
    );
    item.command = { command: 'vscode.open', title: vscode.l10n.t('Open Report'), arguments: [uri] };
    item.contextValue = 'report';
    return item;
  }

  private update(params: WorkspaceSummaryParams): void {
    this.rows = Array.isArray(params?.reports) ? params.reports : [];
    this.checked = true;
    void vscode.commands.executeCommand('setContext', 'govAnnualReport.summary.hasReports', this.rows.length > 0);
    this.view.message = this.rows.length === 0 ? vscode.l10n.t('No annual reports found in the workspace.') : undefined;
    this.changed.fire();
    this.announce();
  }

  /** The toast of a workspace check: how many reports have errors, and the way to the summary. */
  private announce(): void {
    const files = this.rows.length;
    if (files === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No annual reports found in the workspace.'));
      return;
    }
    const failing = this.rows.filter((r) => r.errors > 0).length;
    const errors = this.rows.reduce((n, r) => n + r.errors, 0);
    const warnings = this.rows.reduce((n, r) => n + r.warnings, 0);
    const text = failing === 0
      ? vscode.l10n.t('Checked {0} reports: none has errors ({1} warnings).', files, warnings)
      : vscode.l10n.t('Checked {0} reports: {1} with errors ({2} errors, {3} warnings).', files, failing, errors, warnings);
    const summary = vscode.l10n.t('Show Summary');
    const problems = vscode.l10n.t('Open Problems');
    const show = failing > 0 ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    void show(text, summary, problems).then((choice) => {
      if (choice === summary) void vscode.commands.executeCommand(SummaryCommands.show);
      if (choice === problems) void vscode.commands.executeCommand('workbench.actions.view.problems');
    });
  }

  /** Writes the rows to `target`, or to a file the user picks. Returns the file written. */
  private async export(format: SummaryExportFormat, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    if (!this.checked) {
      const check = vscode.l10n.t('Check Workspace');
      const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Check the workspace first: the summary is empty.'), check);
      if (choice === check) await vscode.commands.executeCommand('govAnnualReport.checkWorkspace');
      return undefined;
    }
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const uri = target instanceof vscode.Uri ? target : await vscode.window.showSaveDialog({
      defaultUri: folder && vscode.Uri.joinPath(folder, `${vscode.l10n.t('report-summary')}.${format}`),
      filters: format === 'xlsx' ? { [vscode.l10n.t('Excel workbook')]: ['xlsx'] } : { [vscode.l10n.t('CSV (comma-separated)')]: ['csv'] },
    });
    if (!uri) return undefined;
    const params: ExportSummaryParams = {
      format,
      reports: this.rows,
      names: this.rows.map((r) => vscode.workspace.asRelativePath(vscode.Uri.parse(r.uri))),
    };
    const result = await this.client.sendRequest<ExportSummaryResult | null>(EXPORT_SUMMARY_REQUEST, params);
    if (!result) throw new Error('exportSummary failed (see the output channel)');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(result.base64, 'base64'));
    if (!(target instanceof vscode.Uri)) {
      const reveal = vscode.l10n.t('Show in Folder');
      void vscode.window.showInformationMessage(vscode.l10n.t('Summary exported to {0}', uri.fsPath), reveal).then((choice) => {
        if (choice === reveal) void vscode.commands.executeCommand('revealFileInOS', uri);
      });
    }
    return uri;
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}
