/**
 * The request that converts a Word file, web page or PDF into a Markdown report (the editor's "Import
 * Report" command; the CLI's `convert`). Types and constants only, shared by the client and the server.
 */

/** Client → server request: the file's bytes in, the Markdown report out (a ResponseError when it cannot be read). */
export const CONVERT_REQUEST = 'govAnnualReport/convert';

export interface ConvertParams {
  /** The file's name, whose extension says its format (.docx, .html, .htm, .pdf; .doc/.wps are refused). */
  name: string;
  /** The file's bytes, base64. */
  data: string;
}

export interface ConvertResult {
  /** The report as a Markdown report, to open as a `gov-annual-report` document. */
  markdown: string;
  format: 'docx' | 'html' | 'pdf';
}

/**
 * The name a converted report gets (report.docx → report.年报.md): what `convert -o FOLDER` writes and
 * what the editor's import suggests on Save. `.年报.md` opens in the report language by its name.
 */
export function convertedName(fileName: string): string {
  return `${fileName.replace(/\.[^.]+$/, '')}.年报.md`;
}
