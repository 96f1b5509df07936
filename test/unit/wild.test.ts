/**
 * Real published reports as they arrive (test/fixtures/wild): whole reports flattened onto one line by
 * a web crawl, PDF text, and the first ~800 characters of 43 web pages of every level and year. Each
 * text has its `# source:` line and `<name>.expected.json` (the findings, hand-checked, that are true of
 * the text); complete reports also have `<name>.cells.json`, a hand transcription of every cell. A test
 * fails on any finding not expected (or expected and gone) and on any cell read differently from the
 * transcription; a cell not read is accepted only where its table reports digits with no unique split.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { analyzeReport, parseReport, type Finding, type ReportDocument } from '../../server/src/core';
import { solveRows, splitRuns } from '../../server/src/core/model/digitSplit';
import { report } from '../support/ruleTester';

const WILD = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'wild');
const names = fs.readdirSync(WILD).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4)).sort();

interface Expected {
  kind: 'complete' | 'excerpt';
  level: string;
  year: number;
  shape: string;
  notes?: string;
  findings: { code: string; line: number; cell?: string; count?: number }[];
}
interface Truth {
  cells: Record<string, number | null | 'ambiguous'>;
}

const read = (name: string, ext: string) => fs.readFileSync(path.join(WILD, name + ext), 'utf8');

/** A finding as expectations name it: code, 1-based line and, for cell findings, the cell. */
function keyOf(f: Finding): string {
  return JSON.stringify([f.code, f.range.start.line + 1, f.code.startsWith('cell.') ? f.cell ?? null : null]);
}

function multiset(keys: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

/** The keys of `a` beyond those of `b`, with how many. */
function beyond(a: Map<string, number>, b: Map<string, number>): string[] {
  const out: string[] = [];
  for (const [k, n] of a) if (n > (b.get(k) ?? 0)) out.push(`${k} ×${n - (b.get(k) ?? 0)}`);
  return out;
}

/** Whether a cell's table says its digits could not be split uniquely (the accepted way to leave it unread). */
function unsplit(doc: ReportDocument, key: string): boolean {
  const table = doc.tables.find((t) => key.startsWith(`${t.key}.`));
  return table !== undefined && table.problems.some((p) => p.reason === 'reason.noUniqueSplit');
}

describe('real-world reports (test/fixtures/wild)', () => {
  test('the corpus covers every level, 2016 to 2025, and every shape', () => {
    const all = names.map((n) => JSON.parse(read(n, '.expected.json')) as Expected);
    assert.ok(names.length >= 50, `${names.length} texts`);
    for (const level of ['省', '市', '区县', '街道', '乡镇', '部门']) assert.ok(all.some((e) => e.level === level), level);
    const years = new Set(all.map((e) => e.year));
    assert.ok(years.has(2016) && years.has(2025), [...years].join(' '));
    for (const y of [2019, 2020, 2021, 2022, 2023, 2024]) assert.ok(years.has(y), String(y));
    assert.equal(all.filter((e) => e.kind === 'complete').length, 7);
  });

  for (const name of names) {
    test(name, () => {
      const text = read(name, '.txt');
      assert.match(text.split('\n')[0], /^# source: \S/, 'the first line names the source');
      const expected = JSON.parse(read(name, '.expected.json')) as Expected;
      const { document: doc, findings } = analyzeReport(text);
      const actual = multiset(findings.map(keyOf));
      const wanted = multiset(expected.findings.flatMap((f) => Array<string>(f.count ?? 1).fill(JSON.stringify([f.code, f.line, f.cell ?? null]))));
      assert.deepEqual(beyond(actual, wanted), [], 'findings not in the expectations');
      assert.deepEqual(beyond(wanted, actual), [], 'expected findings not reported');
      if (expected.kind !== 'complete') return;

      const truth = JSON.parse(read(name, '.cells.json')) as Truth;
      const wrong: string[] = [];
      for (const [key, value] of Object.entries(truth.cells)) {
        const cell = doc.cells.get(key);
        if (!cell) {
          if (value !== 'ambiguous' && !unsplit(doc, key)) wrong.push(`${key}: not read`);
          continue;
        }
        if (value === 'ambiguous') continue;
        if (value === null ? cell.status !== 'blank' : cell.status !== 'ok' || cell.value !== value) wrong.push(`${key}: read “${cell.text}”, is ${value}`);
      }
      for (const key of doc.cells.keys()) if (!(key in truth.cells)) wrong.push(`${key}: read, not in the transcription`);
      assert.deepEqual(wrong, []);
    });
  }

  test('the flattened reports have tables 三 and 四 whole, recovered by their arithmetic', () => {
    for (const name of names.filter((n) => n.startsWith('pingtan_'))) {
      const doc = parseReport(read(name, '.txt'));
      for (const key of ['requests', 'review'] as const) {
        const table = doc.tables.find((t) => t.key === key);
        assert.ok(table, `${name}: table ${key}`);
        assert.deepEqual(table.problems, [], `${name}: table ${key}`);
        assert.equal(table.cells.length, key === 'review' ? 15 : table.version === '2019' ? 23 * 7 : 25 * 7, `${name}: table ${key}`);
      }
      // Every table 三 of these crawls had its digits run together.
      assert.ok(doc.tables.find((t) => t.key === 'requests')!.cells.some((c) => c.recovered), `${name}: recovered cells`);
    }
  });
});

describe('splitting digits that ran together', () => {
  test('every split into valid numbers, none with a leading zero', () => {
    const splits = splitRuns([{ text: '1020', start: 0 }], 3)!.map((s) => s.map((p) => p.text).join(' '));
    assert.deepEqual(splits, ['1 0 20', '10 2 0']);
    assert.deepEqual(splitRuns([{ text: '000', start: 5 }], 3)!.map((s) => s.map((p) => [p.value, p.span.start])), [[[0, 5], [0, 6], [0, 7]]]);
    // A blank between runs is a cell boundary.
    assert.deepEqual(splitRuns([{ text: '23', start: 0 }, { text: '0', start: 3 }], 2)!.map((s) => s.map((p) => p.text)), [['23', '0']]);
  });

  test('relations across rows decide a split no row decides alone', () => {
    // Row a is "110" (1 10 or 11 0), row b "11" (1 1); their sum row is known: 2 11.
    const a = { keys: ['t.a.x', 't.a.y'], candidates: splitRuns([{ text: '110', start: 0 }], 2)! };
    const b = { keys: ['t.b.x', 't.b.y'], candidates: splitRuns([{ text: '11', start: 4 }], 2)! };
    const known = new Map([['t.s.x', 2], ['t.s.y', 11]]);
    const rel = (col: string) => ({ code: 'sum.columnTotal' as const, target: `t.s.${col}`, plus: [`t.a.${col}`, `t.b.${col}`], minus: [], derived: true });
    assert.deepEqual(solveRows([a, b], known, [rel('x'), rel('y')]).map((c, i) => [a, b][i].candidates[c!].map((p) => p.value)), [[1, 10], [1, 1]]);
    // Without the relations, row a has two splits: nothing is chosen for it.
    assert.deepEqual(solveRows([a, b], new Map(), []), [undefined, 0]);
  });
});

describe('tables copied with TABs between cells', () => {
  test('one row per line, TAB between cells, adjacent TABs for empty cells: the same cells as the Markdown table', () => {
    const md = report({ cells: { 'requests.new.natural': '5', 'requests.new.total': '5', 'requests.granted.natural': '', 'active.rules.issued': '3' } });
    const tabbed = md.split('\n')
      .filter((l) => !/^\|\s*-/.test(l))
      .map((l) => (l.startsWith('|') ? l.replace(/^\| ?/, '').replace(/ ?\|$/, '').split(/ ?\| ?/).join('\t') : l))
      .join('\n');
    assert.ok(tabbed.includes('规章\t3\t0\t0'));
    const a = parseReport(md);
    const b = parseReport(tabbed);
    assert.deepEqual(b.tables.map((t) => [t.key, t.shape, t.problems.length]), [['active', 'tab', 0], ['requests', 'tab', 0], ['review', 'tab', 0]]);
    assert.equal(b.cells.size, a.cells.size);
    for (const [key, cell] of a.cells) assert.deepEqual([key, b.cells.get(key)?.status, b.cells.get(key)?.value], [key, cell.status, cell.value]);
  });
});
