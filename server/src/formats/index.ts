/**
 * Input formats read directly: Word (.docx), saved web pages (.html/.htm) and PDF, each converted to a
 * Markdown report with a source map (types.ts). Pure functions of the file's bytes: no file system, no
 * network. Bundled on its own (dist/formats.js) and loaded only when such a file is opened, so that
 * checking text reports never loads pdf.js.
 */
import { docxToReport } from './docx';
import { htmlToReport } from './html';
import { pdfPages } from './pdf';
import { markTemplateTables, pdfPagesToReport } from './pdfReport';
import { FormatError, inputFormatOf, type ConvertedReport, type InputFormat } from './types';

export { FormatError, inputFormatOf, type ConvertedReport, type InputFormat, type SourceLine } from './types';
export { locateFinding, type SourceLocation } from './locate';

/** Converts a Word file or a web page (both read synchronously). */
export function convertSync(format: Exclude<InputFormat, 'pdf'>, bytes: Uint8Array): ConvertedReport {
  return markTemplateTables(format === 'docx' ? docxToReport(bytes) : htmlToReport(bytes));
}

/** Converts a file of any of the formats. */
export async function convert(format: InputFormat, bytes: Uint8Array): Promise<ConvertedReport> {
  return format === 'pdf' ? pdfPagesToReport(await pdfPages(bytes)) : convertSync(format, bytes);
}

/** Converts a file by its name's extension; undefined for a name that is none of the formats. */
export async function convertFile(name: string, bytes: Uint8Array): Promise<ConvertedReport | undefined> {
  const format = inputFormatOf(name);
  return format && format !== 'legacy' ? convert(format, bytes) : undefined;
}

/**
 * Run as a program (`node formats.js pdf`): reads a PDF on stdin and writes its ConvertedReport as JSON
 * on stdout. The CLI reads PDFs this way because pdf.js is asynchronous and the CLI's file loop is not;
 * a FormatError becomes `{"error": "…"}`.
 */
async function main(): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  try {
    process.stdout.write(JSON.stringify(await convert('pdf', Buffer.concat(chunks))));
  } catch (e) {
    if (!(e instanceof FormatError)) throw e;
    process.stdout.write(JSON.stringify({ error: e.detail, reason: e.reason }));
  }
}

if (require.main === module && process.argv[2] === 'pdf') void main();
