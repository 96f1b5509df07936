/**
 * A small rule tester, in the manner of eslint's RuleTester: minimal inline cases per rule. A valid
 * text gives no finding of the rule's code; an invalid text gives exactly the findings marked in it
 * with ⟦…⟧ (their ranges, in order), and applying a finding's fix gives `output`.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeReport, applyEdits, compareWithPreviousYear, parseReport, type AnalyzeOptions, type CellKey, type Finding, type PartKey, type Range } from '../../server/src/core';
import type { RuleCode } from '../../server/src/core/rules/catalogue';
import { PARTS } from '../../server/src/core/template/parts';
import { renderTable } from '../../server/src/core/template/render';

export interface InvalidCase {
  /** The report; ⟦…⟧ marks the range of each expected finding (the marks are removed before checking). */
  text: string;
  options?: AnalyzeOptions;
  /** The same agency's report for the year before: the case runs the cross-year comparison. */
  previous?: string;
  /** The expected messages, in order. */
  messages?: string[];
  /** The text after applying fix `fix` (default 0) of finding `finding` (default 0). */
  output?: string;
  fix?: number;
  finding?: number;
}

export interface RuleCases {
  valid: (string | { text: string; options?: AnalyzeOptions; previous?: string })[];
  invalid: InvalidCase[];
}

const OPEN = '⟦';
const CLOSE = '⟧';

/** The text without its marks, and the offsets each mark pair stood for. */
function unmark(marked: string): { text: string; spans: { start: number; end: number }[] } {
  let text = '';
  const spans: { start: number; end: number }[] = [];
  let open = -1;
  for (const ch of marked) {
    if (ch === OPEN) open = text.length;
    else if (ch === CLOSE) {
      spans.push({ start: open, end: text.length });
      open = -1;
    } else text += ch;
  }
  return { text, spans };
}

const show = (r: Range) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

function findingsOf(code: RuleCode, text: string, options: AnalyzeOptions = {}, previous?: string): { findings: Finding[]; rangeOf: (s: { start: number; end: number }) => Range } {
  const { document, findings } = previous === undefined
    ? analyzeReport(text, options)
    : (() => {
      const doc = parseReport(text, options);
      return { document: doc, findings: compareWithPreviousYear(parseReport(previous, options), doc, options) };
    })();
  return { findings: findings.filter((f) => f.code === code), rangeOf: (s) => document.lines.rangeOf(s) };
}

/** Runs a rule's cases as tests. */
export function ruleTester(code: RuleCode, cases: RuleCases): void {
  describe(code, () => {
    assert.ok(cases.valid.length > 0 && cases.invalid.length > 0, `${code}: at least one valid and one invalid case`);
    cases.valid.forEach((c, i) => {
      test(`valid #${i + 1}`, () => {
        const { text, options, previous } = typeof c === 'string' ? { text: c, options: undefined, previous: undefined } : c;
        assert.deepEqual(findingsOf(code, text, options, previous).findings.map((f) => f.message), []);
      });
    });
    cases.invalid.forEach((c, i) => {
      test(`invalid #${i + 1}`, () => {
        const { text, spans } = unmark(c.text);
        assert.ok(spans.length > 0, 'an invalid case marks its findings with ⟦…⟧');
        const { findings, rangeOf } = findingsOf(code, text, c.options, c.previous);
        assert.deepEqual(findings.map((f) => show(f.range)), spans.map((s) => show(rangeOf(s))));
        if (c.messages) assert.deepEqual(findings.map((f) => f.message), c.messages);
        if (c.output !== undefined) {
          const fix = findings[c.finding ?? 0].fixes?.[c.fix ?? 0];
          assert.ok(fix, 'the finding has the fix');
          assert.equal(applyEdits(text, fix.edits), unmark(c.output).text);
        }
      });
    });
  });
}

/**
 * A whole report in the official format, small and clean: a 2022 title, a whole-year statistics
 * period, the six parts, the three tables in Markdown with every cell 0 (or as `cells` says), and part
 * 六's fee statement. `parts` replaces a part's prose; a cell's text may carry marks.
 */
export function report(options: { year?: number; cells?: Record<CellKey, string>; parts?: Partial<Record<PartKey, string>> } = {}): string {
  const year = options.year ?? 2022;
  const version = year >= 2021 ? '2021' : '2019';
  const lines = [`某区人民政府${year}年政府信息公开工作年度报告`, '', `本报告统计期限自${year}年1月1日起至${year}年12月31日止。`, ''];
  for (const part of PARTS) {
    lines.push(`${'一二三四五六'[part.number - 1]}、${part.title}`);
    lines.push(options.parts?.[part.key] ?? (part.key === 'other' ? '本年度未收取信息处理费。' : '无。'));
    if (part.table) lines.push(renderTable(part.table, version, 'markdown', '\n', (k) => options.cells?.[k] ?? '0').trimEnd());
    lines.push('');
  }
  return lines.join('\n');
}
