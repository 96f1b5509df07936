/**
 * `govAnnualReport/newReport`: the official skeleton of a new report (title, six parts, three empty
 * tables in the chosen shape), rendered by the core so that the client needs no knowledge of the format.
 */
import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';
import { NEW_REPORT_REQUEST, type NewReportParams, type NewReportResult } from '../../../../shared/summary';
import { renderSkeleton } from '../../core/template/skeleton';
import type { Session } from '../session';

export function register(connection: Connection, session: Session): void {
  connection.onRequest(NEW_REPORT_REQUEST, session.guard('newReport', null, (params: NewReportParams): NewReportResult => newReport(params)));
}

export function newReport(params: NewReportParams): NewReportResult {
  const { year, agency, shape } = params ?? ({} as NewReportParams);
  if (!Number.isInteger(year) || year < 2008 || year > 2100 || typeof agency !== 'string' || !['tab', 'markdown', 'pipe'].includes(shape)) {
    throw new ResponseError(ErrorCodes.InvalidParams, 'newReport: { year: integer, agency: string, shape: "tab" | "markdown" | "pipe" }');
  }
  const { text, cursor } = renderSkeleton(year, agency.trim(), shape);
  const before = text.slice(0, cursor).split('\n');
  return { text, cursor: { line: before.length - 1, character: before[before.length - 1].length } };
}
