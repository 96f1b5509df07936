/**
 * The rule catalogue is the single source of the rules page: docs/rules.md must equal what is
 * generated from the rules it lists (run with UPDATE_DOCS=1 to rewrite the page after changing a rule).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { RULES, format, ruleDocsUrl } from '../../server/src/core';
import { ROOT } from '../support/fixtures';

const SEVERITY_ZH = { error: '错误', warning: '警告', information: '信息', hint: '提示' } as const;

/** A report excerpt as a fenced block. */
const example = (label: string, text: string) => [label, '', '```text', text, '```', ''];

function rulesPage(): string {
  const out = [
    '# Rules / 规则',
    '',
    '<!-- Generated from server/src/core/rules/*.ts (listed in rules/catalogue.ts) by test/unit/catalogue.test.ts (UPDATE_DOCS=1). Do not edit by hand. -->',
    '',
    'Every finding code, its default severity and whether a quick fix exists. Severities can be changed or',
    'turned off per code in the editor setting `govAnnualReport.rules` or in `.govreportrc.json`.',
    '',
    '| code | severity | fix | 说明 | description |',
    '|---|---|---|---|---|',
    ...RULES.map((r) => `| [\`${r.code}\`](#${r.code.replace(/\./g, '').toLowerCase()}) | ${r.severity} | ${r.fixable ? '✓' : ''} | ${r.description.zh} | ${r.description.en} |`),
    '',
  ];
  for (const r of RULES) {
    out.push(
      `## ${r.code}`, '', `${SEVERITY_ZH[r.severity]} / ${r.severity}${r.fixable ? ' · 可快速修复 / quick fix' : ''}`, '',
      `${r.description.zh}。`, '', `${r.description.en}.`, '',
      `- 消息：${r.message.zh}`, `- Message: ${r.message.en}`, '',
      `为什么：${r.docs.why.zh}`, '', `Why: ${r.docs.why.en}`, '',
      ...example('不符合 / Bad:', r.docs.bad),
      ...example('符合 / Good:', r.docs.good),
    );
  }
  return out.join('\n');
}

test('docs/rules.md is generated from the catalogue', () => {
  const file = path.join(ROOT, 'docs', 'rules.md');
  if (process.env.UPDATE_DOCS) fs.writeFileSync(file, rulesPage());
  assert.equal(fs.readFileSync(file, 'utf8'), rulesPage());
});

test('every rule has a unique code, both languages, and a docs anchor', () => {
  const codes = RULES.map((r) => r.code);
  assert.equal(new Set(codes).size, codes.length);
  for (const r of RULES) {
    assert.ok(r.message.zh && r.message.en && r.description.zh && r.description.en, r.code);
    assert.ok(r.docs.why.zh && r.docs.why.en && r.docs.bad && r.docs.good && r.docs.bad !== r.docs.good, r.code);
    assert.ok(r.check || r.compare || r.reportedWhenDecoding, `${r.code} checks something`);
    assert.match(ruleDocsUrl(r.code), new RegExp(`#${r.code.replace(/\./g, '').toLowerCase()}$`));
  }
  for (const code of ['section.missing', 'section.order', 'section.duplicate', 'section.title', 'heading.numbering', 'table.missing', 'table.unparsed', 'cell.invalid', 'cell.blank', 'sum.rowTotal', 'sum.columnTotal', 'sum.balance', 'sum.reviewTotal', 'template.version']) {
    assert.ok(codes.includes(code), code);
  }
});

test('format fills every {name} placeholder and keeps unknown ones', () => {
  assert.equal(format('总计应为 {expected}（{formula}），实为 {actual}', { expected: 333, formula: '69+35', actual: '334' }), '总计应为 333（69+35），实为 334');
  assert.equal(format('{a}{a}-{b}', { a: 1, b: 0 }), '11-0');
  assert.equal(format('{a} and {missing}', { a: 'x' }), 'x and {missing}');
  assert.equal(format('no placeholders', { a: 1 }), 'no placeholders');
  assert.equal(format('{a}', { a: '' }), '');
  assert.equal(format('{a}', {}), '{a}', 'the second call reads the cached pieces the same way');
});
