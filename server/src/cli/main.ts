/**
 * `gov-annual-report check|fix|extract` — the batch face of the core for reviewers and evaluators.
 * Exit codes: 0 no errors, 1 errors found, 2 usage or I/O error.
 */
import * as path from 'node:path';
import {
  analyzeReport, applyEdits, compareWithPreviousYear, isPreviousYearOf, looksBinary, parseReport, planRecompute, recomputeChanges, sortFindings,
  type AnalyzeOptions, type Finding, type Locale, type RecomputeChange, type ReportDocument,
} from '../core';
import { describeConfigProblem, findProjectConfig, mergeOptions } from '../config';
import { notAReport } from '../config/reportFiles';
import { collectFiles, readReport, writeAtomic } from './files';
import { parseCommandLine } from './args';
import { reportFacts, type ReportFacts } from './reportFacts';
import { writeReport, type ReportIo } from './reportOutput';
import { TEMPLATE_VERSIONS } from './version';
import { CliError, cliMessage } from './messages';
import {
  TOOL_VERSION, formatCheckCsv, formatExtractCsv, formatExtractJson, formatJson, formatSarif, formatText, skippedLine,
  type ExtractResult, type FileResult, type SkippedFile,
} from './formatters';

interface Io extends ReportIo {
  out: (s: string) => void;
  err: (s: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Told how many files are about to be analysed (bin.ts then keeps V8's code cache). */
  batch?: (files: number) => void;
}

/** A number, or a promise of one for the xlsx format (its library writes asynchronously). */
export function run(argv: string[], io: Io): number | Promise<number> {
  const parsed = parseCommandLine(argv, io.env);
  if (parsed.kind === 'help') {
    io.out(cliMessage('usage', parsed.locale));
    return 0;
  }
  if (parsed.kind === 'version') {
    io.out(cliMessage('version', parsed.locale, { version: TOOL_VERSION, templates: TEMPLATE_VERSIONS }));
    return 0;
  }
  if (parsed.kind === 'usageError') return usageError(io, parsed.locale, cliMessage(parsed.key, parsed.locale, parsed.args));
  const { command, paths, format, locale, template, stdout, dryRun, quiet, maxWarnings, output } = parsed.commandLine;

  /** I/O errors, printed on stderr as they happen; SARIF reports them too. Any of them makes the exit code 2. */
  const failures: string[] = [];
  const fail = (e: CliError) => {
    const text = e.localized(locale);
    io.err(`gov-annual-report: ${text}\n`);
    failures.push(text);
  };
  const { files, walked, errors } = collectFiles(paths.map((p) => path.resolve(io.cwd, p)));
  errors.forEach(fail);
  if (files.length === 0 && errors.length) return 2;
  const display = (f: string) => path.relative(io.cwd, f) || f;
  const optionsFor = optionsResolver(template, locale, io);
  io.batch?.(files.length);
  const analysed: Analysed[] = [];
  const skipped: SkippedFile[] = [];
  for (const file of files) {
    try {
      const decoded = readReport(file);
      // Found in a folder: checked only if it is a report. Named: checked unless it is binary.
      const found = walked.has(file);
      const why = found ? notAReport(file, decoded.text) : looksBinary(decoded.text) ? 'binary' : undefined;
      if (why && found) {
        skipped.push({ path: display(file), reason: why });
        continue;
      }
      if (why) throw new CliError('io.binary', { path: display(file) });
      const options = optionsFor(file);
      const { document, findings } = analyzeReport(decoded.text, options);
      analysed.push(command === 'check'
        ? { file, doc: pairingStub(document), findings, options, facts: reportFacts(document) }
        : { file, doc: document, findings, options, decoded });
    } catch (e) {
      if (!(e instanceof CliError)) throw e;
      fail(e);
    }
  }

  if (command === 'check') {
    addCrossYearFindings(analysed, reanalysed());
    const results: FileResult[] = analysed.map((a) => ({
      path: display(a.file),
      year: a.doc.year?.value,
      template: a.doc.template,
      findings: quiet ? a.findings.filter((f) => f.severity === 'error') : a.findings,
      facts: a.facts,
    }));
    const checked = { files: results, skipped, failures };
    const written = format === 'html' || format === 'xlsx' ? writeReport(checked, format, locale, output, io) : undefined;
    if (!written) io.out(format === 'json' ? formatJson(checked) : format === 'sarif' ? formatSarif(checked, locale, io.cwd) : format === 'csv' ? formatCheckCsv(checked) : formatText(checked, locale));
    const count = (severity: Finding['severity']) => results.reduce((n, r) => n + r.findings.filter((f) => f.severity === severity).length, 0);
    const warnings = count('warning');
    const tooManyWarnings = maxWarnings !== undefined && warnings > maxWarnings;
    if (tooManyWarnings) io.err(`${cliMessage('summary.tooManyWarnings', locale, { warnings, max: maxWarnings })}\n`);
    const code = failures.length ? 2 : count('error') > 0 || tooManyWarnings ? 1 : 0;
    return written ? written.then((ok) => (ok ? code : 2)) : code;
  }

  // fix and extract print only their results on stdout; what they skipped goes to stderr.
  for (const s of skipped) io.err(`${skippedLine(s, locale)}\n`);

  if (command === 'extract') {
    const results: ExtractResult[] = analysed.map((a) => ({
      path: display(a.file),
      year: a.doc.year?.value,
      template: a.doc.template,
      cells: Object.fromEntries([...a.doc.cells.values()].map((c) => [c.key, c.status === 'ok' ? c.value : null])),
    }));
    io.out(format === 'csv' ? formatExtractCsv(results) : formatExtractJson(results));
    return failures.length ? 2 : 0;
  }

  // fix
  if (stdout && analysed.length + (failures.length ? 1 : 0) !== 1) return usageError(io, locale, cliMessage('usage.stdoutOneFile', locale));
  if (dryRun) return listChanges(io, locale, analysed.map((a) => ({ path: display(a.file), changes: recomputeChanges(a.doc) })), failures.length > 0);
  for (const a of analysed) {
    const edits = planRecompute(a.doc);
    const decoded = a.decoded!;
    const fixed = edits.length ? applyEdits(decoded.text, edits) : decoded.text;
    if (stdout) {
      io.out(fixed);
      continue;
    }
    if (!edits.length) continue;
    try {
      writeAtomic(a.file, { ...decoded, text: fixed });
      io.err(`${cliMessage('fix.done', locale, { path: display(a.file), count: edits.length })}\n`);
    } catch (e) {
      if (!(e instanceof CliError)) throw e;
      fail(e);
    }
  }
  return failures.length ? 2 : 0;
}

/**
 * `fix --dry-run`: one `path:line:col key old → new` line per cell on stdout, a summary on stderr.
 * Exit code 1 when any cell would change (a CI step can insist the totals are recomputed), 2 after an
 * I/O error.
 */
function listChanges(io: Io, locale: Locale, files: { path: string; changes: RecomputeChange[] }[], failed: boolean): number {
  let count = 0;
  let changed = 0;
  for (const f of files) {
    if (f.changes.length) changed++;
    for (const c of f.changes) {
      count++;
      const { line, character } = c.edit.range.start;
      io.out(`${f.path}:${line + 1}:${character + 1} ${c.cell} ${c.before} → ${c.edit.newText}\n`);
    }
  }
  io.err(`${count ? cliMessage('fix.wouldChange', locale, { count, files: changed }) : cliMessage('fix.upToDate', locale)}\n`);
  return failed ? 2 : count ? 1 : 0;
}

/** A usage mistake: what is wrong, then the usage text, on stderr; exit code 2. */
function usageError(io: Io, locale: Locale, text: string): number {
  io.err(`gov-annual-report: ${text}\n\n${cliMessage('usage', locale)}`);
  return 2;
}

/** Options per file: the nearest .govreportrc.json (cached per folder) with the command line on top. */
function optionsResolver(template: AnalyzeOptions['template'], locale: Locale, io: Io) {
  const byDir = new Map<string, AnalyzeOptions>();
  return (file: string): AnalyzeOptions => {
    const dir = path.dirname(file);
    let opts = byDir.get(dir);
    if (!opts) {
      const found = findProjectConfig(dir);
      for (const p of found?.problems ?? []) io.err(`gov-annual-report: ${found!.path}: ${describeConfigProblem(p, locale)}\n`);
      opts = { ...mergeOptions(found?.config, { template }), locale };
      byDir.set(dir, opts);
    }
    return opts;
  };
}

interface Analysed {
  file: string;
  /** For check, a pairingStub; else the document. */
  doc: ReportDocument;
  findings: Finding[];
  options: AnalyzeOptions;
  /** check only: what the html and xlsx formats show besides the findings. */
  facts?: ReportFacts;
  /** fix only: the text as read, to rewrite. */
  decoded?: ReturnType<typeof readReport>;
}

/**
 * What check keeps of a document once its findings are made: every field but the text, lines, headings,
 * parts, tables and cells, which is what the pairing with last year's report (isPreviousYearOf: year and
 * agency) reads. Keeping every whole document made memory grow with the batch and the garbage collector
 * copy it over and over: 300 reports ran ~15 % and 3,000 reports ~35 % slower. The few documents that do
 * pair are analysed again for the comparison.
 */
function pairingStub(doc: ReportDocument): ReportDocument {
  return { ...doc, text: '', lines: EMPTY.lines, headings: [], parts: [], tables: [], cells: new Map() };
}
const EMPTY = parseReport('');

/** The whole document of an analysed file, read and analysed again (once); undefined if it can no longer be read. */
function reanalysed(): (a: Analysed) => ReportDocument | undefined {
  const docs = new Map<Analysed, ReportDocument | undefined>();
  return (a) => {
    if (!docs.has(a)) {
      let doc: ReportDocument | undefined;
      try {
        doc = analyzeReport(readReport(a.file).text, a.options).document;
      } catch (e) {
        if (!(e instanceof CliError)) throw e;
      }
      docs.set(a, doc);
    }
    return docs.get(a);
  };
}

/** Pairs each report with the same agency's report for the year before, among the files given. */
function addCrossYearFindings(analysed: Analysed[], wholeDoc: (a: Analysed) => ReportDocument | undefined): void {
  // Keyed by agency and year (what isPreviousYearOf compares), so that pairing stays linear in the
  // batch: a scan of the whole batch per report took 8 % of a 3,000-report run.
  const keyOf = (doc: ReportDocument, year: number) => `${year}\u0000${doc.agency}`;
  const byKey = new Map<string, Analysed>();
  for (const a of analysed) {
    if (a.doc.year === undefined || a.doc.agency === undefined) continue;
    const key = keyOf(a.doc, a.doc.year.value);
    if (!byKey.has(key)) byKey.set(key, a);
  }
  for (const cur of analysed) {
    const candidate = cur.doc.year && byKey.get(keyOf(cur.doc, cur.doc.year.value - 1));
    const prev = candidate && isPreviousYearOf(candidate.doc, cur.doc) ? candidate : undefined;
    if (!prev) continue;
    const prevDoc = wholeDoc(prev);
    const curDoc = wholeDoc(cur);
    if (!prevDoc || !curDoc) continue;
    cur.findings.push(...compareWithPreviousYear(prevDoc, curDoc, cur.options));
    sortFindings(cur.findings);
  }
}

/**
 * Runs the command line of this process (what bin.ts calls once this bundle is loaded) and returns the
 * exit code. `batch` hears how many files are about to be analysed.
 */
export function runFromProcess(batch?: (files: number) => void): number | Promise<number> {
  const internalError = (e: unknown) => {
    process.stderr.write(`gov-annual-report: internal error: ${(e as Error)?.stack ?? e}\n`);
    return 2;
  };
  try {
    const code = run(process.argv.slice(2), {
      out: (s) => process.stdout.write(s),
      outBytes: (b) => process.stdout.write(b),
      stdoutIsTTY: process.stdout.isTTY === true,
      err: (s) => process.stderr.write(s),
      env: process.env,
      cwd: process.cwd(),
      batch,
    });
    return typeof code === 'number' ? code : code.catch(internalError);
  } catch (e) {
    return internalError(e);
  }
}
