/**
 * A PDF's laid-out pages as a Markdown report: the core reads the text as it reads `pdftotext -layout`
 * output (pages joined by form feeds, as pdftotext does), and each table it reads whole is written
 * instead as a Markdown grid of the template (the clerk then edits a grid, not columns of spaces). The
 * other lines stay as laid out, without the form feeds; each line maps to its page.
 */
import { parseReport } from '../core';
import { renderTable } from '../core/template/render';
import type { ConvertedReport, SourceLine } from './types';

export function pdfPagesToReport(pages: string[][]): ConvertedReport {
  const lines: string[] = [];
  const pageOf: number[] = [];
  pages.forEach((page, p) => {
    page.forEach((line, i) => {
      lines.push(i === 0 && p > 0 ? `\f${line}` : line);
      pageOf.push(p + 1);
    });
  });
  const doc = parseReport(lines.join('\n'));
  const grids = doc.tables
    .filter((t) => t.shape === 'aligned' && t.cells.length > 0 && t.problems.length === 0)
    .map((t) => ({
      key: t.key,
      startLine: doc.lines.positionAt(t.span.start).line,
      endLine: doc.lines.positionAt(t.span.end).line,
      text: renderTable(t.key, t.version ?? doc.template, 'markdown', '\n', cellText(t.cells)),
    }));
  const out: string[] = [];
  const map: SourceLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const grid = grids.find((g) => g.startLine === i);
    if (grid) {
      const gridLines = ['', ...grid.text.replace(/\n$/, '').split('\n'), ''];
      for (const l of gridLines) {
        out.push(l);
        map.push(l ? { page: pageOf[i], table: grids.indexOf(grid) + 1, templateTable: grid.key } : {});
      }
      i = grid.endLine;
      continue;
    }
    out.push(lines[i].replace(/\f/g, ''));
    map.push({ page: pageOf[i] });
  }
  return { format: 'pdf', markdown: out.join('\n') + '\n', lines: map };
}

/** Marks the lines of each official table the core reads in a converted report (locate.ts names them so). */
export function markTemplateTables(report: ConvertedReport): ConvertedReport {
  const doc = parseReport(report.markdown);
  for (const t of doc.tables) {
    const last = doc.lines.positionAt(t.span.end).line;
    for (let i = doc.lines.positionAt(t.span.start).line; i <= last && i < report.lines.length; i++) {
      if (report.lines[i].table !== undefined) report.lines[i].templateTable = t.key;
    }
  }
  return report;
}

/** The text each cell was read with, by key (a blank cell: empty). */
function cellText(cells: readonly { key: string; text: string }[]): (key: string) => string {
  const byKey = new Map(cells.map((c) => [c.key, c.text.replace(/\|/g, '\\|')]));
  return (key) => byKey.get(key) ?? '';
}
