/**
 * The rule catalogue: every finding code, once, with its default severity, whether a fix exists,
 * its description and its message in Chinese and English. Messages use `{name}` placeholders
 * filled from the finding's args. The settings schema, the rules page (docs/rules.md) and the
 * CLI's SARIF rules all come from here; a test fails when they drift.
 */
import type { Locale, Severity } from '../types';

export interface RuleDefinition {
  code: string;
  severity: Severity;
  fixable: boolean;
  description: { zh: string; en: string };
  message: { zh: string; en: string };
}

const rule = (
  code: string,
  severity: Severity,
  fixable: boolean,
  description: [string, string],
  message: [string, string],
): RuleDefinition => ({ code, severity, fixable, description: { zh: description[0], en: description[1] }, message: { zh: message[0], en: message[1] } });

export const RULES: readonly RuleDefinition[] = [
  // Structure
  rule('section.missing', 'error', true,
    ['缺少官方格式规定的部分', 'A part the official format requires is missing'],
    ['缺少第{numeral}部分“{title}”', 'Part {numeral} “{title}” is missing']),
  rule('section.order', 'warning', false,
    ['各部分顺序与官方格式不一致', 'Parts are not in the official order'],
    ['“{title}”应在“{before}”之前', '“{title}” should come before “{before}”']),
  rule('section.duplicate', 'warning', false,
    ['同一部分出现多次', 'The same part appears more than once'],
    ['“{title}”重复出现（第一次在第 {firstLine} 行）', '“{title}” appears again (first at line {firstLine})']),
  rule('section.extra', 'warning', false,
    ['官方格式之外的一级标题', 'A top-level heading outside the official six parts'],
    ['“{title}”不是官方格式的六个部分之一', '“{title}” is not one of the six official parts']),
  rule('section.title', 'hint', true,
    ['部分标题与官方措辞不同', 'Part title differs from the official wording'],
    ['官方标题为“{canonical}”', 'The official title is “{canonical}”']),
  rule('heading.numbering', 'warning', true,
    ['标题序号不符合“一、→（一）→1.→（1）”层级或不连续', 'Heading numeral out of the 一、→（一）→1.→（1） scheme or sequence'],
    ['序号应为“{expected}”，实为“{actual}”', 'Numeral should be “{expected}”, found “{actual}”']),
  rule('heading.sequence', 'information', true,
    ['“一是…二是…”序列不连续或重复', '“一是…二是…” enumeration skips or repeats'],
    ['此处应为“{expected}”，实为“{actual}”', 'Expected “{expected}” here, found “{actual}”']),
  // Tables
  rule('table.missing', 'error', true,
    ['部分中缺少统计表', 'A part lacks its statistical table'],
    ['第{numeral}部分缺少表{table}“{caption}”', 'Part {numeral} lacks table {table} “{caption}”']),
  rule('table.unparsed', 'error', false,
    ['统计表无法完整对应到官方模板', 'A table could not be mapped onto the official template'],
    ['表{table}无法解析：{reason}', 'Table {table} could not be mapped: {reason}']),
  rule('template.version', 'error', false,
    ['统计表格式与报告年度不符', 'A table follows the wrong template for the report year'],
    ['{year}年度报告应使用{expected}版格式，表{table}为{actual}版格式', 'A report for {year} needs the {expected} template; table {table} follows {actual}']),
  rule('template.basis', 'hint', false,
    ['引用了已被替代的格式文件', 'Cites a superseded format document'],
    ['{year}年度报告适用国办公开办函〔2021〕30号，〔2019〕60号已被替代', 'Reports for {year} follow 国办公开办函〔2021〕30号; 〔2019〕60号 is superseded']),
  rule('cell.invalid', 'error', true,
    ['单元格不是有效数值', 'A cell does not hold a valid number'],
    ['{label}应为{kind}，实为“{text}”', '{label} should be {kind}, found “{text}”']),
  rule('cell.blank', 'warning', true,
    ['单元格为空（空白不等于 0）', 'A cell is blank (blank is not 0)'],
    ['{label}为空；没有数据请填 0', '{label} is blank; write 0 if there is nothing to count']),
  rule('table.plausibility', 'warning', false,
    ['表二数据不合常理', 'Implausible numbers in table 二'],
    ['{label}：本年制发 {issued} 件多于现行有效 {effective} 件 + 本年废止 {repealed} 件', '{label}: {issued} issued exceeds {effective} in force + {repealed} repealed']),
  rule('table.unit', 'hint', true,
    ['收费金额单位疑似为元而非万元', 'Fee amount looks like yuan, not 10k yuan'],
    ['收费金额 {amount} 万元偏大，是否误以“元”为单位？', 'A fee amount of {amount} (10k yuan) is large: was it written in yuan?']),
  // Arithmetic (勾稽关系)
  rule('sum.rowTotal', 'error', true,
    ['表三“总计”列不等于各类申请人之和', 'Table 三 总计 column is not the sum of the applicant columns'],
    ['总计应为 {expected}（{formula}），实为 {actual}', 'Total should be {expected} ({formula}), found {actual}']),
  rule('sum.columnTotal', 'error', true,
    ['表三“（七）总计”不等于各办理结果之和', 'Table 三 （七）总计 is not the sum of the outcomes'],
    ['（七）总计应为 {expected}（{formula}），实为 {actual}', '(7) Total should be {expected} ({formula}), found {actual}']),
  rule('sum.balance', 'error', true,
    ['表三“一 + 二 = （七）+ 四”不成立', 'Table 三 new + carried ≠ processed + carried over'],
    ['一 + 二 = {lhs}（{lhsFormula}），（七）+ 四 = {rhs}（{rhsFormula}），不相等；四应为 {expected}，实为 {actual}',
      'new + carried = {lhs} ({lhsFormula}) but processed + carried over = {rhs} ({rhsFormula}); carried over should be {expected}, found {actual}']),
  rule('sum.reviewTotal', 'error', true,
    ['表四各组“总计”不等于各结果之和', 'Table 四 group total is not the sum of its outcomes'],
    ['{group}总计应为 {expected}（{formula}），实为 {actual}', '{group} total should be {expected} ({formula}), found {actual}']),
  // Narrative, period, part 六, across years
  rule('narrative.mismatch', 'warning', true,
    ['正文数字与统计表不一致', 'A number in the prose contradicts the tables'],
    ['正文称{subject} {stated} 件，表{table}{where}为 {actual}{alternatives}', 'The text says {subject} {stated}, table {table} {where} has {actual}{alternatives}']),
  rule('narrative.percent', 'information', true,
    ['正文百分比与统计表不符', 'A percentage in the prose does not match the tables'],
    ['正文称{subject}占 {stated}%，按表三为 {count} ÷ {total}（（七）总计）≈ {actual}%', 'The text says {subject} is {stated}%; table 三 gives {count} ÷ {total} ((7) total processed) ≈ {actual}%']),
  rule('period.year', 'warning', true,
    ['标题年度、统计期限与格式版本不一致', 'Title year, statistics period and template disagree'],
    ['{detail}', '{detail}']),
  rule('part6.fee', 'warning', false,
    ['第六部分未说明是否收取信息处理费', 'Part 六 does not say whether information processing fees were charged'],
    ['第六部分没有说明是否收取信息处理费（《政府信息公开信息处理费管理办法》）', 'Part 六 does not say whether information processing fees were charged']),
  rule('part6.item', 'information', false,
    ['第六部分缺少惯常事项', 'Part 六 lacks a customary item'],
    ['第六部分未涉及“{item}”', 'Part 六 does not cover “{item}”']),
  rule('crossYear.carried', 'warning', true,
    ['本年“上年结转”与上年报告“结转下年度”不一致', 'Carried-over requests differ from last year’s report'],
    ['上年结转应为 {expected}（{prevYear}年报告“结转下年度”），实为 {actual}', 'Carried over should be {expected} (carried into next year in the {prevYear} report), found {actual}']),
  rule('crossYear.effective', 'information', false,
    ['现行有效件数与上年报告衔接不上', 'Documents in force do not follow from last year’s report'],
    ['现行有效件数按上年 {prev} + 制发 {issued} − 废止 {repealed} 应为 {expected}，实为 {actual}', 'In force should be {expected} (last year {prev} + issued {issued} − repealed {repealed}), found {actual}']),
  // Reported by the file reader (server/src/files/decode.ts), not by the analysis: the core sees text only.
  rule('encoding.invalid', 'warning', false,
    ['文件中有不是有效 UTF-8 的字节', 'The file holds bytes that are not valid UTF-8'],
    ['此处的字节不是有效的 UTF-8，按 U+FFFD（�）读取', 'A byte here is not valid UTF-8; it was read as U+FFFD (�)']),
];

export const RULES_BY_CODE: ReadonlyMap<string, RuleDefinition> = new Map(RULES.map((r) => [r.code, r]));

/** Where each rule is documented; `codeDescription.href` and SARIF `helpUri` point here. */
export const RULE_DOCS_BASE = 'https://github.com/gov-annual-report/gov-annual-report/blob/main/docs/rules.md';
export function ruleDocsUrl(code: string): string {
  return `${RULE_DOCS_BASE}#${code.replace(/\./g, '').toLowerCase()}`;
}

/** Localized strings the core puts into findings besides rule messages: fix titles, reasons, words. */
export const STRINGS = {
  'fix.setCell': { zh: '将{label}改为 {value}', en: 'Set {label} to {value}' },
  'fix.setCarryover': { zh: '将四（结转下年度）改为 {value}（一 + 二 − （七））', en: 'Set carried over to {value} (new + carried − processed)' },
  'fix.insertPart': { zh: '插入“{heading}”', en: 'Insert “{heading}”' },
  'fix.insertTable': { zh: '插入空白的表{table}', en: 'Insert an empty table {table}' },
  'fix.renumber': { zh: '改为“{expected}”', en: 'Change to “{expected}”' },
  'fix.retitle': { zh: '改为官方标题“{canonical}”', en: 'Use the official title “{canonical}”' },
  'fix.useTableValue': { zh: '改为表{table}的 {value}（{where}）', en: 'Change to {value} from table {table} ({where})' },
  'fix.fillZero': { zh: '填入 0（本项确实没有数据时）', en: 'Fill in 0 (when there really is nothing to count)' },
  'fix.dropUnit': { zh: '改为 {value}（去掉单位“{unit}”）', en: 'Change to {value} (drop the unit “{unit}”)' },
  'fix.setPercent': { zh: '改为 {value}', en: 'Change to {value}' },
  'fix.toWanYuan': { zh: '按万元改为 {value}', en: 'Convert to 10k yuan: {value}' },
  'fix.periodYear': { zh: '统计期限改为 {year} 年', en: 'Set the statistics period to {year}' },
  'detail.period.year': { zh: '统计期限为{from}至{to}，与标题年度 {year} 年不符', en: 'The statistics period {from} to {to} is not the title year {year}' },
  'detail.period.partial': { zh: '统计期限{from}至{to}不是完整的公历年度（应为{year}年1月1日至{year}年12月31日）', en: 'The statistics period {from} to {to} is not a whole calendar year ({year}-01-01 to {year}-12-31)' },
  'detail.period.template': { zh: '{year}年度报告适用{expected}版格式，检查设置指定了{actual}版', en: 'A report for {year} follows the {expected} template, but the settings ask for {actual}' },
  'detail.period.versions': { zh: '（{a}年适用{va}版格式，{b}年适用{vb}版）', en: ' ({a} follows the {va} template, {b} the {vb} one)' },
  'word.related.table': { zh: '表中：{label} = {value}', en: 'in the table: {label} = {value}' },
  'word.related.titleYear': { zh: '标题年度：{year}', en: 'title year: {year}' },
  'word.alternative': { zh: '{label}为 {value}', en: '{label}: {value}' },
  'word.alternatives': { zh: '（{list}）', en: ' ({list})' },
  'reason.noRows': { zh: '没有找到任何可识别的行', en: 'no recognisable row was found' },
  'reason.missingRows': { zh: '缺少行：{rows}', en: 'rows missing: {rows}' },
  'reason.shortRow': { zh: '“{row}”应有 {expected} 个数，只找到 {found} 个', en: '“{row}” needs {expected} numbers, found {found}' },
  'reason.reviewCount': { zh: '应有 15 个数，找到 {found} 个', en: 'expected 15 numbers, found {found}' },
  'reason.runTogether': { zh: '“{text}”像是多个单元格连在一起，无法可靠拆分', en: '“{text}” looks like several cells run together and cannot be split reliably' },
  'reason.alignedRows': {
    zh: '按对齐排版的文本读表：应有 {expected} 行、每行 {width} 个数，找到 {found} 行',
    en: 'read as text aligned by spaces: expected {expected} rows of {width} numbers, found {found}',
  },
  'reason.alignedColumns': {
    zh: '按对齐排版的文本读表：第 {row} 行的 {found} 个数对不上 {width} 列（空格子的位置无法确定）',
    en: 'read as text aligned by spaces: the {found} numbers of row {row} do not line up with the {width} columns (where its blank cells are cannot be told)',
  },
  'reason.alignedActive': {
    zh: '按对齐排版的文本读表：各行应有 {expected} 个数，找到 {found}',
    en: 'read as text aligned by spaces: rows of {expected} values expected, found {found}',
  },
  'reason.unknownRow': { zh: '无法识别的行“{row}”', en: 'unrecognised row “{row}”' },
  'word.integer': { zh: '非负整数', en: 'a non-negative integer' },
  'word.amount': { zh: '数值', en: 'a number' },
  'word.delta': { zh: '带符号的整数（如“增98”“减641”）', en: 'a signed number (e.g. 增98, 减641)' },
  'word.table': { zh: '表', en: 'table ' },
  'word.related.term': { zh: '参与计算的单元格：{label} = {value}', en: 'term: {label} = {value}' },
  'word.related.blank': { zh: '{label} 为空或无效', en: '{label} is blank or invalid' },
  'hover.table': { zh: '{numeral}', en: 'Table {numeral}' },
  'hover.officialLabel': { zh: '官方标签：{label}', en: 'Official label: {label}' },
  'hover.blank': { zh: '_空_', en: '_blank_' },
  'hover.invalid': { zh: '`{text}`（无效）', en: '`{text}` (invalid)' },
  'hover.relations': { zh: '勾稽关系：', en: 'Relations:' },
  'hover.relation.sum.rowTotal': { zh: '本行总计', en: 'row total' },
  'hover.relation.sum.columnTotal': { zh: '（七）总计（本列）', en: '(7) total of this column' },
  'hover.relation.sum.balance': { zh: '一 + 二 = （七） + 四（本列）', en: 'new + carried = processed + carried over (this column)' },
  'hover.relation.sum.reviewTotal': { zh: '{group}总计', en: '{group} total' },
  'complete.part': { zh: '官方格式第{numeral}部分的标题', en: 'Heading of official part {number}' },
  'complete.partWithTable': { zh: '官方格式第{numeral}部分的标题和空白的表{table}', en: 'Heading of official part {number} and an empty table {table}' },
  'hover.narrative': { zh: '**{subject}：{stated} 件**（正文）', en: '**{subject}: {stated}** (stated in the text)' },
  'hover.narrative.reading': { zh: '表{table}{where} = {value}', en: 'table {table} {where} = {value}' },
  'hover.uncheckable': { zh: '有空白或无效单元格，无法核对', en: 'cannot be checked (blank or invalid cells)' },
  'hover.tableHas': { zh: '表中为 {value}', en: 'table has {value}' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type StringKey = keyof typeof STRINGS;

/** Placeholder values; a list is joined the way the language lists things ("auto、2019" / "auto, 2019"). */
export type MessageArgs = Record<string, string | number | undefined | readonly string[]>;

/** Fills `{name}` placeholders. */
export function format(template: string, args: MessageArgs, listSeparator = ', '): string {
  const pieces = piecesOf(template);
  let out = pieces[0];
  for (let i = 1; i < pieces.length; i += 2) {
    const value = args[pieces[i]];
    out += (value === undefined ? `{${pieces[i]}}` : typeof value === 'object' ? value.join(listSeparator) : String(value)) + pieces[i + 1];
  }
  return out;
}

/**
 * A message template split at its `{name}` placeholders: literal, name, literal, …, literal. Made once
 * per template (there are a few dozen): findings are formatted on every keystroke.
 */
function piecesOf(template: string): string[] {
  let pieces = PIECES.get(template);
  if (!pieces) {
    if (PIECES.size >= 512) PIECES.clear(); // only constant templates come here; bounded all the same
    PIECES.set(template, (pieces = template.split(/\{(\w+)\}/)));
  }
  return pieces;
}
const PIECES = new Map<string, string[]>();

/** A text given in both languages, in `locale` (Chinese unless English is asked for). */
export function inLocale(text: { zh: string; en: string }, locale: Locale): string {
  return locale === 'en' ? text.en : text.zh;
}

/** Clauses joined into one sentence: "…；…" / "…; …". */
export function joinClauses(clauses: readonly string[], locale: Locale): string {
  return clauses.join(locale === 'en' ? '; ' : '；');
}

/** A Chinese/English message template in `locale`, its placeholders filled (every message table uses this). */
export function formatIn(locale: Locale, text: { zh: string; en: string }, args: MessageArgs = {}): string {
  return locale === 'en' ? format(text.en, args) : format(text.zh, args, '、');
}

export function localize(key: StringKey, locale: Locale, args: MessageArgs = {}): string {
  return formatIn(locale, STRINGS[key], args);
}

export function ruleMessage(code: string, locale: Locale, args: Record<string, string | number | undefined>): string {
  const r = RULES_BY_CODE.get(code);
  return r ? formatIn(locale, r.message, args) : code;
}
