/**
 * Word (.docx): the zip is opened with fflate, word/document.xml parsed with htmlparser2 in XML mode.
 * Paragraphs (w:p) become paragraphs, tables (w:tbl) grids: w:gridSpan spans columns, w:vMerge
 * continues the cell above, w:gridBefore skips leading columns. Headings are found by their text
 * later (the core), so styles are not read. Not read: headers, footers, footnotes, comments, text
 * boxes, images, tracked deletions (w:delText).
 */
import { unzipSync, strFromU8 } from 'fflate';
import { childElements, firstChild, isElement, parseXml, type DomNode } from './dom';
import { buildMarkdown, gridOf, type Block, type SpanCell } from './markdown';
import { FormatError, type ConvertedReport } from './types';

/** The most text a report's document.xml may inflate to: a report is well under 1 MB; this stops zip bombs. */
const MAX_DOCUMENT_XML = 64 * 1024 * 1024;

export function docxToReport(bytes: Uint8Array): ConvertedReport {
  let xml: string;
  try {
    const files = unzipSync(bytes, {
      filter: (f) => {
        if (f.name !== 'word/document.xml') return false;
        if (f.originalSize > MAX_DOCUMENT_XML) throw new Error(`word/document.xml too large (${f.originalSize} bytes)`);
        return true;
      },
    });
    const doc = files['word/document.xml'];
    if (!doc) throw new Error('word/document.xml not found');
    xml = strFromU8(doc);
  } catch (e) {
    throw new FormatError('docx', (e as Error).message);
  }
  const root = parseXml(xml);
  const document = firstChild(root, 'w:document');
  const body = document && firstChild(document, 'w:body');
  if (!body) throw new FormatError('docx', 'no w:body in word/document.xml');
  const blocks: Block[] = [];
  readBlocks(body, blocks);
  return { format: 'docx', ...buildMarkdown(blocks) };
}

/** Body-level content in order; content controls and custom XML wrap paragraphs and tables. */
function readBlocks(parent: DomNode, blocks: Block[]): void {
  for (const n of childElements(parent)) {
    if (n.name === 'w:p') blocks.push({ kind: 'paragraph', text: paragraphText(n) });
    else if (n.name === 'w:tbl') blocks.push({ kind: 'table', grid: gridOf(tableRows(n)) });
    else if (n.name === 'w:sdt') {
      const content = firstChild(n, 'w:sdtContent');
      if (content) readBlocks(content, blocks);
    } else if (n.name === 'w:customXml' || n.name === 'w:ins' || n.name === 'w:smartTag') readBlocks(n, blocks);
  }
}

/** The text of a paragraph: its w:t runs; w:tab as a space, w:br and w:cr as a line break. */
function paragraphText(p: DomNode): string {
  let text = '';
  const walk = (n: DomNode) => {
    for (const c of n.children ?? []) {
      if (!isElement(c)) continue;
      if (c.name === 'w:t') text += textOf(c);
      else if (c.name === 'w:tab') text += ' ';
      else if (c.name === 'w:br' || c.name === 'w:cr') text += '\n';
      else if (c.name === 'w:del' || c.name === 'w:instrText' || c.name === 'w:txbxContent' || c.name === 'w:pPr' || c.name === 'w:rPr') continue;
      else walk(c);
    }
  };
  walk(p);
  return text;
}

function textOf(n: DomNode): string {
  let s = '';
  for (const c of n.children ?? []) s += c.type === 'text' ? c.data ?? '' : textOf(c);
  return s;
}

function tableRows(tbl: DomNode): SpanCell[][] {
  const rows: SpanCell[][] = [];
  for (const tr of rowsOf(tbl)) {
    const row: SpanCell[] = [];
    const trPr = firstChild(tr, 'w:trPr');
    const before = Number(trPr && firstChild(trPr, 'w:gridBefore')?.attribs?.['w:val']) || 0;
    if (before > 0) row.push({ text: '', colSpan: before, rowSpan: 1 });
    for (const tc of cellsOf(tr)) {
      const tcPr = firstChild(tc, 'w:tcPr');
      const span = Number(tcPr && firstChild(tcPr, 'w:gridSpan')?.attribs?.['w:val']) || 1;
      const vMerge = tcPr && firstChild(tcPr, 'w:vMerge');
      const continues = vMerge !== undefined && vMerge.attribs?.['w:val'] !== 'restart';
      row.push({ text: cellText(tc), colSpan: span, rowSpan: 1, continues });
    }
    rows.push(row);
  }
  return rows;
}

/** Rows and cells, also inside content controls. */
function rowsOf(tbl: DomNode): DomNode[] {
  return childElements(tbl).flatMap((n) => (n.name === 'w:tr' ? [n] : n.name === 'w:sdt' || n.name === 'w:customXml' ? rowsOf(firstChild(n, 'w:sdtContent') ?? n) : []));
}

function cellsOf(tr: DomNode): DomNode[] {
  return childElements(tr).flatMap((n) => (n.name === 'w:tc' ? [n] : n.name === 'w:sdt' || n.name === 'w:customXml' ? cellsOf(firstChild(n, 'w:sdtContent') ?? n) : []));
}

/** A cell's paragraphs, one per line; a table nested in the cell gives its text too. */
function cellText(tc: DomNode): string {
  const parts: string[] = [];
  const walk = (n: DomNode) => {
    for (const c of childElements(n)) {
      if (c.name === 'w:p') parts.push(paragraphText(c));
      else if (c.name !== 'w:tcPr') walk(c);
    }
  };
  walk(tc);
  return parts.join('\n');
}
