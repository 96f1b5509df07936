/**
 * The CLI's side of the input formats (server/src/formats): reading a Word file, web page or PDF as the
 * Markdown report the core checks, and the `convert` command. The readers are loaded on the first such
 * file (formats/load.ts). pdf.js is asynchronous and the CLI's file loop is not: a PDF is read by a child process running
 * that bundle (`node formats.js pdf`, the PDF on stdin, JSON on stdout).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding, Locale, TemplateVersion } from '../core';
import type * as Formats from '../formats';
import { formatsEntry, loadFormats } from '../formats/load';
import { inputFormatOf, type ConvertedReport } from '../formats/types';
import { readRegularFile, readReportFile, type ReadFile } from '../files/read';
import { convertedName } from '../../../shared/convert';
import { CliError, cliMessage } from './messages';

export type { ConvertedReport };
export type SourceLocation = Formats.SourceLocation;

/** A file as text, with its conversion when it was not a text file (`read.text` is then the Markdown report). */
export interface Input {
  read: ReadFile;
  converted?: ConvertedReport;
}

/**
 * Reads a report of any format, under the rules of files/read.ts (regular files only, the size limit):
 * text decoded as every text report is, the others converted to a Markdown report.
 */
export function readInput(file: string, maxFileSize: number): Input {
  const format = inputFormatOf(file);
  if (format === undefined) return { read: readReportFile(file, maxFileSize) };
  if (format === 'legacy') throw new CliError('io.legacyWord', { path: file });
  const { bytes, stat } = readRegularFile(file, maxFileSize);
  const converted = format === 'pdf' ? readPdf(file, bytes) : readSync(file, format, bytes);
  return { read: { text: converted.markdown, encoding: 'utf-8', invalid: [], bytes, stat }, converted };
}

function readSync(file: string, format: 'docx' | 'html', bytes: Buffer): ConvertedReport {
  const formats = loadFormats();
  try {
    return formats.convertSync(format, bytes);
  } catch (e) {
    if (e instanceof formats.FormatError) throw new CliError('io.badFormat', { path: file, format, detail: e.detail });
    throw e;
  }
}

function readPdf(file: string, bytes: Buffer): ConvertedReport {
  const r = spawnSync(process.execPath, [formatsEntry(), 'pdf'], { input: bytes, maxBuffer: 1 << 28, encoding: 'utf8' });
  const parsed = r.status === 0
    ? (JSON.parse(r.stdout) as ConvertedReport | { error: string; reason?: string })
    : { error: (r.stderr || String(r.error)).trim().split('\n')[0] };
  if ('error' in parsed) {
    if ('reason' in parsed && parsed.reason === 'noText') throw new CliError('io.pdfNoText', { path: file });
    throw new CliError('io.badFormat', { path: file, format: 'pdf', detail: parsed.error });
  }
  return parsed;
}

/** Where each finding of a converted file lies in the source (page, table, row, column). */
export function sourceLocator(converted: ConvertedReport, template: TemplateVersion, locale: Locale): (f: Finding) => SourceLocation {
  const formats = loadFormats();
  return (f) => formats.locateFinding(f, converted, template, locale);
}


/**
 * `convert FILE [-o OUT]`: the report as a Markdown report (`*.年报.md`) on stdout, or written to OUT
 * (a folder: OUT/<name>.年报.md). A text report is printed as it reads (GB18030 becomes UTF-8).
 */
export function runConvert(file: string, output: string | undefined, maxFileSize: number, locale: Locale, io: { out: (s: string) => void; err: (s: string) => void }): void {
  const decoded = readInput(file, maxFileSize).read;
  if (output === undefined) {
    io.out(decoded.text);
    return;
  }
  let target = output;
  try {
    if (fs.statSync(output).isDirectory()) target = path.join(output, convertedName(path.basename(file)));
  } catch {
    /* a new file */
  }
  try {
    fs.writeFileSync(target, decoded.text);
  } catch (e) {
    throw new CliError('io.cannotWrite', { path: target, code: (e as NodeJS.ErrnoException).code ?? String(e) });
  }
  io.err(`${cliMessage('convert.done', locale, { path: target })}\n`);
}
