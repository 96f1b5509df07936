/**
 * What every input reader produces: the report as Markdown text the core already reads (paragraphs,
 * tables as `| a | b |` grids) and, for each line of that text, where it came from in the source file.
 */
import type { TableKey } from '../core';

export type InputFormat = 'docx' | 'html' | 'pdf';

/** Where one line of the converted text came from. */
export interface SourceLine {
  /** 1-based PDF page. */
  page?: number;
  /** 1-based number of the source table (in document order), for the lines of a table. */
  table?: number;
  /** The official table the core read there, when it read one. */
  templateTable?: TableKey;
  /** The row's label cells (merged cells included), for a table's data rows. */
  row?: string;
  /** Each cell of a table row: its UTF-16 range on the line and its column's header label. */
  cells?: { start: number; end: number; column: string }[];
}

export interface ConvertedReport {
  format: InputFormat;
  /** The report as a Markdown report (`*.年报.md`); LF line ends. */
  markdown: string;
  /** One entry per line of `markdown`. */
  lines: SourceLine[];
}

/** The formats read by extension; .doc and .wps (old binary Word and WPS) are named to be refused. */
export function inputFormatOf(fileName: string): InputFormat | 'legacy' | undefined {
  const m = /\.([a-z]+)$/i.exec(fileName);
  const ext = m ? m[1].toLowerCase() : '';
  if (ext === 'docx') return 'docx';
  if (ext === 'html' || ext === 'htm') return 'html';
  if (ext === 'pdf') return 'pdf';
  if (ext === 'doc' || ext === 'wps') return 'legacy';
  return undefined;
}

/** A file that is not what its extension says (a broken zip, not a PDF, …). */
export class FormatError extends Error {
  /** `noText`: a PDF without a text layer (scanned pages), which no reader here can read. */
  constructor(readonly format: InputFormat, readonly detail: string, readonly reason?: 'noText') {
    super(`${format}: ${detail}`);
  }
}
