/**
 * Finding the report files of a command line. Symbolic links are followed, to files and to folders,
 * on the command line and inside folders; a link that leads back into a folder being walked is a loop
 * and is reported as one. Reading, decoding and writing are in server/src/files/ (shared with the server).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { hasReportExtension, isWalkedFolder } from '../config/reportFiles';
import { FileProblem, problemOf } from '../files/read';
import { inputFormatOf } from '../formats/types';

/** A file to check (`walked`: found in a folder, as opposed to named), or a problem met on the way. */
export type FoundFile = { file: string; walked: boolean; problem?: undefined } | { problem: FileProblem; file?: undefined };

/**
 * The files of a command line, in order, found as they are needed: a folder of 100,000 reports is
 * never held as a list. Named paths are looked at first (`namedProblems`: those that do not exist);
 * folders are expanded recursively (.txt and .md, and the Word, web-page and PDF files convert.ts
 * reads) when reached. Only walked files are dropped when
 * their text is not a report (reportFiles.ts). Named paths that are not folders are kept whatever they
 * are: reading them refuses FIFOs, devices and the like with a message.
 */
export function findFiles(paths: string[]): { namedProblems: FileProblem[]; found: () => Generator<FoundFile> } {
  const namedProblems: FileProblem[] = [];
  const roots: { path: string; st: fs.Stats }[] = [];
  for (const p of paths) {
    try {
      roots.push({ path: p, st: fs.statSync(p) });
    } catch (e) {
      namedProblems.push(problemOf(e, p));
    }
  }
  // Named as well as found in a folder: checked as named, there too.
  const named = new Set(roots.filter((r) => !r.st.isDirectory()).map((r) => r.path));
  function* found(): Generator<FoundFile> {
    for (const r of roots) {
      if (r.st.isDirectory()) yield* walk(r.path, r.st, new Set(), named);
      else yield { file: r.path, walked: false };
    }
  }
  return { namedProblems, found };
}

/** `ancestors`: dev:ino of the folders on the way down; meeting one again is a loop. */
function* walk(dir: string, st: fs.Stats, ancestors: Set<string>, named: ReadonlySet<string>): Generator<FoundFile> {
  const id = `${st.dev}:${st.ino}`;
  if (ancestors.has(id)) {
    yield { problem: new FileProblem('loop', dir) };
    return;
  }
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    yield { problem: new FileProblem('cannotReadFolder', dir, (e as NodeJS.ErrnoException).code ?? String(e)) };
    return;
  }
  ancestors.add(id);
  // Code-unit order: the same on every machine, and localeCompare's first call loads ICU's collation
  // data (14 ms here, 3 % of a 300-file run).
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const p = path.join(dir, e.name);
    let target: fs.Stats | undefined;
    if (e.isSymbolicLink()) {
      try {
        target = fs.statSync(p);
      } catch (err) {
        // A dangling link is not worth a message unless it looks like a report; a loop always is.
        const problem = problemOf(err, p);
        if (problem.key === 'loop' || hasReportExtension(e.name)) yield { problem };
        continue;
      }
    }
    if (target ? target.isDirectory() : e.isDirectory()) {
      if (isWalkedFolder(e.name)) yield* walk(p, target ?? fs.statSync(p), ancestors, named);
    } else if ((target ? target.isFile() : e.isFile()) && (hasReportExtension(e.name) || isConvertibleName(e.name))) {
      yield { file: p, walked: !named.has(p) };
    }
    // FIFOs, devices and sockets found in a folder are not reports: passed over without opening them.
  }
  ancestors.delete(id);
}

/** Word files, web pages and PDFs (not .doc/.wps, which are refused when named): convert.ts reads them. */
function isConvertibleName(name: string): boolean {
  const format = inputFormatOf(name);
  return format !== undefined && format !== 'legacy';
}
