import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
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
