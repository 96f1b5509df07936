/** `govAnnualReport/convert` (the editor's Import Report): a Word file, web page or PDF in, a Markdown report out. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ResponseError } from 'vscode-jsonrpc';
import { CONVERT_REQUEST, type ConvertParams, type ConvertResult } from '../../shared/convert';
import { parseReport } from '../../server/src/core';
import { REPO_ROOT, type TestClient } from './client';
import { serverPerSuite } from './helpers';

const DIR = path.join(REPO_ROOT, 'test', 'fixtures', 'formats');

describe('lsp: convert request', () => {
  let client: TestClient;
  serverPerSuite((c) => (client = c));

  const convert = (name: string, data: Buffer) =>
    client.conn.sendRequest<ConvertResult>(CONVERT_REQUEST, { name, data: data.toString('base64') } satisfies ConvertParams);

  it('converts a Word file, a web page and a PDF into Markdown reports with every cell', async () => {
    for (const name of ['hongze_2023.docx', 'pingtan_2022.html', 'hongze_2024.pdf']) {
      const result = await convert(name, fs.readFileSync(path.join(DIR, name)));
      const truth = JSON.parse(fs.readFileSync(path.join(DIR, `${name}.cells.json`), 'utf8')).cells as Record<string, number | null>;
      const doc = parseReport(result.markdown);
      assert.equal(doc.cells.size, Object.keys(truth).length, name);
      for (const [key, value] of Object.entries(truth)) assert.equal(doc.cells.get(key)?.value, value, `${name}: ${key}`);
    }
  });

  it('refuses .doc with the advice to save as .docx, and a broken file with the reason', async () => {
    await assert.rejects(convert('旧稿.doc', Buffer.from('x')), (e: ResponseError<unknown>) => /请另存为 \.docx/.test(e.message));
    await assert.rejects(convert('a.docx', Buffer.from('not a zip')), (e: ResponseError<unknown>) => /不是有效的 docx 文件/.test(e.message));
    await assert.rejects(convert('a.txt', Buffer.from('x')), (e: ResponseError<unknown>) => /只能导入/.test(e.message));
  });
});
