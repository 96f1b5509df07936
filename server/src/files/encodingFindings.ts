/**
 * `encoding.invalid`: one finding at each byte the decoder could not read as UTF-8. Made here, from the
 * decoder's list of offsets, because the core sees text and never bytes; its severity, message and
 * `off` setting come from the rule catalogue like any other rule's.
 */
import { RULES_BY_CODE, formatIn, type AnalyzeOptions, type Finding, type LineIndex } from '../core';

export const ENCODING_INVALID = 'encoding.invalid';

export function encodingFindings(invalid: readonly number[], lines: LineIndex, options: AnalyzeOptions): Finding[] {
  const rule = RULES_BY_CODE.get(ENCODING_INVALID);
  const setting = options.rules?.[ENCODING_INVALID];
  if (!rule || setting === 'off' || invalid.length === 0) return [];
  const message = formatIn(options.locale ?? 'zh-cn', rule.message);
  return invalid.map((offset) => ({
    code: ENCODING_INVALID,
    severity: setting ?? rule.severity,
    range: lines.rangeOf({ start: offset, end: offset + 1 }),
    message,
  }));
}
