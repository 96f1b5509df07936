/**
 * Document highlights: with the cursor on a table cell, the cells it adds up with light up — its
 * totals as writes (they are derived), its terms as reads — from the core's `relatedCellsAt`.
 */
import { DocumentHighlightKind, type DocumentHighlight, type Position } from 'vscode-languageserver';
import { relatedCellsAt, type RelatedCell } from '../../core';
import type { Analysis } from '../analysisCache';
import { isValidPosition } from './hover';

const KIND: Record<RelatedCell['role'], DocumentHighlightKind> = {
  self: DocumentHighlightKind.Text,
  total: DocumentHighlightKind.Write,
  term: DocumentHighlightKind.Read,
};

export function documentHighlights(analysis: Analysis, position: Position): DocumentHighlight[] | null {
  const document = analysis.document;
  if (!document || !isValidPosition(position, document.lines.lineCount)) return null;
  const related = relatedCellsAt(document, position);
  return related ? related.map((r) => ({ range: r.range, kind: KIND[r.role] })) : null;
}
