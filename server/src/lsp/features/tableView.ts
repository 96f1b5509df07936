/**
 * `govAnnualReport/tables`: the table view's grids for an open report, from the cached analysis of its
 * current version (the same one diagnostics and hovers use), so a keystroke is parsed once.
 */
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { tableGrid } from '../../core';
import { TABLES_REQUEST, type TablesParams, type TablesResult } from '../../tableViewProtocol';
import type { ServerContext } from '../context';

export function registerTableView(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  languageId: string,
  context: () => ServerContext | undefined,
): void {
  connection.onRequest(TABLES_REQUEST, async (params: TablesParams): Promise<TablesResult> => {
    const ctx = context();
    const doc = typeof params?.uri === 'string' ? documents.get(params.uri) : undefined;
    if (!ctx || !doc || doc.languageId !== languageId) return null;
    try {
      const analysis = await ctx.analysisOf(doc);
      const base = { uri: doc.uri, version: doc.version };
      if (!analysis.document) {
        const template = analysis.options.analyze.template === '2019' ? '2019' : '2021';
        return { ...base, template, readOnly: false, tables: [], skipped: analysis.skipped };
      }
      return { ...base, ...tableGrid(analysis.document, analysis.findings, analysis.options.locale) };
    } catch (e) {
      // Like every other handler: a failure is logged and answered, never takes the server down.
      ctx.log(`tables failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      return null;
    }
  });
}
