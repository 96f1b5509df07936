/**
 * Finding the report files of a command line. Symbolic links are followed, to files and to folders,
 * on the command line and inside folders; a link that leads back into a folder being walked is a loop
 * and is reported as one. Reading, decoding and writing are in server/src/files/ (shared with the server).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { hasReportExtension, isWalkedFolder } from '../config/reportFiles';
import { FileProblem, problemOf } from '../files/read';

/**
 * Expands folders (recursively, .txt and .md) and checks that named paths exist. Errors are collected,
 * not thrown. `walked` holds the files found in folders, as opposed to named: only those are dropped
 * when their text is not a report (reportFiles.ts). Named paths that are not folders are kept whatever
 * they are: reading them refuses FIFOs, devices and the like with a message.
 */
export function collectFiles(paths: string[]): { files: string[]; walked: ReadonlySet<string>; errors: FileProblem[] } {
  const files: string[] = [];
  const walked = new Set<string>();
  const named: string[] = [];
  const errors: FileProblem[] = [];
  /** dev:ino of the folders on the way down: meeting one again is a loop. */
  const ancestors = new Set<string>();
  const walk = (dir: string, st: fs.Stats) => {
    const id = `${st.dev}:${st.ino}`;
    if (ancestors.has(id)) {
      errors.push(new FileProblem('loop', dir));
      return;
    }
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      errors.push(new FileProblem('cannotReadFolder', dir, (e as NodeJS.ErrnoException).code ?? String(e)));
      return;
    }
    ancestors.add(id);
    // Code-unit order: the same on every machine, and localeCompare's first call loads ICU's collation
    // data (14 ms here, 3 % of a 300-file run).
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (isWalkedFolder(e.name)) walk(p, fs.statSync(p));
      } else if (e.isFile()) {
        if (hasReportExtension(e.name)) {
          files.push(p);
          walked.add(p);
        }
      } else if (e.isSymbolicLink()) {
        let target: fs.Stats;
        try {
          target = fs.statSync(p);
        } catch (err) {
          // A dangling link is not worth a message unless it looks like a report; a loop always is.
          const problem = problemOf(err, p);
          if (problem.key === 'loop' || hasReportExtension(e.name)) errors.push(problem);
          continue;
        }
        if (target.isDirectory()) {
          if (isWalkedFolder(e.name)) walk(p, target);
        } else if (target.isFile() && hasReportExtension(e.name)) {
          files.push(p);
          walked.add(p);
        }
      }
      // FIFOs, devices and sockets found in a folder are not reports: passed over without opening them.
    }
    ancestors.delete(id);
  };
  for (const p of paths) {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch (e) {
      errors.push(problemOf(e, p));
      continue;
    }
    if (st.isDirectory()) walk(p, st);
    else {
      files.push(p);
      named.push(p);
    }
  }
  for (const p of named) walked.delete(p); // named as well as found in a folder: checked as named
  return { files, walked, errors };
}
