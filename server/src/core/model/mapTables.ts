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
import type { Cell, CellKey, ParsedTable, Span, TableKey, TableProblem, TemplateVersion } from '../types';
import type { CellToken, TableRegion } from './tableText';
import { allDigits, isValueLike, parseCellValue } from './values';

const TABLE_KEYS: TableKey[] = ['requests', 'review', 'active'];

/**
 * Caches a classification of cell text by its normalised text. Tables are written in the template's
 * fixed vocabulary of labels and small numbers, so the same few hundred strings recur in every table
 * and every report; each regex-heavy classification runs once per distinct text. Pure functions of
 * the text only; the cache is bounded.
 */
function cached<T>(classify: (norm: string) => T): (norm: string) => T {
  const cache = new Map<string, T>();
  // Most cells are "" or small counts: those skip the hashing and go by index.
  const small: (T | undefined)[] = new Array(SMALL_SLOTS).fill(undefined);
  return (norm) => {
    const i = smallSlot(norm);
    let v = i >= 0 ? small[i] : cache.get(norm);
    if (v === undefined) {
      v = classify(norm);
      if (i >= 0) small[i] = v;
      else {
        if (cache.size >= 1024) cache.clear();
        cache.set(norm, v);
      }
    }
    return v;
  };
}

const SMALL_SLOTS = 1001;
/** 0–999 for "0"…"999" written without leading zeros, 1000 for "", else -1: one slot per string. */
function smallSlot(s: string): number {
  const n = s.length;
  if (n === 0) return 1000;
  if (n > 3 || (n > 1 && s.charCodeAt(0) === 48)) return -1;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** The table whose signature words a cell holds (0 for none: the cache stores no undefined). */
const signatureKey = cached((norm): TableKey | 0 => TABLE_KEYS.find((k) => TABLE_SIGNATURES[k].test(norm)) ?? 0);
/** The table a cell opens (第二十条…, …勾稽关系…, 行政复议), 0 for none. */
const openerKey = cached((norm): TableKey | 0 => TABLE_KEYS.find((k) => TABLE_OPENERS[k].test(norm)) ?? 0);

/** isValueLike, once per distinct text (header labels recur in every table 二 and 四). */
const valueLike = cached(isValueLike);

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
    for (let i = 0; i < all.length; i++) {
      const norm = all[i].norm;
      // Openers are words ("第二十条…", "(本列…勾稽关系…)", "行政复议"), never numbers: skip those fast.
      const c0 = norm.length > 0 ? norm.charCodeAt(0) : 0;
      const opener = c0 > 255 || c0 === 40 ? openerKey(norm) || undefined : undefined;
      if (opener) {
        if (key && key !== opener) flush(i);
        key ??= opener;
      }
      if (!key) key = signatureKey(norm) || undefined;
    }
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
    const mapped =
      seg.key === 'requests' ? mapRequests(seg.tokens, seg.region.shape !== 'pipe')
        : seg.key === 'review' ? mapReview(seg.tokens)
          : mapActive(seg.tokens, yearVersion);
    // Built field by field rather than spread (a spread of differently shaped objects is slow).
    const table: ParsedTable = { key: seg.key, shape: seg.region.shape, span, anchor, cells: mapped.cells, problems: mapped.problems };
    if ('version' in mapped) table.version = mapped.version;
    tables.push(table);
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

function makeCell(table: TableKey, row: string, column: ColumnTemplate, token: CellToken, key = cellKey(table, row, column.key)): Cell {
  return makeValueCell(table, row, column, token.text, token.span, key);
}

/** The cell of `column` in `row` holding `text` at `span`, its value read by the column's kind. */
export function makeValueCell(table: TableKey, row: string, column: ColumnTemplate, text: string, span: Span, key = cellKey(table, row, column.key)): Cell {
  // The common case, "12", without parseCellValue's intermediate object (it reads it the same way).
  if (allDigits(text)) return cellOf(key, table, row, column.key, text, span, 'ok', Number(text));
  const { status, value } = parseCellValue(text, column.kind);
  return cellOf(key, table, row, column.key, text, span, status, value);
}

/** Every cell is made here, so that all share one hidden class (see below). */
function cellOf(key: CellKey, table: TableKey, row: string, column: string, text: string, span: Span, status: Cell['status'], value: number | null): Cell {
  return { key, table, row, column, text, span, status, value };
}
// `value` holds small integers, decimals and null. V8 tracks the representation of a field per hidden
// class and widens it when another kind of value arrives (integer → decimal → anything), which retires
// the class and deoptimizes every optimized function that read a cell: 9 of them when the first report
// with a blank or decimal cell came after reports without. Two cells made now give `value` its widest
// representation before any report is read.
cellOf('', 'requests', '', '', '', { start: 0, end: 0 }, 'blank', null);
cellOf('', 'requests', '', '', '', { start: 0, end: 0 }, 'ok', 0.5);

/** Table 三's cell keys of a row, in REQUEST_COLUMNS order. */
const REQUEST_ROW_KEYS = new Map<string, string[]>();
function requestRowKeys(row: string): string[] {
  let keys = REQUEST_ROW_KEYS.get(row);
  if (!keys) REQUEST_ROW_KEYS.set(row, (keys = REQUEST_COLUMNS.map((c) => cellKey('requests', row, c.key))));
  return keys;
}

/**
 * Cells typed with no separator ("640020470" for 6 4 0 0 2 0 4 7 0) cannot be split reliably: a row
 * that is short of numbers and holds such a long digit run is reported, not guessed (FORMAT.md §8).
 */
function runTogether(values: CellToken[], n: number): CellToken | undefined {
  return values.length < n ? values.find((t) => /^\d{7,}$/.test(t.norm)) : undefined;
}

/**
 * Fits a row's value cells to the template's column count: merged label columns leave empty cells
 * before the numbers and some drafts leave an extra empty cell at a row's end.
 */
function fitValues(values: CellToken[], n: number): CellToken[] {
  if (values.length <= n) return values; // nothing to trim (callers only read the result)
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

function classifyRequestLabel(norm: string, started: boolean): RequestLabel {
  const c = requestLabelOf(norm);
  if (c.kind !== 'late') return c;
  if (!started) return VALUE;
  return c.group ? { kind: 'group', group: c.group } : UNKNOWN;
}

/**
 * The part of classifyRequestLabel that does not depend on whether the table has started: `late` is
 * a label that is a group only once the table has started (a bare "总计"), or else unknown.
 */
const requestLabelOf = cached((norm: string): RequestLabel | { kind: 'late'; group?: OutcomeGroup } => {
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
  if (byKeyword && (byKeyword.key !== 'processed' || s === '总计' || s === '合计')) return { kind: 'late', group: byKeyword };
  return { kind: 'late' };
});

function mapRequests(tokens: CellToken[], rowBreaks: boolean): Mapped {
  const cells: Cell[] = [];
  const problems: TableProblem[] = [];
  const seen = new Set<string>();
  let version: TemplateVersion | undefined;
  let started = false;
  let group: OutcomeGroup | undefined;
  let open: { row: string; label: CellToken; values: CellToken[] } | undefined;

  const close = () => {
    if (!open) return;
    const values = fitValues(open.values, REQUEST_COLUMNS.length);
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
    const keys = requestRowKeys(open.row);
    for (let i = 0; i < values.length && i < REQUEST_COLUMNS.length; i++) cells.push(makeCell('requests', open.row, REQUEST_COLUMNS[i], values[i], keys[i]));
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

  if (!started) return { cells, problems: [{ reason: 'reason.noRows', args: {}, span: tokens[0].span }], version };
  const missing: string[] = [];
  for (const r of requestRows(version ?? '2021')) if (!seen.has(r.key)) missing.push(r.key);
  if (missing.length) problems.push({ reason: 'reason.missingRows', args: { rows: missing.join(', ') }, span: tokens[0].span });
  return { cells, problems, version };
}

// --- Table 四 ---------------------------------------------------------------------------------

function mapReview(tokens: CellToken[]): Mapped {
  // Header cells are words; the data row is the value cells after the last header word.
  let last = -1;
  tokens.forEach((t, i) => {
    if (!valueLike(t.norm)) last = i;
  });
  const n = REVIEW_GROUPS.length * REVIEW_COLUMNS.length;
  const data = fitValues(tokens.slice(last + 1), n);
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

/** Bit 1: a 2021 sign, bit 2: a 2019 sign. */
const versionSigns = cached((norm) => (ACTIVE_VERSION_SIGNS['2021'].test(norm) ? 1 : 0) | (ACTIVE_VERSION_SIGNS['2019'].test(norm) ? 2 : 0));

/** The table-二 row a cell's text labels, per template version (0 for none). */
const activeRowOf: Record<TemplateVersion, (norm: string) => (typeof ACTIVE_ROWS)[TemplateVersion][number] | 0> = {
  '2019': cached((norm) => ACTIVE_ROWS['2019'].find((r) => r.matches.test(norm)) ?? 0),
  '2021': cached((norm) => ACTIVE_ROWS['2021'].find((r) => r.matches.test(norm)) ?? 0),
};

function activeVersion(tokens: CellToken[], fallback: TemplateVersion | undefined): TemplateVersion | undefined {
  let v2021 = 0;
  let v2019 = 0;
  for (const t of tokens) {
    const signs = versionSigns(t.norm);
    if (signs & 1) v2021++;
    if (signs & 2) v2019++;
  }
  // A tie (no sign either way, or as many of each) says nothing: the year decides, if known.
  if (v2021 === v2019) return fallback;
  return v2021 > v2019 ? '2021' : '2019';
}

function mapActive(tokens: CellToken[], yearVersion: TemplateVersion | undefined): Mapped {
  const detected = activeVersion(tokens, undefined);
  const version = detected ?? yearVersion ?? '2021';
  const rows = ACTIVE_ROWS[version];
  const cells: Cell[] = [];
  const problems: TableProblem[] = [];
  const seen = new Set<string>();
  let open: { row: (typeof rows)[number]; label: CellToken; values: CellToken[] } | undefined;
  const close = () => {
    if (!open) return;
    const cols = open.row.columns;
    const values = fitValues(open.values, cols.length);
    if (values.length < cols.length) {
      problems.push({ reason: 'reason.shortRow', args: { row: open.label.text, expected: cols.length, found: values.length }, span: open.label.span });
    }
    values.slice(0, cols.length).forEach((t, i) => cells.push(makeCell('active', open!.row.key, cols[i], t)));
    seen.add(open.row.key);
    open = undefined;
  };
  const rowOf = activeRowOf[version];
  for (const t of tokens) {
    const row = rowOf(t.norm) || undefined;
    if (row) {
      close();
      open = { row, label: t, values: [] };
    } else if (!valueLike(t.norm)) close();
    else if (open) open.values.push(t);
  }
  close();
  if (seen.size === 0) return { cells, problems: [{ reason: 'reason.noRows', args: {}, span: tokens[0].span }], version: detected };
  const missing: string[] = [];
  for (const r of rows) if (!seen.has(r.key)) missing.push(r.label.zh);
  if (missing.length) problems.push({ reason: 'reason.missingRows', args: { rows: missing.join('、') }, span: tokens[0].span });
  return { cells, problems, version: detected };
}
