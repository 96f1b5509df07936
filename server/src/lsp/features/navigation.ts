/**
 * Navigation between the numbers of a report, from the core's relations and narrative bindings:
 * - document highlights: with the cursor on a table cell, the cells it adds up with light up — its
 *   totals as writes (they are derived), its terms as reads (`relatedCellsAt`);
 * - go to definition: from a count in the prose ("办理政府信息公开申请333件") to the table cell(s) it
 *   states (`definitionsAt`);
 * - find references: from a table cell (or such a count) to every count in the prose that states it
 *   (`referencesAt`).
 */
import { DocumentHighlightKind, type Connection, type DocumentHighlight, type Location, type Position } from 'vscode-languageserver';
import { definitionsAt, referencesAt, relatedCellsAt, type RelatedCell } from '../../core';
import type { Analysis } from '../analysisCache';
import type { Session } from '../session';
import { isValidPosition } from './hover';

export function register(connection: Connection, session: Session): void {
  connection.onDocumentHighlight(
    session.onDocument('documentHighlight', null, (analysis, params) => documentHighlights(analysis, params.position)),
  );
  connection.onDefinition(
    session.onDocument('definition', null, (analysis, params) => definitions(analysis, params.textDocument.uri, params.position)),
  );
  connection.onReferences(
    session.onDocument('references', null, (analysis, params) =>
      references(analysis, params.textDocument.uri, params.position, params.context?.includeDeclaration === true),
    ),
  );
}

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

export function definitions(analysis: Analysis, uri: string, position: Position): Location[] | null {
  const document = analysis.document;
  if (!document || !isValidPosition(position, document.lines.lineCount)) return null;
  const ranges = definitionsAt(document, position);
  return ranges ? ranges.map((range) => ({ uri, range })) : null;
}

export function references(analysis: Analysis, uri: string, position: Position, includeDeclaration: boolean): Location[] | null {
  const document = analysis.document;
  if (!document || !isValidPosition(position, document.lines.lineCount)) return null;
  const ranges = referencesAt(document, position, includeDeclaration);
  return ranges ? ranges.map((range) => ({ uri, range })) : null;
}
