/**
 * Hover over stdio, position by position: in every table shape, a hover anywhere on a cell (its value,
 * the TAB or spaces around it, the rest of a one-cell line) names that cell, and the range it returns
 * contains the position asked about — VS Code drops a hover whose range does not cover the mouse.
 * In English the official Chinese labels are shown too, so a reviewer can find the cell in print.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { Hover, MarkupContent, Position, Range } from 'vscode-languageserver-protocol';
import { parseReport, type Cell } from '../../server/src/core';
import { withTablesAs } from '../support/fixtures';
import { TestClient, fileUri, readSeed } from './client';
import { tempDir, serverPerSuite } from './helpers';

const SEED_000 = readSeed('000_dc17b29f247dd138.txt'); // TAB shape, one cell per line
const SEED_004 = readSeed('004_594938079f36f576.txt'); // pipe shape: `557 |`, one cell per line
const MARKDOWN = withTablesAs(SEED_000, 'markdown'); // `| 69 | 0 | … |`, many cells per line

const dir = tempDir();
let n = 0;
const newUri = () => fileUri(path.join(dir, `h${n++}.txt`));

function contains(range: Range, p: Position): boolean {
  const afterStart = range.start.line < p.line || (range.start.line === p.line && range.start.character <= p.character);
  const beforeEnd = range.end.line > p.line || (range.end.line === p.line && range.end.character >= p.character);
  return afterStart && beforeEnd;
}

const valueOf = (h: Hover) => (h.contents as MarkupContent).value;

/** Every mapped cell of `text` with its line, in document order. */
function cellsOf(text: string): { cell: Cell; line: number; start: number; end: number; lineText: string }[] {
  const doc = parseReport(text);
  const lines = text.split(/\r?\n/);
  return doc.tables.flatMap((t) => t.cells).map((cell) => {
    const s = doc.lines.positionAt(cell.span.start);
    const e = doc.lines.positionAt(cell.span.end);
    return { cell, line: s.line, start: s.character, end: e.character, lineText: lines[s.line] };
  });
}

describe('hover positions', () => {
  let client: TestClient;
  // The canonical key in the hover names the cell exactly (shown with govAnnualReport.showCellKeys).
  serverPerSuite((c) => (client = c), { root: dir, settings: { showCellKeys: true } });

  async function hover(uri: string, position: Position): Promise<Hover | null> {
    return client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
  }

  /** The hover at `position` is the cell's, and its range covers the position. */
  async function assertCellHover(uri: string, position: Position, key: string, where: string) {
    const h = await hover(uri, position);
    assert.ok(h, `no hover ${where}`);
    assert.ok(valueOf(h).includes(`\`${key}\``), `${where}: hover is not ${key}: ${valueOf(h).split('\n')[0]}`);
    assert.ok(h.range, `${where}: hover without range`);
    assert.ok(contains(h.range, position), `${where}: range ${JSON.stringify(h.range)} does not contain ${JSON.stringify(position)}`);
  }

  it('TAB cells: at character 0 (the leading TAB), on the value and at the end of the line', async () => {
    const uri = newUri();
    await client.open(uri, SEED_000);
    const cells = cellsOf(SEED_000);
    assert.ok(cells.length >= 200, `${cells.length} cells`);
    for (const { cell, line, start, lineText } of cells) {
      assert.match(lineText, /^\t/, `TAB shape: ${JSON.stringify(lineText)}`);
      for (const character of new Set([0, start, lineText.length])) {
        await assertCellHover(uri, { line, character }, cell.key, `line ${line}:${character} ${JSON.stringify(lineText)}`);
      }
    }
    // On the value itself the range is exactly the value (what the status/diagnostic ranges use too).
    const total = cells.find((c) => c.cell.key === 'requests.granted.total')!;
    const exact = await hover(uri, { line: total.line, character: total.start });
    assert.deepEqual(exact?.range, { start: { line: total.line, character: total.start }, end: { line: total.line, character: total.end } });
    const atTab = await hover(uri, { line: total.line, character: 0 });
    assert.deepEqual(atTab?.range, { start: { line: total.line, character: 0 }, end: { line: total.line, character: total.end } });
    await client.close(uri);
  });

  it('pipe cells (`557 |`): at character 0, on the value, on the trailing ` |`', async () => {
    const uri = newUri();
    await client.open(uri, SEED_004);
    const cells = cellsOf(SEED_004).filter((c) => c.lineText.trimEnd().endsWith('|'));
    assert.ok(cells.length > 100, `${cells.length} pipe cells`);
    for (const { cell, line, start, lineText } of cells) {
      for (const character of new Set([0, start, lineText.length - 1, lineText.length])) {
        await assertCellHover(uri, { line, character }, cell.key, `line ${line}:${character} ${JSON.stringify(lineText)}`);
      }
    }
    await client.close(uri);
  });

  it('Markdown cells: on the spaces inside the cell on both sides; a `|` belongs to no cell', async () => {
    const uri = newUri();
    await client.open(uri, MARKDOWN);
    const cells = cellsOf(MARKDOWN).filter((c) => c.lineText.startsWith('|') && c.start < c.end);
    assert.ok(cells.length >= 150, `${cells.length} Markdown cells`);
    for (const { cell, line, start, end, lineText } of cells) {
      const open = lineText.lastIndexOf('|', start - 1);
      const close = lineText.indexOf('|', end);
      assert.ok(open >= 0 && close > end, `a cell between pipes: ${JSON.stringify(lineText)}`);
      for (let character = open + 1; character < close; character++) {
        await assertCellHover(uri, { line, character }, cell.key, `line ${line}:${character} ${JSON.stringify(lineText)}`);
      }
    }
    // The separators between two value cells: neither cell claims them.
    const row = cells.find((c) => c.cell.key === 'requests.granted.natural')!;
    const pipe = row.lineText.indexOf('|', row.end);
    assert.equal(await hover(uri, { line: row.line, character: pipe }), null);
    await client.close(uri);
  });

  it('blank cells are hoverable too', async () => {
    // Seed 000 has no blank cell: empty one Markdown cell.
    const natural = parseReport(MARKDOWN).cells.get('requests.granted.natural')!;
    const text = MARKDOWN.slice(0, natural.span.start) + MARKDOWN.slice(natural.span.end);
    const uri = newUri();
    await client.open(uri, text);
    const blanks = cellsOf(text).filter((c) => c.cell.status === 'blank');
    assert.deepEqual(blanks.map((c) => c.cell.key), ['requests.granted.natural']);
    const [blank] = blanks;
    assert.ok(blank.lineText.startsWith('|'), blank.lineText);
    await assertCellHover(uri, { line: blank.line, character: blank.start }, blank.cell.key, 'a blank Markdown cell');
    await client.close(uri);
  });
});

describe('hover in English', () => {
  let client: TestClient;
  serverPerSuite((c) => (client = c), { root: dir, locale: 'en' });

  it('shows the English labels and the official Chinese label of the printed report', async () => {
    const uri = newUri();
    await client.open(uri, SEED_000);
    const cell = cellsOf(SEED_000).find((c) => c.cell.key === 'requests.denied.3.natural')!;
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: cell.line, character: 0 } });
    assert.ok(h);
    const text = valueOf(h);
    assert.match(text, /\*\*Table 三 · \(3\) Denied · 3\. Endangers security or stability × natural persons\*\*/);
    assert.ok(text.includes('Official label: 三 · （三）不予公开 · 3.危及“三安全一稳定” × 自然人'), text);
    assert.match(text, /row total = 0 \+ 0 \+ 0 \+ 0 \+ 0 \+ 0 = 0 ✓/);
    // Tables 二 and 四 as well.
    for (const [key, zh] of [['active.rules.issued', '二 · 第二十条第（一）项 · 规章 × 本年制发件数'], ['review.direct.total', '四 · 行政诉讼·未经复议直接起诉 × 总计']]) {
      const c = cellsOf(SEED_000).find((x) => x.cell.key === key)!;
      const hc = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: c.line, character: c.start } });
      assert.ok(hc && valueOf(hc).includes(`Official label: ${zh}`), hc ? valueOf(hc) : 'no hover');
    }
    await client.close(uri);
  });

  it('Chinese hovers do not repeat the label', async () => {
    const zh = await TestClient.start({ root: dir });
    try {
      const uri = newUri();
      await zh.open(uri, SEED_000);
      const cell = cellsOf(SEED_000).find((c) => c.cell.key === 'requests.denied.3.natural')!;
      const h = await zh.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: cell.line, character: 0 } });
      assert.ok(h);
      assert.doesNotMatch(valueOf(h), /Official label/);
      assert.equal(valueOf(h).split('（三）不予公开').length - 1, 1);
    } finally {
      await zh.stop();
    }
  });
});
