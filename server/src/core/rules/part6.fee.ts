import type { Part, ReportDocument, Span } from '../types';
import type { RuleContext } from './context';
import { paragraphAround, proseMap } from './prose';
import { defineRule } from './rule';

/**
 * What says whether 信息处理费 was charged, in the paragraph that mentions the fee: a negation
 * ("未收取", "不存在…情况", "无"), an amount ("240元"), or a payment ("缴款", "收费通知书").
 * The item's heading alone ("收取信息处理费的情况") is not a statement.
 */
const FEE_MENTION = /信息(?:公开)?(?:申请)?处理费|处理费/g;
const FEE_STATEMENT =
  /未(?:曾|有)?(?:收取|收|产生|发生|涉及)|无(?:收取|收费|发生|产生)|不存在|没有(?:收取|产生|发生)|(?:^|[：:，,。\s])无(?:[。；;，,.]|$)|免(?:收|费|予收取)|不(?:予)?收取|[0-9０-９][0-9０-９,.，]*\s*万?元|缴(?:款|费|纳)|收费通知|(?:共|累计|合计)(?:计)?收取/m;

/**
 * Part 六 saying that nothing was charged without naming the fee: "未发生收费情况", "未收取任何费用"
 * (the only fee part 六 speaks of is the processing fee).
 */
const NO_CHARGE = /(?:未|无|没有)(?:发生|产生)?(?:收取|收)(?:任何)?(?:信息处理|政府信息公开)?费(?:用)?|(?:未|没有)发生(?:任何)?收费/;

export default defineRule({
  code: 'part6.fee',
  severity: 'warning',
  fixable: false,
  description: { zh: '第六部分未说明是否收取信息处理费', en: 'Part 六 does not say whether information processing fees were charged' },
  message: {
    zh: '第六部分没有说明是否收取信息处理费（《政府信息公开信息处理费管理办法》）',
    en: 'Part 六 does not say whether information processing fees were charged',
  },
  docs: {
    why: {
      zh: '自2021年度起，《政府信息公开信息处理费管理办法》要求年报说明是否收取信息处理费（没有收取也要写明）。只写小标题不算说明。表二的“行政事业性收费”是另一种费用，不能代替。',
      en: 'Since 2021 the rules on information processing fees require the report to say whether such fees were charged (also when none were). A heading alone says nothing; table 二’s administrative fees are a different fee and do not count.',
    },
    bad: '六、其他需要报告的事项\n（一）收取信息处理费的情况\n（二）人大代表建议和政协提案办理结果公开情况…',
    good: '六、其他需要报告的事项\n（一）收取信息处理费的情况\n本年度未收取信息处理费。',
  },
  check(ctx: RuleContext): void {
    const { doc } = ctx;
    if (doc.template !== '2021') return;
    const part = doc.parts.find((p) => p.key === 'other');
    if (!part) return; // section.missing says so already
    const fee = feeStatement(doc, part);
    if (!fee.stated) ctx.report('part6.fee', fee.unstatedMention ?? part.heading.titleSpan, {});
  },
});

/**
 * Whether some paragraph of part 六 that mentions the fee also says whether it was charged. A mention
 * in a heading ("（一）…收取信息处理费的情况") is answered by the paragraph right after it.
 */
function feeStatement(doc: ReportDocument, part: Part): { stated: boolean; unstatedMention?: Span } {
  const prose = proseMap(doc);
  const re = new RegExp(FEE_MENTION.source, 'g');
  re.lastIndex = part.span.start;
  let unstatedMention: Span | undefined;
  if (NO_CHARGE.test(doc.text.slice(part.heading.lineSpan.end, part.span.end))) return { stated: true };
  for (let m = re.exec(doc.text); m && m.index < part.span.end; m = re.exec(doc.text)) {
    if (prose.inTable(m.index)) continue;
    const para = paragraphAround(doc, m.index);
    let window = doc.text.slice(para.start, para.end);
    const line = doc.lines.positionAt(m.index).line;
    if (prose.isHeadingLine(line)) window += '\n' + nextParagraph(doc, para.end, part.span.end);
    if (FEE_STATEMENT.test(window)) return { stated: true };
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
