/** Test fixtures: the five real seeds, and the same reports with their tables rewritten in another shape. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseReport, type TableShape } from '../../server/src/core';
import { renderTable } from '../../server/src/core/template/render';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const SEED_DIR = path.join(ROOT, 'test', 'fixtures', 'seeds');

export const SEEDS = fs.readdirSync(SEED_DIR).filter((f) => f.endsWith('.txt')).sort();

export function readSeed(name: string): string {
  const file = SEEDS.find((s) => s.startsWith(name)) ?? name;
  return fs.readFileSync(path.join(SEED_DIR, file), 'utf8');
}

export const LAYOUT_DIR = path.join(ROOT, 'test', 'fixtures', 'layout');

/**
 * The table shapes the tests read the seeds in: the parser's, and `rows`, one table row per line with
 * " | " between cells and no outer pipes or separator lines, as text copied from web pages comes
 * (docs/format.md, “Shapes a table arrives in”, "also seen"; the parser reads it as Markdown rows). `aligned` is the seed printed to
 * PDF and extracted by `pdftotext -layout` (test/fixtures/layout, made by
 * scripts/fixtures/make-layout-fixtures.mjs): the whole report, prose wrapped at the page's width.
 * `flat` (a whole report on one line) is read only from real crawls (test/fixtures/wild).
 */
export type TestShape = Exclude<TableShape, 'flat'> | 'rows';

/** A seed with its tables in `shape` (`original`: as published). */
export function seedIn(seed: string, shape: TestShape | 'original'): string {
  if (shape === 'original') return readSeed(seed);
  if (shape === 'aligned') return fs.readFileSync(path.join(LAYOUT_DIR, `${seed.slice(0, 3)}.txt`), 'utf8');
  return withTablesAs(readSeed(seed), shape);
}

/**
 * The report with every table replaced by the official grid in `shape`, each cell keeping its text.
 * Prose and headings are untouched.
 */
export function withTablesAs(text: string, shape: Exclude<TestShape, 'aligned'>): string {
  if (shape === 'rows') return withoutOuterPipes(withTablesAs(text, 'markdown'));
  const doc = parseReport(text);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let out = text;
  const tables = [...doc.tables].sort((a, b) => b.span.start - a.span.start);
  for (const t of tables) {
    const start = doc.lines.lineStarts[doc.lines.positionAt(t.span.start).line];
    const endLine = doc.lines.positionAt(t.span.end).line;
    const end = endLine + 1 < doc.lines.lineCount ? doc.lines.lineStarts[endLine + 1] : text.length;
    const version = t.version ?? doc.template;
    const rendered = renderTable(t.key, version, shape, eol, (k) => doc.cells.get(k)?.text ?? '');
    out = out.slice(0, start) + rendered + out.slice(end);
  }
  return out;
}

/** Markdown tables as bare rows: separator lines dropped, "| a | b |" → "a | b" ("| | b |" → "| b"). */
function withoutOuterPipes(text: string): string {
  return text
    .split('\n')
    .filter((line) => !/^\|(?:-+\|)+$/.test(line))
    .map((line) => (line.startsWith('| ') && line.endsWith(' |') ? line.slice(2, -2) : line))
    .join('\n');
}

/**
 * The report grown to `bytes` (UTF-8) by repeating its prose: each paragraph outside the tables and
 * headings (20 characters or more, no TAB, pipe or column gap) gets one more copy in turn, in place.
 * The tables, headings and their order stay as they were; the padded report must map the same cells.
 */
export function paddedTo(text: string, bytes: number): string {
  const doc = parseReport(text);
  const lines = text.split('\n');
  const starts = doc.lines.lineStarts;
  const inTable = (i: number) => doc.tables.some((t) => starts[i] < t.span.end && starts[i] + lines[i].length > t.span.start);
  const isHeading = (i: number) => doc.headings.some((h) => starts[i] <= h.lineSpan.start && h.lineSpan.start <= starts[i] + lines[i].length);
  const prose = lines
    .map((_, i) => i)
    .filter((i) => lines[i].trim().length >= 20 && !/[\t|]| {3}/.test(lines[i].trim()) && !inTable(i) && !isHeading(i));
  if (prose.length === 0) throw new Error('no prose to repeat');
  const copies = new Map<number, number>();
  let size = Buffer.byteLength(text);
  for (let k = 0; size < bytes; k++) {
    const i = prose[k % prose.length];
    copies.set(i, (copies.get(i) ?? 0) + 1);
    size += Buffer.byteLength(lines[i]) + 1;
  }
  const padded = lines.flatMap((line, i) => Array<string>(1 + (copies.get(i) ?? 0)).fill(line)).join('\n');
  if (parseReport(padded).cells.size !== doc.cells.size) throw new Error('padding changed what the tables read');
  return padded;
}

/** Seed 000 with the 总计 of row （一）予以公开 changed from 69 to 70 (fix and recompute write 69 back). */
export function brokenSeed(): string {
  const text = readSeed('000');
  const at = text.indexOf('\t（一）予以公开\n');
  const lines = text.slice(at).split('\n');
  lines[7] = '\t70';
  return text.slice(0, at) + lines.join('\n');
}
