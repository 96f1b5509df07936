/**
 * `gov-annual-report check|fix|extract|convert` — the batch face of the core for reviewers and evaluators.
 * Exit codes: 0 no errors, 1 errors found, 2 usage or I/O error.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  analyzeReport, applyEdits, compareWithPreviousYear, looksBinary, planRecompute, recomputeChanges, sortFindings,
  type AnalyzeOptions, type Finding, type Locale, type RecomputeChange, type ReportDocument,
} from '../core';
import { describeConfigProblem, findProjectConfig, mergeOptions } from '../config';
import { notAReport } from '../config/reportFiles';
import { encodingFindings } from '../files/encodingFindings';
import { FileProblem, type ReadFile } from '../files/read';
import { FixRefusal, planWrite, removeStaleTempFiles, writeFixed } from '../files/write';
import { readInput, runConvert, sourceLocator, type ConvertedReport, type Input } from './convert';
import { findFiles } from './files';
import { parseCommandLine } from './args';
import { reportFacts } from './reportFacts';
import type * as ReportOutput from './reportOutput';
import { CliError, cliMessage, type CliMessageKey } from './messages';
import { TEMPLATE_VERSIONS } from './version';
import { CrossYearPairing } from '../files/pairing';
import {
  TOOL_VERSION, csvWriter, extractCsvWriter, extractJsonWriter, jsonWriter, sarifWriter, skippedLine, textWriter,
  type CheckWriter, type ExtractWriter, type FileResult, type SkippedFile,
} from './formatters';

interface Io {
  /** stdout; bytes for `fix --stdout`, which prints the file in its own encoding. */
  out: (s: string | Uint8Array) => void;
  err: (s: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
  /** stderr is a terminal: a batch shows its progress there (never in piped output). */
  progress?: boolean;
  /** stdout is a terminal: an Excel workbook is not printed there. */
  stdoutIsTTY?: boolean;
}

/** The message of a failure to read or write, in the user's language. */
function problemText(e: FileProblem | FixRefusal, locale: Locale, display: (f: string) => string): string {
  if (e instanceof FixRefusal) {
    if (e.key === 'cannotWrite') return cliMessage('io.cannotWrite', locale, { path: e.file, code: e.detail });
    return cliMessage(`fix.${e.key}` as CliMessageKey, locale, { path: display(e.file), encoding: e.detail });
  }
  switch (e.key) {
    case 'noSuchPath': return cliMessage('io.noSuchPath', locale, { path: e.file });
    case 'cannotReadFolder': return cliMessage('io.cannotReadFolder', locale, { path: e.file, code: e.detail });
    case 'cannotRead': return cliMessage('io.cannotRead', locale, { path: e.file, code: e.detail });
    case 'loop': return cliMessage('io.loop', locale, { path: display(e.file) });
    case 'notRegular': return cliMessage('io.notRegular', locale, { path: display(e.file), kind: cliMessage(`kind.${e.detail}` as CliMessageKey, locale) });
    case 'tooLarge': return cliMessage('io.tooLarge', locale, { path: display(e.file), max: e.detail });
  }
}

/** The exit code; a promise of it for the xlsx format (its library writes asynchronously). */
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
  const { command, paths, format, locale, template, stdout, dryRun, quiet, maxWarnings, maxFileSize, output } = parsed.commandLine;
  if (command === 'convert') return convertCommand(paths[0], output, maxFileSize, locale, io);
  const display = (f: string) => path.relative(io.cwd, f) || f;

  /** I/O errors, printed on stderr as they happen; SARIF reports them too. Any of them makes the exit code 2. */
  const failures: string[] = [];
  /** A file fix left alone because it changed after it was read: exit code 1, not an I/O error. */
  let changed = 0;
  const fail = (e: FileProblem | FixRefusal) => {
    const text = problemText(e, locale, display);
    io.err(`gov-annual-report: ${text}\n`);
    if (e instanceof FixRefusal && e.key === 'changed') changed++;
    else failures.push(text);
  };
  /** A file that cannot be read as a report at all (an old .doc, a broken PDF): an I/O error. */
  const cannotRead = (e: CliError) => {
    failures.push(e.localized(locale));
    io.err(`gov-annual-report: ${failures[failures.length - 1]}\n`);
  };
  const absolute = paths.map((p) => path.resolve(io.cwd, p));
  const { namedProblems, found: foundFiles } = findFiles(absolute);
  namedProblems.forEach(fail);
  if (namedProblems.length === absolute.length) return 2;
  /** The files in order, a problem met on the way told as it is met. */
  function* files(): Generator<{ file: string; walked: boolean }> {
    for (const f of foundFiles()) {
      if (f.problem) fail(f.problem);
      else yield f;
    }
  }
  const configs = configResolver(template, locale, io, projectBoundaries(io.cwd, absolute), display);
  // Counted by a walk of its own (names only, never kept) when someone wants the total.
  const total = io.progress ? countFiles(foundFiles()) : 0;
  const skipped: SkippedFile[] = [];
  const progress = io.progress && total > 1 ? progressLine(io, locale, total) : undefined;

  /** Reads and analyses one file; undefined when it is skipped or cannot be read (already told). */
  const analyse = (file: string, found: boolean): { read: ReadFile; converted?: ConvertedReport; document: ReportDocument; findings: Finding[]; options: AnalyzeOptions } | undefined => {
    let input: Input;
    try {
      input = readInput(file, maxFileSize);
    } catch (e) {
      if (e instanceof CliError) {
        cannotRead(e);
        return undefined;
      }
      if (!(e instanceof FileProblem)) throw e;
      if (found && e.key === 'tooLarge') skipped.push({ path: display(file), reason: 'tooLarge' });
      else fail(e);
      return undefined;
    }
    const { read, converted } = input;
    // Found in a folder: checked only if it is a report. Named: checked unless it is binary.
    const why = found ? notAReport(file, read.text) : looksBinary(read.text) ? 'binary' : undefined;
    if (why && found) {
      skipped.push({ path: display(file), reason: why });
      return undefined;
    }
    if (why) {
      failures.push(cliMessage('io.binary', locale, { path: display(file) }));
      io.err(`gov-annual-report: ${failures[failures.length - 1]}\n`);
      return undefined;
    }
    const options = configs.optionsFor(file);
    const { document, findings } = analyzeReport(read.text, options);
    if (read.invalid.length) {
      findings.push(...encodingFindings(read.invalid, document.lines, options));
      sortFindings(findings);
    }
    return { read, converted, document, findings, options };
  };

  if (command === 'check') {
    const out = (s: string) => io.out(s);
    // html and xlsx show every report side by side: written at the end, from what was collected.
    const report = format === 'html' || format === 'xlsx' ? reportWriter(format, locale, output, io) : undefined;
    const writer: CheckWriter = report?.writer ?? (format === 'json' ? jsonWriter(out) : format === 'sarif' ? sarifWriter(out, locale, io.cwd) : format === 'csv' ? csvWriter(out) : textWriter(out, locale));
    const pairing = new CrossYearPairing<string>();
    const counts = { error: 0, warning: 0 };
    const emit = (file: string, doc: ReportDocument, findings: Finding[], late = false, converted?: ConvertedReport) => {
      const shown = quiet ? findings.filter((f) => f.severity === 'error') : findings;
      for (const f of shown) if (f.severity === 'error' || f.severity === 'warning') counts[f.severity]++;
      const result: FileResult = {
        path: display(file), year: doc.year?.value, template: doc.template, findings: shown,
        ...(converted ? { locate: sourceLocator(converted, doc.template, locale) } : {}),
        ...(report ? { facts: reportFacts(doc) } : {}),
      };
      writer.file(result, late);
    };
    let done = 0;
    for (const { file, walked } of files()) {
      const a = analyse(file, walked);
      if (a) {
        const paired = pairing.add(a.document, a.options, file);
        if (paired.findings.length) {
          a.findings.push(...paired.findings);
          sortFindings(a.findings);
        }
        emit(file, a.document, a.findings, false, a.converted);
        // Reports of the next year that came earlier: their cross-year findings, now that this one is here.
        for (const w of paired.waiting) {
          const again = readAgain(w, maxFileSize);
          if (!again) continue;
          const options = configs.optionsFor(w);
          const doc = analyzeReport(again.read.text, options).document;
          const extra = sortFindings(compareWithPreviousYear(a.document, doc, options));
          if (extra.length) emit(w, doc, extra, true, again.converted);
        }
      }
      progress?.(++done);
    }
    progress?.(done, true);
    writer.end({ skipped, failures, configs: configs.used() });
    const tooManyWarnings = maxWarnings !== undefined && counts.warning > maxWarnings;
    if (tooManyWarnings) io.err(`${cliMessage('summary.tooManyWarnings', locale, { warnings: counts.warning, max: maxWarnings })}\n`);
    const code = failures.length ? 2 : counts.error > 0 || tooManyWarnings ? 1 : 0;
    return report ? report.written().then((ok) => (ok ? code : 2)) : code;
  }

  if (command === 'extract') {
    const out = (s: string) => io.out(s);
    const writer: ExtractWriter = format === 'csv' ? extractCsvWriter(out) : extractJsonWriter(out);
    for (const { file, walked } of files()) {
      const a = analyse(file, walked);
      if (!a) continue;
      const doc = a.document;
      writer.file({
        path: display(file),
        year: doc.year?.value,
        template: doc.template,
        cells: Object.fromEntries([...doc.cells.values()].map((c) => [c.key, c.status === 'ok' ? c.value : null])),
      });
    }
    // fix and extract print only their results on stdout; what they skipped goes to stderr.
    for (const s of skipped) io.err(`${skippedLine(s, locale)}\n`);
    writer.end();
    return failures.length ? 2 : 0;
  }

  // fix: the same plan (planWrite) decides what `fix` writes, what `--stdout` prints and what `--dry-run`
  // lists, refusals included.
  const plans: { path: string; changes: RecomputeChange[] }[] = [];
  let printed: Uint8Array | undefined;
  let analysedCount = 0;
  const cleaned = new Set<string>();
  for (const { file, walked } of files()) {
    const a = analyse(file, walked);
    if (!a) continue;
    analysedCount++;
    // A Word file, web page or PDF is read, not written: fix would have to rewrite the original format.
    if (a.converted) {
      cannotRead(new CliError('fix.notText', { path: display(file) }));
      continue;
    }
    if (stdout && analysedCount > 1) return usageError(io, locale, cliMessage('usage.stdoutOneFile', locale));
    const edits = planRecompute(a.document);
    if (edits.length === 0) {
      if (stdout) printed = a.read.bytes;
      if (dryRun) plans.push({ path: display(file), changes: [] });
      continue;
    }
    let data: Buffer;
    try {
      data = planWrite(file, a.read, applyEdits(a.read.text, edits));
    } catch (e) {
      if (!(e instanceof FixRefusal)) throw e;
      fail(e);
      continue;
    }
    if (stdout) {
      printed = data;
      continue;
    }
    if (dryRun) {
      plans.push({ path: display(file), changes: recomputeChanges(a.document) });
      continue;
    }
    const dir = path.dirname(realPathOr(file));
    if (!cleaned.has(dir)) {
      cleaned.add(dir);
      removeStaleTempFiles(dir);
    }
    try {
      writeFixed(file, a.read, data);
      io.err(`${cliMessage('fix.done', locale, { path: display(file), count: edits.length })}\n`);
    } catch (e) {
      if (!(e instanceof FixRefusal)) throw e;
      fail(e);
    }
  }
  for (const s of skipped) io.err(`${skippedLine(s, locale)}\n`);
  if (stdout && analysedCount + (failures.length || changed ? 1 : 0) !== 1) return usageError(io, locale, cliMessage('usage.stdoutOneFile', locale));
  if (printed) io.out(printed);
  if (dryRun) return listChanges(io, locale, plans, failures.length > 0, changed > 0);
  return failures.length ? 2 : changed ? 1 : 0;
}

/**
 * The html or xlsx report: collects each file's result (a late cross-year finding joins its file's
 * entry) and writes the whole report at the end; `written` resolves false after an I/O error.
 */
function reportWriter(format: 'html' | 'xlsx', locale: Locale, output: string | undefined, io: Io) {
  const files: FileResult[] = [];
  let written: Promise<boolean> = Promise.resolve(true);
  const writer: CheckWriter = {
    file(result, late) {
      const earlier = late ? files.find((f) => f.path === result.path) : undefined;
      if (earlier) earlier.findings = sortFindings([...earlier.findings, ...result.findings]);
      else files.push(result);
    },
    end({ skipped, failures }) {
      // Loaded here: the html format inlines Chart.js (a build-time text import, scripts/build.mjs), so
      // plain runs, and the tests that import this module from the compiled sources, never load it.
      const { writeReport } = require('./reportOutput') as typeof ReportOutput;
      written = writeReport({ files, skipped, failures }, format, locale, output, {
        out: (s) => io.out(s), outBytes: (b) => io.out(b), err: io.err, cwd: io.cwd, stdoutIsTTY: io.stdoutIsTTY,
      });
    },
  };
  return { writer, written: () => written };
}

function countFiles(found: Iterable<{ problem?: unknown }>): number {
  let n = 0;
  for (const f of found) if (!f.problem) n++;
  return n;
}

function realPathOr(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}

/** A file read a second time (for a late cross-year pairing); undefined if it can no longer be read. */
function readAgain(file: string, maxFileSize: number): Input | undefined {
  try {
    return readInput(file, maxFileSize);
  } catch (e) {
    if (!(e instanceof FileProblem || e instanceof CliError)) throw e;
    return undefined;
  }
}

/** `convert FILE [-o OUT]` (convert.ts); exit code 2 when the file cannot be read or written. */
function convertCommand(file: string, output: string | undefined, maxFileSize: number, locale: Locale, io: Io): number {
  try {
    runConvert(path.resolve(io.cwd, file), output === undefined ? undefined : path.resolve(io.cwd, output), maxFileSize, locale, io);
    return 0;
  } catch (e) {
    const text = e instanceof CliError ? e.localized(locale) : e instanceof FileProblem ? problemText(e, locale, (f) => path.relative(io.cwd, f) || f) : undefined;
    if (text === undefined) throw e;
    io.err(`gov-annual-report: ${text}\n`);
    return 2;
  }
}

/**
 * `fix --dry-run`: one `path:line:col key old → new` line per cell on stdout, a summary on stderr.
 * Exit code 1 when any cell would change (a CI step can insist the totals are recomputed), 2 after an
 * I/O error.
 */
function listChanges(io: Io, locale: Locale, files: { path: string; changes: RecomputeChange[] }[], failed: boolean, refused: boolean): number {
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
  return failed ? 2 : count || refused ? 1 : 0;
}

/** A usage mistake: what is wrong, then the usage text, on stderr; exit code 2. */
function usageError(io: Io, locale: Locale, text: string): number {
  io.err(`gov-annual-report: ${text}\n\n${cliMessage('usage', locale)}`);
  return 2;
}

/**
 * Where the search for .govreportrc.json stops (besides a folder holding .git): the folders named on
 * the command line, the current folder, and the folder of each named file outside it. A config above
 * all of these is not the project's.
 */
function projectBoundaries(cwd: string, paths: string[]): string[] {
  const out = new Set([path.resolve(cwd)]);
  for (const p of paths) {
    let dir = p;
    try {
      if (!fs.statSync(p).isDirectory()) dir = path.dirname(p);
    } catch {
      dir = path.dirname(p);
    }
    const rel = path.relative(cwd, dir);
    if (rel.startsWith('..') || path.isAbsolute(rel)) out.add(dir);
  }
  return [...out];
}

/**
 * Options per file: the nearest trusted .govreportrc.json (cached per folder) with the command line on
 * top. Problems and distrusted configs are told on stderr once; `used` lists the configs in use.
 */
function configResolver(template: AnalyzeOptions['template'], locale: Locale, io: Io, boundaries: string[], display: (f: string) => string) {
  const byDir = new Map<string, AnalyzeOptions>();
  const used = new Set<string>();
  return {
    optionsFor(file: string): AnalyzeOptions {
      const dir = path.dirname(file);
      let opts = byDir.get(dir);
      if (!opts) {
        const found = findProjectConfig(dir, boundaries);
        for (const p of found?.problems ?? []) io.err(`gov-annual-report: ${found!.path}: ${describeConfigProblem(p, locale)}\n`);
        if (found && !found.ignored) used.add(display(found.path));
        opts = { ...mergeOptions(found?.ignored ? undefined : found?.config, { template }), locale };
        byDir.set(dir, opts);
      }
      return opts;
    },
    used: () => [...used],
  };
}

/** `done/total, rate, time left` on one stderr line, redrawn at most five times a second. */
function progressLine(io: Io, locale: Locale, total: number): (done: number, last?: boolean) => void {
  const start = Date.now();
  let shown = 0;
  return (done, last) => {
    const now = Date.now();
    if (last) {
      if (shown) io.err('\r\x1b[K');
      return;
    }
    if (now - shown < 200) return;
    shown = now;
    const seconds = Math.max((now - start) / 1000, 0.001);
    const rate = done / seconds;
    io.err(`\r\x1b[K${cliMessage('progress.line', locale, { done, total, rate: Math.round(rate), left: Math.ceil((total - done) / Math.max(rate, 0.001)) })}`);
  };
}

/** Runs the command line of this process and returns the exit code (a promise of it for xlsx). */
export function runFromProcess(): number | Promise<number> {
  const internalError = (e: unknown) => {
    process.stderr.write(`gov-annual-report: internal error: ${(e as Error)?.stack ?? e}\n`);
    return 2;
  };
  try {
    const code = run(process.argv.slice(2), {
      out: (s) => process.stdout.write(s),
      err: (s) => process.stderr.write(s),
      env: process.env,
      cwd: process.cwd(),
      progress: process.stderr.isTTY === true,
      stdoutIsTTY: process.stdout.isTTY === true,
    });
    return typeof code === 'number' ? code : code.catch(internalError);
  } catch (e) {
    return internalError(e);
  }
}

if (require.main === module) {
  // `check dir | head`: the reader went away; stop quietly instead of dying on EPIPE with a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit();
  });
  const code = runFromProcess();
  if (typeof code === 'number') process.exitCode = code;
  else void code.then((c) => (process.exitCode = c));
}
