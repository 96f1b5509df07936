/**
 * looksLikeReport: what the client auto-detects and what a folder check takes. Yes to every seed and to
 * a draft that has only its title; no to a README or a note that talks about reports in prose.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { looksLikeReport } from '../../shared/detect';
import { ROOT, SEEDS, readSeed, seedIn, withTablesAs } from '../support/fixtures';

test('every seed, in every table shape, looks like a report', () => {
  for (const seed of SEEDS) {
    assert.ok(looksLikeReport(readSeed(seed)), seed);
    assert.ok(looksLikeReport(withTablesAs(readSeed(seed), 'markdown')), `${seed} as Markdown`);
    assert.ok(looksLikeReport(seedIn(seed, 'aligned')), `${seed} as PDF text`);
  }
});

test('the start of a draft is enough', () => {
  assert.ok(looksLikeReport('济南市某某局2024年政府信息公开工作年度报告\n'), 'the title alone');
  assert.ok(looksLikeReport('某某局\n\n2024年度政府信息公开工作年度报告\n\n一、总体情况\n'), 'agency and title on two lines');
  assert.ok(looksLikeReport('三、收到和处理政府信息公开申请情况\n'), 'the part 三 heading');
  assert.ok(looksLikeReport('收到和处理政府信息公开申请情况\n\t本年新收政府信息公开申请数量\n'), 'the table 三 caption on its own line');
  // Seed 004's kind: no title, the first sentence names the report, then the official parts.
  assert.ok(looksLikeReport('本政府信息公开工作年度报告按照《条例》要求编制。\n一、总体情况\n过去一年……\n'));
});

test('a title after long opening lines is found as before (the quick look covers 2,000 characters)', () => {
  const long = '说明'.repeat(400); // 800 characters
  const text = `${long}\n${long}\n${long}\n某某局2024年政府信息公开工作年度报告\n`;
  assert.ok(text.indexOf('某某局') > 2000);
  assert.ok(looksLikeReport(text));
  // PDF text: a page break before the title line, and the year set apart by spaces.
  assert.ok(looksLikeReport('\f济南市天桥区人民政府 2022 年政府信息公开工作年度报告\n'));
});

test('text that only talks about reports does not', () => {
  assert.ok(!looksLikeReport(''));
  assert.ok(!looksLikeReport('# 年报归档\n\n各部门的政府信息公开工作年度报告按年份存放在本文件夹。\n'), 'a folder README');
  assert.ok(!looksLikeReport('会议纪要\n\n一、会议要求各单位在1月31日前报送政府信息公开工作年度报告。\n二、收到和处理政府信息公开申请情况要逐项核对。\n'),
    'minutes that name the report and the caption in sentences');
  assert.ok(!looksLikeReport('一、总体情况\n本季度工作平稳。\n'), 'an official part title without the report named');
  // This project's own documents describe the format at length; none of them is a report.
  for (const doc of ['README.md', ...fs.readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => path.join('docs', f))]) {
    assert.ok(!looksLikeReport(fs.readFileSync(path.join(ROOT, doc), 'utf8')), doc);
  }
});
