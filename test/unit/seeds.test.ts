/**
 * Hand-checked expectations for the five real reports. All five are arithmetically consistent, so
 * no `sum.*` finding may appear; what they do get is listed here line by line.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeReport } from '../../server/src/core';
import { SEEDS, readSeed, seedIn } from '../support/fixtures';

/** `line:code` (1-based line) for every finding of severity warning and above, plus hints. */
function summary(text: string): string[] {
  return analyzeReport(text).findings.map((f) => `${f.range.start.line + 1}:${f.code}`);
}

describe('seed 000 (济南市天桥区 2022, TAB tables)', () => {
  const text = readSeed('000');
  const { document, findings } = analyzeReport(text);
  test('year, agency, template', () => {
    assert.equal(document.year?.value, 2022);
    assert.equal(document.year?.source, 'title');
    assert.equal(document.agency, '济南市天桥区人民政府');
    assert.equal(document.template, '2021');
    assert.deepEqual(document.parts.map((p) => p.key), ['overview', 'active', 'requests', 'review', 'problems', 'other']);
  });
  test('all 200 cells mapped with the right values', () => {
    assert.equal(document.cells.size, 10 + 175 + 15);
    const v = (k: string) => document.cells.get(k)?.value;
    assert.equal(v('requests.new.total'), 323);
    assert.equal(v('requests.granted.natural'), 69);
    assert.equal(v('requests.processed.total'), 333);
    assert.equal(v('requests.carryover.total'), 12); // written "12 " with a trailing space
    assert.equal(v('requests.other.3.natural'), 11);
    assert.equal(v('review.reconsideration.total'), 56);
    assert.equal(v('review.afterReconsideration.total'), 38);
    assert.equal(v('active.licensing.decisions'), 69110);
    assert.equal(v('active.fees.amount'), 5952);
    assert.ok([...document.cells.values()].every((c) => c.status === 'ok'));
  });
  test('findings: "1、 总体情况" and "（4）"', () => {
    assert.deepEqual(summary(text), ['8:heading.numbering', '428:heading.numbering']);
    assert.match(findings[0].message, /序号应为“一、”，实为“1、”/);
    assert.match(findings[1].message, /（四）/);
  });
  test('the "1、" fix renumbers only the numeral', () => {
    const fix = findings[0].fixes![0];
    assert.deepEqual(fix.edits, [{ range: { start: { line: 7, character: 0 }, end: { line: 7, character: 2 } }, newText: '一、' }]);
  });
});

describe('seed 001 (槐荫区 2019, ten parts)', () => {
  const text = readSeed('001');
  const { document } = analyzeReport(text);
  test('2019 template from the year and from the tables', () => {
    assert.equal(document.year?.value, 2019);
    assert.equal(document.template, '2019');
    assert.deepEqual(document.tables.map((t) => [t.key, t.version]), [['active', '2019'], ['requests', '2019'], ['review', undefined]]);
    assert.equal(document.cells.size, 22 + 161 + 15);
    assert.equal(document.cells.get('active.licensing.delta')?.value, 98);
    assert.equal(document.cells.get('active.penalty.delta')?.value, -641);
    assert.equal(document.cells.get('active.procurement.amount')?.value, 77903.8);
    assert.equal(document.cells.get('requests.other.natural')?.value, 1);
  });
  test('reports missing 总体情况 and 其他需要报告的事项, extra parts, misnumbered official parts', () => {
    assert.deepEqual(summary(text), [
      '4:section.extra', '11:section.extra', '16:section.extra', '19:section.extra', '26:section.extra',
      '29:heading.numbering', '29:section.missing',
      '104:heading.numbering', '367:heading.numbering', '413:heading.numbering', '413:section.title',
      '418:section.extra', '418:section.missing',
    ]);
  });
});

describe('seed 002 (张店区 2023, title over two lines, cells wrapped across blank lines)', () => {
  const text = readSeed('002');
  const { document } = analyzeReport(text);
  test('meta', () => {
    assert.equal(document.year?.value, 2023);
    assert.equal(document.agency, '张店区人民政府办公室');
  });
  test('hints for the accepted part-title variants; part 六 lacks two customary items', () => {
    // 六 has the fee, 人大建议/政协提案, 创新, 《工作方案》落实 and 认为需要报告的其他事项, but neither
    // 年报数据统计需要说明的事项 nor 其他有关文件专门要求报告的事项.
    assert.deepEqual(summary(text), ['359:section.title', '418:section.title', '423:part6.item', '423:part6.item']);
  });
  test('table 四 header wrapped over blank lines still maps 15 numbers', () => {
    assert.equal(document.cells.get('review.direct.total')?.value, 1);
    assert.equal(document.cells.get('review.direct.pending')?.value, 1);
  });
});

describe('seed 003 (成武县 2022, "0三、" noise, extra empty cell)', () => {
  const text = readSeed('003');
  const { document } = analyzeReport(text);
  test('maps all cells despite the stray 0 and the trailing empty cell', () => {
    assert.equal(document.cells.size, 200);
    assert.equal(document.cells.get('requests.granted.natural')?.value, 42);
    assert.equal(document.cells.get('requests.processed.total')?.value, 47);
    assert.equal(document.cells.get('active.penalty.decisions')?.value, 10310);
    assert.equal(document.cells.get('active.fees.amount')?.value, 2648.66);
  });
  test('only the "（4）" heading, and the hint on citing 〔2019〕60号 in a 2022 report', () => {
    assert.deepEqual(summary(text), ['3:template.basis', '20:heading.numbering']);
  });
});

describe('seed 004 (东丽区 2022, pipe tables, no title, web footer)', () => {
  const text = readSeed('004');
  const { document } = analyzeReport(text);
  test('year from the statistics period, agency from the prose', () => {
    assert.equal(document.year?.value, 2022);
    assert.equal(document.year?.source, 'period');
    assert.equal(document.agency, '东丽区人民政府');
  });
  test('pipe cells mapped', () => {
    assert.deepEqual(document.tables.map((t) => t.shape), ['pipe', 'pipe', 'pipe']);
    assert.equal(document.cells.size, 200);
    assert.equal(document.cells.get('requests.new.total')?.value, 1600);
    assert.equal(document.cells.get('requests.processed.total')?.value, 1611);
    assert.equal(document.cells.get('requests.carryover.total')?.value, 17);
    assert.equal(document.cells.get('review.afterReconsideration.total')?.value, 17);
    assert.equal(document.cells.get('active.fees.amount')?.value, 3027.6557);
  });
  test('no warnings; part 六 has only the fee, the key points and a note on the statistics', () => {
    assert.deepEqual(summary(text), ['294:part6.item', '294:part6.item', '294:part6.item', '294:part6.item']);
    assert.deepEqual(analyzeReport(text).findings.map((f) => f.args!.item), [
      '人大代表建议和政协提案办理结果公开情况', '年度政务公开工作创新情况', '本机关认为需要报告的其他事项', '其他有关文件专门要求通过年报报告的事项',
    ]);
  });
});

describe('every seed in every table shape', () => {
  for (const seed of SEEDS) {
    for (const shape of ['markdown', 'tab', 'rows', 'aligned'] as const) {
      test(`${seed} as ${shape}: same cells, no sum findings`, () => {
        const original = analyzeReport(readSeed(seed));
        const converted = analyzeReport(seedIn(seed, shape));
        assert.equal(converted.document.cells.size, original.document.cells.size);
        for (const [k, c] of original.document.cells) assert.equal(converted.document.cells.get(k)?.value, c.value, k);
        // template.basis is about a citation in the prose (seed 003), not about the tables.
        assert.deepEqual(converted.findings.filter((f) => /^(sum|table|cell|template)\./.test(f.code) && f.code !== 'template.basis'), []);
      });
    }
  }
});
