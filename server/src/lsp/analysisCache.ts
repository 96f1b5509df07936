/**
 * One analysis per (uri, version, options): diagnostics, hover, code actions and symbols of the same
 * version share it, so a document is parsed once per edit. Only the latest version of each uri is
 * kept, and entries are dropped when a document closes, so memory stays bounded however many edits
 * arrive.
 */
import { analyzeReport, summarize } from '../core';
import type { Finding, ReportDocument, ReportSummary } from '../core/types';
import type { DocumentOptions } from './configuration';
import { message } from './messages';

export interface Analysis {
  uri: string;
  /** Undefined for files analysed from disk (workspace check), which have no editor version. */
  version: number | undefined;
  options: DocumentOptions;
  /** Set when analysis was skipped; a localized reason. `document` is then undefined. */
  skipped?: string;
  document?: ReportDocument;
  findings: Finding[];
  summary?: ReportSummary;
}

export interface VersionedText {
  uri: string;
  version: number | undefined;
  getText(): string;
}

/** Analyses a text under the given options; never throws (a core failure becomes an empty result). */
export function analyzeText(source: VersionedText, options: DocumentOptions, log: (msg: string) => void): Analysis {
  const text = source.getText();
  const base = { uri: source.uri, version: source.version, options };
  if (text.length > options.settings.maxFileSize) {
    // Checked before parsing: the point of the limit is to never spend time on a huge buffer.
    return {
      ...base,
      findings: [],
      skipped: message('skipped.tooLarge', options.locale, { size: text.length, limit: options.settings.maxFileSize }),
    };
  }
  try {
    const { document, findings } = analyzeReport(text, options.analyze);
    return { ...base, document, findings, summary: summarize(document, findings) };
  } catch (e) {
    // The core promises never to throw; if it does, keep the server alive and say so in the log.
    log(`analyzeReport failed for ${source.uri}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    return { ...base, findings: [] };
  }
}

export class AnalysisCache {
  private readonly latest = new Map<string, Analysis>();

  constructor(private readonly log: (msg: string) => void) {}

  /** The analysis of this version under these options, computed at most once. */
  get(doc: VersionedText, options: DocumentOptions): Analysis {
    const hit = this.latest.get(doc.uri);
    // Options are compared by identity: the ConfigurationStore hands out a new object only after a
    // settings change, which is exactly when a re-analysis is needed.
    if (hit && hit.version === doc.version && hit.options === options) return hit;
    const analysis = analyzeText(doc, options, this.log);
    this.latest.set(doc.uri, analysis);
    return analysis;
  }

  /** The latest analysis of every open document (what cross-year checks pair with). */
  all(): IterableIterator<Analysis> {
    return this.latest.values();
  }

  delete(uri: string): void {
    this.latest.delete(uri);
  }

  clear(): void {
    this.latest.clear();
  }

  get size(): number {
    return this.latest.size;
  }
}
