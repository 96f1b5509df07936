/**
 * Reports drafted in Markdown mark their headings up: "## 一、总体情况", "**一、总体情况**" (Word documents
 * converted with pandoc), or both. The markup is not part of the numeral or the title: such a report
 * gets the same findings as the plain one, and fixes keep the markup.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeReport, applyEdits, parseReport } from '../../server/src/core';
import { looksLikeReport } from '../../shared/detect';
import { readSeed, withTablesAs } from '../support/fixtures';

type Style = (level: number, heading: string) => string;
const STYLES: Record<string, Style> = {
  atx: (level, h) => `${'#'.repeat(level)} ${h}`,
  'atx with closing #s': (level, h) => `${'#'.repeat(level)} ${h} ${'#'.repeat(level)}`,
  bold: (_, h) => `**${h}**`,
  underscores: (_, h) => `__${h}__`,
  'atx and bold': (level, h) => `${'#'.repeat(level)} **${h}**`,
};

/** Seed 002 as a Markdown draft: Markdown tables, title and part and （一） headings marked up. */
function markedUp(style: Style): string {
  return withTablesAs(readSeed('002'), 'markdown')
    .replace(/^(\d{4}年政府信息公开工作年度报告)$/m, (m) => style(1, m))
    .replace(/^([一二三四五六]、[^\n]*)$/gm, (m) => style(2, m))
    .replace(/^(（[一二三四五六七八九十]）[^。\n]*)$/gm, (m) => style(3, m));
}

const summary = (text: string) => {
  const { document, findings } = analyzeReport(text);
  return {
    findings: findings.map((f) => `${f.code} ${f.message}`),
    parts: document.parts.map((p) => `${p.key} ${p.heading.numeral} ${p.heading.title}`),
    year: document.year?.value,
    agency: document.agency,
  };
};

describe('Markdown headings', () => {
  const plain = summary(withTablesAs(readSeed('002'), 'markdown'));

  for (const [name, style] of Object.entries(STYLES)) {
    test(`${name}: the same parts and findings as without markup`, () => {
      const text = markedUp(style);
      assert.notEqual(text, withTablesAs(readSeed('002'), 'markdown'));
      assert.deepEqual(summary(text), plain);
      assert.ok(looksLikeReport(text));
      // Numeral and title spans cover just the numeral and the title.
      for (const p of parseReport(text).parts) {
        assert.equal(text.slice(p.heading.numeralSpan.start, p.heading.numeralSpan.end), p.heading.numeral);
        assert.equal(text.slice(p.heading.titleSpan.start, p.heading.titleSpan.end), p.heading.title);
      }
    });
  }

  test('the title line keeps its year and agency under markup', () => {
    const text = readSeed('000').replace('济南市天桥区人民政府2022年政府信息公开工作年度报告', '# **济南市天桥区人民政府2022年政府信息公开工作年度报告**');
    const doc = parseReport(text);
    assert.equal(doc.year?.value, 2022);
    assert.equal(doc.agency, '济南市天桥区人民政府');
    assert.equal(doc.title?.text, '济南市天桥区人民政府2022年政府信息公开工作年度报告');
  });

  test('a renumbering fix changes only the numeral; an inserted part takes the neighbours\' markup', () => {
    const text = markedUp(STYLES['atx and bold']);
    const misnumbered = text.replace('## **二、', '## **2、');
    const renumber = analyzeReport(misnumbered).findings.find((f) => f.code === 'heading.numbering')!;
    assert.equal(applyEdits(misnumbered, renumber.fixes![0].edits), text);

    const start = text.indexOf('## **五、');
    const withoutPart5 = text.slice(0, start) + text.slice(text.indexOf('\n', start) + 1);
    const missing = analyzeReport(withoutPart5).findings.find((f) => f.code === 'section.missing')!;
    const fixed = applyEdits(withoutPart5, missing.fixes![0].edits);
    assert.match(fixed, /^## \*\*五、存在的主要问题及改进情况\*\*$/m);
    assert.ok(!analyzeReport(fixed).findings.some((f) => f.code === 'section.missing'));
  });

  test('a line of # or * that is not a heading marker stays prose', () => {
    const doc = parseReport('2023年政府信息公开工作年度报告\n#一、总体情况\n####### 二、主动公开政府信息情况\n*三、收到和处理政府信息公开申请情况\n#\n**\n');
    assert.deepEqual(doc.parts.map((p) => p.key), []);
  });
});
