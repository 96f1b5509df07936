/** What every rule family gets: the document, the locale and one way to report a finding. */
import type { AnalyzeOptions, Finding, Fix, Locale, RelatedLocation, ReportDocument, Span, TextEdit } from '../types';
import { RULES_BY_CODE, ruleMessage } from './catalogue';

export interface FindingExtras {
  cell?: string;
  related?: { span: Span; cell?: string; message: string }[];
  fixes?: { title: string; edits: { span: Span; newText: string }[]; preferred: boolean; safe: boolean }[];
}

export class RuleContext {
  readonly findings: Finding[] = [];
  readonly locale: Locale;

  constructor(readonly doc: ReportDocument, readonly options: AnalyzeOptions) {
    this.locale = options.locale ?? 'zh-cn';
  }

  /** Reports a finding unless its rule is turned off; severity and message come from the catalogue. */
  report(code: string, span: Span, args: Record<string, string | number>, extras: FindingExtras = {}): void {
    const rule = RULES_BY_CODE.get(code);
    if (!rule) throw new Error(`unknown rule ${code}`); // a programming error, caught by tests
    const setting = this.options.rules?.[code];
    if (setting === 'off') return;
    const finding: Finding = {
      code,
      severity: setting ?? rule.severity,
      range: this.doc.lines.rangeOf(span),
      message: ruleMessage(code, this.locale, args),
      args,
    };
    if (extras.cell) finding.cell = extras.cell;
    // By push, not map(): see findTableRegions in model/tableText.ts.
    if (extras.related?.length) {
      const related: RelatedLocation[] = [];
      for (const r of extras.related) related.push({ range: this.doc.lines.rangeOf(r.span), cell: r.cell, message: r.message });
      finding.related = related;
    }
    if (extras.fixes?.length) {
      const fixes: Fix[] = [];
      for (const f of extras.fixes) {
        const edits: TextEdit[] = [];
        for (const e of f.edits) edits.push(this.edit(e.span, e.newText));
        fixes.push({ ...f, edits });
      }
      finding.fixes = fixes;
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
