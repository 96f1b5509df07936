import * as vscode from 'vscode';
import { DETECTION_WINDOW, looksLikeReport } from '../../shared/detect';
import { CONFIG_SECTION, LANGUAGE_ID } from './constants';

const CANDIDATE_LANGUAGES = new Set(['plaintext', 'markdown']);
const CANDIDATE_EXTENSION = /\.(txt|md)$/i;

/**
 * Switches plain-text and Markdown documents that look like an annual report to the report language.
 *
 * A document is switched at most once per session: if the user then picks another language mode,
 * VS Code reopens the document under that language and it is left alone.
 */
export class AutoDetector implements vscode.Disposable {
  private readonly switched = new Set<string>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly detect: (text: string) => boolean = looksLikeReport,
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((doc) => void this.consider(doc)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${CONFIG_SECTION}.autoDetect`)) this.considerOpenDocuments();
      }),
    );
  }

  /** Looks at the documents that were already open when the extension activated. */
  considerOpenDocuments(): void {
    for (const doc of vscode.workspace.textDocuments) void this.consider(doc);
  }

  private isCandidate(doc: vscode.TextDocument): boolean {
    return (
      CANDIDATE_LANGUAGES.has(doc.languageId) &&
      CANDIDATE_EXTENSION.test(doc.uri.path) &&
      !this.switched.has(doc.uri.toString()) &&
      vscode.workspace.getConfiguration(CONFIG_SECTION, doc.uri).get<boolean>('autoDetect', true)
    );
  }

  private async consider(doc: vscode.TextDocument): Promise<void> {
    if (!this.isCandidate(doc)) return;
    const head = doc.getText(new vscode.Range(new vscode.Position(0, 0), doc.positionAt(DETECTION_WINDOW)));
    let isReport: boolean;
    try {
      isReport = this.detect(head);
    } catch (err) {
      this.log.error(`auto-detection failed for ${doc.uri.toString(true)}: ${String(err)}`);
      return;
    }
    if (!isReport) return;
    const key = doc.uri.toString();
    this.switched.add(key);
    try {
      await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
      this.log.info(`${doc.uri.toString(true)}: detected an annual report, language set to ${LANGUAGE_ID}`);
    } catch (err) {
      // The document was closed in the meantime, or another extension changed it: try again next time.
      this.switched.delete(key);
      this.log.warn(`could not set the language of ${doc.uri.toString(true)}: ${String(err)}`);
    }
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.subscriptions.length = 0;
  }
}
