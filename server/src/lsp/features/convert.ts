/**
 * `govAnnualReport/convert`: a Word file, web page or PDF (its bytes from the client, so that files the
 * server cannot see, in remote or virtual workspaces, convert too) into a Markdown report. The readers
 * are loaded on the first request (formats/load.ts); pdf.js then runs in this process.
 */
import { ResponseError, type Connection } from 'vscode-languageserver';
import { CONVERT_REQUEST, type ConvertParams, type ConvertResult } from '../../../../shared/convert';
import { formatIn } from '../../core';
import { loadFormats } from '../../formats/load';
import { inputFormatOf } from '../../formats/types';
import type { Session } from '../session';

const MESSAGES = {
  legacy: {
    zh: '{name} 是旧版 Word/WPS 二进制文件（.doc/.wps），无法直接读取：请另存为 .docx',
    en: '{name} is an old binary Word/WPS file (.doc/.wps), which cannot be read: save it as .docx',
  },
  unknown: { zh: '无法导入 {name}：只能导入 .docx、.html/.htm 和 .pdf 文件', en: 'Cannot import {name}: only .docx, .html/.htm and .pdf files can be imported' },
  noText: {
    zh: '{name} 没有文字层（可能是扫描件），无法读取：请使用带文字的 PDF、Word 或网页版本',
    en: '{name} has no text layer (scanned pages?) and cannot be read: use a PDF with text, the Word file or the web page',
  },
  invalid: { zh: '无法读取 {name}（不是有效的 {format} 文件：{detail}）', en: 'Cannot read {name} (not a valid {format} file: {detail})' },
} as const;

/** Error code of a file that cannot be converted (the message says why, in the user's language). */
const CANNOT_CONVERT = 1;

export function register(connection: Connection, session: Session): void {
  connection.onRequest(CONVERT_REQUEST, session.guard('convert', null, async (params: ConvertParams, ctx): Promise<ConvertResult | null> => {
    const say = (key: keyof typeof MESSAGES, args: Record<string, string>) => new ResponseError(CANNOT_CONVERT, formatIn(ctx.locale, MESSAGES[key], args));
    const name = typeof params?.name === 'string' ? params.name : '';
    const format = inputFormatOf(name);
    if (format === 'legacy') throw say('legacy', { name });
    if (format === undefined || typeof params.data !== 'string') throw say('unknown', { name });
    const formats = loadFormats();
    try {
      const report = await formats.convert(format, Buffer.from(params.data, 'base64'));
      return { markdown: report.markdown, format };
    } catch (e) {
      if (e instanceof formats.FormatError) throw e.reason === 'noText' ? say('noText', { name }) : say('invalid', { name, format, detail: e.detail });
      throw e;
    }
  }));
}
