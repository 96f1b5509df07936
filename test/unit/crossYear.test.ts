/**
 * Across years (docs/format.md, “Arithmetic relations”): this year's 上年结转 against last year's 结转下年度 per column
 * (`crossYear.carried`), and the 现行有效件数 chain (`crossYear.effective`), between two versions of a
 * seed's tables; never between different agencies or non-consecutive years.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compareWithPreviousYear, parseReport, sameAgency } from '../../server/src/core';
import { readSeed, withTablesAs } from '../support/fixtures';
import { setCells } from '../support/edit';

const COLUMNS = ['natural', 'business', 'research', 'nonprofit', 'legal', 'otherOrg', 'total'];

/** Seed 000 (2022) as last year; "this year" is the same report dated 2023 whose 上年结转 are 2022's 结转下年度. */
function pair(shape: 'tab' | 'pipe' | 'markdown' = 'tab') {
  const lastYear = withTablesAs(readSeed('000'), shape);
  const prev = parseReport(lastYear);
  const carried = Object.fromEntries(COLUMNS.map((c) => [`requests.carried.${c}`, prev.cells.get(`requests.carryover.${c}`)!.value!]));
  const thisYear = setCells(lastYear.replace(/2022/g, '2023'), carried);
  return { prev, thisYear };
}

describe('crossYear.carried', () => {
  for (const shape of ['tab', 'pipe', 'markdown'] as const) {
    test(`consistent years give nothing; one column changed gives one finding at that cell (${shape})`, () => {
      const { prev, thisYear } = pair(shape);
      assert.deepEqual(compareWithPreviousYear(prev, parseReport(thisYear)), []);
      const changed = setCells(thisYear, { 'requests.carried.natural': 13 });
      const cur = parseReport(changed);
      const fs = compareWithPreviousYear(prev, cur);
      assert.deepEqual(fs.map((f) => f.cell), ['requests.carried.natural']);
      const [f] = fs;
      assert.equal(f.code, 'crossYear.carried');
      assert.equal(f.severity, 'warning');
      assert.equal(f.message, '上年结转应为 12（2022年报告“结转下年度”），实为 13');
      assert.deepEqual(f.range, cur.lines.rangeOf(cur.cells.get('requests.carried.natural')!.span));
      assert.equal(f.fixes![0].edits[0].newText, '12');
      assert.equal(compareWithPreviousYear(prev, cur, { locale: 'en' })[0].message, 'Carried over should be 12 (carried into next year in the 2022 report), found 13');
    });
  }

  test('the seed as it stands: every column whose 上年结转 differs from 2022’s 结转下年度', () => {
    const prev = parseReport(readSeed('000'));
    const cur = parseReport(readSeed('000').replace(/2022/g, '2023'));
    const differing = COLUMNS.filter((c) => prev.cells.get(`requests.carryover.${c}`)!.value !== cur.cells.get(`requests.carried.${c}`)!.value);
    assert.ok(differing.length > 0);
    assert.deepEqual(compareWithPreviousYear(prev, cur).map((f) => f.cell), differing.map((c) => `requests.carried.${c}`));
  });

  test('never pairs different agencies, nor years that are not consecutive, nor the wrong way round', () => {
    const { prev, thisYear } = pair();
    const changed = setCells(thisYear, { 'requests.carried.natural': 13 });
    const otherAgency = parseReport(changed.replace('济南市天桥区人民政府2023年', '济南市历下区人民政府2023年'));
    assert.equal(sameAgency(prev, otherAgency), false);
    assert.deepEqual(compareWithPreviousYear(prev, otherAgency), []);
    const twoYearsLater = parseReport(changed.replace(/2023/g, '2024'));
    assert.deepEqual(compareWithPreviousYear(prev, twoYearsLater), []);
    assert.deepEqual(compareWithPreviousYear(parseReport(changed), prev), []);
  });

  test('an unknown agency never pairs', () => {
    const a = parseReport('2022年政府信息公开工作年度报告');
    const b = parseReport('2023年政府信息公开工作年度报告');
    assert.equal(sameAgency(a, b), false);
  });
});

describe('crossYear.effective', () => {
  test('in force = last year’s + issued − repealed; a break is information at the cell', () => {
    const { prev, thisYear } = pair();
    // 2022: normative in force 2; "2023" issues 1 and repeals 1, so 2 stay in force.
    assert.deepEqual(compareWithPreviousYear(prev, parseReport(thisYear)).filter((f) => f.code === 'crossYear.effective'), []);
    const cur = parseReport(setCells(thisYear, { 'active.normative.effective': 5 }));
    const [f] = compareWithPreviousYear(prev, cur);
    assert.equal(f.code, 'crossYear.effective');
    assert.equal(f.severity, 'information');
    assert.equal(f.cell, 'active.normative.effective');
    assert.equal(f.message, '现行有效件数按上年 2 + 制发 1 − 废止 1 应为 2，实为 5');
  });

  test('a blank or invalid cell in the chain gives nothing (no guessing)', () => {
    const { prev, thisYear } = pair();
    const cur = parseReport(setCells(thisYear, { 'active.normative.effective': 5, 'active.normative.repealed': '/' }));
    assert.deepEqual(compareWithPreviousYear(prev, cur), []);
  });
});

test('the crossYear.carried fix is titled in the locale', () => {
  const { prev, thisYear } = pair();
  const cur = parseReport(setCells(thisYear, { 'requests.carried.natural': 13 }));
  assert.match(compareWithPreviousYear(prev, cur)[0].fixes![0].title, /^将.+改为 12$/);
  assert.match(compareWithPreviousYear(prev, cur, { locale: 'en' })[0].fixes![0].title, /^Set .+ to 12$/);
});
