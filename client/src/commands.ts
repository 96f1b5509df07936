import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CLIENT_COMMANDS, type RecomputeResult } from '../../shared/protocol';
import { Commands } from './constants';

/**
 * Registers the client-side commands. The server-side ones (recompute totals, check workspace) are
 * registered by vscode-languageclient from the server's executeCommandProvider.
 */
export function registerClientCommands(
  client: LanguageClient,
  outputChannel: vscode.OutputChannel,
  onRestart: () => void,
): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.showOutput, () => outputChannel.show(true)),
    // Run by the server's fix-all code action after its edit is applied (not in the palette).
    vscode.commands.registerCommand(CLIENT_COMMANDS.showChanges, (uri: unknown, result: unknown) => {
      if (typeof uri === 'string') void showChangeSummary(uri, result);
    }),
    vscode.commands.registerCommand(Commands.restartServer, async () => {
      onRestart();
      await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Restarting the annual report language server…') },
        async () => {
          try {
            await (client.isRunning() ? client.restart() : client.start());
          } catch (err) {
            reportStartFailure(outputChannel, err);
          }
        },
      );
    }),
  );
}

/** Tells the user the server could not start and offers its log. */
export function reportStartFailure(outputChannel: vscode.OutputChannel, err: unknown): void {
  const show = vscode.l10n.t('Show Output');
  void vscode.window
    .showErrorMessage(vscode.l10n.t('The annual report language server could not start: {0}', errorMessage(err)), show)
    .then((choice) => {
      if (choice === show) outputChannel.show(true);
    });
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The last change summary shown (the end-to-end tests read it through the extension's API). */
let lastChangeSummary: string | undefined;

export function lastShownChangeSummary(): string | undefined {
  return lastChangeSummary;
}

/**
 * After a recompute or a fix-all: which cells changed ("已修改 1 处：表三（一）予以公开×总计 70 → 69"),
 * with Show (reveals the first changed cell) and Undo (one undo step in that editor). A change off
 * screen is never silent. Nothing is shown when nothing changed (the server says so itself).
 */
export async function showChangeSummary(uri: string, result: unknown): Promise<void> {
  const { message, changes } = (result ?? {}) as RecomputeResult;
  if (typeof message !== 'string' || !Array.isArray(changes) || changes.length === 0) return;
  lastChangeSummary = message;
  const show = vscode.l10n.t('Show');
  const undo = vscode.l10n.t('Undo');
  const choice = await vscode.window.showInformationMessage(message, show, undo);
  if (!choice) return;
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
  if (!document) return;
  const editor = await vscode.window.showTextDocument(document);
  if (choice === undo) {
    await vscode.commands.executeCommand('undo');
    return;
  }
  const { start, end } = changes[0].range;
  const range = new vscode.Range(start.line, start.character, end.line, end.character);
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
