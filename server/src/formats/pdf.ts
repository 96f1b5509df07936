/**
 * PDF: text items with their positions from pdf.js (pdfjs-dist, legacy build for Node; no worker
 * thread — the worker code runs in this thread through pdf.js's "fake worker" — no network, no canvas,
 * no font or CMap files), laid out by layout.ts. Then the core reads the tables as it reads
 * `pdftotext -layout` text, and the tables it reads are written as Markdown grids. Not read: scanned
 * pages (images of text), text drawn as vector outlines, annotations, forms.
 */
import { layoutPage, columnUnit, type TextItem } from './layout';
import { FormatError } from './types';

/** The pages of a PDF as laid-out lines (a page's text, top to bottom). */
export async function pdfPages(bytes: Uint8Array): Promise<string[][]> {
  const pdfjs = loadPdfjs();
  let doc: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;
  try {
    doc = await pdfjs.getDocument({
      data: new Uint8Array(bytes), // pdf.js takes ownership of (detaches) the buffer it is given
      useSystemFonts: false,
      disableFontFace: true,
      isEvalSupported: false,
      stopAtErrors: false,
      verbosity: 0,
    }).promise;
  } catch (e) {
    throw new FormatError('pdf', (e as Error).message);
  }
  try {
    const pages: TextItem[][] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const items: TextItem[] = [];
      for (const it of content.items) {
        if (!('str' in it)) continue;
        const [a, b, , , x, y] = it.transform as number[];
        items.push({ str: it.str, x, y, width: it.width, size: Math.hypot(a, b) || it.height });
      }
      pages.push(items);
      page.cleanup();
    }
    const all = pages.flat();
    if (!all.some((i) => i.str.trim() !== '')) throw new FormatError('pdf', 'no text layer', 'noText');
    const unit = columnUnit(all);
    const left = Math.min(...all.map((i) => i.x).filter(Number.isFinite), Infinity);
    return pages.map((items) => layoutPage(items, unit, Number.isFinite(left) ? left : 0).lines);
  } finally {
    await doc.destroy();
  }
}

type Pdfjs = typeof import('pdfjs-dist');

let pdfjsModule: Pdfjs | undefined;

/**
 * pdf.js, loaded on first use. Its worker code is handed over as `globalThis.pdfjsWorker`, which pdf.js
 * then runs in this thread instead of loading a worker file. While it loads it prints warnings about
 * the optional canvas package (only rendering needs it): those are kept off stdout.
 */
function loadPdfjs(): Pdfjs {
  if (!pdfjsModule) {
    const log = console.log;
    console.log = () => undefined;
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = require('pdfjs-dist/legacy/build/pdf.worker.mjs');
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      pdfjsModule = require('pdfjs-dist/legacy/build/pdf.mjs') as Pdfjs;
    } finally {
      console.log = log;
    }
  }
  return pdfjsModule;
}
