/**
 * Numbering at every level (docs/format.md, “The six parts”): headings 一、→（一）→1.→（1） count up without gaps
 * (`heading.numbering`), and "一是…二是…三是" enumerations too (`heading.sequence`, information).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeReport, applyEdits } from '../../server/src/core';
import { enumerationMarkers } from '../../server/src/core/rules/heading.sequence';
import { SEEDS, readSeed } from '../support/fixtures';
import { ofCode, rangeIn, replaceOnce } from '../support/edit';

const findings = (text: string, code: string) => ofCode(analyzeReport(text).findings, code);

describe('heading.sequence', () => {
  for (const seed of SEEDS) {
    test(`seed ${seed.slice(0, 3)}: every 一是…二是… runs in order`, () => {
      assert.deepEqual(findings(readSeed(seed), 'heading.sequence'), []);
    });
  }

  test('a repeated 三是 is flagged with the fix to 四是, once', () => {
    const base = readSeed('000');
    // Seed 000 part 一 （二）3. has 一是, 二是, 三是; make a fourth paragraph that says 三是 again.
    const context = '三是做好重大决策公开与互动交流。';
    const text = replaceOnce(base, context, `${context}\n三是加强队伍建设。`);
    const fs = findings(text, 'heading.sequence');
    assert.equal(fs.length, 1);
    const [f] = fs;
    assert.equal(f.severity, 'information');
    assert.equal(f.message, '此处应为“四是”，实为“三是”');
    assert.deepEqual(f.range, rangeIn(text, '\n三是加强队伍建设', '三是'));
    const fixed = applyEdits(text, f.fixes![0].edits);
    assert.ok(fixed.includes('\n四是加强队伍建设。'));
    assert.deepEqual(findings(fixed, 'heading.sequence'), []);
  });

  test('a gap (一是…三是) is flagged; a new 一是 after a heading starts again', () => {
    const text = replaceOnce(readSeed('000'), '二是持续规范管理。', '三是持续规范管理。');
    const [f] = findings(text, 'heading.sequence');
    assert.equal(f.args!.expected, '二是');
    assert.equal(f.args!.actual, '三是');
    assert.equal(findings(text, 'heading.sequence').length, 1);
  });

  test('not in words like 统一是 or 唯一是, nor inside tables', () => {
    const text = replaceOnce(readSeed('000'), '三是做好重大决策公开与互动交流。', '三是做好重大决策公开与互动交流，统一是原则，唯一是目标。');
    assert.deepEqual(findings(text, 'heading.sequence'), []);
  });
});

describe('heading.numbering at every level', () => {
  test('a skipped level-3 numeral (1. 2. 4.) gets the fix to 3.', () => {
    const text = replaceOnce(readSeed('000'), '3. 着力优化政策解读与公众参与', '4. 着力优化政策解读与公众参与');
    const [f] = findings(text, 'heading.numbering').filter((x) => x.args!.actual === '4.');
    assert.ok(f);
    assert.equal(f.message, '序号应为“3.”，实为“4.”');
    assert.deepEqual(f.range, rangeIn(text, '4. 着力优化政策解读', '4.'));
  });

  test('a repeated level-2 numeral （三）（三） is flagged', () => {
    const text = replaceOnce(readSeed('000'), '（五）本行政机关政府信息公开工作年度报告数据统计需要说明的事项', '（三）本行政机关政府信息公开工作年度报告数据统计需要说明的事项');
    const fs = findings(text, 'heading.numbering').filter((x) => x.args!.actual === '（三）');
    assert.equal(fs.length, 1);
    assert.equal(fs[0].args!.expected, '（五）');
  });
});

test('enumerationMarkers: one or two numerals before 是, after a break or at the start', () => {
  const found = (text: string) => [...enumerationMarkers(text)].map((m) => `${m.start}:${m.numeral}`);
  assert.deepEqual(found('一是加强。二是完善；十二是'), ['0:一', '5:二', '10:十二']);
  assert.deepEqual(found('统一是标准，三十二是数'), []);
  assert.deepEqual(found('是，是一是'), []);
  assert.deepEqual(found('\n（十一是'), ['2:十一']);
});
