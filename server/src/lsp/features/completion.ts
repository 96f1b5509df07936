/** Completion: the core's `completionsAt` (missing official parts at the start of a line) as LSP items. */
import { CompletionItemKind, type CompletionItem, type Connection, type Position } from 'vscode-languageserver';
import { completionsAt } from '../../core';
import type { Analysis } from '../analysisCache';
import type { Session } from '../session';
import { isValidPosition } from './hover';

export function register(connection: Connection, session: Session): void {
  connection.onCompletion(session.onDocument('completion', [], (analysis, params) => completions(analysis, params.position)));
}

export function completions(analysis: Analysis, position: Position): CompletionItem[] {
  const document = analysis.document;
  if (!document || !isValidPosition(position, document.lines.lineCount)) return [];
  return completionsAt(document, position, analysis.options.locale).map((s) => ({
    label: s.label,
    kind: CompletionItemKind.Snippet,
    detail: s.detail,
    filterText: s.filterText,
    sortText: s.sortText,
    textEdit: { range: s.range, newText: s.newText },
  }));
}
