/**
 * Saved web pages (.html, .htm): bytes decoded by the page's own charset (BOM, <meta charset> or
 * http-equiv Content-Type; UTF-8 when none is named and the bytes are valid UTF-8, else GB18030, the
 * superset of GBK and GB2312), then parsed with htmlparser2. Block elements (p, div, h1–h6, li, …) and
 * <br> break lines; <table> becomes a grid with rowspan/colspan. Not read: scripts, styles, forms,
 * images, text hidden by CSS, frames.
 */
import { childElements, isElement, parseHtml, type DomNode } from './dom';
import { buildMarkdown, gridOf, type Block, type SpanCell } from './markdown';
import type { ConvertedReport } from './types';

export function htmlToReport(bytes: Uint8Array): ConvertedReport {
  return htmlTextToReport(decodeHtml(bytes));
}

export function htmlTextToReport(html: string): ConvertedReport {
  const blocks: Block[] = [];
  const reader = new BlockReader(blocks);
  reader.read(parseHtml(html));
  reader.flush();
  return { format: 'html', ...buildMarkdown(blocks) };
}

/** The page's text: its charset as declared (within the first 2 KB, as browsers look), else sniffed. */
export function decodeHtml(bytes: Uint8Array): string {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (declared && declared !== 'utf-8' && declared !== 'utf8') {
    try {
      // gb2312 and gbk pages often hold characters beyond those sets: GB18030 decodes them all.
      const label = /^(?:gb2312|gbk|x-gbk|gb_2312-80|gb18030)$/.test(declared) ? 'gb18030' : declared;
      return new TextDecoder(label).decode(bytes);
    } catch {
      /* an unknown label: sniff below */
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

const BLOCK = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'section', 'article', 'header', 'footer',
  'nav', 'aside', 'main', 'blockquote', 'pre', 'address', 'figure', 'figcaption', 'center', 'title', 'hr', 'form', 'fieldset',
]);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'select', 'option', 'button', 'iframe', 'object', 'svg', 'textarea']);

/** Collects inline text into paragraphs and tables into grids, in document order. */
class BlockReader {
  private text = '';

  constructor(private readonly blocks: Block[]) {}

  read(n: DomNode): void {
    for (const c of n.children ?? []) {
      if (c.type === 'text') this.text += c.data ?? '';
      else if (!isElement(c) || SKIP.has(c.name!)) continue;
      else if (c.name === 'br') this.text += '\n';
      else if (c.name === 'table') {
        this.flush();
        this.blocks.push({ kind: 'table', grid: gridOf(tableRows(c)) });
      } else if (BLOCK.has(c.name!)) {
        this.flush();
        this.read(c);
        this.flush();
      } else this.read(c);
    }
  }

  flush(): void {
    const t = this.text.replace(/[ \t\r\u00a0]*\n[ \t\r\u00a0]*/g, '\n').replace(/[ \t\r\u00a0]+/g, ' ').trim();
    this.text = '';
    if (t) this.blocks.push({ kind: 'paragraph', text: t });
  }
}

/** Rows of a table (thead, tbody, tfoot in order); a nested table's text stays in its cell. */
function tableRows(table: DomNode): SpanCell[][] {
  const rows: SpanCell[][] = [];
  const walk = (n: DomNode) => {
    for (const c of childElements(n)) {
      if (c.name === 'tr') rows.push(childElements(c).filter((d) => d.name === 'td' || d.name === 'th').map(cellOf));
      else if (c.name === 'thead' || c.name === 'tbody' || c.name === 'tfoot') walk(c);
    }
  };
  walk(table);
  return rows;
}

function cellOf(td: DomNode): SpanCell {
  const span = (name: string) => Math.min(1000, Math.max(1, parseInt(td.attribs?.[name] ?? '1', 10) || 1));
  return { text: cellText(td), colSpan: span('colspan'), rowSpan: span('rowspan') };
}

/** A cell's text; block elements and <br> inside it break lines (dropped later: one cell, one line). */
function cellText(n: DomNode): string {
  let s = '';
  for (const c of n.children ?? []) {
    if (c.type === 'text') s += c.data ?? '';
    else if (!isElement(c) || SKIP.has(c.name!)) continue;
    else if (c.name === 'br') s += '\n';
    else if (BLOCK.has(c.name!) || c.name === 'table' || c.name === 'tr') s += `\n${cellText(c)}\n`;
    else if (c.name === 'td' || c.name === 'th') s += ` ${cellText(c)} `;
    else s += cellText(c);
  }
  return s.replace(/\u00a0/g, ' ');
}
