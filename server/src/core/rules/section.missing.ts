import { chineseNumeral } from '../template/numerals';
import { PARTS, type PartTemplate } from '../template/parts';
import type { RuleContext } from './context';
import { localize } from './messages';
import { defineRule } from './rule';
import { lineBreakOf, partInsertion, partTemplate } from './structure';

export default defineRule({
  code: 'section.missing',
  severity: 'error',
  fixable: true,
  description: { zh: '缺少官方格式规定的部分', en: 'A part the official format requires is missing' },
  message: { zh: '缺少第{numeral}部分“{title}”', en: 'Part {numeral} “{title}” is missing' },
  docs: {
    why: {
      zh: '官方格式规定年报由六个部分组成，缺少任何一部分，读者就找不到该部分应有的内容。快速修复在应有的位置插入官方标题（该部分有统计表而报告中没有时，一并插入空白表）。',
      en: 'The official format has six parts; a report without one leaves out what that part must say. The fix inserts the official heading where the part belongs (with an empty table when the part has one and the report does not).',
    },
    bad: '四、政府信息公开行政复议、行政诉讼情况\n…\n六、其他需要报告的事项',
    good: '四、政府信息公开行政复议、行政诉讼情况\n…\n五、存在的主要问题及改进情况\n…\n六、其他需要报告的事项',
  },
  check(ctx: RuleContext): void {
    const present = new Set(ctx.doc.parts.map((p) => p.key));
    for (const t of PARTS) if (!present.has(t.key)) reportMissingPart(ctx, t);
  },
});

function reportMissingPart(ctx: RuleContext, t: PartTemplate): void {
  const { doc } = ctx;
  const numeral = chineseNumeral(t.number);
  const eol = lineBreakOf(doc);
  // Insert before the next official part present; else after the previous one; else at the end.
  const next = doc.parts.find((p) => partTemplate(p.key).number > t.number);
  const prev = [...doc.parts].reverse().find((p) => partTemplate(p.key).number < t.number);
  const firstTop = doc.headings.find((h) => h.outlineLevel === 1);
  let at: number;
  if (next) at = next.heading.lineSpan.start;
  else if (prev) at = prev.span.end;
  else if (t.key === 'overview' && firstTop) at = firstTop.lineSpan.start;
  else at = doc.text.length;
  const atLineStart = at === 0 || doc.text[at - 1] === '\n' || doc.text[at - 1] === '\r';
  const { heading, text } = partInsertion(doc, t);
  const newText = `${atLineStart ? '' : eol}${text}`;
  const anchor = next ? next.heading.lineSpan : { start: at, end: at };
  ctx.report('section.missing', anchor, { numeral, title: t.title }, {
    fixes: [{ title: localize('fix.insertPart', ctx.locale, { heading }), edits: [{ span: { start: at, end: at }, newText }], preferred: true }],
  });
}
