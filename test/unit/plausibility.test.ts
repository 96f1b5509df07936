/**
 * Table 二 plausibility: more issued than in force + repealed (`table.plausibility`), and a 收费金额
 * that looks typed in 元 rather than 万元 (`table.unit`).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeReport, applyEdits } from '../../server/src/core';
import { SEEDS, readSeed, withTablesAs } from '../support/fixtures';
import { ofCode, setCells } from '../support/edit';

const findings = (text: string, code: string, locale: 'zh-cn' | 'en' = 'zh-cn') => ofCode(analyzeReport(text, { locale }).findings, code);

describe('table.plausibility', () => {
  for (const seed of SEEDS) {
    test(`seed ${seed.slice(0, 3)}: plausible`, () => {
      assert.deepEqual(findings(readSeed(seed), 'table.plausibility'), []);
      assert.deepEqual(findings(readSeed(seed), 'table.unit'), []);
    });
  }

  for (const shape of ['tab', 'pipe', 'markdown'] as const) {
    test(`issued > in force + repealed, at the issued cell with both others related (${shape})`, () => {
      const base = shape === 'pipe' ? readSeed('004') : withTablesAs(readSeed('000'), shape);
      // 000: normative issued 1, repealed 1, in force 2; 004: 3, 121, 62.
      const issued = shape === 'pipe' ? 184 : 4;
      const text = setCells(base, { 'active.normative.issued': issued });
      const [f] = findings(text, 'table.plausibility');
      assert.ok(f, 'finding');
      assert.equal(f.severity, 'warning');
      assert.equal(f.cell, 'active.normative.issued');
      const doc = analyzeReport(text).document;
      assert.deepEqual(f.range, doc.lines.rangeOf(doc.cells.get('active.normative.issued')!.span));
      const [effective, repealed] = shape === 'pipe' ? [62, 121] : [2, 1];
      assert.equal(f.message, `行政规范性文件：本年制发 ${issued} 件多于现行有效 ${effective} 件 + 本年废止 ${repealed} 件`);
      assert.deepEqual(f.related!.map((r) => r.cell), ['active.normative.effective', 'active.normative.repealed']);
    });
  }

  test('equal is fine; the English message names the row', () => {
    const base = readSeed('000');
    assert.deepEqual(findings(setCells(base, { 'active.normative.issued': 3 }), 'table.plausibility'), []);
    const [f] = findings(setCells(base, { 'active.rules.issued': 1 }), 'table.plausibility', 'en');
    assert.equal(f.message, 'rules: 1 issued exceeds 0 in force + 0 repealed');
  });
});

describe('table.unit', () => {
  test('5952 万元 is fine; 59520000 looks like 元: a hint with a non-preferred conversion fix', () => {
    const text = setCells(readSeed('000'), { 'active.fees.amount': '59520000' });
    const [f] = findings(text, 'table.unit');
    assert.equal(f.severity, 'hint');
    assert.equal(f.message, '表二行政事业性收费×本年收费金额（单位：万元）以万元计，“59520000”偏大，像是按元填写的；按万元应为 5952');
    assert.equal(f.fixes![0].preferred, false);
    const fixed = applyEdits(text, f.fixes![0].edits);
    assert.equal(analyzeReport(fixed).document.cells.get('active.fees.amount')?.value, 5952);
    assert.deepEqual(findings(fixed, 'table.unit'), []);
  });

  test('decimal amounts convert without float noise', () => {
    const text = setCells(readSeed('004'), { 'active.fees.amount': '30276557' });
    const [f] = findings(text, 'table.unit');
    assert.equal(f.fixes![0].edits[0].newText, '3027.6557');
  });
});
