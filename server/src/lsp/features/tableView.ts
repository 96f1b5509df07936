/**
 * `govAnnualReport/tables`: the table view's grids for an open report, from the cached analysis of its
 * current version (the same one diagnostics and hovers use), so a keystroke is parsed once.
 */
import type { Connection } from 'vscode-languageserver';
import { TABLES_REQUEST, type TablesParams, type TablesResult } from '../../../../shared/tableView';
import { tableGrid } from '../../core';
import type { Session } from '../session';

export function register(connection: Connection, session: Session): void {
  connection.onRequest(
    TABLES_REQUEST,
    session.guard('tables', null, async (params: TablesParams, ctx): Promise<TablesResult> => {
      const doc = session.ourDocument({ textDocument: { uri: params?.uri } });
      if (!doc) return null;
      const analysis = await ctx.analysisOf(doc);
      const base = { uri: doc.uri, version: doc.version };
      if (!analysis.document) {
        const template = analysis.options.analyze.template === '2019' ? '2019' : '2021';
        return { ...base, template, readOnly: false, tables: [], skipped: analysis.skipped };
      }
      return { ...base, ...tableGrid(analysis.document, analysis.findings, analysis.options.locale) };
    }),
  );
}
