/**
 * "Recompute totals" (docs/format.md, “Arithmetic relations”): the minimal edits that set every derived cell — table 三's 总计
 * column and （七）总计 row, table 四's group totals — to its computed value. Leaves and 一/二/四 are
 * never touched; a total whose terms are blank or invalid is left alone (its finding stays).
 * One pass in the template's dependency order reaches the fixed point, so a second run changes nothing.
 */
import { sumsVersion } from './rules/sums';
import { derivations } from './template/relations';
import { createLineIndex } from './text';
import type { CellKey, Range, ReportDocument, TableKey, TextEdit } from './types';

export function planRecompute(doc: ReportDocument): TextEdit[] {
  return recomputeChanges(doc).map((c) => c.edit);
}

/** One cell the plan rewrites: which, what it holds now, and the edit. */
export interface RecomputeChange {
  cell: CellKey;
  /** The cell's text as it stands. */
  before: string;
  edit: TextEdit;
}

/** The plan cell by cell, in text order (`fix --dry-run` lists them). */
export function recomputeChanges(doc: ReportDocument): RecomputeChange[] {
  const values = new Map<string, number | null>();
  for (const [k, c] of doc.cells) values.set(k, c.status === 'ok' ? c.value : null);
  const changes: RecomputeChange[] = [];
  for (const d of derivations(sumsVersion(doc))) {
    const target = doc.cells.get(d.target);
    if (!target) continue;
    // A cell whose text wraps onto other lines ("0" + a stray line) cannot be rewritten in place.
    const rewritable = doc.text.slice(target.span.start, target.span.end) === target.text;
    const terms = d.plus.map((k) => values.get(k));
    if (terms.some((v) => v === null || v === undefined)) {
      values.set(d.target, null);
      continue;
    }
    const v = (terms as number[]).reduce((a, b) => a + b, 0);
    values.set(d.target, v);
    if (rewritable && (target.status !== 'ok' || target.value !== v)) {
      changes.push({ cell: target.key, before: target.text, edit: { range: doc.lines.rangeOf(target.span), newText: String(v) } });
    }
  }
  return changes.sort((a, b) => a.edit.range.start.line - b.edit.range.start.line || a.edit.range.start.character - b.edit.range.start.character);
}

/**
 * Whether the report is published text: tables in the `aligned` shape are what `pdftotext -layout`
 * makes of a published PDF, tables in the `flat` shape what a crawl makes of a published web page.
 * Such a report is checked in audit mode: findings only, nothing that rewrites its numbers (an
 * evaluator must not change the evidence; in a flattened table a digit run holds several cells).
 */
export function isPublishedText(doc: ReportDocument): boolean {
  return doc.tables.some((t) => t.shape === 'aligned' || t.shape === 'flat');
}

/** Per table, how many of the plan's edits fall in it (only tables with some): a code lens says so. */
export function recomputeByTable(doc: ReportDocument, plan: readonly TextEdit[] = planRecompute(doc)): { table: TableKey; anchor: Range; cells: number }[] {
  const out: { table: TableKey; anchor: Range; cells: number }[] = [];
  for (const t of doc.tables) {
    let cells = 0;
    for (const e of plan) {
      const at = doc.lines.offsetAt(e.range.start);
      if (at >= t.span.start && at <= t.span.end) cells++;
    }
    if (cells > 0) out.push({ table: t.key, anchor: doc.lines.rangeOf(t.anchor), cells });
  }
  return out;
}

/** Applies non-overlapping LSP edits to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const index = createLineIndex(text);
  const spans = edits
    .map((e) => ({ start: index.offsetAt(e.range.start), end: index.offsetAt(e.range.end), text: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const s of spans) out = out.slice(0, s.start) + s.text + out.slice(s.end);
  return out;
}
