/**
 * Mutation tests: raising any single numeric cell of tables 三 and 四 of any seed by one, in every
 * table shape, must produce exactly the `sum.*` findings of the relations that cell takes part in,
 * each on the relation's target cell. The expectation comes from the template's relation data, the
 * positions from the unmutated text; the analysis under test sees only the mutated text.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeReport, parseReport } from '../../server/src/core';
import { relations } from '../../server/src/core/template';
import { SEEDS, readSeed, seedIn, type TestShape } from '../support/fixtures';

const SHAPES: (TestShape | 'original')[] = ['original', 'markdown', 'tab', 'rows', 'aligned'];

for (const seed of SEEDS) {
  describe(`mutations of ${seed}`, () => {
    for (const shape of SHAPES) {
      test(`every table 三/四 cell, ${shape} tables`, () => {
        const text = seedIn(seed, shape);
        const doc = parseReport(text);
        const version = doc.tables.find((t) => t.key === 'requests')!.version ?? doc.template;
        const rels = relations(version);
        let checked = 0;
        for (const cell of doc.cells.values()) {
          if (cell.table === 'active') continue;
          const newValue = String(cell.value! + 1);
          const mutated = text.slice(0, cell.span.start) + newValue + text.slice(cell.span.end);
          const delta = newValue.length - (cell.span.end - cell.span.start);
          const shift = (offset: number) => (offset > cell.span.start ? offset + delta : offset);

          const expected = rels
            .filter((r) => r.target === cell.key || r.plus.includes(cell.key) || r.minus.includes(cell.key))
            .map((r) => {
              const target = doc.cells.get(r.target)!;
              const start = doc.lines.positionAt(shift(target.span.start));
              return `${r.code}@${r.target}@${start.line}:${start.character}`;
            })
            .sort();
          const actual = analyzeReport(mutated)
            .findings.filter((f) => f.code.startsWith('sum.'))
            .map((f) => `${f.code}@${f.cell}@${f.range.start.line}:${f.range.start.character}`)
            .sort();
          assert.deepEqual(actual, expected, `${cell.key} ${cell.value}→${newValue}`);
          checked++;
        }
        assert.equal(checked, 175 - (version === '2019' ? 14 : 0) + 15);
      });
    }
  });
}

describe('messages name expected, actual and the formula', () => {
  test('row total (zh)', () => {
    const text = readSeed('000');
    const doc = parseReport(text);
    const c = doc.cells.get('requests.processed.total')!;
    const mutated = text.slice(0, c.span.start) + '334' + text.slice(c.span.end);
    const f = analyzeReport(mutated).findings.find((x) => x.code === 'sum.columnTotal' && x.cell === 'requests.processed.total')!;
    assert.equal(f.message, '（七）总计应为 333（69+35+8+198+6+17），实为 334');
    assert.equal(f.severity, 'error');
    assert.equal(f.fixes?.[0].edits[0].newText, '333');
    assert.equal(f.fixes?.[0].preferred, true);
    assert.ok(f.related && f.related.length > 0);
  });
  test('balance (en) offers a non-preferred fix of 四', () => {
    const text = readSeed('000');
    const doc = parseReport(text);
    const c = doc.cells.get('requests.new.natural')!;
    const mutated = text.slice(0, c.span.start) + '324' + text.slice(c.span.end);
    const f = analyzeReport(mutated, { locale: 'en' }).findings.find((x) => x.code === 'sum.balance' && x.cell === 'requests.carryover.natural')!;
    assert.match(f.message, /new \+ carried = 346 \(324\+22\) but processed \+ carried over = 345 \(333\+12\); carried over should be 13, found 12/);
    assert.equal(f.fixes?.[0].preferred, false);
    assert.equal(f.fixes?.[0].edits[0].newText, '13');
  });
});
