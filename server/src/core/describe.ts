/**
 * Hover data: for a table cell, its full labels, key and value and every relation it takes part in
 * with the numbers filled in; for a part heading, what the official template asks the part to hold.
 */
import { sumsVersion, formulaOf } from './rules/sums';
import { cellLabels } from './template/labels';
import { PARTS, relations, REVIEW_GROUPS, type Relation } from './template/template';
import type { Cell, HoverInfo, Locale, Position, ReportDocument } from './types';

const RELATION_NAMES: Record<Relation['code'], { zh: string; en: string }> = {
  'sum.rowTotal': { zh: '本行总计', en: 'row total' },
  'sum.columnTotal': { zh: '（七）总计（本列）', en: '(7) total of this column' },
  'sum.balance': { zh: '一 + 二 = （七） + 四（本列）', en: 'new + carried = processed + carried over (this column)' },
  'sum.reviewTotal': { zh: '本组总计', en: 'group total' },
};

export function describeAt(doc: ReportDocument, position: Position, locale: Locale = 'zh-cn'): HoverInfo | undefined {
  if (position.line < 0 || position.line >= doc.lines.lineCount) return undefined;
  const offset = doc.lines.offsetAt(position);
  const cell = cellAt(doc, offset, position.line);
  if (cell) return describeCell(doc, cell, locale);
  const heading = doc.headings.find((h) => h.line === position.line && h.part);
  if (heading) {
    const part = PARTS.find((p) => p.key === heading.part)!;
    const numeral = '一二三四五六'[part.number - 1];
    const title = locale === 'en' ? `**${numeral}、${part.title}** — ${part.titleEn}` : `**${numeral}、${part.title}**`;
    const body = locale === 'en' ? part.contents.en : part.contents.zh;
    return { range: doc.lines.rangeOf(heading.lineSpan), markdown: `${title}\n\n${body}` };
  }
  return undefined;
}

function cellAt(doc: ReportDocument, offset: number, line: number): Cell | undefined {
  let onLine: Cell | undefined;
  let count = 0;
  for (const t of doc.tables) {
    for (const c of t.cells) {
      if (offset >= c.span.start && offset <= c.span.end) return c;
      if (doc.lines.positionAt(c.span.start).line === line) {
        onLine = c;
        count++;
      }
    }
  }
  // One cell per line (TAB and pipe shapes): anywhere on the line will do.
  return count === 1 ? onLine : undefined;
}

function describeCell(doc: ReportDocument, cell: Cell, locale: Locale): HoverInfo {
  const version = doc.tables.find((t) => t.key === cell.table)?.version ?? doc.template;
  const l = cellLabels(cell.key, version, locale)!;
  const en = locale === 'en';
  const parts = [en ? `Table ${l.tableNumeral}` : l.tableNumeral, l.group, l.row].filter(Boolean).join(' · ');
  const value = cell.status === 'ok' ? `**${cell.value}**` : cell.status === 'blank' ? (en ? '_blank_' : '_空_') : `\`${cell.text}\` ${en ? '(invalid)' : '（无效）'}`;
  const lines = [`**${parts} × ${l.column}**`, '', `\`${cell.key}\` = ${value}`];
  const rels = relations(sumsVersion(doc)).filter((r) => r.target === cell.key || r.plus.includes(cell.key) || r.minus.includes(cell.key));
  if (rels.length) {
    lines.push('', en ? 'Relations:' : '勾稽关系：');
    for (const r of rels) lines.push(`- ${describeRelation(doc, r, locale)}`);
  }
  return { range: doc.lines.rangeOf(cell.span), markdown: lines.join('\n'), cell: cell.key };
}

function describeRelation(doc: ReportDocument, r: Relation, locale: Locale): string {
  const get = (k: string) => doc.cells.get(k);
  const show = (c: Cell | undefined) => (c && c.status === 'ok' ? String(c.value) : '?');
  const target = get(r.target);
  const plus = r.plus.map(get);
  const minus = r.minus.map(get);
  let name = locale === 'en' ? RELATION_NAMES[r.code].en : RELATION_NAMES[r.code].zh;
  if (r.code === 'sum.reviewTotal') {
    const g = REVIEW_GROUPS.find((x) => r.target.startsWith(`review.${x.key}.`))!;
    name = locale === 'en' ? `${g.label.en} total` : `${g.label.zh}总计`;
  }
  const known = [target, ...plus, ...minus].every((c) => c && c.status === 'ok');
  if (r.code === 'sum.balance') {
    const [n, c] = plus;
    const [p] = minus;
    const mark = !known ? '—' : n!.value! + c!.value! === p!.value! + target!.value! ? '✓' : '✗';
    return `${name}：${show(n)} + ${show(c)} = ${show(p)} + ${show(target)} ${mark}`;
  }
  if (!known) return `${name} = ${plus.map(show).join(' + ')} — ${locale === 'en' ? 'cannot be checked (blank or invalid cells)' : '有空白或无效单元格，无法核对'}`;
  const sum = plus.reduce((a, c) => a + c!.value!, 0);
  const formula = formulaOf(r, { plus: plus as Cell[] }).split('+').join(' + ');
  const mark = sum === target!.value ? '✓' : `✗ (${locale === 'en' ? 'table has' : '表中为'} ${target!.value})`;
  return `${name} = ${formula} = ${sum} ${mark}`;
}
