/**
 * Builds the Markdown report from the blocks a reader found: paragraphs as lines separated by blank
 * lines, tables as Markdown grids (tableText.ts reads `| a | b |` rows with a `|---|` separator), and
 * the source map of every line.
 */
import type { SourceLine } from './types';

/** A table as a grid of rows; merged cells already expanded (see `Grid`). */
export interface Grid {
  /** The text of each grid position; a merged cell's text is in its first position, the rest are ''. */
  cells: string[][];
  /** The same grid with a merged cell's text in every position it covers: what labels are read from. */
  labels: string[][];
  /**
   * Whether a position starts a cell of its row: a cell's first column, or the first column a cell of
   * a row above covers (rowspan, Word's vMerge). Only these become Markdown cells (see buildMarkdown).
   */
  starts: boolean[][];
}

export type Block =
  | { kind: 'paragraph'; text: string; page?: number }
  | { kind: 'table'; grid: Grid; page?: number }
  /** Lines kept as they are (PDF text laid out by columns). */
  | { kind: 'lines'; lines: string[]; page?: number };

/** A value cell: digits, maybe a sign, decimals, a unit or a blank marker; anything else is a label. */
const VALUE = /^[+\-−增减]?\s*\d[\d,，]*(?:\.\d+)?\s*(?:[%％]|万元|元|件|条|个)?$|^[/／—–-]+$/;

export function isValueText(s: string): boolean {
  return VALUE.test(s.trim());
}

/** One cell as Markdown: one line, pipes escaped, line breaks dropped (a label wrapped in its cell). */
function cellText(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, '').replace(/\|/g, '\\|').replace(/[ \t\u00a0\u3000]+/g, ' ').trim();
}

export function buildMarkdown(blocks: Block[]): { markdown: string; lines: SourceLine[] } {
  const out: string[] = [];
  const map: SourceLine[] = [];
  const push = (text: string, source: SourceLine) => {
    out.push(text);
    map.push(source);
  };
  const blank = () => {
    if (out.length && out[out.length - 1] !== '') push('', {});
  };
  let tableNumber = 0;
  for (const b of blocks) {
    if (b.kind === 'paragraph') {
      const text = b.text.replace(/[ \t\u00a0]+/g, ' ').trim();
      if (!text) continue;
      blank();
      for (const line of text.split(/\r?\n/)) if (line.trim()) push(line.trim(), page(b.page));
    } else if (b.kind === 'lines') {
      for (const line of b.lines) push(line, page(b.page));
    } else {
      // One Markdown cell per cell of the source row: a cell spanning columns is one cell, as the core
      // maps a row's values in order (a value spanning two columns — "行政许可 | 0 (2 columns) | 0 | 0" —
      // would otherwise read as a value and a blank); a position a cell from a row above covers is an
      // empty cell, so that the row's cells keep their order.
      const rows = b.grid.cells.map((r, i) => r.map((c, j) => ({ text: cellText(c), column: j })).filter((c) => b.grid.starts[i][c.column]));
      const keep = rows.map((r) => r.some((c) => c.text !== ''));
      if (!keep.some(Boolean)) continue;
      tableNumber++;
      blank();
      const width = Math.max(...rows.map((r) => r.length));
      const headerRows = headerRowCount(b.grid.labels);
      const columnLabels = columnLabelsOf(b.grid.labels, headerRows, Math.max(...b.grid.cells.map((r) => r.length)));
      let first = true;
      rows.forEach((r, i) => {
        if (!keep[i]) return;
        // The first row is padded to the table's width: a Markdown table's header row has as many cells
        // as its |---| line (what the core fits to the template either way, render.ts pads it too).
        const padded = first ? [...r, ...new Array(width - r.length).fill({ text: '', column: -1 })] : r;
        const { text, cells } = rowLine(padded.map((c) => c.text), padded.map((c) => columnLabels[c.column] ?? ''));
        const source: SourceLine = { table: tableNumber, cells, ...page(b.page) };
        if (i >= headerRows) source.row = rowLabelOf(b.grid.labels[i] ?? []);
        push(text, source);
        if (first) {
          push(`|${new Array(width).fill('---').join('|')}|`, { table: tableNumber, ...page(b.page) });
          first = false;
        }
      });
      blank();
    }
  }
  while (out.length && out[out.length - 1] === '') {
    out.pop();
    map.pop();
  }
  return { markdown: out.join('\n') + '\n', lines: map };
}

function page(p: number | undefined): SourceLine {
  return p === undefined ? {} : { page: p };
}

/** `| a | b |` with the range of each cell's text (an empty cell: where a value would be typed). */
function rowLine(cells: string[], columns: string[]): { text: string; cells: NonNullable<SourceLine['cells']> } {
  let text = '|';
  const ranges: NonNullable<SourceLine['cells']> = [];
  cells.forEach((c, i) => {
    // An empty cell is "| |", as the core's own tables are written (render.ts); its place is the space.
    const start = text.length + 1;
    text += c === '' ? ' ' : ` ${c}`;
    ranges.push({ start, end: c === '' ? start : text.length, column: columns[i] ?? '' });
    text += c === '' ? '|' : ' |';
  });
  return { text, cells: ranges };
}

/** Header rows: those before the first row with a number in it. */
function headerRowCount(labels: string[][]): number {
  const i = labels.findIndex((r) => r.some((c) => c.trim() !== '' && isValueText(c)));
  return i < 0 ? labels.length : i;
}

/** Each column's label: the distinct header texts above it, outermost first. */
function columnLabelsOf(labels: string[][], headerRows: number, width: number): string[] {
  const out: string[] = [];
  for (let c = 0; c < width; c++) {
    const parts: string[] = [];
    for (let r = 0; r < headerRows; r++) {
      const t = cellText(labels[r]?.[c] ?? '');
      if (t && !parts.includes(t)) parts.push(t);
    }
    out.push(parts.join('·'));
  }
  return out;
}

/** A data row's label: its distinct label (non-number) cells, merged ones included. */
function rowLabelOf(row: string[]): string {
  const parts: string[] = [];
  for (const c of row) {
    const t = cellText(c);
    if (t && !isValueText(t) && !parts.includes(t)) parts.push(t);
  }
  return parts.join(' ');
}

/**
 * Lays out a table given as rows of cells with spans: each cell takes its place in the grid, a
 * rowspan/colspan (HTML) or gridSpan/vMerge (Word) covering further positions.
 */
export interface SpanCell {
  text: string;
  colSpan: number;
  rowSpan: number;
  /** Word's vMerge continuation: this cell continues the merged cell above it. */
  continues?: boolean;
}

export function gridOf(rows: SpanCell[][]): Grid {
  const cells: string[][] = [];
  const labels: string[][] = [];
  const starts: boolean[][] = [];
  // Positions taken by a rowspan from a row above: "row,col" → the owner's text and whether the
  // position is the owner's first column.
  const pending = new Map<string, { text: string; first: boolean }>();
  rows.forEach((row, r) => {
    cells[r] = [];
    labels[r] = [];
    starts[r] = [];
    let c = 0;
    const skipTaken = () => {
      for (let taken = pending.get(`${r},${c}`); taken; taken = pending.get(`${r},${c}`)) {
        cells[r][c] = '';
        labels[r][c] = taken.text;
        starts[r][c] = taken.first;
        pending.delete(`${r},${c}`);
        c++;
      }
    };
    for (const cell of row) {
      skipTaken();
      const span = Math.max(1, cell.colSpan);
      const owner = cell.continues ? labels[r - 1]?.[c] ?? '' : cell.text;
      for (let k = 0; k < span; k++) {
        cells[r][c + k] = k === 0 && !cell.continues ? cell.text : '';
        labels[r][c + k] = owner;
        starts[r][c + k] = k === 0;
        for (let down = 1; down < cell.rowSpan; down++) pending.set(`${r + down},${c + k}`, { text: owner, first: k === 0 });
      }
      c += span;
    }
    skipTaken();
  });
  // Positions no cell reaches (a row shorter than the others): empty, and no cell of the row.
  const width = Math.max(0, ...cells.map((r) => r.length));
  for (let r = 0; r < cells.length; r++) {
    for (let c = 0; c < width; c++) {
      cells[r][c] ??= '';
      labels[r][c] ??= '';
      starts[r][c] ??= false;
    }
  }
  return { cells, labels, starts };
}
