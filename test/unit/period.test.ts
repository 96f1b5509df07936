/**
 * Years and periods (docs/format.md, “Which template a report follows”, “The prose against the tables”): title year, every statistics-period sentence and template
 * version agree (`period.year`); a 2021+ report citing 〔2019〕60号 gets `template.basis`.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeReport, type AnalyzeOptions } from '../../server/src/core';
import { SEEDS, readSeed } from '../support/fixtures';
import { ofCode, rangeIn, replaceOnce } from '../support/edit';

const findings = (text: string, code: string, options: AnalyzeOptions = {}) => ofCode(analyzeReport(text, options).findings, code);
const PERIOD_000 = '统计期限自2022年1月1日起至2022年12月31日止';

describe('period.year', () => {
  for (const seed of SEEDS) {
    test(`seed ${seed.slice(0, 3)}: title, period and template agree`, () => {
      assert.deepEqual(findings(readSeed(seed), 'period.year'), []);
    });
  }

  test('last year’s period left in this year’s report: each sentence flagged at its year, fix to the title year', () => {
    const text = readSeed('000').split(PERIOD_000).join('统计期限自2021年1月1日起至2021年12月31日止');
    const fs = findings(text, 'period.year');
    assert.equal(fs.length, 2); // seed 000 states its period twice (preamble and part 六)
    const [f] = fs;
    assert.equal(f.severity, 'warning');
    assert.equal(f.message, '统计期限为2021年1月1日至2021年12月31日，与标题年度 2022 年不符');
    const first = text.indexOf('2021年1月1日');
    const { lines } = analyzeReport(text).document;
    assert.deepEqual(f.range, lines.rangeOf({ start: first, end: first + 4 }));
    assert.equal(f.fixes![0].edits.length, 2);
    assert.ok(f.fixes![0].edits.every((e) => e.newText === '2022'));
    assert.equal(f.related![0].message, '标题年度：2022');
    assert.deepEqual(f.related![0].range, { start: { line: 1, character: 10 }, end: { line: 1, character: 14 } });
    const [en] = findings(text, 'period.year', { locale: 'en' });
    assert.equal(en.message, 'The statistics period 2021-01-01 to 2021-12-31 is not the title year 2022');
  });

  test('only the end year wrong: flagged at that year', () => {
    const text = readSeed('003').replace('至2022年12月31日止', '至2023年12月31日止');
    const [f] = findings(text, 'period.year');
    assert.deepEqual(f.range, rangeIn(text, '至2023年12月31日止', '2023'));
    assert.deepEqual(f.fixes![0].edits.map((e) => e.newText), ['2022']);
  });

  test('a period that is not a whole calendar year', () => {
    const text = readSeed('002').replace('至2023年12月31日止', '至2023年6月30日止');
    const [f] = findings(text, 'period.year');
    assert.equal(f.message, '统计期限2023年1月1日至2023年6月30日不是完整的公历年度（应为2023年1月1日至2023年12月31日）');
    assert.deepEqual(f.range, rangeIn(text, '2023年1月1日起，至2023年6月30日', '2023年1月1日起，至2023年6月30日'));
  });

  test('title and period on different sides of 2021 name both templates', () => {
    const text = replaceOnce(readSeed('003'), '成武县人民政府\n2022年', '成武县人民政府\n2020年');
    const [f] = findings(text, 'period.year');
    assert.equal(f.message, '统计期限为2022年1月1日至2022年12月31日，与标题年度 2020 年不符（2020年适用2019版格式，2022年适用2021版）');
  });

  test('seed 004 has no title: the period gives the year, nothing to compare', () => {
    assert.equal(analyzeReport(readSeed('004')).document.year?.source, 'period');
    assert.deepEqual(findings(readSeed('004'), 'period.year'), []);
  });

  test('a template forced by the settings that does not fit the year', () => {
    const [f] = findings(readSeed('000'), 'period.year', { template: '2019' });
    assert.equal(f.message, '2022年度报告适用2021版格式，检查设置指定了2019版');
    assert.deepEqual(f.range, { start: { line: 1, character: 10 }, end: { line: 1, character: 14 } });
    assert.deepEqual(findings(readSeed('000'), 'period.year', { template: '2021' }), []);
  });
});

describe('template.basis', () => {
  test('seed 003 (2022) cites 国办公开办函〔2019〕60号: a hint on the citation', () => {
    const text = readSeed('003');
    const fs = findings(text, 'template.basis');
    assert.equal(fs.length, 1);
    assert.equal(fs[0].severity, 'hint');
    assert.deepEqual(fs[0].range, rangeIn(text, '（国办公开办函〔2019〕60号）', '国办公开办函〔2019〕60号'));
    assert.equal(fs[0].message, '2022年度报告适用国办公开办函〔2021〕30号，〔2019〕60号已被替代');
  });

  test('no hint for 〔2021〕30号, nor for a 2019 or 2020 report citing 60号', () => {
    const text = readSeed('003');
    assert.deepEqual(findings(text.replace('〔2019〕60号', '〔2021〕30号'), 'template.basis'), []);
    const in2020 = text.replace(/2022年/g, '2020年');
    assert.equal(analyzeReport(in2020).document.year?.value, 2020);
    assert.deepEqual(findings(in2020, 'template.basis'), []);
    for (const seed of ['000', '001', '002', '004']) assert.deepEqual(findings(readSeed(seed), 'template.basis'), [], seed);
    const both = text.replace('（国办公开办函〔2019〕60号）', '（国办公开办函〔2019〕60号、国办公开办函〔2021〕30号）');
    assert.deepEqual(findings(both, 'template.basis'), []);
  });
});
