/**
 * The localized strings the core puts into findings besides rule messages (fix titles, reasons,
 * words, hover text), and the `{name}` placeholder formatting every message goes through.
 */
import type { Locale } from '../types';
import { inLocale } from '../template/bilingual';

export { inLocale };

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
  'word.largeAmount': { zh: '偏大，像是按元填写的', en: 'is large, as if written in yuan' },
  'word.yuanUnit': { zh: '带有单位“元”', en: 'carries the unit yuan' },
  'reason.notRead': {
    zh: '表格在文中（“{text}”），但不是可识别的表格形状（每行一格、竖线或制表符分隔），没有读出任何单元格',
    en: 'the table is in the text (“{text}”) but not in a shape that can be read (one cell per line, pipes or TABs), so no cell was read',
  },
  'reason.noUniqueSplit': {
    zh: '数字连写，无法唯一拆分：“{row}”后的“{text}”有不止一种拆法（或没有一种）符合表的格式和勾稽关系',
    en: 'digits run together, no unique split: “{text}” after “{row}” splits in more than one way (or none) that fits the table and its relations',
  },
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
  'word.related.term': { zh: '{label} = {value}', en: '{label} = {value}' },
  'word.related.blank': { zh: '{label} 为空或无效', en: '{label} is blank or invalid' },
  'hover.table': { zh: '{numeral}', en: 'Table {numeral}' },
  'hover.officialLabel': { zh: '官方标签：{label}', en: 'Official label: {label}' },
  'hover.blank': { zh: '_空_', en: '_blank_' },
  'hover.invalid': { zh: '`{text}`（无效）', en: '`{text}` (invalid)' },
  'hover.broken': { zh: '✗ **应为 {expected}**：{relation}，表中为 {actual}', en: '✗ **should be {expected}**: {relation}; the table has {actual}' },
  'hover.fix.total': {
    zh: '修复：快速修复（Ctrl+.）改为 {expected}，或“重新计算合计”一次改好所有合计',
    en: 'Fix: the quick fix (Ctrl+.) sets {expected}, or “Recompute Totals” sets every total at once',
  },
  'hover.fix.carryover': {
    zh: '修复：核对一、二、（七）中的数；若它们无误，快速修复（Ctrl+.）把四改为 {expected}',
    en: 'Fix: check the numbers in 一, 二 and （七）; if they are right, the quick fix (Ctrl+.) sets 四 to {expected}',
  },
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

/** Fills `{name}` placeholders; an unknown one stays as it is. */
export function format(template: string, args: MessageArgs, listSeparator = ', '): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = args[name];
    return value === undefined ? placeholder : typeof value === 'object' ? value.join(listSeparator) : String(value);
  });
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

