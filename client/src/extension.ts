import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { AutoDetector } from './autoDetect';
import { lastShownChangeSummary, registerClientCommands, reportStartFailure } from './commands';
import type { ReportStatus } from './constants';
import { registerImportReport } from './importReport';
import { createLanguageClient } from './languageClient';
import { registerNewReportCommands } from './newReport';
import { registerRuleCommands } from './ruleDocs';
import { StatusItem } from './statusItem';
import { SummaryView } from './summary/summaryView';
import { TableViewManager } from './tableView/tableViewPanel';

/** What `activate` returns: used by the end-to-end tests, not a stable API for other extensions. */
export interface GovAnnualReportApi {
  /** The status bar item's current text (e.g. "$(check) 2022年 · 2021版"). */
  statusText(): string;
  statusTooltip(): string;
  /** Whether the status bar item is shown (only for report editors). */
  statusVisible(): boolean;
  /** The last `govAnnualReport/status` the server sent for a document. */
  statusFor(uri: vscode.Uri): ReportStatus | undefined;
  /** Fires when the status bar item may have changed. */
  readonly onDidChangeStatus: vscode.Event<void>;
  /** Resolves once the language server has started (or failed to). */
  readonly ready: Promise<void>;
  readonly client: LanguageClient;
  /** The last "已修改 N 处：…" message shown after a recompute or fix-all. */
  lastChangeSummary(): string | undefined;
  /** The reviewer's summary: the rows of the last workspace check, worst first. */
  summaryRows(): readonly unknown[];
}

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): GovAnnualReportApi {
  const output = vscode.window.createOutputChannel(vscode.l10n.t('Gov Annual Report'), { log: true });
  const status = new StatusItem();
  const detector = new AutoDetector(output);
  client = createLanguageClient(context, output, (s) => status.update(s));
  context.subscriptions.push(
    output,
    status,
    detector,
    registerClientCommands(client, output, () => status.reset()),
    registerImportReport(client),
  );
  detector.considerOpenDocuments();
  const ready = client.start().catch((err: unknown) => {
    output.error(`language server failed to start: ${String(err)}`);
    reportStartFailure(output, err);
  });
  context.subscriptions.push(new TableViewManager(context.extensionUri, client, ready));
  const summary = new SummaryView(client);
  context.subscriptions.push(summary, registerRuleCommands(context.extensionUri), registerNewReportCommands(context.extensionUri, client, ready));
  return {
    statusText: () => status.text,
    statusTooltip: () => status.tooltip,
    statusVisible: () => status.visible,
    statusFor: (uri) => status.statusFor(uri),
    onDidChangeStatus: status.onDidChange,
    ready,
    client,
    lastChangeSummary: lastShownChangeSummary,
    summaryRows: () => summary.reports,
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
