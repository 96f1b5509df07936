/** Text → ReportDocument: tables mapped onto the template, headings, parts, year and template. */
import { TABLES, versionForYear } from '../template';
import { indexLines, type Line } from '../text';
import type { AnalyzeOptions, Cell, CellKey, Heading, ParsedTable, Part, ReportDocument, TableKey, TemplateVersion } from '../types';
import { readAlignedTables } from './alignedTables';
import { findHeadings } from './headings';
import { mapTables } from './mapTables';
import { readMeta } from './meta';
import { flatRegion, virtualLines } from './flatText';
import { findTableRegions, type TableRegion } from './tableText';

/** Parses a report. Never throws: any text gives a (possibly empty) document. */
export function parseReport(text: string, options: AnalyzeOptions = {}): ReportDocument {
  const { index: lineIndex, lines: realLines } = indexLines(text);
  const meta = readMeta(text, realLines);
  // A report flattened onto one line is read through virtual lines cut at its structure.
  const flat = virtualLines(realLines);
  const lines = flat?.lines ?? realLines;
  const regions = withFlatRegions(findTableRegions(lines), flat ? [...flat.flatTables].map((i) => lines[i]) : []);
  const yearVersion = meta.year ? versionForYear(meta.year.value) : undefined;
  let tables = mapTables(regions, yearVersion);
  let tableLines: readonly LineRange[] = regions;
  // A table the other shapes did not find may be laid out as PDF text (cells aligned by spaces).
  const missing = (Object.keys(TABLES) as TableKey[]).filter((k) => !tables.some((t) => t.key === k));
  if (missing.length) {
    const aligned = readAlignedTables(lines, missing, outsideRanges(regions));
    if (aligned.tables.length) {
      tables = [...tables, ...aligned.tables].sort((a, b) => a.span.start - b.span.start);
      tableLines = [...regions, ...aligned.lineRanges].sort((a, b) => a.startLine - b.startLine);
    }
  }

  const title = meta.title?.span;
  const outsideTables = outsideRanges(tableLines);
  const headings = findHeadings(lines, (i) => !outsideTables(i) || (title !== undefined && lines[i].start >= title.start && lines[i].start < title.end));
  // Headings found on virtual lines name the real line they are on.
  if (flat) for (const h of headings) h.line = lineIndex.positionAt(h.lineSpan.start).line;

  const cells = cellMapOf(tables);

  let template: TemplateVersion = '2021';
  let templateSource: ReportDocument['templateSource'] = 'default';
  const tableVersion = tables.find((t) => t.key === 'requests')?.version ?? tables.find((t) => t.key === 'active')?.version;
  if (options.template && options.template !== 'auto') {
    template = options.template;
    templateSource = 'option';
  } else if (yearVersion) {
    template = yearVersion;
    templateSource = 'year';
  } else if (tableVersion) {
    template = tableVersion;
    templateSource = 'tables';
  }

  return {
    text,
    lines: lineIndex,
    year: meta.year,
    title: meta.title,
    agency: meta.agency,
    period: meta.period,
    template,
    templateSource,
    headings,
    parts: partsOf(headings, text.length),
    tables,
    cells,
  };
}

/** The line-shaped regions and those of a flattened report's tables, in text order. */
function withFlatRegions(regions: TableRegion[], flatLines: Line[]): TableRegion[] {
  if (!flatLines.length) return regions;
  const flat = flatLines.map(flatRegion).filter((r): r is TableRegion => r !== undefined);
  return [...regions, ...flat].sort((a, b) => a.startLine - b.startLine);
}

interface LineRange {
  startLine: number;
  endLine: number;
}

/** Whether a line lies outside all of the ranges (sorted, disjoint), asked in any order. */
function outsideRanges(ranges: readonly LineRange[]): (line: number) => boolean {
  return (line) => {
    let lo = 0;
    let hi = ranges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (ranges[mid].endLine < line) lo = mid + 1;
      else if (ranges[mid].startLine > line) hi = mid - 1;
      else return false;
    }
    return true;
  };
}

/** Every mapped cell by key; the first table's cell wins when two tables map the same key. */
function cellMapOf(tables: ParsedTable[]): Map<CellKey, Cell> {
  const cells = new Map<CellKey, Cell>();
  for (const t of tables) for (const c of t.cells) if (!cells.has(c.key)) cells.set(c.key, c);
  return cells;
}

function partsOf(headings: Heading[], textLength: number): Part[] {
  const top = headings.filter((h) => h.outlineLevel === 1);
  const parts: Part[] = [];
  top.forEach((h, i) => {
    if (!h.part) return;
    const end = i + 1 < top.length ? top[i + 1].lineSpan.start : textLength;
    parts.push({ key: h.part, heading: h, span: { start: h.lineSpan.start, end } });
  });
  return parts;
}
