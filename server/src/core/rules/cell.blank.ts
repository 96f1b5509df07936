import { cellLabel, cellLabels, rowLabel } from '../template/labels';
import type { Cell, Locale, ParsedTable, TemplateVersion } from '../types';
import type { RuleContext } from './context';
import { localize } from './messages';
import { defineRule } from './rule';

export default defineRule({
  code: 'cell.blank',
  severity: 'warning',
  fixable: true,
  description: { zh: '单元格为空（空白不等于 0）', en: 'A cell is blank (blank is not 0)' },
  // A wholly blank row or column is one finding with its count of cells.
  message: { zh: '{label}为空；没有数据请填 0', en: '{label} is blank; write 0 if there is nothing to count' },
  docs: {
    why: {
      zh: '空白可能是“没有”，也可能是“忘了填”，不能当作 0 参与核对。确实没有数据时请填 0；快速修复填入 0，但从不作为首选：只有填报人知道是哪一种。',
      en: 'A blank may mean “none” or “forgot to fill in”, so it is never taken as 0. Write 0 when there is nothing to count; the fix fills in 0 but is never preferred: only the writer knows which it is.',
    },
    bad: '| （二）部分公开 | | | 0 | 0 | 0 | 0 | 0 | 35 |',
    good: '| （二）部分公开 | | 35 | 0 | 0 | 0 | 0 | 0 | 35 |',
  },
  check(ctx: RuleContext): void {
    for (const table of ctx.doc.tables) {
      const version = table.version ?? ctx.doc.template;
      for (const group of blankGroups(table)) {
        const label = group.length === 1 ? cellLabel(group[0].key, version, ctx.locale) : groupLabel(group, version, ctx.locale);
        ctx.report('cell.blank', spanOf(group), { label }, {
          cell: group[0].key,
          fixes: [{ title: localize('fix.fillZero', ctx.locale), edits: group.map((c) => ({ span: c.span, newText: '0' })), preferred: false }],
        });
      }
    }
  },
});

/**
 * The table's blank cells as findings go: a wholly blank row (two cells or more) is one group, then a
 * column blank in every other row is one group, and each other blank cell is its own.
 */
function blankGroups(table: ParsedTable): Cell[][] {
  if (!table.cells.some((c) => c.status === 'blank')) return [];
  const groups: Cell[][] = [];
  const rest: Cell[] = [];
  for (const cells of groupBy(table.cells, (c) => c.row)) {
    if (cells.length >= 2 && cells.every((c) => c.status === 'blank')) groups.push(cells);
    else rest.push(...cells);
  }
  for (const cells of groupBy(rest, (c) => c.column)) {
    if (cells.length >= 2 && cells.every((c) => c.status === 'blank')) groups.push(cells);
    else for (const c of cells) if (c.status === 'blank') groups.push([c]);
  }
  return groups.sort((a, b) => a[0].span.start - b[0].span.start);
}

/** The cells in groups of equal `key`, groups and cells in their first order. */
function groupBy(cells: readonly Cell[], key: (c: Cell) => string): Cell[][] {
  const groups = new Map<string, Cell[]>();
  for (const c of cells) {
    const group = groups.get(key(c));
    if (group) group.push(c);
    else groups.set(key(c), [c]);
  }
  return [...groups.values()];
}

/** "表三（一）予以公开整行（7 格）" or "表三自然人整列（3 格）". */
function groupLabel(group: Cell[], version: TemplateVersion, locale: Locale): string {
  const first = cellLabels(group[0].key, version, locale);
  if (!first) return group[0].key;
  const wholeRow = group.every((c) => c.row === group[0].row);
  const row = rowLabel(first);
  const what = wholeRow ? row : first.column;
  if (locale === 'en') return `table ${first.tableNumeral} ${what}: the whole ${wholeRow ? 'row' : 'column'} (${group.length} cells)`;
  return `表${first.tableNumeral}${what}整${wholeRow ? '行' : '列'}（${group.length} 格）`;
}

function spanOf(group: Cell[]) {
  return { start: Math.min(...group.map((c) => c.span.start)), end: Math.max(...group.map((c) => c.span.end)) };
}
