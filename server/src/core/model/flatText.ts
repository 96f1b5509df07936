/**
 * Reports whose whole text arrives on one line (a crawl that flattened the web page): headings, prose
 * and tables run together. The line is cut into virtual lines — at part headings, after their titles,
 * at table captions and before sub-headings — that keep their offsets into the real text, so every
 * reader after this one works as on a typed report and every range still points into the real text.
 * The tables' virtual lines are read by `flatTokens`: labels and runs of digits, no separators.
 */
import { PARTS } from '../template/parts';
import { ACTIVE_ROWS } from '../template/tables';
import { normalizeLabel, type Line } from '../text';
import { partOfTitle } from './headings';
import type { CellToken, TableRegion } from './tableText';

/** A line this long with part headings inside it is a flattened report. */
const LONG_LINE = 300;

const CHINESE = '一二三四五六七八九十';
/** Bounds on what a flattened report holds: numerals like "二、" and part headings among them. */
const MAX_NUMERALS = 2000;
const MAX_PARTS = 30;
/** A part numeral ("二、") somewhere inside a line. */
const PART_NUMERAL = new RegExp(`[${CHINESE.slice(0, 6)}][、.．]`, 'g');
/** What starts a table's text in a flattened page. */
const TABLE_START = /第二十条\s*第\s*[（(][一二三四五六七八九][)）]\s*项|[（(]本[列表]数据的?勾稽关系|申请人情况|行政复议\s*行政诉讼/g;
/** A sub-heading inside prose: "（一）" after a sentence ends. */
const SUB_HEADING = new RegExp(`(?<=^|[。；;：:！？\\s])[（(][${CHINESE}]{1,2}[)）]`, 'g');
/** Words a part's title may run on with before its body starts. */
const TITLE_TAIL = /^(?:及其?(?:改进|整改)(?:情况|措施)|及下一步(?:改进|工作)(?:措施|打算|计划)?|和改进(?:情况|措施)|情况)/;

export interface VirtualLines {
  lines: Line[];
  /** Indices (into `lines`) of the virtual lines that hold a flattened table's text. */
  flatTables: Set<number>;
}

/** Cuts the flattened lines of `lines` into virtual lines; other lines pass through unchanged. */
export function virtualLines(lines: Line[]): VirtualLines | undefined {
  let any = false;
  const out: Line[] = [];
  const flatTables = new Set<number>();
  for (const line of lines) {
    const cuts = line.text.length >= LONG_LINE ? cutsOf(line.text) : undefined;
    if (!cuts) {
      out.push({ ...line, index: out.length });
      continue;
    }
    any = true;
    for (let k = 0; k < cuts.length; k++) {
      const from = cuts[k].at;
      const to = k + 1 < cuts.length ? cuts[k + 1].at : line.text.length;
      if (to <= from) continue;
      if (cuts[k].table) flatTables.add(out.length);
      out.push({ index: out.length, start: line.start + from, end: line.start + to, text: line.text.slice(from, to) });
    }
  }
  return any ? { lines: out, flatTables } : undefined;
}

interface Cut {
  at: number;
  table: boolean;
}

/** Where a flattened line is cut, or undefined when it holds no part heading inside it. */
function cutsOf(text: string): Cut[] | undefined {
  const parts: { at: number; titleEnd: number }[] = [];
  let numerals = 0;
  for (const m of text.matchAll(PART_NUMERAL)) {
    // A report has six parts and a few dozen numbered items: a line with many more is no report.
    if (++numerals > MAX_NUMERALS || parts.length > MAX_PARTS) return undefined;
    const titleStart = m.index + m[0].length;
    const len = partTitleLength(text.slice(titleStart, titleStart + 40));
    if (len) parts.push({ at: m.index, titleEnd: titleStart + len });
  }
  // Two part headings inside the line, or one after other text ("…年度报告 一、总体情况 2019年，…").
  if (parts.length === 0 || (parts.length === 1 && !text.slice(0, parts[0].at).trim())) return undefined;
  const cuts: Cut[] = [{ at: 0, table: false }];
  for (const p of parts) cuts.push({ at: p.at, table: false }, { at: p.titleEnd, table: false });
  const tables: number[] = [];
  for (const m of text.matchAll(TABLE_START)) {
    // "行政复议行政诉讼" opens table 四 only right after its part's heading.
    if (m[0].startsWith('行政复议') && !parts.some((p) => text.slice(p.titleEnd, m.index).trim() === '')) continue;
    tables.push(m.index);
    cuts.push({ at: m.index, table: true });
  }
  cuts.sort((a, b) => a.at - b.at || Number(b.table) - Number(a.table));
  // A table runs to the next part heading: table cuts continue it, other cuts inside it are dropped.
  const kept: Cut[] = [];
  let inTable = false;
  const partStarts = new Set(parts.map((p) => p.at));
  for (const c of cuts) {
    if (c.table) inTable = true;
    else if (partStarts.has(c.at)) inTable = false;
    else if (inTable) continue;
    if (kept.length && kept[kept.length - 1].at === c.at) {
      kept[kept.length - 1].table ||= c.table;
      continue;
    }
    kept.push({ ...c });
  }
  // Sub-headings in the prose between the tables.
  const prose = (at: number) => {
    let last: Cut | undefined;
    for (const c of kept) if (c.at <= at && (!last || c.at >= last.at)) last = c;
    return last !== undefined && !last.table;
  };
  const subHeadings = [...text.matchAll(SUB_HEADING)].filter((m) => prose(m.index));
  for (const m of subHeadings) kept.push({ at: m.index, table: false });
  kept.sort((a, b) => a.at - b.at);
  return kept.filter((c, i) => i === 0 || c.at !== kept[i - 1].at);
}

/** How long the part title at the start of `s` is (its numeral already read), or 0 for none. */
function partTitleLength(s: string): number {
  const lead = s.length - s.trimStart().length;
  for (let n = 2; n <= s.length - lead; n++) {
    const title = s.slice(lead, lead + n);
    // A title holds no numbers or sentence breaks: "结转下年度继续办理1000001 四、…行政复议…" is a row.
    if (/[\d。，；]/.test(title[title.length - 1])) return 0;
    if (/\s$/.test(title)) continue;
    const part = partOfTitle(title, false);
    if (part) {
      // The shortest title that names the part ("主动公开"), unless the official one is written out.
      const official = PARTS.find((p) => p.key === part)!.title;
      if (s.startsWith(official, lead)) return lead + official.length;
      const tail = TITLE_TAIL.exec(s.slice(lead + n));
      return lead + n + (tail ? tail[0].length : 0);
    }
  }
  return 0;
}

/** The row labels table 二 may end a run of header words with ("…现行有效件数规章"). */
const ACTIVE_LABELS = [...new Set([...ACTIVE_ROWS['2019'], ...ACTIVE_ROWS['2021']].map((r) => r.label.zh))].sort((a, b) => b.length - a.length);

/** Where a flattened table's labels start a new cell: row numerals, captions, the row labels of table 二. */
const LABEL_BREAK = new RegExp(`(?=[${CHINESE}]、)|(?<!第\\s*)(?=[（(][${CHINESE}][)）])|(?=第二十条)|(?=\\d[.．、])`, 'g');

/**
 * The cells of a flattened table line: label tokens and digit-run tokens. An item numeral glued to
 * the digits before it ("00000002.其他…") starts the next label; blanks between digits are cell
 * boundaries (each side its own token, split later by the table's arithmetic).
 */
export function flatTokens(line: Line): CellToken[] {
  const tokens: CellToken[] = [];
  const text = line.text;
  const push = (from: number, to: number) => {
    const raw = text.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const t = raw.trim();
    if (!t) return;
    const start = line.start + from + lead;
    tokens.push({ text: t, norm: normalizeLabel(t), span: { start, end: start + t.length }, rowStart: false, line: line.index });
  };
  const pushLabel = (from: number, to: number) => {
    const label = text.slice(from, to);
    const breaks = [0, ...[...label.matchAll(LABEL_BREAK)].map((m) => m.index), label.length];
    for (let k = 0; k + 1 < breaks.length; k++) {
      let a = from + breaks[k];
      const b = from + breaks[k + 1];
      if (b <= a) continue;
      // A row label of table 二 at the end of header words, and "行政复议" before table 四's header.
      const piece = text.slice(a, b).trimEnd();
      const row = ACTIVE_LABELS.includes(piece.trim()) ? undefined : ACTIVE_LABELS.find((l) => piece.endsWith(l) && piece.length > l.length);
      if (row) {
        push(a, a + piece.length - row.length);
        push(a + piece.length - row.length, b);
        continue;
      }
      if (/^\s*行政复议\s*行政诉讼/.test(piece)) {
        const at = a + piece.indexOf('行政复议') + 4;
        push(a, at);
        a = at;
      }
      push(a, b);
    }
  };
  let i = 0;
  let labelFrom = 0;
  while (i < text.length) {
    if (!isDigit(text, i)) {
      i++;
      continue;
    }
    // A run of digits with single decimal points between digits, maybe broken by blanks.
    let j = i;
    while (j < text.length && (isDigit(text, j) || (text[j] === '.' && isDigit(text, j + 1)) || (/\s/.test(text[j]) && /\s*\d/y.test(text.slice(j, j + 4))))) j++;
    // "…00000002.其他": the last digit is the numeral of the next item.
    let end = j;
    if (/^[.．、]\s*[^\d\s]/.test(text.slice(j, j + 3)) && /\d$/.test(text.slice(i, j))) end = j - 1;
    if (end > i && text.slice(i, end).trim()) {
      pushLabel(labelFrom, i);
      for (const m of text.slice(i, end).matchAll(/[\d.]+/g)) push(i + m.index, i + m.index + m[0].length);
      labelFrom = end;
    }
    i = j === i ? i + 1 : j;
  }
  pushLabel(labelFrom, text.length);
  return tokens;
}

function isDigit(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/** The table region of a flattened table's virtual line. */
export function flatRegion(line: Line): TableRegion | undefined {
  const tokens = flatTokens(line);
  if (!tokens.length) return undefined;
  return { shape: 'flat', startLine: line.index, endLine: line.index, span: { start: line.start, end: line.end }, tokens };
}
