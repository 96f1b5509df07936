/** Outline and folding: the core's `outlineReport` / `foldingRanges` mapped onto LSP types. */
import { FoldingRangeKind, SymbolKind, type Connection, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver';
import { foldingRanges, outlineReport } from '../../core';
import type { OutlineKind, OutlineSymbol } from '../../core/types';
import type { Analysis } from '../analysisCache';
import type { Session } from '../session';

export function register(connection: Connection, session: Session): void {
  connection.onDocumentSymbol(session.onDocument('documentSymbol', [], documentSymbols));
  connection.onFoldingRanges(session.onDocument('foldingRange', [], documentFoldingRanges));
}

// Part → Module (a top-level division), heading → String (what Markdown's server uses for headings,
// so the outline looks familiar), table → Array (a grid of numbers), row → Field (one named line of
// the grid), （七）总计 → Operator (a row of sums: the ∑-like icon the "Recompute Totals" button uses).
const KIND: Record<OutlineKind, SymbolKind> = {
  part: SymbolKind.Module,
  heading: SymbolKind.String,
  table: SymbolKind.Array,
  row: SymbolKind.Field,
  totalRow: SymbolKind.Operator,
};

function toDocumentSymbol(s: OutlineSymbol): DocumentSymbol {
  return {
    // VS Code rejects a symbol with an empty name.
    name: s.name.trim() === '' ? '—' : s.name,
    detail: s.detail,
    kind: KIND[s.kind] ?? SymbolKind.String,
    range: s.range,
    selectionRange: s.selectionRange,
    children: s.children.map(toDocumentSymbol),
  };
}

export function documentSymbols(analysis: Analysis): DocumentSymbol[] {
  if (!analysis.document) return [];
  return outlineReport(analysis.document, analysis.options.locale).map(toDocumentSymbol);
}

export function documentFoldingRanges(analysis: Analysis): FoldingRange[] {
  if (!analysis.document) return [];
  return foldingRanges(analysis.document)
    .filter((r) => r.endLine > r.startLine)
    .map((r) => ({ startLine: r.startLine, endLine: r.endLine, kind: FoldingRangeKind.Region }));
}
