/**
 * Completion while drafting: at the start of a line, the official parts the report still lacks, each
 * as its heading alone or with its empty table — the missing-part fix, where the clerk is typing.
 * Offered on an empty line or when what is typed begins the heading or its title ("三", "三、", "收到和"),
 * never in the middle of prose or inside a table.
 */
import { localize } from './rules/messages';
import { partInsertion } from './rules/structure';
import { chineseNumeral } from './template/numerals';
import { PARTS } from './template/parts';
import { TABLES } from './template/tables';
import type { Locale, Position, Range, ReportDocument } from './types';

export interface CompletionSuggestion {
  /** The heading as it will read: 三、收到和处理政府信息公开申请情况. */
  label: string;
  detail: string;
  /** Replaces what was typed on the line, from its first non-blank character to the cursor. */
  range: Range;
  newText: string;
  /** What the typed text is matched against (a prefix of it). */
  filterText: string;
  sortText: string;
}

/** Longest typed text that can still be the start of a heading. */
const MAX_TYPED = 24;

export function completionsAt(doc: ReportDocument, position: Position, locale: Locale = 'zh-cn'): CompletionSuggestion[] {
  if (position.line < 0 || position.line >= doc.lines.lineCount) return [];
  const lineStart = doc.lines.lineStarts[position.line];
  const offset = doc.lines.offsetAt(position);
  const typedLine = doc.text.slice(lineStart, offset);
  const typed = typedLine.trimStart();
  if (typed.length > MAX_TYPED || doc.tables.some((t) => offset > t.span.start && offset <= t.span.end)) return [];
  const from = lineStart + typedLine.length - typed.length;
  const range = doc.lines.rangeOf({ start: from, end: offset });
  const present = new Set(doc.parts.map((p) => p.key));
  const out: CompletionSuggestion[] = [];
  for (const t of PARTS) {
    if (present.has(t.key)) continue;
    const { heading, text, table } = partInsertion(doc, t);
    const filterText = [heading, t.title, text].find((candidate) => candidate.startsWith(typed));
    if (filterText === undefined) continue;
    const eol = text.endsWith('\r\n') ? '\r\n' : '\n';
    const headingLine = text.slice(0, text.indexOf(eol));
    const detail = { number: t.number, numeral: chineseNumeral(t.number), table: table ? TABLES[table].numeral : '' };
    out.push({ label: heading, detail: localize('complete.part', locale, detail), range, newText: headingLine, filterText, sortText: `${t.number}a` });
    if (table) {
      out.push({
        label: `${heading} + 表${TABLES[table].numeral}`,
        detail: localize('complete.partWithTable', locale, detail),
        range,
        // Without the final line break: the cursor's own line break follows.
        newText: text.slice(0, text.length - eol.length),
        filterText,
        sortText: `${t.number}b`,
      });
    }
  }
  return out;
}
