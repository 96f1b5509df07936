/**
 * Where `check --format html|xlsx` goes: to the file given with `-o`/`--output`, else to standard output
 * (for xlsx only when it is not a terminal: a workbook's bytes on a screen help nobody).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locale } from '../core';
import { formatHtml } from './formatHtml';
import { formatXlsx } from './formatXlsx';
import type { CheckRun } from './formatters';
import { cliMessage } from './messages';

export interface ReportIo {
  out: (s: string) => void;
  err: (s: string) => void;
  cwd: string;
  /** Raw bytes to standard output (the xlsx format). */
  outBytes?: (b: Uint8Array) => void;
  /** Whether standard output is a terminal. */
  stdoutIsTTY?: boolean;
}

export const REPORT_FORMATS: readonly string[] = ['html', 'xlsx'];

/** Writes the report; resolves false after an I/O error (told on stderr), which makes the exit code 2. */
export async function writeReport(run: CheckRun, format: 'html' | 'xlsx', locale: Locale, output: string | undefined, io: ReportIo): Promise<boolean> {
  if (format === 'xlsx' && output === undefined && (io.stdoutIsTTY || !io.outBytes)) {
    io.err(`gov-annual-report: ${cliMessage('usage.xlsxNeedsOutput', locale)}\n`);
    return false;
  }
  const data = format === 'html' ? formatHtml(run, locale) : await formatXlsx(run, locale);
  if (output === undefined) {
    if (typeof data === 'string') io.out(data);
    else io.outBytes!(data);
    return true;
  }
  const file = path.resolve(io.cwd, output);
  try {
    fs.writeFileSync(file, data);
    return true;
  } catch (e) {
    io.err(`gov-annual-report: ${cliMessage('io.cannotWrite', locale, { path: output, code: (e as NodeJS.ErrnoException)?.code ?? String(e) })}\n`);
    return false;
  }
}
