/**
 * What the CLI itself says — I/O and usage errors, skipped files, fixes — in Chinese (the default) and
 * English (`--locale en`, or LANG=en…). Findings come localized from the core; the usage text and the
 * .govreportrc.json errors (shared with the server) stay English.
 */
import { formatIn, type Locale } from '../core';
import type { NotAReport } from '../config/reportFiles';

const MESSAGES = {
  'io.noSuchPath': { zh: '找不到文件或文件夹：{path}', en: 'no such file or folder: {path}' },
  'io.cannotReadFolder': { zh: '无法读取文件夹 {path}：{code}', en: 'cannot read folder {path}: {code}' },
  'io.cannotRead': { zh: '无法读取 {path}：{code}', en: 'cannot read {path}: {code}' },
  'io.cannotWrite': { zh: '无法写入 {path}：{code}', en: 'cannot write {path}: {code}' },
  'io.notUtf8': { zh: '{path} 不是 UTF-8 编码，请先转换为 UTF-8 再修正', en: '{path} is not UTF-8; convert it to UTF-8 before fixing' },
  'io.binary': { zh: '{path} 不是文本文件（含 NUL 字节），未检查', en: '{path} is not a text file (it contains NUL bytes); not checked' },
  'skip.notReport': {
    zh: '不像政府信息公开工作年度报告（未找到年报标题或表三标题），未检查；在命令行上直接指定此文件可强制检查',
    en: 'does not look like an annual report (no report title or table 三 caption); not checked; name the file itself to check it anyway',
  },
  'skip.binary': { zh: '二进制文件（含 NUL 字节），未检查', en: 'binary file (contains NUL bytes); not checked' },
  'skip.line': { zh: '{path}: 已跳过: {reason}', en: '{path}: skipped: {reason}' },
  'fix.done': { zh: '已修正 {path}：{count} 个单元格', en: 'fixed {path}: {count} cell(s)' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type CliMessageKey = keyof typeof MESSAGES;
export type CliMessageArgs = Record<string, string | number>;

export function cliMessage(key: CliMessageKey, locale: Locale, args: CliMessageArgs = {}): string {
  return formatIn(locale, MESSAGES[key], args);
}

/** Why a file was skipped, in the user's language. */
export function skipReasonText(reason: NotAReport, locale: Locale): string {
  return cliMessage(reason === 'binary' ? 'skip.binary' : 'skip.notReport', locale);
}

/**
 * An I/O failure, raised where it happens and put into words where the locale is known (main.ts).
 * `message` is the English text, for logs and anything that prints an Error as is.
 */
export class CliError extends Error {
  constructor(readonly key: CliMessageKey, readonly args: CliMessageArgs) {
    super(cliMessage(key, 'en', args));
  }

  localized(locale: Locale): string {
    return cliMessage(this.key, locale, this.args);
  }
}
