/**
 * Part 六 since 2021 (docs/format.md, “The six parts”): `part6.fee` when no sentence says whether 信息处理费 was
 * charged (行政事业性收费 is a different fee), `part6.item` for each absent customary item.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeReport } from '../../server/src/core';
import { SEEDS, readSeed } from '../support/fixtures';
import { ofCode, rangeIn, replaceOnce } from '../support/edit';

const findings = (text: string, code: string, locale: 'zh-cn' | 'en' = 'zh-cn') => ofCode(analyzeReport(text, { locale }).findings, code);
const FEE_HEADING_000 = '（一）依据《政府信息公开信息处理费管理办法》收取信息处理费的情况';

describe('part6.fee', () => {
  for (const seed of SEEDS) {
    test(`seed ${seed.slice(0, 3)} says whether the fee was charged (or is a 2019 report)`, () => {
      assert.deepEqual(findings(readSeed(seed), 'part6.fee'), []);
    });
  }

  test('the item heading alone is not a statement: flagged at the heading’s mention', () => {
    const text = replaceOnce(readSeed('000'), '本年度未收取信息处理费。\n', '');
    const fs = findings(text, 'part6.fee');
    assert.equal(fs.length, 1);
    assert.equal(fs[0].severity, 'warning');
    assert.equal(fs[0].message, '第六部分没有说明是否收取信息处理费（《政府信息公开信息处理费管理办法》）');
    assert.deepEqual(fs[0].range, rangeIn(text, FEE_HEADING_000, '信息处理费'));
    assert.equal(findings(text, 'part6.fee', 'en')[0].message, 'Part 六 does not say whether information processing fees were charged');
  });

  test('a sentence under the heading that does not answer is not enough', () => {
    const text = replaceOnce(readSeed('000'), '本年度未收取信息处理费。', '本年度严格执行有关规定。');
    assert.equal(findings(text, 'part6.fee').length, 1);
  });

  test('“无。” under the item heading answers it', () => {
    const text = replaceOnce(readSeed('000'), '本年度未收取信息处理费。', '无。');
    assert.deepEqual(findings(text, 'part6.fee'), []);
  });

  test('no mention at all: flagged at the part heading; 行政事业性收费 does not count', () => {
    const text = replaceOnce(readSeed('000'), `${FEE_HEADING_000}\n本年度未收取信息处理费。`, '（一）本年度行政事业性收费0万元，无变化。');
    const [f] = findings(text, 'part6.fee');
    assert.ok(f);
    assert.deepEqual(f.range, rangeIn(text, '六、其他需要报告的事项', '其他需要报告的事项'));
  });

  test('seed 004 states it through the notices and the amount paid', () => {
    const text = readSeed('004');
    assert.deepEqual(findings(text, 'part6.fee'), []);
    const vague = replaceOnce(text, '我区全年已处理的信息公开件共发出5份政府信息公开收费通知书,其中1份收到申请人缴款,共计240元;其余4份未收到缴费,申请人放弃申请。', '');
    assert.equal(findings(vague, 'part6.fee').length, 1);
  });

  test('not for a 2019 report, nor when part 六 is missing (section.missing says so)', () => {
    assert.deepEqual(findings(readSeed('001'), 'part6.fee'), []);
    const text = readSeed('000');
    const without6 = text.slice(0, text.indexOf('六、其他需要报告的事项'));
    assert.deepEqual(findings(without6, 'part6.fee'), []);
    assert.equal(findings(without6, 'section.missing').length, 1);
  });

  test('turned off by the rules setting', () => {
    const text = replaceOnce(readSeed('000'), '本年度未收取信息处理费。\n', '');
    assert.deepEqual(ofCode(analyzeReport(text, { rules: { 'part6.fee': 'off' } }).findings, 'part6.fee'), []);
  });
});

describe('part6.item', () => {
  test('seeds 000 and 003 cover all seven items', () => {
    assert.deepEqual(findings(readSeed('000'), 'part6.item'), []);
    assert.deepEqual(findings(readSeed('003'), 'part6.item'), []);
  });

  test('an item removed from seed 003 is reported, in Chinese and English, at the part heading', () => {
    const text = replaceOnce(readSeed('003'), '（七）其他有关文件专门要求通过政府信息公开工作年度报告予以报告的事项：无。', '');
    const [f] = findings(text, 'part6.item');
    assert.equal(f.severity, 'information');
    assert.equal(f.message, '第六部分未涉及“其他有关文件专门要求通过年报报告的事项”');
    assert.deepEqual(f.range, rangeIn(text, '六、其他需要报告的事项', '其他需要报告的事项'));
    assert.equal(findings(text, 'part6.item', 'en')[0].message, 'Part 六 does not cover “matters other documents require the report to cover”');
  });

  test('the part heading’s own words do not count as item （六）', () => {
    const text = replaceOnce(readSeed('003'), '（六）本行政机关认为需要报告的其他事项：无。', '');
    assert.deepEqual(findings(text, 'part6.item').map((f) => f.args!.item), ['本机关认为需要报告的其他事项']);
  });
});
