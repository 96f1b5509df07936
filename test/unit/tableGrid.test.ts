/**
 * The table view's grid model (core/tableGrid.ts) on the seeds in every shape the parser reads: the
 * template's headers, one cell per template cell, each cell's range pointing at its text, and the marks
 * the view draws (broken total with its expected value and formula, blank, invalid, contradicted by the
 * prose), and read-only for published PDF-layout text.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { analyzeReport, parseReport, tableGrid, type GridCell, type TableGridModel } from '../../server/src/core';
import { REQUEST_COLUMNS, REVIEW_COLUMNS, REVIEW_GROUPS, cellKeys, requestRows } from '../../server/src/core/template';
import { LAYOUT_DIR, SEEDS, seedIn, type TestShape } from '../support/fixtures';

function gridOf(text: string, locale: 'zh-cn' | 'en' = 'zh-cn'): TableGridModel {
  const { document, findings } = analyzeReport(text, { locale });
  return tableGrid(document, findings, locale);
}

function cellsOf(model: TableGridModel, table?: string): GridCell[] {
  return model.tables
    .filter((t) => !table || t.key === table)
    .flatMap((t) => t.sections.flatMap((s) => s.rows.flatMap((r) => r.cells)));
}

function cell(model: TableGridModel, key: string): GridCell {
  const c = cellsOf(model).find((x) => x.key === key);
  assert.ok(c, `no grid cell ${key}`);
  return c;
}

/** The text with one cell (by key) set to `value`. */
function setCell(text: string, key: string, value: string): string {
  const span = parseReport(text).cells.get(key)!.span;
  return text.slice(0, span.start) + value + text.slice(span.end);
}

/** The text a grid cell's range covers. */
function textAt(text: string, c: GridCell): string {
  const lines = parseReport(text).lines;
  return text.slice(lines.offsetAt(c.range!.start), lines.offsetAt(c.range!.end));
}

const SHAPES: (TestShape | 'original')[] = ['original', 'tab', 'pipe', 'markdown', 'rows', 'aligned'];
const SEED_000 = seedIn(SEEDS[0], 'original');

describe('table grid', () => {
  for (const seed of SEEDS) {
    for (const shape of SHAPES) {
      test(`${seed.slice(0, 3)}/${shape}: three tables with the template's headers, every cell at its text`, () => {
        const text = seedIn(seed, shape);
        const model = gridOf(text);
        assert.deepEqual(model.tables.map((t) => [t.key, t.numeral, t.found]), [['active', '二', true], ['requests', '三', true], ['review', '四', true]]);
        const requests = model.tables[1];
        assert.equal(requests.sections.length, 1);
        assert.deepEqual(requests.sections[0].columns.map((c) => c.label), REQUEST_COLUMNS.map((c) => c.label.zh));
        assert.deepEqual(requests.sections[0].rows.map((r) => r.label), requestRows(requests.version).map((r) => r.label.zh));
        const review = model.tables[2].sections[0];
        assert.deepEqual(review.columns.map((c) => c.label), REVIEW_COLUMNS.map((c) => c.label.zh));
        assert.deepEqual(review.rows.map((r) => r.label), REVIEW_GROUPS.map((g) => g.label.zh));
        // One grid cell per template cell, in the table's version.
        for (const t of model.tables) {
          const keys = cellKeys(t.version).filter((k) => k.startsWith(`${t.key}.`));
          assert.deepEqual(cellsOf(model, t.key).map((c) => c.key), keys, `table ${t.numeral}`);
        }
        const present = cellsOf(model).filter((c) => c.status !== 'missing');
        assert.ok(present.length > 100, `${present.length} cells found`);
        for (const c of present) assert.equal(textAt(text, c), c.text, `${c.key}: its range holds its text`);
        assert.equal(model.readOnly, shape === 'aligned', 'read-only exactly for PDF-layout text');
        // Bare rows read as Markdown rows; one-cell-per-line pipes as TAB-like lines; the seeds are plain text.
        const read = { original: ['tab', 'pipe', 'markdown'], tab: ['tab'], pipe: ['tab', 'pipe'], markdown: ['markdown'], rows: ['markdown'], aligned: ['aligned'] }[shape];
        assert.ok(model.tables.every((t) => read.includes(t.shape!)), `shapes ${model.tables.map((t) => t.shape)}`);
      });
    }
  }

  test('every PDF-layout fixture is read-only', () => {
    const files = fs.readdirSync(LAYOUT_DIR).filter((f) => f.endsWith('.txt'));
    assert.ok(files.length >= 5);
    for (const f of files) {
      const model = gridOf(fs.readFileSync(path.join(LAYOUT_DIR, f), 'utf8'));
      assert.equal(model.readOnly, true, f);
      assert.ok(model.tables.some((t) => t.found && t.shape === 'aligned'), `${f}: an aligned table`);
    }
  });

  test('table 二 has one section per article, with that article’s columns', () => {
    const active = gridOf(SEED_000).tables[0];
    assert.deepEqual(active.sections.map((s) => s.caption), ['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项']);
    assert.deepEqual(active.sections[0].columns.map((c) => c.label), ['本年制发件数', '本年废止件数', '现行有效件数']);
    assert.deepEqual(active.sections[2].rows.map((r) => r.label), ['行政处罚', '行政强制']);
  });

  test('table 三 rows carry their groups: 三、本年度办理结果 › （三）不予公开', () => {
    const rows = gridOf(SEED_000).tables[1].sections[0].rows;
    assert.deepEqual(rows.find((r) => r.key === 'new')!.groups, []);
    assert.deepEqual(rows.find((r) => r.key === 'granted')!.groups, ['三、本年度办理结果']);
    assert.deepEqual(rows.find((r) => r.key === 'denied.3')!.groups, ['三、本年度办理结果', '（三）不予公开']);
  });

  test('an intact seed has no broken, blank or invalid cell', () => {
    const statuses = new Set(cellsOf(gridOf(SEED_000)).map((c) => c.status));
    assert.deepEqual([...statuses], ['ok']);
  });

  test('a broken total is marked with its expected value and formula', () => {
    const text = setCell(SEED_000, 'requests.granted.total', '70');
    const model = gridOf(text);
    const total = cell(model, 'requests.granted.total');
    assert.equal(total.status, 'broken');
    assert.equal(total.text, '70');
    assert.equal(total.expected, 69);
    assert.equal(total.formula, '69+0+0+0+0+0');
    assert.ok(total.notes.some((n) => n.code === 'sum.rowTotal' && n.severity === 'error'), JSON.stringify(total.notes));
    // Its terms are not broken: the total is.
    assert.equal(cell(model, 'requests.granted.natural').status, 'ok');
  });

  test('a broken balance (四 ≠ 一 + 二 − （七）) shows its formula with the minus term', () => {
    const model = gridOf(setCell(SEED_000, 'requests.carryover.natural', '13'));
    const c = cell(model, 'requests.carryover.natural');
    assert.equal(c.status, 'broken');
    assert.equal(c.expected, 12);
    assert.equal(c.formula, '323+22−333');
  });

  test('blank and invalid cells are marked', () => {
    let text = setCell(SEED_000, 'review.direct.other', '');
    text = setCell(text, 'active.penalty.decisions', '12件左右');
    const model = gridOf(text);
    const blank = cell(model, 'review.direct.other');
    assert.equal(blank.status, 'blank');
    assert.equal(blank.text, '');
    assert.ok(blank.range, 'a blank cell has a place to type');
    assert.deepEqual(blank.range.start, blank.range.end, 'an empty cell’s range is empty');
    assert.equal(cell(model, 'active.penalty.decisions').status, 'invalid');
    // The total over a blank term cannot be computed, so it is not marked broken.
    assert.equal(cell(model, 'review.direct.total').status, 'ok');
  });

  test('a number the prose contradicts is marked, with the finding’s message', () => {
    const at = SEED_000.indexOf('予以公开69件');
    assert.ok(at > 0);
    const text = SEED_000.slice(0, at) + '予以公开68件' + SEED_000.slice(at + '予以公开69件'.length);
    const c = cell(gridOf(text), 'requests.granted.total');
    assert.equal(c.status, 'contradicted');
    assert.ok(c.notes.some((n) => n.code === 'narrative.mismatch' && n.message.includes('68')), JSON.stringify(c.notes));
  });

  test('a report without table 四 says so and keeps the other two', () => {
    const doc = parseReport(SEED_000);
    const review = doc.tables.find((t) => t.key === 'review')!;
    const text = SEED_000.slice(0, review.span.start) + SEED_000.slice(review.span.end);
    const model = gridOf(text);
    assert.deepEqual(model.tables.map((t) => t.found), [true, true, false]);
    assert.deepEqual(model.tables[2].sections, []);
  });

  test('English labels come from the template’s English', () => {
    const model = gridOf(SEED_000, 'en');
    assert.equal(model.tables[1].caption, 'Requests received and handled');
    assert.equal(model.tables[1].sections[0].columns[0].label, 'natural persons');
    assert.deepEqual(model.tables[1].sections[0].rows.find((r) => r.key === 'denied.1')!.groups, ['III. Outcomes this year', '(3) Denied']);
  });
});
