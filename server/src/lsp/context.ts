/**
 * What a handler works with once `initialize` has been answered (features/initialize.ts builds it):
 * the connection, the open documents, each document's options and analysis, and the client's abilities.
 */
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Locale } from '../core/types';
import type { Analysis, AnalysisCache } from './analysisCache';
import type { ConfigurationStore } from './configuration';
import type { DiagnosticsPublisher } from './features/diagnostics';

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  config: ConfigurationStore;
  cache: AnalysisCache;
  publisher: DiagnosticsPublisher;
  locale: Locale;
  /** Client capabilities the handlers branch on. */
  clientSupports: {
    documentChanges: boolean;
    /** The client shows what a recompute changed itself (initializationOptions.changeSummary). */
    changeSummary: boolean;
  };
  /** File-system paths of the workspace folders (initialize params, kept up to date). */
  workspaceRoots(): readonly string[];
  /** The (cached) analysis of an open document under its current options. */
  analysisOf(document: TextDocument): Promise<Analysis>;
  log(message: string): void;
}
