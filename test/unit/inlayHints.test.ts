/** Inlay hints and the few terms a sum finding names (issue 19, "say less, better"), on the core. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeReport, inlayHints, parseReport, type Cell } from '../../server/src/core';
import { MAX_RELATED_TERMS, relatedTerms } from '../../server/src/core/rules/sums';
import { readSeed, seedIn } from '../support/fixtures';

function withCell(text: string, key: string, value: string): string {
  const c = parseReport(text).cells.get(key)!;
  return text.slice(0, c.span.start) + value + text.slice(c.span.end);
}

describe('inlay hints', () => {
  test('pipe shape (`557 |`, one cell per line): a column label before every cell', () => {
    const text = readSeed('004');
    const { document, findings } = analyzeReport(text);
    const hints = inlayHints(document, findings, 'zh-cn');
    const alone = document.tables.filter((t) => t.shape === 'pipe').flatMap((t) => t.cells);
    assert.ok(alone.length >= 200, `${alone.length} pipe cells`);
    assert.equal(hints.filter((h) => h.kind === 'column').length, alone.length);
    assert.equal(hints.filter((h) => h.kind === 'expected').length, 0, 'a consistent report has no expected values');
  });
  test('PDF text (aligned) and Markdown rows get no column labels; off by option', () => {
    for (const shape of ['aligned', 'markdown'] as const) {
      const { document, findings } = analyzeReport(seedIn('000_dc17b29f247dd138.txt', shape));
      assert.deepEqual(inlayHints(document, findings, 'zh-cn'), [], shape);
    }
    const { document, findings } = analyzeReport(readSeed('000'));
    assert.deepEqual(inlayHints(document, findings, 'zh-cn', { columnLabels: false }), []);
  });
  test('a total broken two ways with two different expected values shows both; a rule turned off hides its hint', () => {
    // 自然人 of （一）予以公开 69 → 70: the row total (69) should be 70, the （七）总计 自然人 (333) should be 334.
    const text = withCell(readSeed('000'), 'requests.granted.natural', '70');
    const { document, findings } = analyzeReport(text);
    const expected = inlayHints(document, findings, 'en', { columnLabels: false });
    assert.deepEqual(expected.map((h) => h.label), ['← should be 70', '← should be 334']);
    const off = analyzeReport(text, { rules: { 'sum.rowTotal': 'off' } });
    assert.deepEqual(inlayHints(off.document, off.findings, 'zh-cn', { columnLabels: false }).map((h) => h.label), ['← 应为 334']);
  });
});

describe('the terms a sum finding names', () => {
  const cell = (value: number, i: number) => ({ key: `k${i}`, value }) as Cell;
  test('all of few terms, zeros included; else the non-zero ones; at most five, the largest, in order', () => {
    assert.deepEqual(relatedTerms([0, 0, 3].map(cell)).map((c) => c.value), [0, 0, 3]);
    assert.deepEqual(relatedTerms([0, 4, 0, 0, 0, 5].map(cell)).map((c) => c.value), [4, 5]);
    const many = [1, 0, 9, 2, 8, 0, 7, 3, 6].map(cell);
    assert.deepEqual(relatedTerms(many).map((c) => c.value), [9, 8, 7, 3, 6]);
    assert.equal(MAX_RELATED_TERMS, 5);
  });
});
