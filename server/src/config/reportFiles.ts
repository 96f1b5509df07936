/**
 * Which files a folder walk treats as candidate reports: the same for the CLI (`check FOLDER`) and the
 * server's "check workspace", so both look at the same files.
 */
import * as path from 'node:path';

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
