/** Output formats of the CLI: text, JSON, SARIF 2.1.0 (GitHub code scanning), CSV. */
import * as path from 'node:path';
import type { NotAReport } from '../config/reportFiles';
import { RULES, inLocale, ruleDocsUrl, type Finding, type Locale, type TemplateVersion } from '../core';
import type { SourceLocation } from './convert';
import { cliMessage, skipReasonText } from './messages';
import type { ReportFacts } from './reportFacts';
import { TOOL_VERSION } from './version';

export interface FileResult {
  path: string;
  year?: number;
  template: TemplateVersion;
  findings: Finding[];
  /**
   * For a Word file, web page or PDF: where a finding lies in it (page, table, row, column). Positions
   * in `range` are in the Markdown report the file was read as (what `convert` prints).
   */
  locate?: (f: Finding) => SourceLocation;
  /** For the html and xlsx formats: the agency and table 三's outcomes. */
  facts?: ReportFacts;
}

/** A file a folder walk found but did not check (reportFiles.ts says why). */
export interface SkippedFile {
  path: string;
  reason: NotAReport;
}

/** A whole `check` run, for the formats written at the end (html, xlsx), which show every report side by side. */
export interface CheckRun {
  files: FileResult[];
  skipped: SkippedFile[];
  failures: string[];
}

/** What `check` knows only at the end: the files it skipped, what it could not read, the configs used. */
export interface CheckEnd {
  skipped: SkippedFile[];
  /** I/O errors, as printed on stderr (a missing file, an unreadable folder, a binary file named). */
  failures: string[];
  /** The .govreportrc.json files in use (display paths); none leaves the output as it was before configs were named. */
  configs: string[];
}

/**
 * A `check` output written as the run goes: `file` once per checked file as it finishes (and again
 * for a file whose previous-year report came later in the batch, with the cross-year findings that
 * brought), `end` once. Memory stays bounded whatever the number of files.
 */
export interface CheckWriter {
  /** `late`: the file was written before, these are the cross-year findings found since. */
  file(result: FileResult, late?: boolean): void;
  end(run: CheckEnd): void;
}

export { TOOL_VERSION };

/** `path: reason` for one skipped file (text output, and stderr of fix and extract). */
export function skippedLine(s: SkippedFile, locale: Locale): string {
  return cliMessage('skip.line', locale, { path: s.path, reason: skipReasonText(s.reason, locale) });
}

/**
 * `path:line:col severity code message`, 1-based line and column (UTF-16 units, as editors count);
 * then one line per skipped file, then the summary, then the config files in use.
 */
export function textWriter(out: (s: string) => void, locale: Locale): CheckWriter {
  const totals = { error: 0, warning: 0, information: 0, hint: 0 };
  let files = 0;
  return {
    file(r, late) {
      if (!late) files++;
      let lines = '';
      for (const f of r.findings) {
        totals[f.severity]++;
        lines += `${r.path}:${textPosition(r, f)} ${f.severity} ${f.code} ${f.message}\n`;
      }
      if (lines) out(lines);
    },
    end({ skipped, configs }) {
      let lines = '';
      for (const s of skipped) lines += skippedLine(s, locale) + '\n';
      lines += cliMessage(files === 1 ? 'summary.one' : 'summary.many', locale, {
        files,
        skipped: skipped.length ? cliMessage('summary.skipped', locale, { count: skipped.length }) : '',
        errors: totals.error,
        warnings: totals.warning,
        infos: totals.information,
        hints: totals.hint,
        // Chinese reports information and hints together, as 提示.
        notes: totals.information + totals.hint,
      }) + '\n';
      for (const c of configs) lines += cliMessage('summary.config', locale, { path: c }) + '\n';
      out(lines);
    },
  };
}

/**
 * `line:col`, 1-based; in a Word file, web page or PDF the finding's place in the source instead
 * (第3页 表三 （一）予以公开 × 总计), or the line and column of the converted text when it has none.
 */
function textPosition(r: FileResult, f: Finding): string {
  const where = r.locate?.(f).text;
  return where || `${f.range.start.line + 1}:${f.range.start.character + 1}`;
}

/** A source location without its text, for JSON, SARIF and CSV. */
function sourceFields(loc: SourceLocation): Omit<SourceLocation, 'text'> {
  const { text: _text, ...fields } = loc;
  return fields;
}

export function toJsonDiagnostic(f: Finding, locate?: FileResult['locate']) {
  return {
    code: f.code,
    severity: f.severity,
    message: f.message,
    ...(f.cell ? { cell: f.cell } : {}),
    range: f.range,
    ...(locate ? { source: sourceFields(locate(f)) } : {}),
  };
}

/** `{"files":[…],"skipped":[…]}`, written file by file; `config` added when a config file is in use. */
export function jsonWriter(out: (s: string) => void): CheckWriter {
  let first = true;
  out('{"files":[');
  return {
    file(r) {
      out((first ? '' : ',') + JSON.stringify({ path: r.path, year: r.year ?? null, template: r.template, diagnostics: r.findings.map((f) => toJsonDiagnostic(f, r.locate)) }));
      first = false;
    },
    end({ skipped, configs }) {
      out(`],"skipped":${JSON.stringify(skipped)}${configs.length ? `,"config":${JSON.stringify(configs)}` : ''}}\n`);
    },
  };
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

/** Up to this many files a SARIF log is written at the end, in the order it always had; beyond, results stream. */
const SARIF_BUFFERED_FILES = 1000;

/**
 * SARIF 2.1.0 as GitHub code scanning accepts it: relative URIs against %SRCROOT%, 1-based regions.
 * Results are held for the first SARIF_BUFFERED_FILES files, so a small run prints the log as it always
 * did (invocations before results); past that they are written as they come, and the invocations,
 * known only at the end, follow the results (key order means nothing in JSON).
 */
export function sarifWriter(out: (s: string) => void, locale: Locale, cwd = process.cwd()): CheckWriter {
  const ruleIndex = new Map(RULES.map((r, i) => [r.code, i]));
  const RESULTS = '\u0000results';
  const INVOCATIONS = '\u0000invocations';
  const skeleton = (streaming: boolean) => {
    const tool = {
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
    };
    const run = streaming
      ? { tool, columnKind: 'utf16CodeUnits', results: RESULTS, invocations: INVOCATIONS }
      : { tool, invocations: INVOCATIONS, columnKind: 'utf16CodeUnits', results: RESULTS };
    return JSON.stringify({ $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: [run] }, null, 2) + '\n';
  };
  const resultsOf = (r: FileResult) => r.findings.map((f) => {
    const artifactLocation = { uri: toUri(r.path, cwd), uriBaseId: '%SRCROOT%' };
    // In a Word file, web page or PDF a line and column mean nothing: the location is told in words
    // (the location's message) and fields (properties.source), the file as a whole.
    const source = r.locate?.(f);
    const location = source
      ? { physicalLocation: { artifactLocation }, ...(source.text ? { message: { text: source.text } } : {}) }
      : {
        physicalLocation: {
          artifactLocation,
          region: {
            startLine: f.range.start.line + 1,
            startColumn: f.range.start.character + 1,
            endLine: f.range.end.line + 1,
            endColumn: f.range.end.character + 1,
          },
        },
      };
    const properties = { ...(f.cell ? { cell: f.cell } : {}), ...(source ? { source: sourceFields(source) } : {}) };
    return {
      ruleId: f.code,
      ruleIndex: ruleIndex.get(f.code) ?? -1,
      level: SARIF_LEVEL[f.severity],
      message: { text: f.message },
      locations: [location],
      ...(Object.keys(properties).length ? { properties } : {}),
    };
  });
  // Inside runs[0].results, as JSON.stringify(…, null, 2) indents it: four levels deep.
  const element = (value: unknown) => '        ' + JSON.stringify(value, null, 2).split('\n').join('\n        ');
  const invocationsOf = ({ skipped, failures, configs }: CheckEnd) => {
    // Skipped files and I/O errors are tool notifications, not results: neither is a finding.
    const invocations = [{
      executionSuccessful: failures.length === 0,
      toolExecutionNotifications: [
        ...failures.map((text) => ({ level: 'error', message: { text } })),
        ...skipped.map((f) => ({
          level: 'note',
          message: { text: skipReasonText(f.reason, locale) },
          locations: [{ physicalLocation: { artifactLocation: { uri: toUri(f.path, cwd), uriBaseId: '%SRCROOT%' } } }],
        })),
      ],
      ...(configs.length ? { properties: { config: configs } } : {}),
    }];
    return JSON.stringify(invocations, null, 2).split('\n').join('\n      ');
  };
  const quoted = (sentinel: string) => JSON.stringify(sentinel);
  let held: string[] = [];
  let files = 0;
  let streamed = 0; // results written so far, when streaming
  let tail = '';
  const write = (elements: string[]) => {
    if (elements.length) out((streamed ? ',\n' : '\n') + elements.join(',\n'));
    streamed += elements.length;
  };
  return {
    file(r) {
      files++;
      const elements = resultsOf(r).map(element);
      if (tail) {
        write(elements);
        return;
      }
      held.push(...elements);
      if (files > SARIF_BUFFERED_FILES) {
        const text = skeleton(true);
        const at = text.indexOf(quoted(RESULTS));
        out(text.slice(0, at) + '[');
        tail = text.slice(at + quoted(RESULTS).length);
        write(held);
        held = [];
      }
    },
    end(run) {
      if (tail) {
        out((streamed ? '\n      ]' : ']') + tail.replace(quoted(INVOCATIONS), () => invocationsOf(run)));
        return;
      }
      const results = held.length ? `[\n${held.join(',\n')}\n      ]` : '[]';
      out(skeleton(false).replace(quoted(INVOCATIONS), () => invocationsOf(run)).replace(quoted(RESULTS), () => results));
    },
  };
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

/** An `extract` output, written file by file. */
export interface ExtractWriter {
  file(result: ExtractResult): void;
  end(): void;
}

export function extractJsonWriter(out: (s: string) => void): ExtractWriter {
  let first = true;
  out('{"files":[');
  return {
    file(r) {
      out((first ? '' : ',') + JSON.stringify({ path: r.path, year: r.year ?? null, template: r.template, cells: r.cells }));
      first = false;
    },
    end: () => out(']}\n'),
  };
}

export function extractCsvWriter(out: (s: string) => void): ExtractWriter {
  out('path,year,template,cell,value\n');
  return {
    file(r) {
      let rows = '';
      for (const [k, v] of Object.entries(r.cells)) rows += [csvField(r.path), r.year ?? '', r.template, k, v ?? ''].join(',') + '\n';
      if (rows) out(rows);
    },
    end: () => undefined,
  };
}

/**
 * `check --format csv`: one row per finding, for the spreadsheets evaluators tally thousands of reports
 * in. 1-based line and column as in the text output; `cell` empty when the finding is not about one;
 * `location` the place in a Word file, web page or PDF (page, table, row, column), empty for text files.
 */
export function csvWriter(out: (s: string) => void): CheckWriter {
  out('path,year,template,line,column,severity,code,cell,message,location\n');
  return {
    file(r) {
      let rows = '';
      for (const f of r.findings) {
        rows += [
          csvField(r.path), r.year ?? '', r.template, f.range.start.line + 1, f.range.start.character + 1, f.severity, f.code, f.cell ?? '', csvField(f.message),
          csvField(r.locate?.(f).text ?? ''),
        ].join(',') + '\n';
      }
      if (rows) out(rows);
    },
    end: () => undefined,
  };
}

/** A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. */
function csvField(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
