/**
 * Headings in 公文 style: 一、 → （一） → 1. → （1）. Width variants ("(一)", "1．") count as the same
 * style (docs/format.md, “The six parts”); lines inside tables are never headings (table 三's "一、本年新收…" rows).
 */
import { PARTS } from '../template/parts';
import { HEADING_NUMERALS } from '../template/numerals';
import { REQUEST_ROW_LABEL } from '../template/tables';
import { isSpace, normalizeLabel, type Line } from '../text';
import type { Heading, PartKey } from '../types';
import { headingMarkupAt, withoutClosingMarkup, type Markup } from './markup';

/** Which official part a heading title names, if any; `exact` titles only for non-level-1 numerals. */
export function partOfTitle(title: string, exactOnly: boolean): PartKey | undefined {
  const norm = withoutFinalColon(normalizeLabel(title));
  const exact = CANONICAL_TITLES.get(norm);
  if (exact) return exact;
  if (exactOnly || norm.length > 40) return undefined;
  return PARTS.find((p) => p.matches.test(norm))?.key;
}

/** The text without one final ":", "：" or "。". */
function withoutFinalColon(s: string): string {
  return s.replace(/[:：。]$/, '');
}

const CANONICAL_TITLES = new Map(PARTS.map((p) => [normalizeLabel(p.title), p.key]));

/** The headings outside tables; `isTableLine` is asked about every line, in increasing order. */
export function findHeadings(lines: Line[], isTableLine: (line: number) => boolean): Heading[] {
  const headings: Heading[] = [];
  for (const line of lines) {
    if (isTableLine(line.index) || line.text.length === 0) continue;
    const h = readHeading(line);
    if (h) headings.push(h);
  }
  subHeadingsOfParts(headings);
  resolveOutlineLevels(headings);
  return headings;
}

/**
 * "（一）主动公开政府信息情况" under 一、总体情况 repeats a part's name as a sub-heading: in part 一 (numbered
 * "一、"), a "（一）" heading that starts or continues its sequence of sub-headings is never a part.
 */
function subHeadingsOfParts(headings: Heading[]): void {
  let inOverview = false;
  let lastL2 = 0;
  for (const h of headings) {
    if (h.level === 1) {
      inOverview = h.part === 'overview' && h.ordinal > 0;
      lastL2 = 0;
    } else if (h.level === 2 && inOverview) {
      if (h.part && h.ordinal === lastL2 + 1) {
        h.part = undefined;
        h.outlineLevel = 2;
      }
      if (!h.part) lastL2 = h.ordinal;
    }
  }
}

/** The heading a line holds, if any (outline levels are resolved over all headings by findHeadings). */
export function readHeading(line: Line): Heading | undefined {
  let p = 0;
  while (p < line.text.length && isSpace(line.text.charCodeAt(p))) p++;
  // Word-export noise before a heading: "[bookmark: _GoBack]（二）…" (seed 003).
  const noise = /^\[(?:bookmark|image)[^\]]*\]\s*/i.exec(line.text.slice(p));
  if (noise) p += noise[0].length;
  // Markdown drafts: "## 一、总体情况", "**一、总体情况**" (Word documents converted with pandoc).
  const markup = headingMarkupAt(line.text, p);
  p = markup.end;
  const close: Markup = markup.close;
  const rest = line.text.slice(p);
  for (const pat of HEADING_NUMERALS) {
    const m = pat.re.exec(rest);
    if (!m) continue;
    const ordinal = pat.value(m);
    if (!Number.isFinite(ordinal) || ordinal <= 0) return undefined;
    const titleStart = p + m[0].length;
    const sentenceEnd = line.text.indexOf('。', titleStart);
    const titleEnd = sentenceEnd >= 0 ? sentenceEnd : line.text.length;
    const title = close ? withoutClosingMarkup(line.text.slice(titleStart, titleEnd), close) : line.text.slice(titleStart, titleEnd).trim();
    if (!title || REQUEST_ROW_LABEL.test(normalizeLabel(title))) return undefined;
    // A level-1 numeral opening a long sentence is prose ("一、…。" lists), not a part heading.
    if (pat.level === 1 && title.length > 40) return undefined;
    const numeralText = m[0].trimEnd();
    const part = partOfTitle(title, pat.level !== 1);
    return {
      level: pat.level,
      outlineLevel: part ? 1 : pat.level,
      ordinal,
      numeral: numeralText,
      numeralSpan: { start: line.start + p, end: line.start + p + numeralText.length },
      title,
      titleSpan: { start: line.start + titleStart, end: line.start + titleStart + title.length },
      lineSpan: { start: line.start, end: line.end },
      line: line.index,
      part,
    };
  }
  // A bare official title on its own line ("总体情况") is a part heading without its numeral.
  const bare = close ? withoutClosingMarkup(rest, close) : rest;
  const part = bare.length <= 30 ? partOfTitle(bare, true) : undefined;
  if (part) {
    const title = bare.trim();
    return {
      level: 1, outlineLevel: 1, ordinal: 0, numeral: '',
      numeralSpan: { start: line.start + p, end: line.start + p },
      title, titleSpan: { start: line.start + p, end: line.start + p + title.length },
      lineSpan: { start: line.start, end: line.end }, line: line.index, part,
    };
  }
  return undefined;
}

/**
 * A "（4）" inside a （一）（二）（三）…（五） run is a misnumbered level-2 heading, not a level-4 one
 * (seeds 000, 003): it continues the level-2 sequence and no level-3 heading opened a sub-list.
 */
function resolveOutlineLevels(headings: Heading[]): void {
  let lastL2 = 0;
  let sinceL2HasL3 = false;
  for (const h of headings) {
    if (h.outlineLevel === 1) {
      lastL2 = 0;
      sinceL2HasL3 = false;
      continue;
    }
    if (h.level === 4 && !sinceL2HasL3 && lastL2 > 0 && h.ordinal === lastL2 + 1) h.outlineLevel = 2;
    if (h.outlineLevel === 2) {
      lastL2 = h.ordinal;
      sinceL2HasL3 = false;
    } else if (h.outlineLevel === 3) sinceL2HasL3 = true;
  }
}
