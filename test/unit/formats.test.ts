/**
 * The input formats (server/src/formats) on real material: Word files made from the official
 * template, published PDFs and a saved web page, each in test/fixtures/formats with its `# source:` line
 * and the hand transcription of its cells (`*.cells.json`). Every cell read must equal the
 * transcription, and no error or warning may be found beyond the report's real defects.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { analyzeReport, parseReport, type Finding } from '../../server/src/core';
import { convert, inputFormatOf, locateFinding, type ConvertedReport, type InputFormat } from '../../server/src/formats';
import { decodeHtml, htmlTextToReport } from '../../server/src/formats/html';
import { layoutPage } from '../../server/src/formats/layout';
import { gridOf } from '../../server/src/formats/markdown';
import { pdfPages } from '../../server/src/formats/pdf';
import { ROOT } from '../support/fixtures';

const DIR = path.join(ROOT, 'test', 'fixtures', 'formats');

interface Truth {
  cells: Record<string, number | null>;
  realDefects: { code: string; cell: string | null }[];
}

/**
 * Findings that are wrong but come from the core's reading of the text, not from the conversion: the
 * same text from `pdftotext -layout` gives them too (issue 17, items 3 and 4).
 */
const KNOWN_CORE_LIMITS: Record<string, { code: string; cell: string | null }[]> = {};
/** Cells the core cannot read yet in these reports (the same with pdftotext's text). */
const UNREAD: Record<string, RegExp> = {};

const FIXTURES = fs.readdirSync(DIR).filter((f) => inputFormatOf(f) !== undefined && fs.existsSync(path.join(DIR, `${f}.cells.json`))).sort();

const converted = new Map<string, Promise<ConvertedReport>>();
function convertFixture(name: string): Promise<ConvertedReport> {
  if (!converted.has(name)) converted.set(name, convert(inputFormatOf(name) as InputFormat, fs.readFileSync(path.join(DIR, name))));
  return converted.get(name)!;
}

function truthOf(name: string): Truth {
  return JSON.parse(fs.readFileSync(path.join(DIR, `${name}.cells.json`), 'utf8')) as Truth;
}

const key = (f: { code: string; cell?: string | null }) => `${f.code} ${f.cell ?? ''}`;

describe('formats: real reports', () => {
  test('there are Word, PDF and web page fixtures, each with its source line', () => {
    const formats = new Set(FIXTURES.map((f) => inputFormatOf(f)));
    assert.deepEqual([...formats].sort(), ['docx', 'html', 'pdf']);
    for (const f of FIXTURES) assert.match(fs.readFileSync(path.join(DIR, `${f}.source.txt`), 'utf8'), /^# source: \S/, f);
  });

  for (const name of FIXTURES) {
    test(`${name}: every cell read equals the hand transcription; no false error or warning`, async () => {
      const report = await convertFixture(name);
      const truth = truthOf(name);
      const { document, findings } = analyzeReport(report.markdown);
      const unread = UNREAD[name];
      for (const [k, expected] of Object.entries(truth.cells)) {
        const cell = document.cells.get(k);
        if (unread?.test(k)) {
          assert.equal(cell, undefined, `${k} is now read: update UNREAD`);
          continue;
        }
        assert.ok(cell, `${name}: ${k} not read`);
        assert.equal(cell.status === 'ok' ? cell.value : null, expected, `${name}: ${k} read as "${cell.text}"`);
      }
      const noisy = findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map(key).sort();
      const expected = [...truth.realDefects, ...(KNOWN_CORE_LIMITS[name] ?? [])].map(key).sort();
      assert.deepEqual(noisy, expected);
    });
  }

  test('the Markdown of a PDF (tables as grids) reads the same cells as its laid-out text', async () => {
    for (const name of FIXTURES.filter((f) => f.endsWith('.pdf'))) {
      const pages = await pdfPages(fs.readFileSync(path.join(DIR, name)));
      const laidOut = parseReport(pages.map((p) => p.join('\n')).join('\n\f'));
      const grids = parseReport((await convertFixture(name)).markdown);
      const values = (cells: typeof grids.cells) => [...cells.values()].map((c) => `${c.key}=${c.text}`).sort();
      assert.ok(grids.tables.every((t) => t.shape === 'markdown'), `${name}: tables written as grids`);
      assert.deepEqual(values(grids.cells), values(laidOut.cells), name);
    }
  });

  test('findings are located by page, table, row and column', async () => {
    const locate = async (name: string, code: string, cell?: string) => {
      const report = await convertFixture(name);
      const { document, findings } = analyzeReport(report.markdown);
      const f = findings.find((x) => x.code === code && (cell === undefined || x.cell === cell)) as Finding;
      assert.ok(f, `${name}: ${code}`);
      return { zh: locateFinding(f, report, document.template, 'zh-cn'), en: locateFinding(f, report, document.template, 'en') };
    };
    const broken = await locate('hongze_2023_broken.docx', 'sum.rowTotal', 'requests.granted.total');
    assert.equal(broken.zh.text, '表三 （一）予以公开 × 总计');
    assert.equal(broken.en.page, undefined);
    const review = await locate('hongze_2023.pdf', 'sum.reviewTotal', 'review.reconsideration.total');
    assert.equal(review.zh.text, '第4页 表四 行政复议 × 总计');
    assert.match(review.en.text, /^page 4 table 四 /);
    const version = await locate('hongze_2024.pdf', 'template.version');
    assert.equal(version.zh.text, '第3页 表三', 'a table finding without a cell: the table the core read there');
    const part6 = await locate('huaian_2024.pdf', 'part6.item');
    assert.equal(part6.zh.text, '第6页');
  });
});

describe('formats: readers', () => {
  test('merged cells: colspan/rowspan and Word vMerge place each cell in its grid column', () => {
    const grid = gridOf([
      [{ text: 'A', colSpan: 2, rowSpan: 2 }, { text: 'B', colSpan: 1, rowSpan: 1 }],
      [{ text: 'C', colSpan: 1, rowSpan: 1 }],
      [{ text: 'D', colSpan: 1, rowSpan: 1 }, { text: '', colSpan: 1, rowSpan: 1, continues: false }, { text: '1', colSpan: 1, rowSpan: 1 }],
      [{ text: '', colSpan: 1, rowSpan: 1, continues: true }, { text: 'E', colSpan: 1, rowSpan: 1 }, { text: '2', colSpan: 1, rowSpan: 1 }],
    ]);
    assert.deepEqual(grid.cells, [['A', '', 'B'], ['', '', 'C'], ['D', '', '1'], ['', 'E', '2']]);
    assert.deepEqual(grid.labels, [['A', 'A', 'B'], ['A', 'A', 'C'], ['D', '', '1'], ['D', 'E', '2']]);
    assert.deepEqual(grid.starts, [[true, false, true], [true, false, true], [true, true, true], [true, true, true]]);
  });

  test('a value spanning columns is one cell: the row keeps its values in order', () => {
    // Table 二 of the 2019 template as 上海市人民政府办公厅 published it (2019 report): the spanned column
    // sits under a different value in different rows.
    const td = (text: string, colspan = 1) => `<td${colspan > 1 ? ` colspan="${colspan}"` : ''} nowrap="nowrap"><p align="center">${text}</p></td>`;
    const tr = (...cells: string[]) => `<tr>${cells.join('')}</tr>`;
    const html = `<p>2019年上海市人民政府办公厅政府信息公开工作年度报告</p><p>二、主动公开政府信息情况</p><table border="1"><tbody>${[
      tr(td('第二十条第（一）项', 5)),
      tr(td('信息内容'), td('本年新<br />制作数量'), td('本年新<br />公开数量', 2), td('对外公开总数量')),
      tr(td('规章'), td('13'), td('13', 2), td('524')),
      tr(td('规范性文件'), td('60'), td('60', 2), td('368')),
      tr(td('第二十条第（五）项', 5)),
      tr(td('信息内容'), td('上一年项目数量'), td('本年增/减', 2), td('处理决定数量')),
      tr(td('行政许可'), td('0', 2), td('0'), td('0')),
      tr(td('其他对外管理服务事项'), td('0', 2), td('0'), td('0')),
      tr(td('第二十条第（九）项', 5)),
      tr(td('信息内容'), td('采购项目数量', 2), td('采购总金额', 2)),
      tr(td('政府集中采购'), td('6', 2), td('251000元', 2)),
    ].join('')}</tbody></table>`;
    const report = htmlTextToReport(html);
    assert.match(report.markdown, /^\| 行政许可 \| 0 \| 0 \| 0 \|$/m);
    const doc = parseReport(report.markdown);
    const value = (k: string) => doc.cells.get(k)?.text;
    assert.deepEqual(
      ['active.rules.made', 'active.rules.published', 'active.rules.total', 'active.licensing.prev', 'active.licensing.delta', 'active.licensing.decisions', 'active.procurement.count', 'active.procurement.amount'].map(value),
      ['13', '13', '524', '0', '0', '0', '6', '251000元'],
    );
  });

  test('web pages: the declared charset (GB2312 read as GB18030), else UTF-8, else GB18030', () => {
    const gbk = Buffer.from('3c6d65746120636861727365743d22676232333132223e3c703ebdf1c4eab1a8b8e63c2f703e', 'hex'); // <meta charset="gb2312"><p>今年报告</p>
    assert.match(decodeHtml(gbk), /今年报告/);
    assert.match(decodeHtml(Buffer.from('<p>今年报告</p>')), /今年报告/);
    assert.match(decodeHtml(Buffer.from('3c703ebdf1c4eab1a8b8e63c2f703e', 'hex')), /今年报告/);
  });

  test('web pages: scripts and styles are not text; <br> breaks a paragraph; a pipe in a cell is escaped', () => {
    const r = htmlTextToReport('<script>var a="一、总体情况";</script><style>p{}</style><p>甲<br>乙</p><table><tr><td>a|b</td><td>1</td></tr></table>');
    assert.equal(r.markdown, '甲\n乙\n\n| a\\|b | 1 |\n|---|---|\n');
    assert.deepEqual(r.lines.map((l) => l.table ?? 0), [0, 0, 0, 1, 1]);
  });

  test('PDF layout: items on one baseline make a line, numbers start at their x column, touching runs join', () => {
    const item = (str: string, x: number, y: number) => ({ str, x, y, width: str.length * 5, size: 10 });
    const { lines } = layoutPage([item('规章', 0, 700), item('0', 100, 700), item('12', 150, 700.5), item('202', 0, 680), item('3', 15, 680), item('年', 20, 680)], 5, 0);
    assert.deepEqual(lines, ['规章' + ' '.repeat(18) + '0' + ' '.repeat(9) + '12', '2023年']);
  });
});
