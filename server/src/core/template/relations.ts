/**
 * The arithmetic relations of the tables (勾稽关系, docs/format.md, “Arithmetic relations”), each `target = Σ plus − Σ minus`,
 * expanded to concrete cells per template version.
 */
import type { CellKey, TemplateVersion } from '../types';
import { REQUEST_COLUMNS, REQUEST_LEAF_COLUMNS, REVIEW_COLUMNS, REVIEW_GROUPS, cellKey as cell, outcomeRows, requestRows } from './tables';

/** The relation kinds; each is also the code of the rule that checks it. */
export type RelationCode = 'sum.rowTotal' | 'sum.columnTotal' | 'sum.balance' | 'sum.reviewTotal';

export interface Relation {
  code: RelationCode;
  target: CellKey;
  plus: CellKey[];
  minus: CellKey[];
  /** True when recompute may rewrite the target (the 总计 cells); false for the balance. */
  derived: boolean;
}

/** All relations of a template version, expanded to concrete cells. */
export function relations(version: TemplateVersion): readonly Relation[] {
  return RELATIONS[version];
}

function expandRelations(version: TemplateVersion): Relation[] {
  const out: Relation[] = [];
  const rows = requestRows(version).map((r) => r.key);
  // 总计 column: every numeric row of table 三.
  for (const row of rows) {
    out.push({
      code: 'sum.rowTotal',
      target: cell('requests', row, 'total'),
      plus: REQUEST_LEAF_COLUMNS.map((c) => cell('requests', row, c)),
      minus: [],
      derived: true,
    });
  }
  // （七）总计 row: every column, leaf columns first.
  const outcomes = outcomeRows(version);
  for (const col of REQUEST_COLUMNS) {
    out.push({
      code: 'sum.columnTotal',
      target: cell('requests', 'processed', col.key),
      plus: outcomes.map((r) => cell('requests', r, col.key)),
      minus: [],
      derived: true,
    });
  }
  // 一 + 二 = （七） + 四, placed on 四.
  for (const col of REQUEST_COLUMNS) {
    out.push({
      code: 'sum.balance',
      target: cell('requests', 'carryover', col.key),
      plus: [cell('requests', 'new', col.key), cell('requests', 'carried', col.key)],
      minus: [cell('requests', 'processed', col.key)],
      derived: false,
    });
  }
  for (const g of REVIEW_GROUPS) {
    out.push({
      code: 'sum.reviewTotal',
      target: cell('review', g.key, 'total'),
      plus: REVIEW_COLUMNS.filter((c) => c.key !== 'total').map((c) => cell('review', g.key, c.key)),
      minus: [],
      derived: true,
    });
  }
  return out;
}

/**
 * The formula for each derived cell, in an order where every term is computed before it is used:
 * row totals of the leaf rows, then the （七） row's leaf columns, then （七）总计 from those.
 * `relations()` lists （七）总计 twice (row and column); recompute uses the row form.
 */
export function derivations(version: TemplateVersion): readonly Relation[] {
  return DERIVATIONS[version];
}

function orderDerivations(version: TemplateVersion): Relation[] {
  const all = relations(version).filter((r) => r.derived);
  const processedTotal = cell('requests', 'processed', 'total');
  const rowTotals = all.filter((r) => r.code === 'sum.rowTotal' && r.target !== processedTotal);
  const columnLeaves = all.filter((r) => r.code === 'sum.columnTotal' && r.target !== processedTotal);
  const processedRow = all.filter((r) => r.code === 'sum.rowTotal' && r.target === processedTotal);
  const review = all.filter((r) => r.code === 'sum.reviewTotal');
  return [...rowTotals, ...columnLeaves, ...processedRow, ...review];
}

const RELATIONS: Record<TemplateVersion, Relation[]> = { '2019': expandRelations('2019'), '2021': expandRelations('2021') };
const DERIVATIONS: Record<TemplateVersion, Relation[]> = { '2019': orderDerivations('2019'), '2021': orderDerivations('2021') };
