import { normalizeLabel } from '../text';
import type { RuleContext } from './context';
import { localize } from './messages';
import { defineRule } from './rule';
import { partOccurrences, partTemplate } from './structure';

export default defineRule({
  code: 'section.title',
  severity: 'hint',
  fixable: true,
  description: { zh: '部分标题与官方措辞不同', en: 'Part title differs from the official wording' },
  message: { zh: '官方标题为“{canonical}”', en: 'The official title is “{canonical}”' },
  docs: {
    why: {
      zh: '常见的变体（如“基本情况”）也能识别，但官方措辞让各地的年报读起来一致。快速修复改为官方标题。',
      en: 'Common variants (such as 基本情况) are recognised, but the official wording keeps reports alike. The fix uses the official title.',
    },
    bad: '一、基本情况',
    good: '一、总体情况',
  },
  check(ctx: RuleContext): void {
    for (const { part, first } of partOccurrences(ctx.doc)) {
      if (first) continue;
      const t = partTemplate(part.key);
      const h = part.heading;
      if (normalizeLabel(h.title).replace(/[:：]$/, '') === normalizeLabel(t.title)) continue;
      ctx.report('section.title', h.titleSpan, { canonical: t.title }, {
        fixes: [{ title: localize('fix.retitle', ctx.locale, { canonical: t.title }), edits: [{ span: h.titleSpan, newText: t.title }], preferred: true }],
      });
    }
  },
});
