/**
 * Helpers of the sum.* rules (勾稽关系, docs/format.md, “Arithmetic relations”), evaluated from the template's relation
 * data: reading valid cells, formulas, and checking every relation of one kind.
 */
import { inLocale } from '../template/bilingual';
import { cellLabel } from '../template/labels';
import { relations, type Relation, type RelationCode } from '../template/relations';
import { OUTCOME_GROUPS, REVIEW_GROUPS } from '../template/tables';
import type { Cell, Locale, ReportDocument, TemplateVersion } from '../types';
import type { RuleContext } from './context';
import { localize } from './messages';

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

/** The most terms a sum finding names in its related information. */
export const MAX_RELATED_TERMS = 5;

/**
 * The terms a sum finding names (related information): all of them when there are few, else the
 * non-zero ones, and of those at most MAX_RELATED_TERMS, the largest, in table order. A zero adds
 * nothing to a sum and the message already holds the whole formula with its values; listing all 21
 * terms of a （七）总计 only pushed the other findings out of sight in the Problems view.
 */
export function relatedTerms(terms: readonly Cell[]): Cell[] {
  if (terms.length <= MAX_RELATED_TERMS) return [...terms];
  const nonZero = terms.filter((c) => c.value !== 0);
  if (nonZero.length <= MAX_RELATED_TERMS) return nonZero;
  const largest = new Set([...nonZero].sort((a, b) => Math.abs(b.value ?? 0) - Math.abs(a.value ?? 0)).slice(0, MAX_RELATED_TERMS));
  return nonZero.filter((c) => largest.has(c));
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
  if (r.code !== 'sum.columnTotal') return cells.plus.map((c) => c.value).join('+');
  const byGroup = new Map<string, number>();
  for (const c of cells.plus) {
    const g = c.row.split('.')[0];
    byGroup.set(g, (byGroup.get(g) ?? 0) + (c.value ?? 0));
  }
  return OUTCOME_GROUPS.filter((g) => byGroup.has(g.key)).map((g) => byGroup.get(g.key)).join('+');
}

/**
 * What a relation's target should hold: its plus terms' sum less its minus terms' sum (two sums, not
 * term by term, so decimal amounts round as they always have).
 */
function expectedValue(cells: { plus: Cell[]; minus: Cell[] }): number {
  const sum = (list: Cell[]) => list.reduce((total, c) => total + (c.value ?? 0), 0);
  return sum(cells.plus) - sum(cells.minus);
}

/** Reports every relation of kind `code` whose target differs from its terms, with a fix to the target. */
export function checkRelations(ctx: RuleContext, code: RelationCode): void {
  const { doc, locale } = ctx;
  const version = sumsVersion(doc);
  for (const r of relations(version)) {
    if (r.code !== code) continue;
    const cells = relationCells(doc, r);
    if (!cells) continue;
    const expected = expectedValue(cells);
    const actual = cells.target.value!;
    if (expected === actual) continue;
    const label = (c: Cell) => cellLabel(c.key, version, locale);
    const related = relatedTerms([...cells.plus, ...cells.minus]).map((c) => termRelated(c, version, locale));
    const setTarget = {
      title: r.derived
        ? localize('fix.setCell', locale, { label: label(cells.target), value: expected })
        : localize('fix.setCarryover', locale, { value: expected }),
      edits: [{ span: cells.target.span, newText: String(expected) }],
      preferred: r.derived,
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
