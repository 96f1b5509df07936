import { inLocale } from '../template/bilingual';
import { cellKey } from '../template/tables';
import { asciiDigits } from '../text';
import type { TemplateVersion } from '../types';
import type { RuleContext } from './context';
import { localize } from './messages';
import { narrativeCounts, relatedOf, type Evaluated } from './narrative';
import { NARRATIVE_SHARE, type NarrativeSubject } from './narrativeSubjects';
import { defineRule } from './rule';
import { sumsVersion, validCell } from './sums';

export default defineRule({
  code: 'narrative.percent',
  severity: 'information',
  fixable: true,
  description: { zh: '正文百分比与统计表不符', en: 'A percentage in the prose does not match the tables' },
  message: {
    zh: '正文称{subject}占 {stated}%，按表三为 {count} ÷ {total}（（七）总计）≈ {actual}%',
    en: 'The text says {subject} is {stated}%; table 三 gives {count} ÷ {total} ((7) total processed) ≈ {actual}%',
  },
  docs: {
    why: {
      zh: '“予以公开69件，占比21%”中的百分比应等于该项 ÷ 表三（七）总计；按所写的精度截断或四舍五入都算对。快速修复改为按表计算的百分比。',
      en: 'In “予以公开69件，占比21%” the share must equal the count ÷ table 三’s (7) total processed, truncated or rounded at the printed precision. The fix writes the share the table gives.',
    },
    bad: '予以公开69件，占比25%。（表三（七）总计为 333）',
    good: '予以公开69件，占比21%。',
  },
  check(ctx: RuleContext): void {
    const version = sumsVersion(ctx.doc);
    for (const c of narrativeCounts(ctx.doc)) {
      if (c.subject.share) checkShare(ctx, c.subject, c.readings[0], c.afterEnd, version);
    }
  },
});

const PROCESSED_TOTAL = cellKey('requests', 'processed', 'total');

/** "占比21％" after an outcome count: count ÷ （七）总计, truncated or rounded at the printed precision. */
function checkShare(ctx: RuleContext, subject: NarrativeSubject, count: Evaluated, afterEnd: number, version: TemplateVersion): void {
  const { doc, locale } = ctx;
  const text = doc.text;
  const m = NARRATIVE_SHARE.exec(text.slice(afterEnd, afterEnd + 32));
  if (!m) return;
  const totalCell = validCell(doc, PROCESSED_TOTAL);
  if (!totalCell || !totalCell.value) return;
  const printed = asciiDigits(m[1]);
  const stated = Number(printed);
  const decimals = printed.includes('.') ? printed.length - printed.indexOf('.') - 1 : 0;
  const unit = 10 ** -decimals;
  const exact = (count.value / totalCell.value) * 100;
  if (Math.abs(stated - exact) <= unit + 1e-9) return;
  const start = afterEnd + m.index + m[0].lastIndexOf(m[1]);
  const span = { start, end: start + m[1].length };
  const rounded = (Math.round(exact * 10 ** decimals) / 10 ** decimals).toFixed(decimals);
  ctx.report('narrative.percent', span, {
    subject: inLocale(subject.label, locale),
    stated: m[1],
    count: count.value,
    total: totalCell.value,
    actual: exact.toFixed(decimals + 1),
  }, {
    cell: totalCell.key,
    related: relatedOf([count, { reading: count.reading, cells: [totalCell], value: totalCell.value }], version, locale),
    fixes: [{ title: localize('fix.setPercent', locale, { value: `${rounded}%` }), edits: [{ span, newText: rounded }], preferred: false }],
  });
}
