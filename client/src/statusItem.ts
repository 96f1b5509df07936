import * as vscode from 'vscode';
import { LANGUAGE_ID, type ReportStatus } from './constants';
import { SHOW_TABLE_VIEW } from './tableView/tableViewPanel';

/**
 * The status bar item for the active report editor: year, template and finding counts from the
 * server's `govAnnualReport/status` notification. Hidden for editors of other languages.
 */
export class StatusItem implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  /** Last status per document, keyed by the normalised URI string. */
  private readonly statuses = new Map<string, ReportStatus>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private shown = false;
  /** Fired whenever the item's text or visibility may have changed. */
  readonly onDidChange = this.changed.event;

  constructor() {
    this.item = vscode.window.createStatusBarItem('govAnnualReport.status', vscode.StatusBarAlignment.Right, 100);
    this.item.name = vscode.l10n.t('Gov Annual Report status');
    this.item.command = PROBLEMS_COMMAND;
    this.subscriptions.push(
      this.item,
      this.changed,
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      // A language switch (auto-detection, the language picker) reopens the document.
      vscode.workspace.onDidOpenTextDocument(() => this.render()),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        this.statuses.delete(doc.uri.toString());
        this.render();
      }),
    );
    this.render();
  }

  /** Records the server's status for one document. */
  update(status: ReportStatus): void {
    this.statuses.set(normalize(status.uri), status);
    this.render();
  }

  /** Forgets every status (the server restarted): the item shows "analysing" until new ones arrive. */
  reset(): void {
    this.statuses.clear();
    this.render();
  }

  /** The last status the server sent for `uri`, if any. */
  statusFor(uri: vscode.Uri): ReportStatus | undefined {
    return this.statuses.get(uri.toString());
  }

  get text(): string {
    return this.item.text;
  }

  get tooltip(): string {
    return typeof this.item.tooltip === 'string' ? this.item.tooltip : (this.item.tooltip?.value ?? '');
  }

  get visible(): boolean {
    return this.shown;
  }

  private render(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== LANGUAGE_ID) {
      this.item.hide();
      this.shown = false;
      this.changed.fire();
      return;
    }
    const status = this.statuses.get(doc.uri.toString());
    const view = status ? describe(status) : analysing();
    this.item.text = view.text;
    this.item.tooltip = tooltipWithLinks(view.tooltip, !!status && !status.skipped);
    this.item.accessibilityInformation = { label: view.accessibilityLabel };
    this.item.backgroundColor = status && status.errors > 0 && !status.skipped
      ? new vscode.ThemeColor('statusBarItem.errorBackground')
      : undefined;
    this.item.show();
    this.shown = true;
    this.changed.fire();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

interface View {
  text: string;
  tooltip: string;
  accessibilityLabel: string;
}

function analysing(): View {
  const text = vscode.l10n.t('Report: analysing…');
  return { text: `$(sync~spin) ${text}`, tooltip: text, accessibilityLabel: text };
}

function describe(s: ReportStatus): View {
  if (s.skipped) return describeSkipped(s);
  const edition = editionOf(s);
  const lines: string[] = [];
  if (s.agency) lines.push(s.agency);
  if (s.template) {
    lines.push(s.year !== undefined
      ? vscode.l10n.t('Report year {0}, {1} template', s.year, s.template)
      : vscode.l10n.t('Report year unknown, {0} template', s.template));
  }
  const counts = vscode.l10n.t('{0} errors, {1} warnings, {2} information, {3} hints', s.errors, s.warnings, s.infos, s.hints);
  lines.push(counts);
  const badges: string[] = [];
  if (s.errors > 0) badges.push(`$(error) ${s.errors}`);
  if (s.warnings > 0) badges.push(`$(warning) ${s.warnings}`);
  if (badges.length === 0) badges.push('$(check)');
  return { text: `${badges.join(' ')} · ${edition}`, tooltip: lines.join('\n'), accessibilityLabel: `${edition}, ${counts}` };
}

/** "2022 · 2021 template", "2021 template", "2022" — only what the server actually knows. */
function editionOf(s: ReportStatus): string {
  if (s.year !== undefined && s.template) return vscode.l10n.t('{0} · {1} template', s.year, s.template);
  if (s.template) return vscode.l10n.t('{0} template', s.template);
  if (s.year !== undefined) return vscode.l10n.t('Report year {0}', s.year);
  return vscode.l10n.t('Report');
}

/**
 * Nothing was parsed: the year is unknown, and so is the template unless the settings fix it (the
 * server then sends it). An empty document is just that, not a failure.
 */
function describeSkipped(s: ReportStatus): View {
  const empty = s.skipReason === 'empty';
  const label = empty ? vscode.l10n.t('Report: empty') : vscode.l10n.t('Report not analysed');
  const template = s.template ? vscode.l10n.t('{0} template', s.template) : undefined;
  const text = `${empty ? '$(file)' : '$(circle-slash)'} ${label}${template ? ` · ${template}` : ''}`;
  const lines = [empty ? s.skipped! : vscode.l10n.t('Not analysed: {0}', s.skipped!)];
  if (template) lines.push(vscode.l10n.t('Template: {0} (set in the settings)', s.template!));
  const tooltip = lines.join('\n');
  return { text, tooltip, accessibilityLabel: tooltip };
}

/**
 * The tooltip, and below it links: the table view (for a report that was analysed) and the Problems
 * panel (what a click on the item opens too). Only these two commands may run from it.
 */
function tooltipWithLinks(text: string, analysed: boolean): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = { enabledCommands: [SHOW_TABLE_VIEW, PROBLEMS_COMMAND] };
  for (const line of text.split('\n')) md.appendText(line).appendMarkdown('  \n');
  md.appendMarkdown('\n---\n');
  if (analysed) md.appendMarkdown(`[$(table) ${vscode.l10n.t('Show Table View')}](command:${SHOW_TABLE_VIEW}) · `);
  md.appendMarkdown(`[$(warning) ${vscode.l10n.t('Open Problems')}](command:${PROBLEMS_COMMAND})`);
  return md;
}

const PROBLEMS_COMMAND = 'workbench.actions.view.problems';

/** The server echoes LSP URI strings; compare them in VS Code's own encoding. */
function normalize(uri: string): string {
  try {
    return vscode.Uri.parse(uri, true).toString();
  } catch {
    return uri;
  }
}
