/** Human labels for cell keys, built from the template data (hovers, messages). */
import type { CellKey, Locale, TableKey, TemplateVersion } from '../types';
import { inLocale } from './bilingual';
import { ACTIVE_ROWS, OUTCOME_GROUPS, REQUEST_COLUMNS, REVIEW_COLUMNS, REVIEW_GROUPS, TABLES, requestRows } from './tables';

export interface CellLabels {
  table: TableKey;
  /** 二 / 三 / 四 */
  tableNumeral: string;
  tableCaption: string;
  /** Group label when the row is inside one (（三）不予公开, 行政复议). */
  group?: string;
  row: string;
  column: string;
}

export function cellLabels(key: CellKey, version: TemplateVersion, locale: Locale): CellLabels | undefined {
  const [table, ...rest] = key.split('.') as [TableKey, ...string[]];
  const columnKey = rest.pop()!;
  const rowKey = rest.join('.');
  const t = TABLES[table];
  if (!t) return undefined;
  const base = { table, tableNumeral: t.numeral, tableCaption: inLocale(t.caption, locale) };
  if (table === 'requests') {
    const row = requestRows(version).find((r) => r.key === rowKey) ?? requestRows(version === '2019' ? '2021' : '2019').find((r) => r.key === rowKey);
    const col = REQUEST_COLUMNS.find((c) => c.key === columnKey);
    if (!row || !col) return undefined;
    const group = row.group && row.group !== 'results' ? OUTCOME_GROUPS.find((g) => g.key === row.group) : undefined;
    return { ...base, group: group ? inLocale(group.label, locale) : undefined, row: inLocale(row.label, locale), column: inLocale(col.label, locale) };
  }
  if (table === 'review') {
    const g = REVIEW_GROUPS.find((r) => r.key === rowKey);
    const col = REVIEW_COLUMNS.find((c) => c.key === columnKey);
    if (!g || !col) return undefined;
    return { ...base, row: inLocale(g.label, locale), column: inLocale(col.label, locale) };
  }
  const row = ACTIVE_ROWS[version].find((r) => r.key === rowKey) ?? ACTIVE_ROWS[version === '2019' ? '2021' : '2019'].find((r) => r.key === rowKey);
  const col = row?.columns.find((c) => c.key === columnKey);
  if (!row || !col) return undefined;
  return { ...base, group: row.article, row: inLocale(row.label, locale), column: inLocale(col.label, locale) };
}

/** The row as a reader names it: in table 三 with its group (（三）不予公开·1.属于国家秘密), else the row alone. */
export function rowLabel(l: CellLabels): string {
  return l.group && l.table === 'requests' ? `${l.group}·${l.row}` : l.row;
}

/** One-line label: 表三（三）不予公开·3.危及“三安全一稳定”×自然人 / Table 三 (3) Denied · 3. … × natural persons. */
export function cellLabel(key: CellKey, version: TemplateVersion, locale: Locale): string {
  const l = cellLabels(key, version, locale);
  if (!l) return key;
  const row = rowLabel(l);
  return locale === 'en' ? `table ${l.tableNumeral} ${row} × ${l.column}` : `表${l.tableNumeral}${row}×${l.column}`;
}
