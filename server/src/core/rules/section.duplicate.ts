import type { RuleContext } from './context';
import { defineRule } from './rule';
import { partOccurrences, partTemplate } from './structure';

export default defineRule({
  code: 'section.duplicate',
  severity: 'warning',
  fixable: false,
  description: { zh: '同一部分出现多次', en: 'The same part appears more than once' },
  message: { zh: '“{title}”重复出现（第一次在第 {firstLine} 行）', en: '“{title}” appears again (first at line {firstLine})' },
  docs: {
    why: {
      zh: '同一部分写两次，多半是合并稿件时留下的重复内容，读者无法判断哪一份为准。',
      en: 'A part written twice is usually left over from merging drafts; the reader cannot tell which one counts.',
    },
    bad: '六、其他需要报告的事项\n无。\n六、其他需要报告的事项\n无。',
    good: '六、其他需要报告的事项\n无。',
  },
  check(ctx: RuleContext): void {
    for (const { part, first } of partOccurrences(ctx.doc)) {
      if (!first) continue;
      ctx.report('section.duplicate', part.heading.lineSpan, { title: partTemplate(part.key).title, firstLine: first.heading.line + 1 });
    }
  },
});
