import * as vscode from 'vscode';
import {
  LanguageClient,
  RevealOutputChannelOn,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { showChangeSummary } from './commands';
import { Commands, CONFIG_SECTION, LANGUAGE_ID, STATUS_NOTIFICATION, type ReportStatus } from './constants';
import type { InitializationOptions } from '../../shared/protocol';

/**
 * Creates (does not start) the client for dist/server.js over Node IPC. The default error handler
 * of vscode-languageclient is kept: a crashing server is restarted up to 4 times in 3 minutes.
 */
export function createLanguageClient(
  context: vscode.ExtensionContext,
  outputChannel: vscode.LogOutputChannel,
  onStatus: (status: ReportStatus) => void,
): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: LANGUAGE_ID, scheme: 'file' },
      { language: LANGUAGE_ID, scheme: 'untitled' },
    ],
    synchronize: { configurationSection: CONFIG_SECTION },
    // The client tells what a recompute changed itself, with Show and Undo (see showChangeSummary).
    initializationOptions: { changeSummary: true } satisfies InitializationOptions,
    outputChannel,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    middleware: {
      executeCommand: async (command, args, next) => {
        if (command === Commands.recomputeTotals) {
          const filled = recomputeArguments(args);
          if (!filled) {
            void vscode.window.showInformationMessage(vscode.l10n.t('Open an annual report to recompute its totals.'));
            return undefined;
          }
          const result: unknown = await next(command, filled);
          void showChangeSummary(String(filled[0]), result);
          return result;
        }
        // The workspace check's toast comes with its summary (summary/summaryView.ts).
        return next(command, args);
      },
    },
  };
  const client = new LanguageClient(
    'govAnnualReport',
    vscode.l10n.t('Gov Annual Report Language Server'),
    serverOptions,
    clientOptions,
  );
  client.onNotification(STATUS_NOTIFICATION, onStatus);
  return client;
}

/**
 * The server expects `[uri: string, version?: number]`. The command palette passes nothing and the
 * editor/title and editor/context menus pass the resource `Uri`: fill in the string URI and the
 * version of the open document.
 */
export function recomputeArguments(args: unknown[]): unknown[] | undefined {
  const [first] = args;
  if (typeof first === 'string') return args;
  const doc = first instanceof vscode.Uri
    ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === first.toString())
    : vscode.window.activeTextEditor?.document;
  if (doc && doc.languageId === LANGUAGE_ID) return [doc.uri.toString(), doc.version];
  if (first instanceof vscode.Uri) return [first.toString()];
  return undefined;
}
