/**
 * Renders an official table in a plain-text shape: empty for the "insert missing part" fix, or filled
 * with values (tests render the seeds' tables as Markdown this way).
 */
import type { CellKey, TableKey, TableShape, TemplateVersion } from '../types';
import { ACTIVE_ROWS, OUTCOME_GROUPS, REQUEST_COLUMNS, REQUEST_TOP_ROWS, REVIEW_COLUMNS, REVIEW_GROUPS, cellKey, requestRows } from './tables';

/** A grid cell: a fixed label, or the value cell with that key. */
type GridCell = string | { key: CellKey };
type Grid = GridCell[][];

function activeGrid(version: TemplateVersion): Grid {
  const grid: Grid = [];
  let article = '';
  for (const row of ACTIVE_ROWS[version]) {
    if (row.article !== article) {
      article = row.article;
      grid.push([article]);
      grid.push(['信息内容', ...row.columns.map((c) => c.label.zh)]);
    }
    grid.push([row.label.zh, ...row.columns.map((c) => ({ key: cellKey('active', row.key, c.key) }))]);
  }
  return grid;
}

function requestsGrid(version: TemplateVersion): Grid {
  const grid: Grid = [
    ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '', '', '申请人情况'],
    ['', '', '', REQUEST_COLUMNS[0].label.zh, '法人或其他组织', '', '', '', '', REQUEST_COLUMNS[6].label.zh],
    ['', '', '', '', ...REQUEST_COLUMNS.slice(1, 6).map((c) => c.label.zh), ''],
  ];
  let firstOutcome = true;
  let lastGroup = '';
  for (const row of requestRows(version)) {
    const blanks = REQUEST_COLUMNS.map((c) => ({ key: cellKey('requests', row.key, c.key) }));
    if (!row.group) {
      grid.push(row.key === 'processed' ? ['', row.label.zh, '', ...blanks] : [row.label.zh, '', '', ...blanks]);
      continue;
    }
    const top = firstOutcome ? REQUEST_TOP_ROWS.results.label.zh : '';
    firstOutcome = false;
    if (row.group === 'results') {
      grid.push([top, row.label.zh, '', ...blanks]);
    } else {
      const group = OUTCOME_GROUPS.find((g) => g.key === row.group)!;
      grid.push([top, lastGroup === group.key ? '' : group.label.zh, row.label.zh, ...blanks]);
      lastGroup = group.key;
    }
  }
  return grid;
}

function reviewGrid(): Grid {
  const cols = REVIEW_COLUMNS.map((c) => c.label.zh);
  return [
    [REVIEW_GROUPS[0].label.zh, '', '', '', '', '行政诉讼', '', '', '', '', '', '', '', '', ''],
    ['', '', '', '', '', '未经复议直接起诉', '', '', '', '', '复议后起诉', '', '', '', ''],
    [...cols, ...cols, ...cols],
    REVIEW_GROUPS.flatMap((g) => REVIEW_COLUMNS.map((c) => ({ key: cellKey('review', g.key, c.key) }))),
  ];
}

export function renderTable(
  key: TableKey, version: TemplateVersion, shape: TableShape, eol = '\n', valueOf: (key: CellKey) => string = () => '',
): string {
  const grid = (key === 'active' ? activeGrid(version) : key === 'requests' ? requestsGrid(version) : reviewGrid())
    .map((r) => r.map((c) => (typeof c === 'string' ? c : valueOf(c.key))));
  if (shape === 'markdown') {
    const width = Math.max(...grid.map((r) => r.length));
    const pad = (r: string[]) => [...r, ...Array(width - r.length).fill('')];
    const line = (r: string[]) => `| ${pad(r).join(' | ')} |`.replace(/ {2}\|/g, ' |');
    const sep = `|${Array(width).fill('---').join('|')}|`;
    return [line(grid[0]), sep, ...grid.slice(1).map(line)].join(eol) + eol;
  }
  // TAB shape: one cell per line, a blank line after each row. Pipe-shaped drafts get it too (the
  // pipe shape has no way to write an empty cell), and text extracted from PDF (an aligned table is
  // read by its row order, which an empty one does not have yet).
  return grid.map((r) => r.map((c) => `\t${c}`).join(eol)).join(eol + eol) + eol;
}
