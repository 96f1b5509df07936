/**
 * Finding the report files of a command line: named paths, and the folders among them walked as the
 * server's workspace check walks its folders (files/walk.ts). Symbolic links are followed on the
 * command line too. Reading, decoding and writing are in server/src/files/ (shared with the server).
 */
import * as fs from 'node:fs';
import { hasReportExtension } from '../config/reportFiles';
import { FileProblem, problemOf } from '../files/read';
import { walkFolder } from '../files/walk';
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
      if (!r.st.isDirectory()) yield { file: r.path, walked: false };
      else {
        for (const f of walkFolder(r.path, isCheckedName, r.st)) yield f.problem ? f : { file: f.file, walked: !named.has(f.file) };
      }
    }
  }
  return { namedProblems, found };
}

/** .txt and .md, and Word files, web pages and PDFs (not .doc/.wps, refused when named): convert.ts reads them. */
function isCheckedName(name: string): boolean {
  const format = inputFormatOf(name);
  return hasReportExtension(name) || (format !== undefined && format !== 'legacy');
}
