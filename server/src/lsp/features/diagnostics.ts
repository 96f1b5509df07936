/**
 * Findings → pushed diagnostics (textDocument/publishDiagnostics) plus the `govAnnualReport/status`
 * notification the client's status item shows. Push, not pull: Neovim 0.7, eglot and ALE only
 * understand push, and analysis is cheap enough to publish on every change.
 */
import {
  DiagnosticSeverity,
  type Connection,
  type Diagnostic,
  type DiagnosticRelatedInformation,
} from 'vscode-languageserver';
import { ruleDocsUrl, summarize } from '../../core';
import type { CellKey, Finding, Fix, Locale, Severity, TemplateVersion } from '../../core/types';
import type { Analysis } from '../analysisCache';
import { STATUS_NOTIFICATION, type StatusParams } from '../../../../shared/protocol';

/**
 * What the Problems view prints before the code ("年报(sum.rowTotal)"): a word the reader knows, in the
 * editor's language, not the package name.
 */
export const DIAGNOSTIC_SOURCES = { 'zh-cn': '年报', en: 'annual report' } as const satisfies Record<Locale, string>;

/** Whether a diagnostic a client sends back (in a code action request) is one of ours. */
export function isOurDiagnostic(d: Diagnostic | null | undefined): boolean {
  return !!d && Object.values(DIAGNOSTIC_SOURCES).includes(d.source as never);
}

/** What a diagnostic carries for its code actions (they read this, never the message text). */
export interface DiagnosticData {
  cell?: CellKey;
  args?: Record<string, string | number>;
  fixes?: Fix[];
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

function toDiagnostic(finding: Finding, uri: string, locale: Locale): Diagnostic {
  const data: DiagnosticData = { cell: finding.cell, args: finding.args, fixes: finding.fixes };
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITY[finding.severity] ?? DiagnosticSeverity.Error,
    code: finding.code,
    codeDescription: { href: ruleDocsUrl(finding.code) },
    source: DIAGNOSTIC_SOURCES[locale] ?? DIAGNOSTIC_SOURCES['zh-cn'],
    message: finding.message,
    data,
  };
  if (finding.related && finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map(
      (r): DiagnosticRelatedInformation => ({ location: { uri, range: r.range }, message: r.message }),
    );
  }
  return diagnostic;
}

export function toStatus(analysis: Analysis, extra: readonly Finding[] = []): StatusParams {
  const s = extra.length > 0 && analysis.document ? summarize(analysis.document, [...analysis.findings, ...extra]) : analysis.summary;
  return {
    uri: analysis.uri,
    year: s?.year,
    template: s?.template ?? configuredTemplate(analysis),
    agency: s?.agency,
    errors: s?.errors ?? 0,
    warnings: s?.warnings ?? 0,
    infos: s?.infos ?? 0,
    hints: s?.hints ?? 0,
    ...(analysis.skipped !== undefined ? { skipped: analysis.skipped, skipReason: analysis.skipReason } : {}),
  };
}

/** `2019`/`2021` when the settings or the project config fix the template; undefined for `auto`. */
function configuredTemplate(analysis: Analysis): TemplateVersion | undefined {
  const t = analysis.options.analyze.template;
  return t === '2019' || t === '2021' ? t : undefined;
}

/**
 * Publishes analyses: diagnostics (tagged with the version they belong to) and the status. The status
 * is sent only when it differs from the last one sent for that document: most keystrokes change no
 * count, and a message less per change is one write and one parse less on each side.
 */
export class DiagnosticsPublisher {
  /** The last status sent per document URI, as JSON. */
  private readonly lastStatus = new Map<string, string>();

  constructor(private readonly connection: Connection) {}

  /** `extra` are findings that depend on other documents (cross-year), kept out of the cached analysis. */
  publish(analysis: Analysis, extra: readonly Finding[] = []): StatusParams {
    void this.connection.sendDiagnostics({
      uri: analysis.uri,
      version: analysis.version,
      diagnostics: [...analysis.findings, ...extra].map((f) => toDiagnostic(f, analysis.uri, analysis.options.locale)),
    });
    const status = toStatus(analysis, extra);
    const json = JSON.stringify(status);
    if (this.lastStatus.get(analysis.uri) !== json) {
      // Remembered for open documents only (they are what keystrokes republish, and closing forgets
      // them); a file checked from disk by a workspace check is sent its status and not remembered, so
      // the map stays as small as the set of open documents.
      if (analysis.version !== undefined) this.lastStatus.set(analysis.uri, json);
      void this.connection.sendNotification(STATUS_NOTIFICATION, status);
    }
    return status;
  }

  /** A closed document's diagnostics must disappear from the Problems view; a reopened one gets its status again. */
  clear(uri: string): void {
    this.lastStatus.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}
