/**
 * Whether a text is an annual report: the test behind the client's auto-detection and behind which
 * files a folder check takes (server/src/config/reportFiles.ts). It must say yes to a fresh draft that
 * has only its title, and no to a README or a note that merely talks about reports.
 *
 * In shared/ because the VS Code client runs it: it reads text with the pure core's own heading and
 * title readers, so the client and the server agree on what a report is, and it has no side effects.
 */
import { indexLines } from '../server/src/core/text';
import { readHeading } from '../server/src/core/model/headings';
import { REPORT_NAME, findTitle } from '../server/src/core/model/meta';

/** Only the start of a text is looked at: a report's title and first parts are enough. */
export const DETECTION_WINDOW = 20000;
/** Seed 004 has no title line; its first sentence names the report. */
const NAME_WINDOW = 3000;

/**
 * A report is recognised by any of:
 * - its title line near the top ("…2022年政府信息公开工作年度报告", the rule that finds the report year);
 * - the heading of part 三 / the table 三 caption, 收到和处理政府信息公开申请情况, on a line of its own;
 * - the report named in its opening AND a heading of one of the official parts ("一、总体情况").
 * Prose that names the report or the caption mid-sentence does not count.
 */
export function looksLikeReport(text: string): boolean {
  if (titleNearTheTop(text)) return true;
  const head = text.length > DETECTION_WINDOW ? text.slice(0, DETECTION_WINDOW) : text;
  const { lines } = indexLines(head);
  if (findTitle(head, lines).title) return true;
  // The first heading that settles it ends the search (the CLI asks this of every file in a folder).
  const named = REPORT_NAME.test(head.slice(0, NAME_WINDOW));
  for (const line of lines) {
    const h = line.text.length > 0 ? readHeading(line) : undefined;
    if (h?.part === 'requests' || (named && h?.part !== undefined && h.level === 1)) return true;
  }
  return false;
}

/** Most reports open with their title: looked for in a short prefix before the whole window is split. */
const TITLE_WINDOW = 2000;

/**
 * The title in the first TITLE_WINDOW characters, on a line that ends inside them: the whole window
 * then has the same lines before it and gives the same answer (findTitle reads lines in order).
 */
function titleNearTheTop(text: string): boolean {
  const prefix = text.length > TITLE_WINDOW ? text.slice(0, TITLE_WINDOW) : text;
  const { title } = findTitle(prefix, indexLines(prefix).lines);
  return title !== undefined && (prefix.length === text.length || title.span.end < prefix.length);
}
