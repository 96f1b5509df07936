/**
 * Reading a report file without trusting it: a named path is looked at (stat) before it is opened, so
 * a FIFO, a device or a socket is refused instead of hanging or eating memory; a file over the size
 * limit is refused unread; a symlink loop is told as a loop. Shared by the CLI and the workspace check.
 */
import * as fs from 'node:fs';
import { decodeBytes, type DecodedText } from './decode';

/** The editor's default `govAnnualReport.maxFileSize`, also the CLI's `--max-file-size`. */
export const DEFAULT_MAX_FILE_SIZE = 5_000_000;

/** Why a file could not be read; put into words by the caller (CLI messages, server log). */
export type FileProblemKey = 'noSuchPath' | 'loop' | 'notRegular' | 'tooLarge' | 'cannotRead' | 'cannotReadFolder';

export class FileProblem extends Error {
  constructor(readonly key: FileProblemKey, readonly file: string, readonly detail: string = '') {
    super(`${key}: ${file}${detail ? ` (${detail})` : ''}`);
  }
}

export interface ReadFile extends DecodedText {
  /** The bytes as read: `fix` compares them with the file just before replacing it. */
  bytes: Buffer;
  stat: fs.Stats;
}

/** What kind of thing a path is, named the way messages name it. */
export function kindOf(st: fs.Stats): string {
  if (st.isFIFO()) return 'fifo';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'device';
  if (st.isSocket()) return 'socket';
  if (st.isDirectory()) return 'folder';
  return 'other';
}

/** stat (following links) with the errors a reader can act on turned into FileProblems. */
export function statFollowing(file: string): fs.Stats {
  try {
    return fs.statSync(file);
  } catch (e) {
    throw problemOf(e, file);
  }
}

export function problemOf(e: unknown, file: string): FileProblem {
  const code = (e as NodeJS.ErrnoException).code ?? String(e);
  if (code === 'ELOOP') return new FileProblem('loop', file);
  if (code === 'ENOENT' || code === 'ENOTDIR') return new FileProblem('noSuchPath', file);
  return new FileProblem('cannotRead', file, code);
}

/**
 * Reads and decodes one report. Only regular files are opened (O_NONBLOCK, and checked again on the
 * open descriptor, so a path swapped for a FIFO in between cannot block the read either).
 */
export function readReportFile(file: string, maxSize = DEFAULT_MAX_FILE_SIZE): ReadFile {
  const { bytes, stat } = readRegularFile(file, maxSize);
  return { ...decodeBytes(bytes), bytes, stat };
}

/** The bytes of a regular file, read under the same rules (Word files, web pages and PDFs are read so). */
export function readRegularFile(file: string, maxSize = DEFAULT_MAX_FILE_SIZE): { bytes: Buffer; stat: fs.Stats } {
  const st = statFollowing(file);
  if (!st.isFile()) throw new FileProblem('notRegular', file, kindOf(st));
  if (st.size > maxSize) throw new FileProblem('tooLarge', file, String(maxSize));
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw problemOf(e, file);
  }
  try {
    const opened = fs.fstatSync(fd);
    if (!opened.isFile()) throw new FileProblem('notRegular', file, kindOf(opened));
    if (opened.size > maxSize) throw new FileProblem('tooLarge', file, String(maxSize));
    return { bytes: readAll(fd, opened.size, maxSize, file), stat: opened };
  } finally {
    fs.closeSync(fd);
  }
}

/** Reads to the end, never past `maxSize` (a file may grow while it is read): one buffer, one byte spare to see the end. */
function readAll(fd: number, size: number, maxSize: number, file: string): Buffer {
  let buf = Buffer.allocUnsafe(Math.min(size, maxSize) + 1);
  let total = 0;
  for (;;) {
    if (total === buf.length) {
      if (total > maxSize) throw new FileProblem('tooLarge', file, String(maxSize));
      const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, maxSize + 1));
      buf.copy(bigger, 0, 0, total);
      buf = bigger;
    }
    let n: number;
    try {
      n = fs.readSync(fd, buf, total, buf.length - total, null);
    } catch (e) {
      throw problemOf(e, file);
    }
    if (n === 0) break;
    total += n;
  }
  if (total > maxSize) throw new FileProblem('tooLarge', file, String(maxSize));
  return buf.subarray(0, total);
}
