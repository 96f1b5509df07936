/** The arithmetic relations (勾稽关系, FORMAT.md §6), evaluated from the template's relation data. */
import { cellLabel } from '../template/labels';
import { OUTCOME_GROUPS, REVIEW_GROUPS, relations, type Relation } from '../template/template';
import type { Cell, Locale, ReportDocument, TemplateVersion } from '../types';
import { inLocale, localize } from './catalogue';
import type { RuleContext } from './context';

/** The template version the relations of a document's tables follow (its table 三's own shape first). */
export function sumsVersion(doc: ReportDocument): TemplateVersion {
  return doc.tables.find((t) => t.key === 'requests')?.version ?? doc.template;
}

/** A mapped cell holding a valid number; undefined for a missing, blank or invalid one (never read as 0). */
export function validCell(doc: ReportDocument, key: string): Cell | undefined {
  const c = doc.cells.get(key);
  return c && c.status === 'ok' ? c : undefined;
}

/** Related information naming a term of a relation and its value. */
export function termRelated(c: Cell, version: TemplateVersion, locale: Locale): { span: Cell['span']; cell: string; message: string } {
  return { span: c.span, cell: c.key, message: localize('word.related.term', locale, { label: cellLabel(c.key, version, locale), value: c.value ?? '' }) };
}

/** Cells of a relation when all are mapped and valid; undefined otherwise (nothing to compare). */
export function relationCells(doc: ReportDocument, r: Relation): { target: Cell; plus: Cell[]; minus: Cell[] } | undefined {
  const target = validCell(doc, r.target);
  if (!target) return undefined;
  const plus = validCells(doc, r.plus);
  const minus = plus && validCells(doc, r.minus);
  return plus && minus ? { target, plus, minus } : undefined;
}

function validCells(doc: ReportDocument, keys: readonly string[]): Cell[] | undefined {
  const out: Cell[] = [];
  for (const k of keys) {
    const c = validCell(doc, k);
    if (!c) return undefined;
    out.push(c);
  }
  return out;
}

/** "69+35+8+198+6+17": the （七） column formula groups the outcome rows by their group. */
export function formulaOf(r: Relation, cells: { plus: Cell[] }): string {
  // In loops, not map().join(): see findTableRegions in model/tableText.ts.
  let formula = '';
  if (r.code !== 'sum.columnTotal') {
    for (let i = 0; i < cells.plus.length; i++) formula += (i > 0 ? '+' : '') + cells.plus[i].value;
    return formula;
  }
  const byGroup = new Map<string, number>();
  for (const c of cells.plus) {
    const g = c.row.split('.')[0];
    byGroup.set(g, (byGroup.get(g) ?? 0) + (c.value ?? 0));
  }
  for (const g of OUTCOME_GROUPS) {
    const sum = byGroup.get(g.key);
    if (sum !== undefined) formula += (formula ? '+' : '') + sum;
  }
  return formula;
}

/**
 * What a relation's target should hold: its plus terms' sum less its minus terms' sum (two sums, not
 * term by term, so decimal amounts round as they always have). Undefined when a term is missing, blank
 * or invalid. Read from the cell map without building lists of cells: most relations hold, and each
 * analysis checks about fifty; relationCells builds them for the ones that do not.
 */
function expectedValue(doc: ReportDocument, r: Relation): number | undefined {
  let plus = 0;
  let minus = 0;
  for (const k of r.plus) {
    const c = validCell(doc, k);
    if (!c) return undefined;
    plus += c.value ?? 0;
  }
  for (const k of r.minus) {
    const c = validCell(doc, k);
    if (!c) return undefined;
    minus += c.value ?? 0;
  }
  return plus - minus;
}

export function checkSums(ctx: RuleContext): void {
  const { doc, locale } = ctx;
  const version = sumsVersion(doc);
  for (const r of relations(version)) {
    if (!ctx.isOn(r.code)) continue;
    const target = validCell(doc, r.target);
    const expected = target && expectedValue(doc, r);
    if (expected === undefined || expected === target!.value) continue;
    const cells = relationCells(doc, r)!;
    const actual = cells.target.value!;
    const label = (c: Cell) => cellLabel(c.key, version, locale);
    const related: ReturnType<typeof termRelated>[] = [];
    for (const c of cells.plus) related.push(termRelated(c, version, locale));
    for (const c of cells.minus) related.push(termRelated(c, version, locale));
    const setTarget = {
      title: r.derived
        ? localize('fix.setCell', locale, { label: label(cells.target), value: expected })
        : localize('fix.setCarryover', locale, { value: expected }),
      edits: [{ span: cells.target.span, newText: String(expected) }],
      preferred: r.derived,
      safe: r.derived,
    };
    let args: Record<string, string | number>;
    if (r.code === 'sum.balance') {
      const [n, c] = cells.plus;
      const [p] = cells.minus;
      args = {
        expected, actual,
        lhs: (n.value ?? 0) + (c.value ?? 0), lhsFormula: `${n.value}+${c.value}`,
        rhs: (p.value ?? 0) + actual, rhsFormula: `${p.value}+${actual}`,
      };
    } else {
      args = { expected, actual, formula: formulaOf(r, cells) };
      if (r.code === 'sum.reviewTotal') {
        const g = REVIEW_GROUPS.find((x) => x.key === cells.target.row)!;
        args.group = inLocale(g.label, locale);
      }
    }
    ctx.report(r.code, cells.target.span, args, { cell: r.target, related, fixes: [setTarget] });
  }
}
