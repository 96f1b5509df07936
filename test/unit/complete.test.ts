/** completionsAt: missing official parts offered at the start of a line, as the clerk types. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeReport, applyEdits, completionsAt, parseReport, type CompletionSuggestion } from '../../server/src/core';
import { readSeed, withTablesAs } from '../support/fixtures';

/** Seed 000 without part 三 (heading and table), and `typed` on the line where it was. */
function withoutPart3(typed: string, shape: 'tab' | 'markdown' = 'tab') {
  const seed = withTablesAs(readSeed('000'), shape);
  const start = seed.indexOf('三、收到和处理政府信息公开申请情况');
  const end = seed.indexOf('四、政府信息公开行政复议');
  const text = `${seed.slice(0, start)}${typed}\n${seed.slice(end)}`;
  const doc = parseReport(text);
  const position = doc.lines.positionAt(start + typed.length);
  return { seed, text, doc, position };
}

const apply = (text: string, s: CompletionSuggestion) => applyEdits(text, [{ range: s.range, newText: s.newText }]);

describe('completion of missing parts', () => {
  test('"三、" offers the heading, and the heading with the empty table 三; either makes the part whole again', () => {
    const { text, doc, position } = withoutPart3('三、');
    const items = completionsAt(doc, position);
    assert.deepEqual(items.map((i) => [i.label, i.detail]), [
      ['三、收到和处理政府信息公开申请情况', '官方格式第三部分的标题'],
      ['三、收到和处理政府信息公开申请情况 + 表三', '官方格式第三部分的标题和空白的表三'],
    ]);
    const headingOnly = analyzeReport(apply(text, items[0]));
    assert.ok(!headingOnly.findings.some((f) => f.code === 'section.missing'));
    assert.ok(headingOnly.findings.some((f) => f.code === 'table.missing'), 'the table is still missing');
    const whole = analyzeReport(apply(text, items[1]));
    assert.ok(!whole.findings.some((f) => f.code === 'section.missing' || f.code === 'table.missing'));
    const requests = whole.document.tables.find((t) => t.key === 'requests')!;
    assert.equal(requests.shape, 'tab', 'in the report\'s table shape');
    assert.ok(requests.cells.every((c) => c.status === 'blank'));
    assert.equal(completionsAt(doc, position, 'en')[1].detail, 'Heading of official part 3 and an empty table 三');
  });

  test('typed title words match too; prose, other parts and tables get nothing', () => {
    const typedTitle = withoutPart3('收到和');
    assert.deepEqual(completionsAt(typedTitle.doc, typedTitle.position).map((i) => i.filterText), ['收到和处理政府信息公开申请情况', '收到和处理政府信息公开申请情况']);
    const prose = withoutPart3('本年度共收到');
    assert.deepEqual(completionsAt(prose.doc, prose.position), []);
    // A complete report: nothing is missing, nothing is offered.
    const seed = readSeed('000');
    const full = parseReport(seed);
    assert.deepEqual(completionsAt(full, { line: 0, character: 0 }), []);
    // Inside a table: never.
    const { doc } = withoutPart3('');
    const cell = doc.cells.get('review.direct.total')!;
    assert.deepEqual(completionsAt(doc, doc.lines.positionAt(cell.span.end)), []);
  });

  test('an empty line offers every missing part; Markdown headings keep the report\'s markup', () => {
    const md = withTablesAs(readSeed('002'), 'markdown').replace(/^([一二四五六]、.*)$/gm, '## $1');
    const start = md.indexOf('三、收到和处理');
    const end = md.indexOf('## 四、');
    const text = `${md.slice(0, start)}\n${md.slice(end)}`;
    const doc = parseReport(text);
    const items = completionsAt(doc, doc.lines.positionAt(start));
    assert.equal(items[0].newText, '## 三、收到和处理政府信息公开申请情况');
    assert.match(items[1].newText, /^## 三、收到和处理政府信息公开申请情况\n\|/);
  });
});
