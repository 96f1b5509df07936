/**
 * Maps the cell stream of each table region onto the official template by labels and column
 * positions, never by a fixed line layout: a row label opens a row, the value cells after it
 * (up to the next label or row break) fill the template's columns in order.
 */
import {
  ACTIVE_ROWS, ACTIVE_VERSION_SIGNS, OUTCOME_GROUPS, REQUEST_COLUMNS, REQUEST_TOP_ROWS, REVIEW_COLUMNS, REVIEW_GROUPS,
  TABLE_OPENERS, TABLE_SIGNATURES, cellKey, itemRowKey, requestRows,
  type ColumnTemplate, type OutcomeGroup,
} from '../template';
import { relations } from '../template/relations';
import type { Cell, CellKey, ParsedTable, Span, TableKey, TableProblem, TemplateVersion } from '../types';
import { solveRows, splitRuns, type PendingRow, type Piece } from './digitSplit';
import type { CellToken, TableRegion } from './tableText';
import { isValueLike, parseCellValue } from './values';

const TABLE_KEYS: TableKey[] = ['requests', 'review', 'active'];

/** The table whose signature words a cell holds. */
const signatureKey = (norm: string) => TABLE_KEYS.find((k) => TABLE_SIGNATURES[k].test(norm));
/**
 * The table a cell opens (第二十条…, (本列…勾稽关系…), 行政复议). Openers start with a Chinese word or
 * "(": a cell that starts with a number or other Latin text ("411勾稽关系") is a (bad) value, not a new table.
 */
const openerKey = (norm: string) => (/^(?:\(|[^\x00-\xff])/.test(norm) ? TABLE_KEYS.find((k) => TABLE_OPENERS[k].test(norm)) : undefined);

interface Segment {
  region: TableRegion;
  tokens: CellToken[];
  key: TableKey;
}

/**
 * Splits regions where a new table starts inside them (two tables with no heading between)
 * and names each piece by its opener or first signature word; pieces with neither are not tables.
 */
function segment(regions: TableRegion[]): Segment[] {
  const out: Segment[] = [];
  for (const region of regions) {
    const all = region.tokens;
    let from = 0;
    let key: TableKey | undefined;
    const flush = (to: number) => {
      // A region that is one table (the usual case) passes its own array on; a split one, its pieces.
      if (key && to > from) out.push({ region, tokens: from === 0 && to === all.length ? all : all.slice(from, to), key });
      from = to;
      key = undefined;
    };
    all.forEach((token, i) => {
      const opener = openerKey(token.norm);
      if (opener) {
        if (key && key !== opener) flush(i);
        key ??= opener;
      }
      key ??= signatureKey(token.norm);
    });
    flush(all.length);
  }
  // A table split by prose or blank-separated Markdown blocks: merge neighbours of the same key.
  const merged: Segment[] = [];
  for (const s of out) {
    const prev = merged[merged.length - 1];
    if (prev && prev.key === s.key) merged[merged.length - 1] = { ...prev, tokens: [...prev.tokens, ...s.tokens] };
    else merged.push(s);
  }
  return merged;
}

export interface MappedTables {
  tables: ParsedTable[];
}

/** Maps all table regions; `yearVersion` is the template the report year calls for, if known. */
export function mapTables(regions: TableRegion[], yearVersion: TemplateVersion | undefined): ParsedTable[] {
  const tables: ParsedTable[] = [];
  for (const seg of segment(regions)) {
    const span = regionSpan(seg);
    const anchor = firstLabelSpan(seg.tokens);
    const flat = seg.region.shape === 'flat';
    const mapped =
      seg.key === 'requests' ? mapRequests(seg.tokens, seg.region.shape !== 'pipe', flat)
        : seg.key === 'review' ? mapReview(seg.tokens, flat)
          : mapActive(seg.tokens, yearVersion, flat);
    tables.push({ key: seg.key, shape: seg.region.shape, span, anchor, ...mapped });
  }
  return tables;
}

function regionSpan(seg: Segment): { start: number; end: number } {
  let start = Infinity;
  let end = -Infinity;
  for (const t of seg.tokens) {
    if (t.span.start < start) start = t.span.start;
    if (t.span.end > end) end = t.span.end;
  }
  return { start, end };
}

function firstLabelSpan(tokens: CellToken[]) {
  return (tokens.find((t) => t.norm !== '') ?? tokens[0]).span;
}

interface Mapped {
  cells: Cell[];
  problems: TableProblem[];
  version?: TemplateVersion;
}

function makeCell(table: TableKey, row: string, column: ColumnTemplate, token: CellToken): Cell {
  return makeValueCell(table, row, column, token.text, token.span);
}

/** The cell of `column` in `row` holding `text` at `span`, its value read by the column's kind. */
export function makeValueCell(table: TableKey, row: string, column: ColumnTemplate, text: string, span: Span): Cell {
  const { status, value } = parseCellValue(text, column.kind);
  return { key: cellKey(table, row, column.key), table, row, column: column.key, text, span, status, value };
}

/** Digit runs of a flattened row that hold fewer tokens than the row has cells. */
function digitRuns(values: CellToken[], n: number): CellToken[] | undefined {
  return values.length < n && values.length > 0 && values.every((t) => /^[\d.]+$/.test(t.text)) ? values : undefined;
}

/** A row of a flattened table still to be split: where it is and how its cells would be made. */
interface FlatRow {
  table: TableKey;
  row: string;
  columns: readonly ColumnTemplate[];
  label: CellToken;
  runs: CellToken[];
  pending: PendingRow;
}

function flatRow(table: TableKey, row: string, columns: readonly ColumnTemplate[], label: CellToken, runs: CellToken[], accept: (values: number[]) => boolean): FlatRow {
  const all = splitRuns(runs.map((t) => ({ text: t.text, start: t.span.start })), columns.length);
  const candidates = all ? all.filter((c) => accept(c.map((p) => p.value))) : [];
  // Over the limit: no candidate, so the row stays unread.
  return { table, row, columns, label, runs, pending: { keys: columns.map((c) => cellKey(table, row, c.key)), candidates: all ? candidates : [] } };
}

/**
 * Solves the flattened rows of a table together with the cells read plainly: a row whose split every
 * solution agrees on becomes cells marked `recovered`, the others a "no unique split" problem.
 */
function settleFlatRows(rows: FlatRow[], cells: Cell[], problems: TableProblem[], version: TemplateVersion): void {
  if (!rows.length) return;
  const known = new Map<CellKey, number>();
  for (const c of cells) if (c.status === 'ok' && c.value !== null) known.set(c.key, c.value);
  const chosen = solveRows(rows.map((r) => r.pending), known, relations(version));
  rows.forEach((r, i) => {
    const c = chosen[i];
    if (c === undefined) {
      const run = r.runs.map((t) => t.text).join(' ');
      problems.push({ reason: 'reason.noUniqueSplit', args: { row: shortLabel(r.label.text), text: run }, span: { start: r.runs[0].span.start, end: r.runs[r.runs.length - 1].span.end } });
      return;
    }
    r.pending.candidates[c].forEach((p: Piece, j) => cells.push(recoveredCell(r.table, r.row, r.columns[j], p, r.runs)));
  });
  cells.sort((a, b) => a.span.start - b.span.start);
}

/** The cell of a piece; marked `recovered` when the piece is part of a longer run (a split was made). */
function recoveredCell(table: TableKey, row: string, column: ColumnTemplate, p: Piece, runs: CellToken[]): Cell {
  const cell = makeValueCell(table, row, column, p.text, p.span);
  const run = runs.find((t) => t.span.start <= p.span.start && p.span.end <= t.span.end);
  if (run && run.text !== p.text) cell.recovered = { run: run.text };
  return cell;
}

/** A label as a message names it: long header runs of a flattened table by their last words. */
const shortLabel = (label: string) => (label.length > 16 ? `…${label.slice(-12)}` : label);

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * Cells typed with no separator ("640020470" for 6 4 0 0 2 0 4 7 0) cannot be split reliably: a row
 * that is short of numbers and holds such a long digit run is reported, not guessed (docs/format.md, “Shapes a table arrives in”).
 */
function runTogether(values: CellToken[], n: number): CellToken | undefined {
  return values.length < n ? values.find((t) => /^\d{7,}$/.test(t.norm)) : undefined;
}

/**
 * Fits a row's value cells to the template's column count: merged label columns leave empty cells
 * before the numbers and some drafts leave an extra empty cell at a row's end.
 */
function fitValues(values: CellToken[], n: number): CellToken[] {
  const v = values.slice();
  while (v.length > n && v[0].norm === '') v.shift();
  while (v.length > n && v[v.length - 1].norm === '') v.pop();
  return v;
}

// --- Table 三 ---------------------------------------------------------------------------------

type RequestLabel =
  | { kind: 'top'; key: keyof typeof REQUEST_TOP_ROWS }
  | { kind: 'group'; group: OutcomeGroup }
  | { kind: 'item'; n: number }
  | { kind: 'unknown' }
  | { kind: 'value' };

/** Stray characters before a row numeral ("0三、本年度办理结果", seed 003). */
const LEADING_NOISE = /^[0-9a-zA-Z]+(?=[一二三四五六七八九十]+、)/;

const VALUE: RequestLabel = { kind: 'value' };
const UNKNOWN: RequestLabel = { kind: 'unknown' };

/** What a cell of table 三 is; before the table has started (`started`), other words are values. */
function classifyRequestLabel(norm: string, started: boolean): RequestLabel {
  const s = norm.replace(LEADING_NOISE, '');
  if (isValueLike(s)) return VALUE;
  for (const key of Object.keys(REQUEST_TOP_ROWS) as (keyof typeof REQUEST_TOP_ROWS)[]) {
    if (REQUEST_TOP_ROWS[key].keyword.test(s)) return { kind: 'top', key };
  }
  const numbered = /^\(([一二三四五六七])\)/.exec(s);
  const byKeyword = OUTCOME_GROUPS.find((g) => g.keyword.test(s));
  if (numbered) {
    const group = byKeyword ?? OUTCOME_GROUPS.find((g) => g.numeral === numbered[1]);
    if (group) return { kind: 'group', group };
  }
  const item = /^(\d{1,2})[.、]/.exec(s);
  if (item) return { kind: 'item', n: Number(item[1]) };
  // A group named only by its words (a bare "总计") counts once the table has started.
  if (!started) return VALUE;
  if (byKeyword && (byKeyword.key !== 'processed' || s === '总计' || s === '合计')) return { kind: 'group', group: byKeyword };
  return UNKNOWN;
}

function mapRequests(tokens: CellToken[], rowBreaks: boolean, flat = false): Mapped {
  const cells: Cell[] = [];
  const problems: TableProblem[] = [];
  const flatRows: FlatRow[] = [];
  const seen = new Set<string>();
  let version: TemplateVersion | undefined;
  let started = false;
  let group: OutcomeGroup | undefined;
  let open: { row: string; label: CellToken; values: CellToken[] } | undefined;

  const close = () => {
    if (!open) return;
    const values = fitValues(open.values, REQUEST_COLUMNS.length);
    const runs = flat ? digitRuns(values, REQUEST_COLUMNS.length) : undefined;
    if (runs) {
      // 总计 = the six applicant columns.
      flatRows.push(flatRow('requests', open.row, REQUEST_COLUMNS, open.label, runs, (v) => v[6] === sum(v.slice(0, 6))));
      seen.add(open.row);
      open = undefined;
      return;
    }
    const joined = runTogether(values, REQUEST_COLUMNS.length);
    if (joined) {
      problems.push({ reason: 'reason.runTogether', args: { text: joined.text }, span: joined.span });
      seen.add(open.row);
      open = undefined;
      return;
    }
    if (values.length !== REQUEST_COLUMNS.length) {
      problems.push({
        reason: 'reason.shortRow',
        args: { row: open.label.text, expected: REQUEST_COLUMNS.length, found: values.length },
        span: open.label.span,
      });
    }
    const row = open.row;
    values.slice(0, REQUEST_COLUMNS.length).forEach((t, i) => cells.push(makeCell('requests', row, REQUEST_COLUMNS[i], t)));
    seen.add(open.row);
    open = undefined;
  };
  const openRow = (row: string, label: CellToken) => {
    close();
    open = { row, label, values: [] };
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.rowStart && rowBreaks) close();
    const c = classifyRequestLabel(t.norm, started);
    if (c.kind === 'top') {
      close();
      started = true;
      group = undefined;
      if (c.key !== 'results') openRow(c.key, t);
    } else if (c.kind === 'group' && started) {
      close();
      const g = c.group;
      if (g.items.length === 0) {
        group = undefined;
        openRow(g.key, t);
      } else if (g.itemsSince) {
        // （六）其他处理: one numeric row in 2019, a group of three in 2021.
        let next: CellToken | undefined;
        for (let j = i + 1; j < tokens.length && !next; j++) if (tokens[j].norm !== '') next = tokens[j];
        const nextIsItem = next !== undefined && classifyRequestLabel(next.norm, true).kind === 'item';
        version = nextIsItem ? '2021' : '2019';
        group = nextIsItem ? g : undefined;
        if (!nextIsItem) openRow(g.key, t);
      } else group = g;
    } else if (c.kind === 'item' && started && group) {
      if (c.n >= 1 && c.n <= group.items.length) openRow(itemRowKey(group, c.n), t);
      else {
        close();
        problems.push({ reason: 'reason.unknownRow', args: { row: t.text }, span: t.span });
      }
    } else if (c.kind === 'unknown' || (c.kind !== 'value' && started)) {
      close();
      if (c.kind === 'unknown' && t.norm !== '') problems.push({ reason: 'reason.unknownRow', args: { row: t.text }, span: t.span });
    } else if (open) {
      open.values.push(t);
    }
  }
  close();
  settleFlatRows(flatRows, cells, problems, version ?? '2021');

  if (!started) return { cells, problems: [{ reason: 'reason.noRows', args: {}, span: tokens[0].span }], version };
  const missing: string[] = [];
  for (const r of requestRows(version ?? '2021')) if (!seen.has(r.key)) missing.push(r.key);
  if (missing.length) problems.push({ reason: 'reason.missingRows', args: { rows: missing.join(', ') }, span: tokens[0].span });
  return { cells, problems, version };
}

// --- Table 四 ---------------------------------------------------------------------------------

function mapReview(tokens: CellToken[], flat = false): Mapped {
  // Header cells are words; the data row is the value cells after the last header word.
  let last = -1;
  tokens.forEach((t, i) => {
    if (!isValueLike(t.norm)) last = i;
  });
  const n = REVIEW_GROUPS.length * REVIEW_COLUMNS.length;
  const data = fitValues(tokens.slice(last + 1), n);
  const runs = flat ? digitRuns(data, n) : undefined;
  if (runs) {
    // One row holding the three groups, each total = its four outcomes.
    const columns = REVIEW_GROUPS.flatMap((g) => REVIEW_COLUMNS.map((c) => ({ ...c, key: `${g.key}.${c.key}` })));
    const row = flatRow('review', '', columns, tokens[Math.max(0, last)], runs, (v) =>
      [0, 1, 2].every((g) => v[g * 5 + 4] === sum(v.slice(g * 5, g * 5 + 4))));
    const cells: Cell[] = [];
    const problems: TableProblem[] = [];
    row.pending.keys = REVIEW_GROUPS.flatMap((g) => REVIEW_COLUMNS.map((c) => cellKey('review', g.key, c.key)));
    const chosen = solveRows([row.pending], new Map(), []);
    if (chosen[0] === undefined) {
      problems.push({ reason: 'reason.noUniqueSplit', args: { row: shortLabel(row.label.text), text: runs.map((t) => t.text).join(' ') }, span: { start: runs[0].span.start, end: runs[runs.length - 1].span.end } });
    } else {
      row.pending.candidates[chosen[0]].forEach((p, i) => cells.push(recoveredCell('review', REVIEW_GROUPS[Math.floor(i / 5)].key, REVIEW_COLUMNS[i % 5], p, runs)));
    }
    return { cells, problems };
  }
  const joined = runTogether(data, n);
  if (joined) return { cells: [], problems: [{ reason: 'reason.runTogether', args: { text: joined.text }, span: joined.span }] };
  if (data.length !== n) {
    const anchor = tokens[Math.max(0, last)].span;
    return { cells: [], problems: [{ reason: 'reason.reviewCount', args: { found: data.filter((t) => t.norm !== '').length }, span: anchor }] };
  }
  const cells: Cell[] = [];
  data.forEach((t, i) => {
    const g = REVIEW_GROUPS[Math.floor(i / REVIEW_COLUMNS.length)];
    cells.push(makeCell('review', g.key, REVIEW_COLUMNS[i % REVIEW_COLUMNS.length], t));
  });
  return { cells, problems: [] };
}

// --- Table 二 ---------------------------------------------------------------------------------

function activeVersion(tokens: CellToken[], fallback: TemplateVersion | undefined): TemplateVersion | undefined {
  const signs = (v: TemplateVersion) => tokens.filter((t) => ACTIVE_VERSION_SIGNS[v].test(t.norm)).length;
  const v2021 = signs('2021');
  const v2019 = signs('2019');
  // A tie (no sign either way, or as many of each) says nothing: the year decides, if known.
  if (v2021 === v2019) return fallback;
  return v2021 > v2019 ? '2021' : '2019';
}

function mapActive(tokens: CellToken[], yearVersion: TemplateVersion | undefined, flat = false): Mapped {
  const detected = activeVersion(tokens, undefined);
  const version = detected ?? yearVersion ?? '2021';
  const rows = ACTIVE_ROWS[version];
  const cells: Cell[] = [];
  const problems: TableProblem[] = [];
  const seen = new Set<string>();
  const flatRows: FlatRow[] = [];
  let open: { row: (typeof rows)[number]; label: CellToken; values: CellToken[] } | undefined;
  const close = () => {
    if (!open) return;
    const cols = open.row.columns;
    const values = fitValues(open.values, cols.length);
    const runs = flat ? digitRuns(values, cols.length) : undefined;
    if (runs) {
      // Table 二 has no arithmetic: only a run with a single possible split is read.
      flatRows.push(flatRow('active', open.row.key, cols, open.label, runs, () => true));
      seen.add(open.row.key);
      open = undefined;
      return;
    }
    if (values.length < cols.length) {
      problems.push({ reason: 'reason.shortRow', args: { row: open.label.text, expected: cols.length, found: values.length }, span: open.label.span });
    }
    values.slice(0, cols.length).forEach((t, i) => cells.push(makeCell('active', open!.row.key, cols[i], t)));
    seen.add(open.row.key);
    open = undefined;
  };
  for (const t of tokens) {
    const row = rows.find((r) => r.matches.test(t.norm));
    if (row) {
      close();
      open = { row, label: t, values: [] };
    } else if (!isValueLike(t.norm)) close();
    else if (open) open.values.push(t);
  }
  close();
  settleFlatRows(flatRows, cells, problems, version);
  if (seen.size === 0) return { cells, problems: [{ reason: 'reason.noRows', args: {}, span: tokens[0].span }], version: detected };
  const missing: string[] = [];
  for (const r of rows) if (!seen.has(r.key)) missing.push(r.label.zh);
  if (missing.length) problems.push({ reason: 'reason.missingRows', args: { rows: missing.join('、') }, span: tokens[0].span });
  return { cells, problems, version: detected };
}
