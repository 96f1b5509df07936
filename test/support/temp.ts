/**
 * Temporary folders for tests, removed when the test process exits (node's test runner runs each
 * test file in a process of its own), so that runs do not pile folders up in the system's tmp.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const made: string[] = [];

export function tempDir(prefix = 'gar-test-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  if (made.length === 0) process.on('exit', removeAll);
  made.push(dir);
  return dir;
}

function removeAll(): void {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
}
