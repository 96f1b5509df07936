/**
 * Where a finding lies in the source file of a converted report: the PDF page, the table, the row and
 * the column. A finding about a cell is named by the template's labels (the same in every format); any
 * other finding on a table line by the source table's number and the row and column labels of its grid.
 */
import type { Finding, Locale, TemplateVersion } from '../core';
import { cellLabels, rowLabel } from '../core/template/labels';
import { TABLES } from '../core/template/tables';
import type { ConvertedReport } from './types';

export interface SourceLocation {
  page?: number;
  /** 二 / 三 / 四 for a template table; else the source table's number. */
  table?: string;
  row?: string;
  column?: string;
  /** All of the above in words, e.g. 第3页 表三 （一）予以公开 × 总计; '' when nothing is known. */
  text: string;
}

export function locateFinding(finding: Pick<Finding, 'range' | 'cell'>, report: Pick<ConvertedReport, 'lines'>, version: TemplateVersion, locale: Locale): SourceLocation {
  const { line, character } = finding.range.start;
  const source = report.lines[line] ?? {};
  const loc: SourceLocation = { text: '' };
  if (source.page !== undefined) loc.page = source.page;
  const labels = finding.cell ? cellLabels(finding.cell, version, locale) : undefined;
  if (labels) {
    loc.table = labels.tableNumeral;
    loc.row = rowLabel(labels);
    loc.column = labels.column;
  } else if (source.table !== undefined) {
    loc.table = source.templateTable ? TABLES[source.templateTable].numeral : String(source.table);
    if (source.row) loc.row = source.row;
    const cell = source.cells?.find((c) => character >= c.start - 1 && character <= c.end + 1);
    if (cell?.column) loc.column = cell.column;
  }
  loc.text = describe(loc, labels !== undefined || source.templateTable !== undefined, locale);
  return loc;
}

function describe(loc: SourceLocation, templateTable: boolean, locale: Locale): string {
  const parts: string[] = [];
  const en = locale === 'en';
  if (loc.page !== undefined) parts.push(en ? `page ${loc.page}` : `第${loc.page}页`);
  if (loc.table !== undefined) {
    parts.push(templateTable ? (en ? `table ${loc.table}` : `表${loc.table}`) : en ? `table #${loc.table}` : `第${loc.table}个表格`);
  }
  if (loc.row !== undefined || loc.column !== undefined) parts.push([loc.row, loc.column].filter(Boolean).join(' × '));
  return parts.join(' ');
}
