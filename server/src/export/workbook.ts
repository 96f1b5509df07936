/**
 * Spreadsheets for reviewers: .xlsx through exceljs (loaded on first use, so the language server and the
 * CLI do not pay for it at start; the server's copy is dist/xlsx.js, see scripts/build.mjs) and CSV
 * (RFC 4180, with a BOM so that Excel reads the Chinese right).
 */
export type SheetCell = string | number | null | undefined;

export interface Sheet {
  name: string;
  header: string[];
  rows: SheetCell[][];
  /** Column widths in characters; a CJK character counts as two. */
  widths?: number[];
}

export async function writeWorkbook(sheets: Sheet[]): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'gov-annual-report';
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(sheet.header).font = { bold: true };
    for (const row of sheet.rows) ws.addRow(row.map((c) => c ?? null));
    ws.columns.forEach((column, i) => {
      column.width = sheet.widths?.[i] ?? Math.min(60, Math.max(8, ...[sheet.header[i], ...sheet.rows.map((r) => r[i])].map(displayWidth)));
    });
    if (sheet.rows.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.header.length } };
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export function writeCsv(sheet: Sheet): string {
  const lines = [sheet.header, ...sheet.rows].map((r) => r.map((c) => csvField(c == null ? '' : String(c))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function csvField(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function displayWidth(c: SheetCell): number {
  const s = c == null ? '' : String(c);
  let w = 2;
  for (const ch of s) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return w;
}
