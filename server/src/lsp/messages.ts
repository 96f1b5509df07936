/**
 * The few strings the server itself shows (messages, progress titles, action titles). Findings come
 * already localized from the core; everything else the user can read is in this one table.
 */
import type { Locale } from '../core/types';
import { formatIn } from '../core';

const MESSAGES = {
  'recompute.nothingToDo': { zh: '无需重新计算：合计均已正确', en: 'Nothing to recompute: all totals are correct' },
  'recompute.changed': { zh: '已修改 {count} 处：{cells}', en: 'Changed {count} {cellWord}: {cells}' },
  'recompute.changedMore': { zh: '{cells}等', en: '{cells} and {count} more' },
  'recompute.published': {
    zh: '本文档是已发布的报告文本（PDF 或网页），只检查、不修改：未重新计算合计',
    en: 'This document is published report text (a PDF or a web page): it is checked, not changed; totals were not recomputed',
  },
  'recompute.title': { zh: '重新计算合计', en: 'Recompute totals' },
  'lens.recompute': { zh: '重新计算合计（本表 {count} 处不一致）', en: 'Recompute totals ({count} wrong in this table)' },
  'fixAll.title': { zh: '修复全部合计', en: 'Fix all totals' },
  'recompute.versionMismatch': {
    zh: '文档已更改（版本 {actual}，请求为 {expected}），未重新计算',
    en: 'The document changed (version {actual}, requested {expected}); totals were not recomputed',
  },
  'recompute.notOpen': { zh: '文档未打开：{uri}', en: 'The document is not open: {uri}' },
  'recompute.rejected': { zh: '编辑器未应用修改：{reason}', en: 'The editor did not apply the edit: {reason}' },
  'skipped.tooLarge': {
    zh: '文件过大（{size} 个字符，上限 {limit} 个字符，见设置 govAnnualReport.maxFileSize），已跳过检查',
    en: 'File too large ({size} characters, limit {limit} characters, see the setting govAnnualReport.maxFileSize); not checked',
  },
  'skipped.empty': { zh: '空文档，尚无可检查的内容', en: 'Empty document; nothing to check yet' },
  'skipped.binary': { zh: '二进制内容（含 NUL 字符），不是文本报告，未检查', en: 'Binary content (NUL characters), not a text report; not checked' },
  'outline.missing': {
    zh: '尚未找到官方格式的任何部分，缺少全部 {count} 个部分：{parts}',
    en: 'None of the {count} parts of the official format found yet: {parts}',
  },
  'outline.insert': { zh: '插入官方格式的全部 {count} 个部分（含统计表）', en: 'Insert all {count} official parts (with their tables)' },
  'workspace.title': { zh: '检查工作区中的年报', en: 'Checking annual reports in the workspace' },
  'workspace.progress': { zh: '{done}/{total}：{file}', en: '{done}/{total}: {file}' },
  'workspace.done': {
    zh: '已检查 {files} 个年报：{errors} 个错误，{warnings} 个警告',
    en: 'Checked {files} reports: {errors} errors, {warnings} warnings',
  },
  'config.invalid': { zh: '{path} 有误：{errors}', en: '{path} has problems: {errors}' },
  'command.badArgs': { zh: '命令参数无效：{detail}', en: 'Invalid command arguments: {detail}' },
  'command.unknown': { zh: '未知命令：{command}', en: 'Unknown command: {command}' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type MessageKey = keyof typeof MESSAGES;

export function message(key: MessageKey, locale: Locale, args: Record<string, string | number> = {}): string {
  return formatIn(locale, MESSAGES[key], args);
}

/** `initialize` params.locale → the core's locale: English only when the editor asks for it. */
export function localeFrom(editorLocale: string | undefined): Locale {
  return editorLocale && editorLocale.toLowerCase().startsWith('en') ? 'en' : 'zh-cn';
}

/**
 * Shows a message as the `window/showMessage` NOTIFICATION. The library's `window.showXMessage` helpers
 * send `window/showMessageRequest` instead, which some clients render as a modal prompt awaiting an
 * answer; our messages have no actions, so the plain notification is the right call.
 */
export function showMessage(
  connection: { sendNotification(method: string, params: unknown): Promise<void> },
  type: 'error' | 'warning' | 'info',
  text: string,
): void {
  const TYPES = { error: 1, warning: 2, info: 3 } as const;
  void connection.sendNotification('window/showMessage', { type: TYPES[type], message: text });
}
