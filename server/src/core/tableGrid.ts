/**
 * Tables 二, 三 and 四 as grids for the table view: the template's row and column headers, and per cell
 * its text, what the checks say about it (blank, invalid, a broken total with its expected value and
 * formula, a number the prose contradicts) and where it is in the text. Pure: a parsed report and its
 * findings in, plain JSON out. Every label comes from the template data (core/template/).
 */
import {
  ACTIVE_ROWS, OUTCOME_GROUPS, REQUEST_COLUMNS, REQUEST_TOP_ROWS, REVIEW_COLUMNS, REVIEW_GROUPS, TABLES,
  cellKey, relations, requestRows, type Bilingual, type ColumnTemplate,
  inLocale,
} from './template';
import { isPublishedText } from './recompute';
import type {
  CellKey, Finding, Locale, Range, ReportDocument, Severity, TableKey, TableShape, TemplateVersion,
} from './types';

/** `missing`: the template has the cell but the report's table does not (no place to type it). */
export type GridCellStatus = 'ok' | 'blank' | 'invalid' | 'broken' | 'contradicted' | 'missing';

export interface GridNote {
  code: string;
  severity: Severity;
  message: string;
}

export interface GridCell {
  key: CellKey;
  /** The cell's text as written, trimmed ('' for an empty cell). */
  text: string;
  status: GridCellStatus;
  /** Set for a broken total: what the relation says it should hold, and the terms (e.g. `69+0+0+0+0+0`). */
  expected?: number;
  formula?: string;
  /** The findings on this cell, in the report's locale. */
  notes: GridNote[];
  /** The value's range in the text (an empty range where a blank cell's value would be typed). */
  range?: Range;
}

export interface GridColumn {
  key: string;
  label: string;
}

export interface GridRow {
  key: string;
  label: string;
  /** The groups the row sits in, outermost first (三、本年度办理结果 › （三）不予公开). */
  groups: string[];
  /** One per column of the section, in column order. */
  cells: GridCell[];
}

/** A block of rows sharing one column header (table 二 has one per article of the Regulations). */
export interface GridSection {
  caption?: string;
  columns: GridColumn[];
  rows: GridRow[];
}

export interface TableGrid {
  key: TableKey;
  /** 二 / 三 / 四 */
  numeral: string;
  caption: string;
  /** False when the report has no such table; its sections are then empty. */
  found: boolean;
  shape?: TableShape;
  version: TemplateVersion;
  sections: GridSection[];
}

export interface TableGridModel {
  template: TemplateVersion;
  /** Published text (a table read in the PDF layout): the view shows it but does not edit it. */
  readOnly: boolean;
  tables: TableGrid[];
}

const TABLE_ORDER: readonly TableKey[] = ['active', 'requests', 'review'];
const SUM_CODES = new Set(['sum.rowTotal', 'sum.columnTotal', 'sum.balance', 'sum.reviewTotal']);

export function tableGrid(doc: ReportDocument, findings: readonly Finding[], locale: Locale): TableGridModel {
  const t = (b: Bilingual) => inLocale(b, locale);
  const marks = cellMarks(doc, findings);
  const tables = TABLE_ORDER.map((key): TableGrid => {
    const parsed = doc.tables.find((x) => x.key === key);
    const version = parsed?.version ?? doc.template;
    const grid: TableGrid = {
      key, numeral: TABLES[key].numeral, caption: t(TABLES[key].caption), found: !!parsed, version, sections: [],
    };
    if (!parsed) return grid;
    grid.shape = parsed.shape;
    const cellOf = (row: string, column: string) => gridCell(doc, marks, cellKey(key, row, column));
    const columnsOf = (cols: readonly ColumnTemplate[]) => cols.map((c) => ({ key: c.key, label: t(c.label) }));
    if (key === 'active') {
      // Consecutive rows under the same article share a header (第二十条第（六）项: 行政处罚, 行政强制).
      for (const row of ACTIVE_ROWS[version]) {
        let section = grid.sections[grid.sections.length - 1];
        if (!section || section.caption !== row.article || section.columns.length !== row.columns.length) {
          section = { caption: row.article, columns: columnsOf(row.columns), rows: [] };
          grid.sections.push(section);
        }
        section.rows.push({ key: row.key, label: t(row.label), groups: [], cells: row.columns.map((c) => cellOf(row.key, c.key)) });
      }
    } else if (key === 'requests') {
      const results = t(REQUEST_TOP_ROWS.results.label);
      const rows = requestRows(version).map((row): GridRow => {
        const outcome = OUTCOME_GROUPS.find((g) => row.key === g.key || row.group === g.key);
        // An outcome group with numbered rows is a header of its own; 予以公开, 部分公开 and （七）总计 are rows.
        const groups = !outcome ? [] : row.key === outcome.key ? [results] : [results, t(outcome.label)];
        return { key: row.key, label: t(row.label), groups, cells: REQUEST_COLUMNS.map((c) => cellOf(row.key, c.key)) };
      });
      grid.sections.push({ columns: columnsOf(REQUEST_COLUMNS), rows });
    } else {
      const rows = REVIEW_GROUPS.map((g) => ({ key: g.key, label: t(g.label), groups: [], cells: REVIEW_COLUMNS.map((c) => cellOf(g.key, c.key)) }));
      grid.sections.push({ columns: columnsOf(REVIEW_COLUMNS), rows });
    }
    return grid;
  });
  return { template: doc.template, readOnly: isPublishedText(doc), tables };
}

interface CellMark {
  notes: GridNote[];
  broken?: { expected: number; formula?: string };
  contradicted?: boolean;
}

/** What the findings say about each cell. */
function cellMarks(doc: ReportDocument, findings: readonly Finding[]): Map<CellKey, CellMark> {
  const marks = new Map<CellKey, CellMark>();
  const markOf = (key: CellKey) => {
    let m = marks.get(key);
    if (!m) marks.set(key, (m = { notes: [] }));
    return m;
  };
  const version = doc.tables.find((x) => x.key === 'requests')?.version ?? doc.template;
  for (const f of findings) {
    const note = { code: f.code, severity: f.severity, message: f.message };
    if (f.code === 'narrative.mismatch') {
      // The finding sits in the prose; the cells it compares with are its related locations.
      const keys = f.cell ? [f.cell] : (f.related ?? []).map((r) => r.cell).filter((k): k is CellKey => !!k);
      for (const k of keys) {
        const m = markOf(k);
        m.contradicted = true;
        m.notes.push(note);
      }
      continue;
    }
    if (!f.cell) continue;
    const m = markOf(f.cell);
    m.notes.push(note);
    if (SUM_CODES.has(f.code) && typeof f.args?.expected === 'number') {
      m.broken = { expected: f.args.expected, formula: formulaOf(doc, f, version) };
    }
  }
  return marks;
}

/** The sum's terms as the finding states them; for the balance, 一 + 二 − （七）. */
function formulaOf(doc: ReportDocument, f: Finding, version: TemplateVersion): string | undefined {
  if (typeof f.args?.formula === 'string') return f.args.formula;
  const r = relations(version).find((x) => x.code === f.code && x.target === f.cell);
  if (!r) return undefined;
  const value = (k: CellKey) => doc.cells.get(k)?.value ?? '?';
  return r.plus.map(value).join('+') + r.minus.map((k) => `−${value(k)}`).join('');
}

function gridCell(doc: ReportDocument, marks: Map<CellKey, CellMark>, key: CellKey): GridCell {
  const cell = doc.cells.get(key);
  const mark = marks.get(key);
  const notes = mark?.notes ?? [];
  if (!cell) return { key, text: '', status: 'missing', notes };
  const out: GridCell = { key, text: cell.text, status: cell.status, notes, range: doc.lines.rangeOf(cell.span) };
  if (mark?.broken) {
    out.status = 'broken';
    out.expected = mark.broken.expected;
    if (mark.broken.formula !== undefined) out.formula = mark.broken.formula;
  } else if (mark?.contradicted && cell.status === 'ok') {
    out.status = 'contradicted';
  }
  return out;
}
