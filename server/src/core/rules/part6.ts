/**
 * Part 六 since 2021 (FORMAT.md §2): a sentence must say whether 信息处理费 was charged
 * (`part6.fee`, the one confirmed mandatory item); the other customary items, when absent, are
 * information (`part6.item`). 行政事业性收费 (table 二) is a different fee and never counts.
 */
import { PART6_FEE_MENTION, PART6_FEE_STATEMENT, PART6_ITEMS } from '../template/template';
import type { Part, ReportDocument, Span } from '../types';
import { inLocale } from './catalogue';
import type { RuleContext } from './context';
import { paragraphAround, proseMap } from './prose';

export function checkPart6(ctx: RuleContext): void {
  const { doc } = ctx;
  if (doc.template !== '2021') return;
  const part = doc.parts.find((p) => p.key === 'other');
  if (!part) return; // section.missing says so already
  const text = proseOf(doc, part);
  if (ctx.isOn('part6.fee')) {
    const fee = feeStatement(doc, part);
    if (!fee.stated) ctx.report('part6.fee', fee.unstatedMention ?? part.heading.titleSpan, {});
  }
  if (ctx.isOn('part6.item')) {
    for (const item of PART6_ITEMS) {
      if (item.mandatory || item.matches.test(text)) continue;
      ctx.report('part6.item', part.heading.titleSpan, { item: inLocale(item.label, ctx.locale) });
    }
  }
}

/**
 * The part's text below its heading ("其他需要报告的事项" is not an item), with any table blanked
 * out so table labels never satisfy a prose check.
 */
function proseOf(doc: ReportDocument, part: Part): string {
  const from = part.heading.lineSpan.end;
  let text = doc.text.slice(from, part.span.end);
  for (const t of proseMap(doc).tables) {
    if (t.end <= from || t.start >= part.span.end) continue;
    const s = Math.max(t.start, from) - from;
    const e = Math.min(t.end, part.span.end) - from;
    text = text.slice(0, s) + ' '.repeat(e - s) + text.slice(e);
  }
  return text;
}

/**
 * Whether some paragraph of part 六 that mentions the fee also says whether it was charged. A mention
 * in a heading ("（一）…收取信息处理费的情况") is answered by the paragraph right after it.
 */
export function feeStatement(doc: ReportDocument, part: Part): { stated: boolean; unstatedMention?: Span } {
  const prose = proseMap(doc);
  const re = new RegExp(PART6_FEE_MENTION.source, 'g');
  re.lastIndex = part.span.start;
  let unstatedMention: Span | undefined;
  for (let m = re.exec(doc.text); m && m.index < part.span.end; m = re.exec(doc.text)) {
    if (prose.inTable(m.index)) continue;
    const para = paragraphAround(doc, m.index);
    let window = doc.text.slice(para.start, para.end);
    const line = doc.lines.positionAt(m.index).line;
    if (prose.isHeadingLine(line)) window += '\n' + nextParagraph(doc, para.end, part.span.end);
    if (PART6_FEE_STATEMENT.test(window)) return { stated: true };
    unstatedMention ??= { start: m.index, end: m.index + m[0].length };
  }
  return { stated: false, unstatedMention };
}

/** The first non-empty line after the one holding `from`, unless it is a heading. */
function nextParagraph(doc: ReportDocument, from: number, limit: number): string {
  const starts = doc.lines.lineStarts;
  for (let line = doc.lines.positionAt(from).line + 1; line < starts.length && starts[line] < limit; line++) {
    const para = paragraphAround(doc, starts[line]);
    const text = doc.text.slice(para.start, para.end);
    if (!text.trim()) continue;
    return proseMap(doc).isHeadingLine(line) ? '' : text;
  }
  return '';
}
