/** Report year, title, agency and statistics period (docs/format.md, “Which template a report follows”, “The prose against the tables”). */
import type { Line } from '../text';
import type { ReportYear, Span, StatisticsPeriod } from '../types';
import { withoutHeadingMarkup } from './markup';

const TITLE = /(\d{4})\s*年度?\s*(?:本机关|本单位)?\s*(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:年度)?(?:报告|年报)/;
/** A title with the agency after the year: "2022年上海市政府信息公开工作年度报告", "2023 年洪泽区人民政府…". */
const TITLE_AGENCY_AFTER = /(\d{4})\s*年度?\s*[\u4e00-\u9fa5（）()]{2,24}?(?:政府信息公开|政务公开)(?:工作)?(?:年度)?(?:报告|年报)/;
/** How many non-empty lines the title is looked for in (web pages put a menu and a path before it). */
const TITLE_LINES = 12;
/** The report named with its year in a sentence: "现公布区统计局2023年政府信息公开工作年度报告". */
const REPORT_IN_SENTENCE = /(\d{4})\s*年度?[^。\n\d]{0,20}?(?:政府信息公开|政务公开)(?:工作)?(?:年度)?报告/;
/** A statistics period written without its second year: "自2023年1月1日起至12月31日止". */
const SHORT_PERIOD = /自\s*(\d{4})\s*年\s*1\s*月\s*1\s*日\s*起?\s*(?:至|到)\s*12\s*月\s*31\s*日/;
/** The report named anywhere, with or without a year ("本政府信息公开工作年度报告按照…", seed 004). */
export const REPORT_NAME = /政府信息公开(?:工作)?(?:年度)?报告|政务公开(?:工作)?年度报告/;
const AGENCY = /[\u4e00-\u9fa5]{2,20}?(?:人民政府办公室|人民政府办公厅|人民政府|政府办公室|办公厅|委员会|管理局|管理委员会|局|厅|委|办公室|中心|街道办事处|人民法院|人民检察院)/;
const NOISE_LINE = /^\s*\[(?:bookmark|image)[^\]]*\]\s*$/i;

/**
 * A statistics-period sentence: "统计期限自2022年1月1日起至2022年12月31日止"; groups 1–3 the first
 * date, 4–6 the second.
 */
const STATISTICS_PERIOD = String.raw`统计(?:期限|期间|时限|时间)[^。\n\d]{0,8}?(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:起)?\s*[,，]?\s*(?:至|到|—|－|-|~|～)\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日`;

/** Every statistics-period sentence in the text, in order, with the indices of its groups. */
export function statisticsPeriodMatches(text: string): RegExpExecArray[] {
  return [...text.matchAll(new RegExp(STATISTICS_PERIOD, 'gd'))];
}

export interface ReportMeta {
  title?: { text: string; span: Span };
  year?: ReportYear;
  agency?: string;
  period?: StatisticsPeriod;
}

/** The title, with its year and the agency before it: among the first few non-empty lines, sometimes split after the agency name. */
export function findTitle(text: string, lines: Line[]): Pick<ReportMeta, 'title' | 'year' | 'agency'> {
  const meta: ReportMeta = {};
  let seen = 0;
  for (let i = 0; i < lines.length && seen < TITLE_LINES; i++) {
    const line = lines[i];
    if (!line.text.trim() || NOISE_LINE.test(line.text)) continue;
    seen++;
    if (line.text.length > 80) continue;
    const m = TITLE.exec(line.text) ?? TITLE_AGENCY_AFTER.exec(line.text);
    if (!m) continue;
    const yearStart = line.start + m.index;
    let titleStart = line.start;
    let agency = withoutHeadingMarkup(line.text.slice(0, m.index));
    if (!agency && i > 0) {
      const prev = previousNonEmpty(lines, i);
      if (prev && prev.text.trim().length <= 30 && AGENCY.test(prev.text)) {
        agency = withoutHeadingMarkup(prev.text);
        titleStart = prev.start;
      }
    }
    meta.title = { text: withoutHeadingMarkup(text.slice(titleStart, line.end)), span: { start: titleStart, end: line.end } };
    meta.year = { value: Number(m[1]), span: { start: yearStart, end: yearStart + 4 }, source: 'title' };
    if (agency) meta.agency = agency.replace(/\s+/g, '');
    break;
  }
  return meta;
}

export function readMeta(text: string, lines: Line[]): ReportMeta {
  const meta: ReportMeta = findTitle(text, lines);
  const p = new RegExp(STATISTICS_PERIOD).exec(text);
  if (p) {
    const n = p.slice(1).map(Number);
    meta.period = {
      from: { year: n[0], month: n[1], day: n[2] },
      to: { year: n[3], month: n[4], day: n[5] },
      span: { start: p.index, end: p.index + p[0].length },
    };
    if (!meta.year) {
      const yearAt = p.index + p[0].indexOf(p[1]);
      meta.year = { value: n[0], span: { start: yearAt, end: yearAt + 4 }, source: 'period' };
    }
  }
  if (!meta.year) {
    // No title and no full period: the report named in a sentence, or a period without its second year.
    const head = text.slice(0, 3000);
    const named = REPORT_IN_SENTENCE.exec(head);
    const short = named ? undefined : SHORT_PERIOD.exec(text);
    const m = named ?? short;
    if (m) {
      const yearAt = m.index + m[0].indexOf(m[1]);
      meta.year = { value: Number(m[1]), span: { start: yearAt, end: yearAt + 4 }, source: named ? 'title' : 'period' };
    }
  }
  if (!meta.agency) {
    const head = text.slice(0, 3000);
    const a = AGENCY.exec(head.replace(/本机关|本单位/g, '，'));
    if (a) meta.agency = a[0];
  }
  return meta;
}

function previousNonEmpty(lines: Line[], i: number): Line | undefined {
  for (let j = i - 1; j >= 0; j--) if (lines[j].text.trim() && !NOISE_LINE.test(lines[j].text)) return lines[j];
  return undefined;
}
