/** What every rule gets: the document, the locale and one way to report a finding. */
import type { AnalyzeOptions, Finding, Locale, ReportDocument, Span, TextEdit } from '../types';
import { formatIn } from './messages';
import { RULES_BY_CODE, type RuleCode } from './catalogue';

export interface FindingExtras {
  cell?: string;
  related?: { span: Span; cell?: string; message: string }[];
  fixes?: { title: string; edits: { span: Span; newText: string }[]; preferred: boolean }[];
}

export class RuleContext {
  readonly findings: Finding[] = [];
  readonly locale: Locale;

  constructor(readonly doc: ReportDocument, readonly options: AnalyzeOptions) {
    this.locale = options.locale ?? 'zh-cn';
  }

  /** Reports a finding unless its rule is turned off; severity and message come from the rule. */
  report(code: RuleCode, span: Span, args: Record<string, string | number>, extras: FindingExtras = {}): void {
    const rule = RULES_BY_CODE.get(code)!;
    const setting = this.options.rules?.[code];
    if (setting === 'off') return;
    const finding: Finding = {
      code,
      severity: setting ?? rule.severity,
      range: this.doc.lines.rangeOf(span),
      message: formatIn(this.locale, rule.message, args),
      args,
    };
    if (extras.cell) finding.cell = extras.cell;
    if (extras.related?.length) {
      finding.related = extras.related.map((r) => ({ range: this.doc.lines.rangeOf(r.span), cell: r.cell, message: r.message }));
    }
    if (extras.fixes?.length) {
      finding.fixes = extras.fixes.map((f) => ({ ...f, edits: f.edits.map((e) => this.edit(e.span, e.newText)) }));
    }
    this.findings.push(finding);
  }

  edit(span: Span, newText: string): TextEdit {
    return { range: this.doc.lines.rangeOf(span), newText };
  }

  isOn(code: string): boolean {
    return this.options.rules?.[code] !== 'off';
  }
}
