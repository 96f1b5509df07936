/**
 * PDF text items (pdf.js getTextContent) laid out as text lines the way `pdftotext -layout` does, so
 * that the core's aligned-table reader (core/model/alignedTables.ts) reads them: items on one baseline
 * make a line, each item starts at the column its x position gives (one column per half a font size:
 * a digit's width; CJK characters are two columns wide on the page but one character in the text, so
 * padding always catches up), with at least one space where the page has a gap. Pure: items in, lines out.
 */

export interface TextItem {
  str: string;
  /** Left edge and baseline in PDF units (y grows upwards). */
  x: number;
  y: number;
  width: number;
  /** Font size (the item's height). */
  size: number;
}

export interface LaidOutPage {
  lines: string[];
}

/** One page's items as lines, top to bottom. `unit` is the width of one column (half a font size). */
export function layoutPage(items: readonly TextItem[], unit: number, left: number): LaidOutPage {
  const visible = items.filter((i) => i.str.trim() !== '' && Number.isFinite(i.x) && Number.isFinite(i.y));
  // Top to bottom, then left to right; a line gathers the items whose baseline is within half a size.
  visible.sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: TextItem[][] = [];
  for (const item of visible) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row[0].y - item.y) <= Math.max(row[0].size, item.size) * 0.5) row.push(item);
    else rows.push([item]);
  }
  const lines: string[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    let line = '';
    let prevEnd = -Infinity;
    for (const item of row) {
      const column = Math.max(0, Math.round((item.x - left) / unit));
      const gap = item.x - prevEnd;
      // Items that touch (a word split into runs, prose) are joined as they are; a gap moves the item
      // to its column, one space at least.
      if (line.length === 0 || gap > unit * 0.6) {
        if (line.length < column) line += ' '.repeat(column - line.length);
        else if (line.length > 0 && !line.endsWith(' ')) line += ' ';
      }
      line += item.str.replace(/\s+$/, '');
      prevEnd = item.x + item.width;
    }
    lines.push(line.replace(/\s+$/, ''));
  }
  return { lines };
}

/** The column unit for a document: half its most common font size. */
export function columnUnit(items: readonly TextItem[]): number {
  const counts = new Map<number, number>();
  for (const i of items) if (i.str.trim()) counts.set(Math.round(i.size), (counts.get(Math.round(i.size)) ?? 0) + i.str.length);
  let best = 10;
  let n = -1;
  for (const [size, count] of counts) if (count > n) [best, n] = [size, count];
  return Math.max(1, best / 2);
}
