import { headingNumeral } from '../template/numerals';
import type { Heading } from '../types';
import type { RuleContext } from './context';
import { localize } from './messages';
import { defineRule } from './rule';
import { partTemplate } from './structure';

export default defineRule({
  code: 'heading.numbering',
  severity: 'warning',
  fixable: true,
  description: { zh: '标题序号不符合“一、→（一）→1.→（1）”层级或不连续', en: 'Heading numeral out of the 一、→（一）→1.→（1） scheme or sequence' },
  message: { zh: '序号应为“{expected}”，实为“{actual}”', en: 'Numeral should be “{expected}”, found “{actual}”' },
  docs: {
    why: {
      zh: '公文的标题序号依次为“一、”“（一）”“1.”“（1）”，同级连续编号；跳号、重号或混用层级让读者看不清结构。快速修复改为应有的序号。',
      en: 'Official documents number headings 一、, （一）, 1., （1）, counting up without gaps at each level; a skipped, repeated or mixed numeral hides the structure. The fix writes the expected numeral.',
    },
    bad: '（一）主动公开情况\n（三）依申请公开情况',
    good: '（一）主动公开情况\n（二）依申请公开情况',
  },
  check(ctx: RuleContext): void {
    const counters = [0, 0, 0, 0, 0];
    const renumber = (h: Heading, expected: string) => {
      ctx.report('heading.numbering', h.numeralSpan, { expected, actual: h.numeral || '—' }, {
        fixes: [{ title: localize('fix.renumber', ctx.locale, { expected }), edits: [{ span: h.numeralSpan, newText: expected }], preferred: true }],
      });
    };
    for (const h of ctx.doc.headings) {
      const level = h.outlineLevel;
      if (level === 1) {
        counters.fill(0);
        if (!h.part) continue;
        const number = partTemplate(h.part).number;
        if (h.level !== 1 || h.ordinal !== number) renumber(h, headingNumeral(1, number));
        continue;
      }
      for (let l = level + 1; l < counters.length; l++) counters[l] = 0;
      const expected = counters[level] + 1;
      // Keep the writer's "1、" at level 3 rather than rewrite it to "1.".
      const separator = h.level === 3 && h.numeral.endsWith('、') ? '、' : '.';
      if (h.level !== level || h.ordinal !== expected) renumber(h, headingNumeral(level, expected, separator));
      counters[level] = h.ordinal;
    }
  },
});
