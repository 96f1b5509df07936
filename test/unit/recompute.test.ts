/**
 * Recompute properties (fast-check): after `fix`, every relation but a genuinely inconsistent
 * balance holds; no byte outside the derived cells changed; a second fix changes nothing; and a
 * total whose terms are blank is left alone.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { analyzeReport, applyEdits, parseReport, planRecompute } from '../../server/src/core';
import { derivations } from '../../server/src/core/template';
import { SEEDS, readSeed, seedIn, type TestShape } from '../support/fixtures';

const SHAPES: (TestShape | 'original')[] = ['original', 'markdown', 'tab', 'rows', 'aligned'];
const texts = SEEDS.flatMap((s) => SHAPES.map((shape) => ({ name: `${s}/${shape}`, text: seedIn(s, shape) })));

function fix(text: string): string {
  return applyEdits(text, planRecompute(parseReport(text)));
}

/** The text with every derived cell's content cut out: what recompute must leave alone. */
function withoutDerived(text: string): string {
  const doc = parseReport(text);
  const version = doc.tables.find((t) => t.key === 'requests')?.version ?? doc.template;
  const spans = derivations(version).map((d) => doc.cells.get(d.target)!.span).sort((a, b) => b.start - a.start);
  let out = text;
  for (const s of spans) out = out.slice(0, s.start) + '⟨derived⟩' + out.slice(s.end);
  return out;
}

/** Sets cells (by key) to new texts. */
function setCells(text: string, changes: Map<string, string>): string {
  const doc = parseReport(text);
  const spans = [...changes].map(([k, v]) => ({ span: doc.cells.get(k)!.span, v })).sort((a, b) => b.span.start - a.span.start);
  let out = text;
  for (const { span, v } of spans) out = out.slice(0, span.start) + v + out.slice(span.end);
  return out;
}

describe('recompute', () => {
  test('seeds are fixed points', () => {
    for (const { name, text } of texts) assert.deepEqual(planRecompute(parseReport(text)), [], name);
  });

  test('property: fix restores every derived relation, touches only derived cells, is idempotent', () => {
    const keysOf = (text: string) => [...parseReport(text).cells.keys()].filter((k) => !k.startsWith('active.'));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: texts.length - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 2000 })), { minLength: 1, maxLength: 12 }),
        (which, picks) => {
          const { text } = texts[which];
          const keys = keysOf(text);
          const changes = new Map(picks.map(([i, v]) => [keys[i % keys.length], String(v)]));
          const mutated = setCells(text, changes);
          const fixed = fix(mutated);
          const codes = analyzeReport(fixed).findings.map((f) => f.code);
          assert.ok(!codes.some((c) => c === 'sum.rowTotal' || c === 'sum.columnTotal' || c === 'sum.reviewTotal'), codes.join());
          assert.equal(withoutDerived(fixed), withoutDerived(mutated));
          assert.equal(fix(fixed), fixed);
          // The balance stays broken exactly when the leaves are inconsistent; recompute never edits 一/二/四.
          const doc = parseReport(fixed);
          for (const k of ['new', 'carried', 'carryover']) {
            for (const col of ['natural', 'business']) {
              const key = `requests.${k}.${col}`;
              assert.equal(doc.cells.get(key)!.text, parseReport(mutated).cells.get(key)!.text);
            }
          }
        },
      ),
      { numRuns: 150, seed: 20261123 },
    );
  });

  test('a total with a blank term is left alone and its cell.blank finding stays', () => {
    const text = readSeed('000');
    const mutated = setCells(text, new Map([['requests.granted.business', ''], ['requests.granted.total', '70']]));
    const edits = planRecompute(parseReport(mutated));
    const fixed = applyEdits(mutated, edits);
    const doc = parseReport(fixed);
    assert.equal(doc.cells.get('requests.granted.total')!.text, '70');
    assert.equal(doc.cells.get('requests.processed.business')!.value, 0); // that column's total is unknown: untouched
    const codes = analyzeReport(fixed).findings.map((f) => `${f.code}:${f.cell}`);
    assert.ok(codes.includes('cell.blank:requests.granted.business'));
  });

  test('edits keep TABs, trailing spaces, pipes and line ends byte for byte', () => {
    const crlf = readSeed('000').replace(/\n/g, '\r\n');
    const mutated = setCells(crlf, new Map([['requests.carryover.natural', '13'], ['requests.carryover.total', '13']]));
    // 四's leaves are not derived: the balance stays broken and recompute has nothing to do.
    assert.deepEqual(planRecompute(parseReport(mutated)), []);
    assert.ok(analyzeReport(mutated).findings.some((f) => f.code === 'sum.balance'));
    const m2 = setCells(crlf, new Map([['requests.granted.natural', '70']]));
    const fixed = fix(m2);
    assert.ok(fixed.includes('\t70\r\n\t0\r\n\t0\r\n\t0\r\n\t0\r\n\t0\r\n\t70\r\n'));
    assert.ok(fixed.includes('\t12 \r\n'), 'trailing space of "12 " kept');
    const pipe = readSeed('004');
    const p2 = setCells(pipe, new Map([['requests.granted.natural', '558']]));
    const pfixed = fix(p2);
    assert.ok(pfixed.includes('584 | |\n'), 'pipe run after the total kept');
  });
});
