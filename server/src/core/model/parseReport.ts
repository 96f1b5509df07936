/** Text → ReportDocument: tables mapped onto the template, headings, parts, year and template. */
import { versionForYear } from '../template/template';
import { indexLines } from '../text';
import type { AnalyzeOptions, Cell, CellKey, Heading, ParsedTable, Part, ReportDocument, TemplateVersion } from '../types';
import { findHeadings } from './headings';
import { mapTables } from './mapTables';
import { readMeta } from './meta';
import { findTableRegions, type TableRegion } from './tableText';

/** Parses a report. Never throws: any text gives a (possibly empty) document. */
export function parseReport(text: string, options: AnalyzeOptions = {}): ReportDocument {
  const { index: lineIndex, lines } = indexLines(text);
  const meta = readMeta(text, lines);
  const regions = findTableRegions(lines);
  const yearVersion = meta.year ? versionForYear(meta.year.value) : undefined;
  const tables = mapTables(regions, yearVersion);

  const title = meta.title?.span;
  const inTable = inRegionsCursor(regions);
  const headings = findHeadings(lines, (i) => inTable(i) || (title !== undefined && lineIndex.lineStarts[i] >= title.start && lineIndex.lineStarts[i] < title.end));

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

/**
 * Whether line `i` lies in one of the regions (sorted, disjoint), for lines asked in increasing order:
 * a cursor over the regions rather than a flag per line (an off-heap typed array per analysis).
 */
function inRegionsCursor(regions: readonly TableRegion[]): (line: number) => boolean {
  let r = 0;
  return (line) => {
    while (r < regions.length && regions[r].endLine < line) r++;
    return r < regions.length && regions[r].startLine <= line;
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
