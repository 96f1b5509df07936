import type { PartTemplate } from '../template/parts';
import type { RuleContext } from './context';
import { defineRule } from './rule';
import { partOccurrences, partTemplate } from './structure';

export default defineRule({
  code: 'section.order',
  severity: 'warning',
  fixable: false,
  description: { zh: '各部分顺序与官方格式不一致', en: 'Parts are not in the official order' },
  message: { zh: '“{title}”应在“{before}”之前', en: '“{title}” should come before “{before}”' },
  docs: {
    why: {
      zh: '各级政府的年报按同一顺序排列，读者和汇总统计的人才能在同一位置找到同一内容。',
      en: 'Every report follows the same order, so that readers and whoever compiles the reports find the same content in the same place.',
    },
    bad: '五、存在的主要问题及改进情况\n…\n四、政府信息公开行政复议、行政诉讼情况',
    good: '四、政府信息公开行政复议、行政诉讼情况\n…\n五、存在的主要问题及改进情况',
  },
  check(ctx: RuleContext): void {
    let furthest: PartTemplate | undefined;
    for (const { part, first } of partOccurrences(ctx.doc)) {
      if (first) continue; // section.duplicate
      const t = partTemplate(part.key);
      if (furthest && t.number < furthest.number) {
        ctx.report('section.order', part.heading.titleSpan, { title: t.title, before: furthest.title });
      } else furthest = t;
    }
  },
});
