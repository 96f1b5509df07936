/**
 * textDocument/inlayHint: the core's `inlayHints` (column labels before bare numbers, "← 应为 69" after
 * a broken total) within the requested range, as the settings govAnnualReport.inlayHints.* allow.
 */
import { InlayHintKind, type Connection, type InlayHint, type InlayHintParams, type Position } from 'vscode-languageserver';
import { inlayHints } from '../../core';
import type { Analysis } from '../analysisCache';
import type { Session } from '../session';

export function register(connection: Connection, session: Session): void {
  connection.languages.inlayHint.on(session.onDocument('inlayHint', [], documentInlayHints));
}

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character < b.character);

export function documentInlayHints(analysis: Analysis, params: InlayHintParams): InlayHint[] {
  const document = analysis.document;
  if (!document) return [];
  const { settings, locale } = analysis.options;
  const columnLabels = settings['inlayHints.columnLabels'];
  const expectedTotals = settings['inlayHints.expectedTotals'];
  if (!columnLabels && !expectedTotals) return [];
  const range = params.range;
  return inlayHints(document, analysis.findings, locale, { columnLabels, expectedTotals })
    .filter((h) => !range || (!before(h.position, range.start) && !before(range.end, h.position)))
    .map((h): InlayHint => (h.kind === 'column'
      ? { position: h.position, label: h.label, kind: InlayHintKind.Parameter, paddingRight: true, tooltip: h.tooltip }
      : { position: h.position, label: h.label, paddingLeft: true }));
}
