/**
 * Tables in PDF text (the `aligned` shape, model/alignedTables.ts), on the seeds printed to PDF and
 * extracted with `pdftotext -layout` (test/fixtures/layout). The cell-by-cell comparison with the
 * published seeds, the mutation and the recompute tests over this shape run with the other shapes.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { analyzeReport, parseReport } from '../../server/src/core';
import { narrativeCounts } from '../../server/src/core/rules/narrative';
import { LAYOUT_DIR, readSeed } from '../support/fixtures';

const LAYOUTS = fs.readdirSync(LAYOUT_DIR).filter((f) => f.endsWith('.txt')).sort();
const readLayout = (name: string) => fs.readFileSync(path.join(LAYOUT_DIR, name), 'utf8');
/** Finding codes, sorted. */
const codes = (text: string) => analyzeReport(text).findings.map((f) => f.code).sort();

describe('tables in PDF text (aligned by spaces)', () => {
  test('the fixtures: every seed centred in its cells, 000 and 001 also top-aligned', () => {
    assert.deepEqual(LAYOUTS, ['000-top.txt', '000.txt', '001-top.txt', '001.txt', '002.txt', '003.txt', '004.txt']);
  });

  for (const name of LAYOUTS) {
    test(`${name}: three aligned tables, the seed's findings`, () => {
      const text = readLayout(name);
      const doc = parseReport(text);
      assert.deepEqual(doc.tables.map((t) => `${t.key}:${t.shape}:${t.problems.length}`), ['active:aligned:0', 'requests:aligned:0', 'review:aligned:0']);
      // Same findings as the published seed: no table row label ("三、本年度", "四、结转…") became a part
      // heading, a heading after a page break (\f) was found, "三\n是" is one enumeration marker.
      assert.deepEqual(codes(text), codes(readSeed(name.slice(0, 3))));
    });
  }

  test('the prose: every count the seed states is read across the page\'s line breaks', () => {
    for (const seed of ['000', '001', '002', '003', '004']) {
      const stated = (text: string) => narrativeCounts(parseReport(text)).map((c) => c.stated);
      assert.deepEqual(stated(readLayout(`${seed}.txt`)), stated(readSeed(seed)), seed);
    }
    // "…共收到区政府\n层面政府信息公开申请书 68 件": the subject began on the line before.
    const text = readLayout('002.txt');
    assert.match(text, /\n层面政府信息公开申请书 68 件/);
    const changed = analyzeReport(text.replace('申请书 68 件', '申请书 69 件')).findings.filter((f) => f.code === 'narrative.mismatch');
    assert.equal(changed.length, 1);
    assert.match(changed[0].message, /69/);
  });

  test('page furniture inside a table is passed over', () => {
    const text = readLayout('000.txt');
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.includes('4.保护第三方合法权益'));
    // The page's number at its foot, the next page's first line after a form feed.
    lines.splice(at, 1, '', '                                    - 3 -', '', `\f${lines[at]}`);
    const doc = parseReport(lines.join('\n'));
    assert.equal(doc.cells.get('requests.denied.4.total')?.value, 2);
    assert.equal(doc.tables.find((t) => t.key === 'requests')?.problems.length, 0);
  });

  test('a page break inside table 三: page number, running title and the repeated header are passed over', () => {
    const text = readLayout('000.txt');
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.includes('4.保护第三方合法权益'));
    lines.splice(at, 1,
      '                                    - 3 -',
      '\f济南市天桥区人民政府 2022 年政府信息公开工作年度报告',
      '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）   申请人情况',
      '                                   自然人   法人或其他组织   总计',
      lines[at]);
    const doc = parseReport(lines.join('\n'));
    assert.deepEqual(doc.tables.find((t) => t.key === 'requests')?.problems, []);
    assert.equal(doc.cells.get('requests.processed.total')?.value, 333);
  });

  test('a number alone on a line inside the page is a row, not a page number', () => {
    // 行政强制's label wrapped onto the lines around its value ("88", as short as a page number).
    const text = readLayout('000.txt').replace(/^( *)行政强制( +)88$/m, '$1行政\n$1        88\n$1强制');
    assert.notEqual(text, readLayout('000.txt'));
    assert.equal(parseReport(text).cells.get('active.coercion.decisions')?.value, 88);
  });

  test('a blank cell leaves no word in PDF text: it is placed by the column the other numbers keep', () => {
    const text = readLayout('000.txt');
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.includes('4.保护第三方合法权益'));
    // "…合法权益       2      0     0   0     0   0    2": blank its 商业企业 cell and its total.
    const numbers = [...lines[at].matchAll(/\d+/g)].slice(-7);
    const blank = (line: string, m: RegExpMatchArray) => line.slice(0, m.index!) + ' '.repeat(m[0].length) + line.slice(m.index! + m[0].length);
    lines[at] = blank(blank(lines[at], numbers[6]), numbers[1]).trimEnd();
    const { document, findings } = analyzeReport(lines.join('\n'));
    assert.equal(document.tables.find((t) => t.key === 'requests')?.problems.length, 0);
    assert.equal(document.cells.get('requests.denied.4.natural')?.value, 2);
    assert.deepEqual(['business', 'research', 'total'].map((c) => document.cells.get(`requests.denied.4.${c}`)?.status), ['blank', 'ok', 'blank']);
    assert.deepEqual(findings.filter((f) => f.code === 'cell.blank').map((f) => f.cell), ['requests.denied.4.business', 'requests.denied.4.total']);
  });

  test('numbers that line up with no column, or a row too many: table.unparsed with what was found', () => {
    const lines = readLayout('000.txt').split('\n');
    const at = lines.findIndex((l) => l.includes('4.保护第三方合法权益'));
    const squeezed = [...lines];
    squeezed[at] = '4.保护第三方合法权益 2 0 0 0 0 2'; // six numbers, none where its column is
    const unplaced = analyzeReport(squeezed.join('\n')).findings.find((f) => f.code === 'table.unparsed');
    assert.match(unplaced!.message, /表三无法解析：按对齐排版的文本读表：第 \d+ 行的 6 个数对不上 7 列/);
    const extra = [...lines];
    extra.splice(at, 0, lines[at]);
    const { document, findings } = analyzeReport(extra.join('\n'));
    assert.equal([...document.cells.keys()].filter((k) => k.startsWith('requests.')).length, 0);
    assert.match(findings.find((f) => f.code === 'table.unparsed')!.message, /应有 25 \/ 23 行、每行 7 个数，找到 26 行/);
    assert.ok(!findings.some((f) => f.code.startsWith('sum.')));
    // A row lost (all its cells blank) and a stray page number mid-page: 24 rows, not a silent 25.
    const lost = [...lines];
    lost.splice(at, 1, '                                        3');
    assert.match(analyzeReport(lost.join('\n')).findings.find((f) => f.code === 'table.unparsed')!.message, /找到 24 行/);
  });

  test('prose that names a table without its numbers is not a table', () => {
    const text = '某区2022年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n申请人情况详见附件。\n';
    const { document, findings } = analyzeReport(text);
    assert.equal(document.tables.length, 0);
    assert.ok(findings.some((f) => f.code === 'table.missing'));
    assert.ok(!findings.some((f) => f.code === 'table.unparsed'));
  });

  test('a sign or a unit set apart from its number belongs to it ("增 98", "77903.8 万元")', () => {
    const doc = parseReport(readLayout('001.txt'));
    const licensing = doc.cells.get('active.licensing.delta')!;
    assert.deepEqual([licensing.text, licensing.value], ['增 98', 98]);
    const amount = doc.cells.get('active.procurement.amount')!;
    assert.deepEqual([amount.text, amount.value], ['77903.8 万元', 77903.8]);
  });
});
