/** Output formats of the CLI: text, JSON, SARIF 2.1.0 (GitHub code scanning), CSV. */
import * as path from 'node:path';
import type { NotAReport } from '../config/reportFiles';
import { RULES, inLocale, ruleDocsUrl, type Finding, type Locale, type TemplateVersion } from '../core';
import { cliMessage, skipReasonText } from './messages';
import type { ReportFacts } from './reportFacts';
import { TOOL_VERSION } from './version';

export interface FileResult {
  path: string;
  year?: number;
  template: TemplateVersion;
  findings: Finding[];
  /** For the html and xlsx formats: the agency and table 三's outcomes. */
  facts?: ReportFacts;
}

/** A file a folder walk found but did not check (reportFiles.ts says why). */
export interface SkippedFile {
  path: string;
  reason: NotAReport;
}

/** What `check` found: the files it checked, the files it skipped, and what it could not read. */
export interface CheckRun {
  files: FileResult[];
  skipped: SkippedFile[];
  /** I/O errors, as printed on stderr (a missing file, an unreadable folder, a binary file named). */
  failures: string[];
}

export { TOOL_VERSION };

/** `path: reason` for one skipped file (text output, and stderr of fix and extract). */
export function skippedLine(s: SkippedFile, locale: Locale): string {
  return cliMessage('skip.line', locale, { path: s.path, reason: skipReasonText(s.reason, locale) });
}

/**
 * `path:line:col severity code message`, 1-based line and column (UTF-16 units, as editors count);
 * then one line per skipped file, then the summary.
 */
export function formatText({ files: results, skipped }: CheckRun, locale: Locale): string {
  const lines: string[] = [];
  const totals = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const r of results) {
    for (const f of r.findings) {
      totals[f.severity]++;
      lines.push(`${r.path}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.code} ${f.message}`);
    }
  }
  for (const s of skipped) lines.push(skippedLine(s, locale));
  lines.push(cliMessage(results.length === 1 ? 'summary.one' : 'summary.many', locale, {
    files: results.length,
    skipped: skipped.length ? cliMessage('summary.skipped', locale, { count: skipped.length }) : '',
    errors: totals.error,
    warnings: totals.warning,
    infos: totals.information,
    hints: totals.hint,
    // Chinese reports information and hints together, as 提示.
    notes: totals.information + totals.hint,
  }));
  return lines.join('\n') + '\n';
}

export function toJsonDiagnostic(f: Finding) {
  return {
    code: f.code,
    severity: f.severity,
    message: f.message,
    ...(f.cell ? { cell: f.cell } : {}),
    range: f.range,
  };
}

export function formatJson({ files, skipped }: CheckRun): string {
  return JSON.stringify({
    files: files.map((r) => ({ path: r.path, year: r.year ?? null, template: r.template, diagnostics: r.findings.map(toJsonDiagnostic) })),
    skipped,
  }) + '\n';
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

/** SARIF 2.1.0 as GitHub code scanning accepts it: relative URIs against %SRCROOT%, 1-based regions. */
export function formatSarif({ files: results, skipped, failures }: CheckRun, locale: Locale, cwd = process.cwd()): string {
  const ruleIndex = new Map(RULES.map((r, i) => [r.code, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'gov-annual-report',
          version: TOOL_VERSION,
          informationUri: ruleDocsUrl('').replace(/#$/, ''),
          rules: RULES.map((r) => ({
            id: r.code,
            name: r.code.replace(/\.(\w)/g, (_, c: string) => c.toUpperCase()),
            shortDescription: { text: inLocale(r.description, locale) },
            fullDescription: { text: `${r.description.zh} / ${r.description.en}` },
            helpUri: ruleDocsUrl(r.code),
            defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
          })),
        },
      },
      // Skipped files and I/O errors are tool notifications, not results: neither is a finding.
      invocations: [{
        executionSuccessful: failures.length === 0,
        toolExecutionNotifications: [
          ...failures.map((text) => ({ level: 'error', message: { text } })),
          ...skipped.map((f) => ({
            level: 'note',
            message: { text: skipReasonText(f.reason, locale) },
            locations: [{ physicalLocation: { artifactLocation: { uri: toUri(f.path, cwd), uriBaseId: '%SRCROOT%' } } }],
          })),
        ],
      }],
      columnKind: 'utf16CodeUnits',
      results: results.flatMap((r) =>
        r.findings.map((f) => ({
          ruleId: f.code,
          ruleIndex: ruleIndex.get(f.code) ?? -1,
          level: SARIF_LEVEL[f.severity],
          message: { text: f.message },
          locations: [{
            physicalLocation: {
              artifactLocation: { uri: toUri(r.path, cwd), uriBaseId: '%SRCROOT%' },
              region: {
                startLine: f.range.start.line + 1,
                startColumn: f.range.start.character + 1,
                endLine: f.range.end.line + 1,
                endColumn: f.range.end.character + 1,
              },
            },
          }],
          ...(f.cell ? { properties: { cell: f.cell } } : {}),
        })),
      ),
    }],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

function toUri(file: string, cwd: string): string {
  const rel = path.isAbsolute(file) ? path.relative(cwd, file) : file;
  return rel.split(path.sep).map(encodeURIComponent).join('/');
}

export interface ExtractResult {
  path: string;
  year?: number;
  template: TemplateVersion;
  cells: Record<string, number | null>;
}

export function formatExtractJson(results: ExtractResult[]): string {
  return JSON.stringify({ files: results.map((r) => ({ path: r.path, year: r.year ?? null, template: r.template, cells: r.cells })) }) + '\n';
}

export function formatExtractCsv(results: ExtractResult[]): string {
  const rows = ['path,year,template,cell,value'];
  for (const r of results) {
    for (const [k, v] of Object.entries(r.cells)) rows.push([csvField(r.path), r.year ?? '', r.template, k, v ?? ''].join(','));
  }
  return rows.join('\n') + '\n';
}

/**
 * `check --format csv`: one row per finding, for the spreadsheets evaluators tally thousands of reports
 * in. 1-based line and column as in the text output; `cell` empty when the finding is not about one.
 */
export function formatCheckCsv({ files }: CheckRun): string {
  const rows = ['path,year,template,line,column,severity,code,cell,message'];
  for (const r of files) {
    for (const f of r.findings) {
      rows.push([
        csvField(r.path), r.year ?? '', r.template, f.range.start.line + 1, f.range.start.character + 1, f.severity, f.code, f.cell ?? '', csvField(f.message),
      ].join(','));
    }
  }
  return rows.join('\n') + '\n';
}

/** A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. */
function csvField(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
