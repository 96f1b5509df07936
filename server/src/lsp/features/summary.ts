/**
 * The reviewer's summary: at the end of a workspace check, one row per report (agency, year, template,
 * counts per severity and per rule) goes to the client as `govAnnualReport/workspaceSummary`, worst
 * first; `govAnnualReport/exportSummary` turns rows into an .xlsx or CSV file for the reviewer's files.
 */
import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';
import {
  EXPORT_SUMMARY_REQUEST, WORKSPACE_SUMMARY_NOTIFICATION,
  type ExportSummaryParams, type ExportSummaryResult, type ReportSummaryRow, type WorkspaceSummaryParams,
} from '../../../../shared/summary';
import { RULES_BY_CODE, inLocale, type Finding, type Locale } from '../../core';
import { writeCsv, writeWorkbook, type Sheet } from '../../export/workbook';
import type { ServerContext } from '../context';
import type { Session } from '../session';
import type { StatusParams } from '../../../../shared/protocol';

export function register(connection: Connection, session: Session): void {
  connection.onRequest(
    EXPORT_SUMMARY_REQUEST,
    session.guard('exportSummary', null, async (params: ExportSummaryParams, ctx): Promise<ExportSummaryResult | null> => {
      if (!params || (params.format !== 'xlsx' && params.format !== 'csv') || !Array.isArray(params.reports)) {
        throw new ResponseError(ErrorCodes.InvalidParams, 'exportSummary: { format: "xlsx" | "csv", reports: ReportSummaryRow[] }');
      }
      const sheets = summarySheets(params.reports, params.names, ctx.locale);
      const bytes = params.format === 'xlsx' ? await writeWorkbook(sheets) : new TextEncoder().encode(writeCsv(sheets[0]));
      return { base64: Buffer.from(bytes).toString('base64') };
    }),
  );
}

/** Called by the workspace check at its end with one row per report (summaryRow, made as each was published). */
export function sendWorkspaceSummary(ctx: ServerContext, rows: ReportSummaryRow[]): void {
  const params: WorkspaceSummaryParams = { reports: sortWorstFirst(rows) };
  void ctx.connection.sendNotification(WORKSPACE_SUMMARY_NOTIFICATION, params);
}

/** A report's row: its published status (what the status item shows) and its findings counted per rule. */
export function summaryRow(status: StatusParams, findings: readonly Finding[]): ReportSummaryRow {
  const rules: Record<string, number> = {};
  for (const f of findings) rules[f.code] = (rules[f.code] ?? 0) + 1;
  return {
    uri: status.uri,
    agency: status.agency,
    year: status.year,
    template: status.template,
    errors: status.errors,
    warnings: status.warnings,
    infos: status.infos,
    hints: status.hints,
    rules,
    ...(status.skipped !== undefined ? { skipped: status.skipped } : {}),
  };
}

/** Most errors first, then most warnings, then the rest of the findings; ties by URI. */
export function sortWorstFirst(rows: ReportSummaryRow[]): ReportSummaryRow[] {
  return rows.sort((a, b) =>
    b.errors - a.errors || b.warnings - a.warnings || b.infos + b.hints - (a.infos + a.hints) || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
}

type Both<T> = { zh: T; en: T };
const HEADERS: { reports: Both<string>; byRule: Both<string>; columns: Both<string[]>; ruleColumns: Both<string[]> } = {
  reports: { zh: '年报', en: 'Reports' },
  byRule: { zh: '按规则', en: 'By rule' },
  columns: {
    zh: ['机关', '年度', '格式版本', '错误', '警告', '提示', '文件', '未检查原因'],
    en: ['Agency', 'Year', 'Template', 'Errors', 'Warnings', 'Notes', 'File', 'Not checked because'],
  },
  ruleColumns: { zh: ['文件', '机关', '规则', '说明', '数量'], en: ['File', 'Agency', 'Rule', 'Description', 'Count'] },
};

/** The summary as sheets: one row per report, then one row per (report, rule). CSV takes the first. */
export function summarySheets(reports: readonly ReportSummaryRow[], names: readonly string[] | undefined, locale: Locale): Sheet[] {
  const t = <T>(b: Both<T>): T => (locale === 'en' ? b.en : b.zh);
  const nameOf = (i: number) => names?.[i] ?? decodeURIComponent(reports[i].uri.replace(/^file:\/\//, ''));
  return [
    {
      name: t(HEADERS.reports),
      header: [...t(HEADERS.columns)],
      rows: reports.map((r, i) => [r.agency, r.year, r.template, r.errors, r.warnings, r.infos + r.hints, nameOf(i), r.skipped]),
    },
    {
      name: t(HEADERS.byRule),
      header: [...t(HEADERS.ruleColumns)],
      rows: reports.flatMap((r, i) =>
        Object.entries(r.rules ?? {}).map(([code, n]) => {
          const rule = RULES_BY_CODE.get(code);
          return [nameOf(i), r.agency, code, rule ? inLocale(rule.description, locale) : '', n];
        })),
    },
  ];
}
