/**
 * Writing a fixed report back so that everything but the cells is kept: the encoding, BOM and line
 * endings (the text is encoded as it was decoded, and refused if that would not give the same bytes
 * back), a symlink (the target is written, the link stays), hard links, mode, owner and group. A
 * read-only file is refused, and so is a file that changed after it was read.
 *
 * The new text goes to a temporary file created exclusively (O_EXCL) next to the file, then renamed
 * over it: a crash never leaves half a report. Its name carries the pid, so a later run can remove the
 * leftovers of runs that died (removeStaleTempFiles). A file with several hard links, or whose owner
 * this process cannot give to a new file, is rewritten in place instead, which keeps its identity.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type TextEncoding } from './decode';
import { encodeText } from './encode';
import { problemOf, type ReadFile } from './read';

/** Why `fix` does not write a file; put into words by the CLI. */
export type FixRefusalKey = 'readOnly' | 'notRoundTrip' | 'changed' | 'cannotWrite';

export class FixRefusal extends Error {
  constructor(readonly key: FixRefusalKey, readonly file: string, readonly detail: string = '') {
    super(`${key}: ${file}${detail ? ` (${detail})` : ''}`);
  }
}

/** What a fix would write, or why it would not: the same answer for `fix`, `--stdout` and `--dry-run`. */
export function planWrite(file: string, read: ReadFile, fixedText: string): Buffer {
  if ((read.stat.mode & 0o222) === 0) throw new FixRefusal('readOnly', file);
  try {
    fs.accessSync(file, fs.constants.W_OK);
  } catch {
    throw new FixRefusal('readOnly', file);
  }
  // Decoding lost something (invalid bytes, an unpaired surrogate): writing would change more than
  // the cells, so the file is left alone.
  if (!encodeText(read.text, read.encoding).equals(read.bytes)) throw new FixRefusal('notRoundTrip', file, encodingName(read.encoding));
  return encodeText(fixedText, read.encoding);
}

export function encodingName(e: TextEncoding): string {
  return { 'utf-8': 'UTF-8', 'utf-8-bom': 'UTF-8 (BOM)', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE', gb18030: 'GB18030' }[e];
}

const TEMP_SUFFIX = '.gar.tmp';
/** `.NAME.PID-RANDOM.gar.tmp`: the file it was for, and the process that made it. */
const TEMP_NAME = /^\.(.+)\.(\d+)-[0-9a-z]+\.gar\.tmp$/;

function tempNameFor(target: string): string {
  const random = Math.random().toString(36).slice(2, 8) || '0';
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${random}${TEMP_SUFFIX}`);
}

/**
 * Replaces `file` (through symlinks) with `data`, unless its bytes are no longer `read.bytes`.
 * Throws FixRefusal.
 */
export function writeFixed(file: string, read: ReadFile, data: Buffer): void {
  let target: string;
  try {
    target = fs.realpathSync(file); // a symlink: write its target, keep the link
  } catch (e) {
    throw new FixRefusal('cannotWrite', file, problemOf(e, file).key);
  }
  const st = fs.statSync(target);
  const sameOwnerPossible = typeof process.getuid !== 'function' || process.getuid() === 0 || (process.getuid() === st.uid && process.getgid?.() === st.gid);
  if (st.nlink > 1 || !sameOwnerPossible) {
    rewriteInPlace(file, target, read, data);
    return;
  }
  const tmp = tempNameFor(target);
  let fd: number | undefined;
  let created = false;
  try {
    fd = fs.openSync(tmp, 'wx', 0o600);
    created = true;
    fs.writeSync(fd, data);
    if (typeof process.getuid === 'function') fs.fchownSync(fd, st.uid, st.gid);
    fs.fchmodSync(fd, st.mode & 0o7777); // after chown, which clears the set-id bits
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    ensureUnchanged(file, target, read);
    fs.renameSync(tmp, target);
  } catch (e) {
    if (fd !== undefined) fs.closeSync(fd);
    try {
      if (created) fs.unlinkSync(tmp); // never a file we did not create
    } catch {
      /* already renamed */
    }
    if (e instanceof FixRefusal) throw e;
    throw new FixRefusal('cannotWrite', file, (e as NodeJS.ErrnoException).code ?? String(e));
  }
}

/** Hard links and foreign owners: the same inode gets the new bytes (written once, then truncated). */
function rewriteInPlace(file: string, target: string, read: ReadFile, data: Buffer): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(target, 'r+');
    ensureUnchanged(file, target, read);
    fs.writeSync(fd, data, 0, data.length, 0);
    fs.ftruncateSync(fd, data.length);
    fs.fsyncSync(fd);
  } catch (e) {
    if (e instanceof FixRefusal) throw e;
    throw new FixRefusal('cannotWrite', file, (e as NodeJS.ErrnoException).code ?? String(e));
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** The file still holds the bytes that were read (an editor did not save over it meanwhile). */
function ensureUnchanged(file: string, target: string, read: ReadFile): void {
  let now: Buffer;
  try {
    now = fs.readFileSync(target);
  } catch {
    throw new FixRefusal('changed', file);
  }
  if (!now.equals(read.bytes)) throw new FixRefusal('changed', file);
}

/** Leftovers older than this are removed even when their pid is alive (pids are reused). */
const STALE_AFTER_MS = 60 * 60 * 1000;

/**
 * Removes the temporary files of `fix` runs that died (kill -9, power loss) from `dir`: those whose
 * process is gone, or that are over an hour old. Only regular files with our name pattern are touched.
 * Returns the names removed.
 */
export function removeStaleTempFiles(dir: string, now = Date.now()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m) continue;
    const full = path.join(dir, name);
    try {
      const st = fs.lstatSync(full);
      if (!st.isFile()) continue;
      const pid = Number(m[2]);
      if (pid !== process.pid && processAlive(pid) && now - st.mtimeMs < STALE_AFTER_MS) continue;
      if (pid === process.pid && now - st.mtimeMs < STALE_AFTER_MS) continue;
      fs.unlinkSync(full);
      removed.push(name);
    } catch {
      /* gone meanwhile, or not ours to remove */
    }
  }
  return removed;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
