/**
 * Which files a folder walk checks: the same for the CLI (`check FOLDER`) and the server's "check
 * workspace", so both look at the same files. A walk finds candidates by folder and extension, then
 * reads each and keeps those that are reports by name or by text. A file named on the command line is
 * checked whatever it looks like (unless it is binary).
 */
import * as path from 'node:path';
import { looksLikeReport } from '../../../shared/detect';
import { looksBinary } from '../core';

/** Build output, dependencies and VCS data never hold reports worth checking. */
const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test']);
const REPORT_EXTENSIONS: ReadonlySet<string> = new Set(['.txt', '.md']);

/** Whether a folder walk descends into a folder of this name. */
export function isWalkedFolder(name: string): boolean {
  return !SKIPPED_FOLDERS.has(name);
}

/** Whether a file of this name may hold a report (.txt or .md, any case). */
export function hasReportExtension(name: string): boolean {
  return REPORT_EXTENSIONS.has(path.extname(name).toLowerCase());
}

/** Files the user marked as reports by name (`*.年报.txt`, `*.年报.md`): checked whatever their text. */
const REPORT_NAME = /\.年报\.(?:txt|md)$/i;

/** Why a candidate file is not checked: binary data, or text that does not look like a report. */
export type NotAReport = 'binary' | 'notReport' | 'tooLarge';

/**
 * Why a file a folder walk found is not checked, or undefined when it is to be checked: its name
 * marks it as a report, or its text looks like one (shared/detect.ts).
 */
export function notAReport(file: string, text: string): NotAReport | undefined {
  if (looksBinary(text)) return 'binary';
  return REPORT_NAME.test(path.basename(file)) || looksLikeReport(text) ? undefined : 'notReport';
}
