/**
 * Beyond standard LSP, for the reviewer and the first run: the workspace summary, the new-report
 * skeleton, and the client commands the rule quick fixes name. Types and constants only, shared by the
 * server handlers (server/src/lsp/features/summary.ts, newReport.ts, ruleActions.ts), the VS Code
 * client and the tests.
 */

/** One checked report, as the summary view lists it. */
export interface ReportSummaryRow {
  uri: string;
  agency?: string;
  year?: number;
  template?: '2019' | '2021';
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
  /** Findings per rule code (what the summary's export tallies). */
  rules: Record<string, number>;
  /** Localized reason when the file was not analysed. */
  skipped?: string;
}

/**
 * Server → client notification at the end of `govAnnualReport.checkWorkspace`, before its response:
 * every report checked, worst first (most errors, then most warnings, then by URI).
 */
export const WORKSPACE_SUMMARY_NOTIFICATION = 'govAnnualReport/workspaceSummary';

export interface WorkspaceSummaryParams {
  reports: ReportSummaryRow[];
}

/** Request `govAnnualReport/exportSummary`: a spreadsheet of the given rows, made by the server. */
export const EXPORT_SUMMARY_REQUEST = 'govAnnualReport/exportSummary';

export type SummaryExportFormat = 'xlsx' | 'csv';

export interface ExportSummaryParams {
  format: SummaryExportFormat;
  reports: ReportSummaryRow[];
  /** File paths (or names) to show instead of the URIs, in the same order as `reports`. */
  names?: string[];
}

/** The file's bytes, base64 (JSON-RPC carries text). */
export interface ExportSummaryResult {
  base64: string;
}

/** The table shapes a new report can be written in (see docs/format.md). */
export type SkeletonShape = 'tab' | 'markdown' | 'pipe';

/** Request `govAnnualReport/newReport`: the official skeleton of a report, rendered by the server. */
export const NEW_REPORT_REQUEST = 'govAnnualReport/newReport';

export interface NewReportParams {
  year: number;
  agency: string;
  shape: SkeletonShape;
}

export interface NewReportResult {
  text: string;
  /** Where the clerk starts typing: the first blank of the skeleton (line and UTF-16 character, 0-based). */
  cursor: { line: number; character: number };
}

/**
 * Commands the VS Code client implements and the server's code actions name (with the rule code as
 * the one argument): turn a rule off in the workspace settings, open its bundled documentation.
 */
export const CLIENT_RULE_COMMANDS = {
  disableRule: 'govAnnualReport.disableRule',
  openRuleDocs: 'govAnnualReport.openRuleDocs',
} as const;
