/** Hover: the core's `describeAt` (row × column labels, value, relations), passed through as Markdown. */
import { MarkupKind, type Connection, type Hover, type Position } from 'vscode-languageserver';
import { describeAt } from '../../core';
import type { Analysis } from '../analysisCache';
import type { Session } from '../session';

export function register(connection: Connection, session: Session): void {
  connection.onHover(session.onDocument('hover', null, (analysis, params) => hoverAt(analysis, params.position)));
}

export function hoverAt(analysis: Analysis, position: Position): Hover | null {
  const document = analysis.document;
  if (!document || !isValidPosition(position, document.lines.lineCount)) return null;
  const info = describeAt(document, position, analysis.options.locale, { showKeys: analysis.options.settings.showCellKeys });
  if (!info) return null;
  return { contents: { kind: MarkupKind.Markdown, value: info.markdown }, range: info.range };
}

/** Rejects what a malformed request may carry (negative, fractional, beyond the last line). */
export function isValidPosition(position: unknown, lineCount: number): position is Position {
  if (position === null || typeof position !== 'object') return false;
  const { line, character } = position as Position;
  return (
    Number.isInteger(line) && Number.isInteger(character) && line >= 0 && character >= 0 && line < lineCount
  );
}
