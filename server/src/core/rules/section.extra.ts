import type { RuleContext } from './context';
import { defineRule } from './rule';

export default defineRule({
  code: 'section.extra',
  severity: 'warning',
  fixable: false,
  description: { zh: '官方格式之外的一级标题', en: 'A top-level heading outside the official six parts' },
  message: { zh: '“{title}”不是官方格式的六个部分之一', en: '“{title}” is not one of the six official parts' },
  docs: {
    why: {
      zh: '官方格式只有六个一级部分；其他内容应放进相应部分（通常是第六部分“其他需要报告的事项”）。',
      en: 'The official format has exactly six top-level parts; anything else belongs inside one of them (usually part 六, other matters to report).',
    },
    bad: '七、政务公开工作创新情况',
    good: '六、其他需要报告的事项\n（一）政务公开工作创新情况',
  },
  check(ctx: RuleContext): void {
    for (const h of ctx.doc.headings) {
      if (h.outlineLevel === 1 && !h.part) ctx.report('section.extra', h.lineSpan, { title: `${h.numeral}${h.title}` });
    }
  },
});
