/**
 * `check --format xlsx`: a workbook for the reviewer's spreadsheet — one sheet with a row per report
 * (agency, year, template, counts, table 三's outcomes), one with a row per finding — written with
 * exceljs (server/src/export/workbook.ts).
 */
import { RULES_BY_CODE, type Locale, type Severity } from '../core';
import { writeWorkbook, type Sheet } from '../export/workbook';
import type { CheckRun, FileResult } from './formatters';
import { OUTCOME_KEYS, outcomeLabel } from './reportFacts';

const H = {
  reports: { zh: '年报', en: 'Reports' },
  findings: { zh: '问题', en: 'Findings' },
  reportColumns: {
    zh: ['文件', '机关', '年度', '格式版本', '错误', '警告', '提示'],
    en: ['File', 'Agency', 'Year', 'Template', 'Errors', 'Warnings', 'Notes'],
  },
  findingColumns: {
    zh: ['文件', '机关', '年度', '行', '列', '严重程度', '规则', '规则说明', '单元格', '说明'],
    en: ['File', 'Agency', 'Year', 'Line', 'Column', 'Severity', 'Rule', 'Rule description', 'Cell', 'Message'],
  },
};

const SEVERITY: Record<Severity, { zh: string; en: string }> = {
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
  information: { zh: '信息', en: 'information' },
  hint: { zh: '提示', en: 'hint' },
};

export function checkSheets({ files }: CheckRun, locale: Locale): Sheet[] {
  const t = <V>(b: { zh: V; en: V }): V => (locale === 'en' ? b.en : b.zh);
  const count = (r: FileResult, ...s: Severity[]) => r.findings.filter((f) => s.includes(f.severity)).length;
  const reports = [...files].sort((a, b) =>
    count(b, 'error') - count(a, 'error') || count(b, 'warning') - count(a, 'warning') || a.path.localeCompare(b.path));
  return [
    {
      name: t(H.reports),
      header: [...t(H.reportColumns), ...OUTCOME_KEYS.map((k) => outcomeLabel(k, locale))],
      rows: reports.map((r) => [
        r.path, r.facts?.agency, r.year, r.template, count(r, 'error'), count(r, 'warning'), count(r, 'information', 'hint'),
        ...OUTCOME_KEYS.map((k) => r.facts?.outcomes[k] ?? null),
      ]),
    },
    {
      name: t(H.findings),
      header: t(H.findingColumns),
      rows: reports.flatMap((r) => r.findings.map((f) => {
        const rule = RULES_BY_CODE.get(f.code);
        return [
          r.path, r.facts?.agency, r.year, f.range.start.line + 1, f.range.start.character + 1, t(SEVERITY[f.severity]),
          f.code, rule ? t(rule.description) : '', f.cell ?? '', f.message,
        ];
      })),
    },
  ];
}

export function formatXlsx(run: CheckRun, locale: Locale): Promise<Uint8Array> {
  return writeWorkbook(checkSheets(run, locale));
}
