/**
 * The core survives any text: random strings, binary junk, seeds cut and shuffled, half-typed tables,
 * a 5 MB file. No exception escapes and every range lies inside the document.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  analyzeReport, applyEdits, definitionsAt, describeAt, foldingRanges, outlineReport, planRecompute, recomputeByTable, referencesAt,
  relatedCellsAt, type Range, type ReportDocument,
} from '../../server/src/core';
import { looksLikeReport } from '../../shared/detect';
import { SEEDS, readSeed, seedIn, withTablesAs } from '../support/fixtures';

function assertInside(doc: ReportDocument, r: Range, what: string): void {
  for (const p of [r.start, r.end]) {
    assert.ok(p.line >= 0 && p.line < doc.lines.lineCount, `${what}: line ${p.line} of ${doc.lines.lineCount}`);
    const start = doc.lines.lineStarts[p.line];
    const next = p.line + 1 < doc.lines.lineCount ? doc.lines.lineStarts[p.line + 1] : doc.text.length + 1;
    assert.ok(p.character >= 0 && start + p.character <= next, `${what}: character ${p.character} on line ${p.line}`);
  }
}

function exercise(text: string): void {
  const { document, findings } = analyzeReport(text, { locale: 'en' });
  for (const f of findings) {
    assertInside(document, f.range, f.code);
    for (const r of f.related ?? []) assertInside(document, r.range, `${f.code} related`);
    for (const fix of f.fixes ?? []) for (const e of fix.edits) assertInside(document, e.range, `${f.code} fix`);
  }
  const edits = planRecompute(document);
  for (const e of edits) assertInside(document, e.range, 'recompute');
  const fixed = applyEdits(text, edits);
  assert.deepEqual(planRecompute(analyzeReport(fixed).document), [], 'recompute is idempotent');
  outlineReport(document);
  foldingRanges(document);
  for (const t of recomputeByTable(document, edits)) assertInside(document, t.anchor, 'code lens');
  looksLikeReport(text);
  const positions = [{ line: 99999, character: 5 }, { line: -1, character: -1 }];
  for (let line = 0; line < Math.min(document.lines.lineCount, 50); line += 7) positions.push({ line, character: 1 }, { line, character: 4 });
  for (const p of positions) {
    const hover = describeAt(document, p);
    if (hover) assertInside(document, hover.range, 'hover');
    for (const r of relatedCellsAt(document, p) ?? []) assertInside(document, r.range, 'highlight');
    for (const r of definitionsAt(document, p) ?? []) assertInside(document, r, 'definition');
    for (const r of referencesAt(document, p, true) ?? []) assertInside(document, r, 'reference');
  }
}

const corpus = SEEDS.flatMap((s) => [readSeed(s), withTablesAs(readSeed(s), 'markdown'), withTablesAs(readSeed(s), 'rows'), seedIn(s, 'aligned')]);

describe('fuzz', () => {
  test('random unicode and binary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => exercise(s)), { numRuns: 300, seed: 1 });
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => exercise(Buffer.from(bytes).toString('latin1'))), { numRuns: 100, seed: 2 });
  });

  test('seeds with lines deleted, duplicated, shuffled and characters replaced', () => {
    const mutation = fc.record({
      which: fc.nat(),
      ops: fc.array(
        fc.tuple(fc.constantFrom('delete', 'dup', 'swap', 'char', 'truncate', 'tab'), fc.nat(), fc.nat(), fc.string({ maxLength: 3 })),
        { minLength: 1, maxLength: 8 },
      ),
    });
    fc.assert(
      fc.property(mutation, ({ which, ops }) => {
        const lines = corpus[which % corpus.length].split('\n');
        for (const [op, a, b, s] of ops) {
          const i = a % lines.length;
          const j = b % lines.length;
          if (op === 'delete') lines.splice(i, 1);
          else if (op === 'dup') lines.splice(i, 0, lines[i]);
          else if (op === 'swap') [lines[i], lines[j]] = [lines[j], lines[i]];
          else if (op === 'char') lines[i] = (lines[i] ?? '').slice(0, b % 5) + s + (lines[i] ?? '').slice((b % 5) + 1);
          else if (op === 'truncate') lines.length = Math.max(1, i);
          else lines[i] = `\t${s}`;
          if (lines.length === 0) lines.push('');
        }
        exercise(lines.join('\n'));
      }),
      { numRuns: 300, seed: 3 },
    );
  });

  test('half-typed table: every prefix of a seed table', () => {
    const text = readSeed('000');
    const start = text.indexOf('三、收到和处理');
    for (let end = start; end < start + 3000; end += 37) exercise(text.slice(0, end));
  });

  test('a 5 MB report and a report of only TAB lines', () => {
    const big = readSeed('000').repeat(Math.ceil(5_000_000 / readSeed('000').length));
    const { document, findings } = analyzeReport(big);
    assert.ok(document.text.length >= 5_000_000);
    assert.ok(findings.length > 0); // duplicated parts are reported, not a crash
    exercise('\t\n'.repeat(10000));
    exercise('|'.repeat(10000));
    exercise('| a |\n'.repeat(5000));
  });
});
