/**
 * Whether a text is an annual report: the test behind the client's auto-detection and behind which
 * files a folder check takes (config/reportFiles.ts). It must say yes to a fresh draft that has only
 * its title, and no to a README or a note that merely talks about reports.
 */
import { indexLines } from '../text';
import { findHeadings } from './headings';
import { REPORT_NAME, findTitle } from './meta';

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
  const head = text.length > DETECTION_WINDOW ? text.slice(0, DETECTION_WINDOW) : text;
  const { lines } = indexLines(head);
  if (findTitle(head, lines).title) return true;
  const parts = findHeadings(lines, () => false).filter((h) => h.part !== undefined);
  return parts.some((h) => h.part === 'requests') || (parts.some((h) => h.level === 1) && REPORT_NAME.test(head.slice(0, NAME_WINDOW)));
}
