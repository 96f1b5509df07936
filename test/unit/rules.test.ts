/** Structure, table and cell rules on edited seeds and small inline reports; hover and outline. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeReport, applyEdits, definitionsAt, describeAt, outlineReport, parseReport, referencesAt } from '../../server/src/core';
import { readSeed, withTablesAs } from '../support/fixtures';

const codes = (text: string, opts = {}) => analyzeReport(text, opts).findings.map((f) => f.code);

function replaceCell(text: string, key: string, value: string): string {
  const c = parseReport(text).cells.get(key)!;
  return text.slice(0, c.span.start) + value + text.slice(c.span.end);
}

describe('parts', () => {
  test('a missing part: error at the next part, fix inserts the official heading (and table) there', () => {
    const seed = readSeed('000');
    const text = seed.replace('四、政府信息公开行政复议、行政诉讼情况\n', '');
    const { findings, document } = analyzeReport(text);
    const f = findings.find((x) => x.code === 'section.missing')!;
    assert.equal(f.message, '缺少第四部分“政府信息公开行政复议、行政诉讼情况”');
    assert.equal(f.severity, 'error');
    assert.equal(document.parts.map((p) => p.key).join(), 'overview,active,requests,problems,other');
    const fixed = applyEdits(text, f.fixes![0].edits);
    // The table is still there (it is found by its own words), so only the heading is inserted.
    assert.ok(fixed.includes('四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况'));
    assert.ok(!codes(fixed).includes('section.missing'));
  });

  test('a part missing with its table gets the empty official table in the report’s shape', () => {
    const seed = withTablesAs(readSeed('000'), 'markdown');
    const start = seed.indexOf('四、政府信息公开行政复议');
    const end = seed.indexOf('五、存在的主要问题');
    const text = seed.slice(0, start) + seed.slice(end);
    const f = analyzeReport(text).findings.find((x) => x.code === 'section.missing')!;
    const fixed = applyEdits(text, f.fixes![0].edits);
    const doc = parseReport(fixed);
    const review = doc.tables.find((t) => t.key === 'review')!;
    assert.equal(review.shape, 'markdown');
    assert.equal(review.cells.length, 15);
    assert.ok(review.cells.every((c) => c.status === 'blank'));
  });

  test('order and duplicates are warnings', () => {
    const seed = readSeed('002');
    const five = seed.indexOf('五、政府信息公开工作存在的主要问题');
    const six = seed.indexOf('六、其他需要报告的事项');
    const swapped = seed.slice(0, five) + seed.slice(six) + '\n' + seed.slice(five, six);
    assert.ok(codes(swapped).includes('section.order'));
    const dup = seed + '\n六、其他需要报告的事项\n无。\n';
    const f = analyzeReport(dup).findings.find((x) => x.code === 'section.duplicate')!;
    assert.equal(f.severity, 'warning');
  });

  test('table-三 row labels are never part headings; width variants are accepted', () => {
    const doc = parseReport(readSeed('004'));
    assert.equal(doc.headings.filter((h) => h.outlineLevel === 1).length, 6);
    assert.ok(doc.headings.some((h) => h.numeral === '(一)'));
  });

  test('a table missing from its part', () => {
    const seed = readSeed('003');
    const start = seed.indexOf('\t第二十条第（一）项');
    const end = seed.indexOf('三、收到和处理政府信息公开申请情况');
    const text = seed.slice(0, start) + seed.slice(end);
    const f = analyzeReport(text).findings.find((x) => x.code === 'table.missing')!;
    assert.match(f.message, /第二部分缺少表二/);
    const fixed = applyEdits(text, f.fixes![0].edits);
    assert.equal(parseReport(fixed).tables.find((t) => t.key === 'active')!.cells.length, 10);
  });
});

describe('counts in the prose', () => {
  const at = (text: string, needle: string, digits: string) => parseReport(text).lines.positionAt(text.indexOf(needle) + needle.indexOf(digits) + 1);

  test('hover compares a count with the table; definition goes to the cell it equals', () => {
    const seed = readSeed('000');
    const doc = parseReport(seed);
    const position = at(seed, '予以公开69件', '69');
    assert.equal(describeAt(doc, position)!.markdown, '**予以公开：69 件**（正文）\n\n- 表三（一）予以公开·总计 = 69 ✓');
    assert.equal(describeAt(doc, position, 'en')!.markdown, '**granted: 69** (stated in the text)\n\n- table 三 (1) Granted · total = 69 ✓');
    assert.deepEqual(definitionsAt(doc, position), [doc.lines.rangeOf(doc.cells.get('requests.granted.total')!.span)]);
  });

  test('a count that equals no table value: every reading ✗, every cell a definition', () => {
    const text = readSeed('000').replace('办理政府信息公开申请333件', '办理政府信息公开申请334件');
    const doc = parseReport(text);
    const position = at(text, '办理政府信息公开申请334件', '334');
    const markdown = describeAt(doc, position)!.markdown;
    assert.match(markdown, /表三（七）总计 = 333 ✗/);
    assert.match(markdown, /表三一、本年新收·总计 = 323 ✗/);
    assert.equal(definitionsAt(doc, position)!.length, 3, '（七）总计, 一 and 二 (一 + 二 adds 二)');
  });

  test('references: from a table cell to every count of the prose that states it, and back', () => {
    const seed = readSeed('000');
    const doc = parseReport(seed);
    const cell = doc.cells.get('requests.granted.total')!;
    const stated = seed.indexOf('予以公开69件') + '予以公开'.length;
    const prose = doc.lines.rangeOf({ start: stated, end: stated + '69件'.length });
    const fromCell = referencesAt(doc, doc.lines.positionAt(cell.span.start), true);
    assert.deepEqual(fromCell, [doc.lines.rangeOf(cell.span), prose]);
    assert.deepEqual(referencesAt(doc, doc.lines.positionAt(cell.span.start), false), [prose]);
    assert.deepEqual(referencesAt(doc, doc.lines.positionAt(stated + 1), true), fromCell, 'the same from the count');
    // A cell the prose never states: only itself.
    const quiet = doc.cells.get('requests.granted.natural')!;
    assert.deepEqual(referencesAt(doc, doc.lines.positionAt(quiet.span.start), true), [doc.lines.rangeOf(quiet.span)]);
    // Once the count no longer equals the cell, it still states it (its only reading): still a reference.
    const edited = seed.replace('予以公开69件', '予以公开70件');
    const editedDoc = parseReport(edited);
    assert.equal(referencesAt(editedDoc, editedDoc.lines.positionAt(cell.span.start), false)!.length, 1);
  });

  test('numbers the narrative rule does not bind have neither', () => {
    const seed = readSeed('000');
    const doc = parseReport(seed);
    const position = at(seed, '动态类信息3024条', '3024'); // 条, not 件: not a count the tables hold
    assert.equal(definitionsAt(doc, position), undefined);
    assert.equal(describeAt(doc, position), undefined);
    assert.equal(referencesAt(doc, position, true), undefined);
  });
});

describe('tables and cells', () => {
  test('blank, "/" and text are missing values, never 0', () => {
    let text = replaceCell(readSeed('000'), 'requests.partial.natural', '');
    text = replaceCell(text, 'requests.denied.4.natural', '/');
    text = replaceCell(text, 'requests.granted.natural', '6九');
    const fs = analyzeReport(text).findings;
    assert.deepEqual(fs.filter((f) => f.code.startsWith('cell.')).map((f) => `${f.code}:${f.cell}`), [
      'cell.invalid:requests.granted.natural', 'cell.blank:requests.partial.natural', 'cell.blank:requests.denied.4.natural',
    ]);
    assert.match(fs.find((f) => f.code === 'cell.invalid')!.message, /表三（一）予以公开×自然人应为非负整数，实为“6九”/);
    // Relations with a missing term are not evaluated: no sum finding guesses.
    assert.ok(!fs.some((f) => f.code.startsWith('sum.') && /granted|partial|denied/.test(f.cell!)));
  });

  test('a count with a unit gets a preferred fix that drops it; a blank cell a fix that fills in 0 (never preferred)', () => {
    for (const shape of ['tab', 'pipe', 'markdown'] as const) {
      const seed = withTablesAs(readSeed('000'), shape);
      let text = replaceCell(seed, 'requests.granted.natural', '69件');
      text = replaceCell(text, 'requests.partial.natural', '');
      text = replaceCell(text, 'requests.denied.4.natural', '／');
      text = replaceCell(text, 'requests.granted.business', '约3');
      const findings = analyzeReport(text).findings.filter((f) => f.code.startsWith('cell.'));
      const byCell = (key: string) => findings.find((f) => f.cell === key)!;

      const unit = byCell('requests.granted.natural');
      assert.equal(unit.fixes?.length, 1, shape);
      assert.equal(unit.fixes![0].title, '改为 69（去掉单位“件”）');
      assert.equal(unit.fixes![0].preferred, true);
      const dropped = applyEdits(text, unit.fixes![0].edits);
      assert.equal(parseReport(dropped).cells.get('requests.granted.natural')!.value, 69);
      assert.equal(dropped.length, text.length - 1, 'only the unit goes');
      assert.equal(byCell('requests.granted.business').fixes, undefined, '"约3" is not a guess we make');

      for (const key of ['requests.partial.natural', 'requests.denied.4.natural']) {
        const blank = byCell(key);
        assert.equal(blank.code, 'cell.blank');
        assert.deepEqual(blank.fixes!.map((f) => [f.title, f.preferred]), [['填入 0（本项确实没有数据时）', false]]);
        const filled = applyEdits(text, blank.fixes![0].edits);
        const cell = parseReport(filled).cells.get(key)!;
        assert.equal(cell.status, 'ok', `${shape} ${key}`);
        assert.equal(cell.value, 0);
        // Only the cell changed: the rest of the table is read as before.
        assert.equal(parseReport(filled).cells.size, parseReport(text).cells.size);
      }
    }
  });

  test('numbers run together are reported, not split by guessing', () => {
    const seed = withTablesAs(readSeed('000'), 'markdown');
    const text = seed.replace('| 三、本年度办理结果 | （一）予以公开 | | 69 | 0 | 0 | 0 | 0 | 0 | 69 |', '| 三、本年度办理结果 | （一）予以公开 | | 6900000069 |');
    const f = analyzeReport(text).findings.find((x) => x.code === 'table.unparsed')!;
    assert.match(f.message, /“6900000069”像是多个单元格连在一起，无法可靠拆分/);
    assert.ok(!parseReport(text).cells.has('requests.granted.natural'));
  });

  test('a 2019-shaped table in a 2022 report is template.version', () => {
    const seed2019 = readSeed('001');
    const text = seed2019.replace('槐荫区人民政府2019年', '槐荫区人民政府2022年');
    const fs = analyzeReport(text).findings.filter((f) => f.code === 'template.version');
    assert.equal(fs.length, 2);
    assert.match(fs[0].message, /2022年度报告应使用2021版格式，表二为2019版格式/);
    // The 2019 table is still mapped by its own shape: its sums are checked.
    assert.ok(parseReport(text).cells.get('requests.other.natural'));
  });

  test('Markdown with <br> in header cells and labels over three columns', () => {
    const text = withTablesAs(readSeed('002'), 'markdown').replace('| 结果维持 | 结果纠正 |', '| 结果<br>维持 | 结果<br/>纠正 |');
    const doc = parseReport(text);
    assert.equal(doc.cells.size, 200);
    // Seed 002's own findings are part-title hints and two absent part-六 items; nothing about tables.
    assert.deepEqual(codes(text).filter((c) => !c.startsWith('section.') && !c.startsWith('part6.')), []);
  });

  test('rule overrides: off removes a code, a severity replaces the default', () => {
    const text = replaceCell(readSeed('000'), 'requests.granted.total', '70');
    assert.ok(!codes(text, { rules: { 'sum.rowTotal': 'off' } }).includes('sum.rowTotal'));
    const f = analyzeReport(text, { rules: { 'sum.rowTotal': 'warning' } }).findings.find((x) => x.code === 'sum.rowTotal')!;
    assert.equal(f.severity, 'warning');
  });
});

describe('hover', () => {
  const text = readSeed('000');
  const doc = parseReport(text);
  test('a table-三 cell: labels and value on the first line, then its relations with ✓; no key by default', () => {
    const c = doc.cells.get('requests.denied.3.natural')!;
    const h = describeAt(doc, doc.lines.positionAt(c.span.start))!;
    assert.equal(h.cell, 'requests.denied.3.natural');
    assert.equal(
      h.markdown,
      [
        '**三 · （三）不予公开 · 3.危及“三安全一稳定” × 自然人** = **0**',
        '',
        '- 本行总计 = 0 + 0 + 0 + 0 + 0 + 0 = 0 ✓\n- （七）总计（本列） = 69 + 35 + 8 + 198 + 6 + 17 = 333 ✓',
      ].join('\n'),
    );
    assert.ok(!h.markdown.includes('requests.'), 'no canonical key without showKeys');
    const withKey = describeAt(doc, doc.lines.positionAt(c.span.start), 'zh-cn', { showKeys: true })!;
    assert.match(withKey.markdown, /\n\n`requests\.denied\.3\.natural`\n\n/);
  });
  test('a broken total: expected value, formula and ✗ first, then the fix, in at most eight lines; English', () => {
    const t2 = replaceCell(text, 'requests.processed.total', '334');
    const d2 = parseReport(t2);
    const c = d2.cells.get('requests.processed.total')!;
    const h = describeAt(d2, d2.lines.positionAt(c.span.start), 'en')!;
    const lines = h.markdown.split('\n').filter((l) => l.trim() !== '');
    assert.ok(lines.length <= 8, `${lines.length} lines:\n${h.markdown}`);
    assert.equal(lines[0], '✗ **should be 333**: row total = 333 + 0 + 0 + 0 + 0 + 0; the table has 334');
    assert.equal(lines[1], '✗ **should be 333**: (7) total of this column = 69 + 35 + 8 + 198 + 6 + 17; the table has 334');
    assert.match(lines[2], /^Fix: the quick fix \(Ctrl\+\.\) sets 333, or “Recompute Totals”/);
    assert.equal(lines[3], '**Table 三 · (7) Total processed × total** = **334**');
    assert.equal(lines[4], 'Official label: 三 · （七）总计 × 总计');
    assert.match(lines[5], /^- new \+ carried = processed \+ carried over \(this column\)：323 \+ 22 = 334 \+ 12 ✗$/);
  });
  test('a broken （七）总计 in Chinese: ✗ first with the grouped formula', () => {
    const t2 = replaceCell(text, 'requests.processed.natural', '334');
    const d2 = parseReport(t2);
    const c = d2.cells.get('requests.processed.natural')!;
    const lines = describeAt(d2, d2.lines.positionAt(c.span.start))!.markdown.split('\n').filter((l) => l.trim() !== '');
    assert.equal(lines[0], '✗ **应为 333**：（七）总计（本列） = 69 + 35 + 8 + 198 + 6 + 17，表中为 334');
    assert.match(lines[1], /^修复：快速修复（Ctrl\+\.）改为 333/);
    assert.ok(lines.length <= 8);
  });
  test('a part heading explains what the part must contain', () => {
    const h = doc.headings.find((x) => x.part === 'other')!;
    const hover = describeAt(doc, { line: h.line, character: 2 })!;
    assert.match(hover.markdown, /信息处理费/);
  });
  test('prose and out-of-range positions give nothing', () => {
    assert.equal(describeAt(doc, { line: 3, character: 5 }), undefined);
    assert.equal(describeAt(doc, { line: 100000, character: 0 }), undefined);
  });
});

describe('outline', () => {
  test('six parts with their sub-headings and the three tables inside their parts', () => {
    const outline = outlineReport(parseReport(readSeed('000')));
    assert.deepEqual(outline.map((s) => s.name), [
      '1、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项',
    ]);
    assert.deepEqual(outline[2].children.map((s) => s.kind), ['table']);
    assert.equal(outline[0].children.length, 5);
    assert.equal(outline[5].children[1].children.length, 4); // 1、…4. under （二）
    // Table 三's 25 rows, （七）总计 the one row of totals; rows do not fold (the table does).
    const rows = outline[2].children[0].children;
    assert.equal(rows.length, 25);
    assert.deepEqual(rows.filter((r) => r.kind === 'totalRow').map((r) => r.name), ['（七）总计']);
    assert.ok(rows.every((r) => r.kind === 'totalRow' || r.kind === 'row'));
  });
});
