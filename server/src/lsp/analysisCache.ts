/**
 * One analysis per (uri, version, options): diagnostics, hover, code actions and symbols of the same
 * version share it, so a document is parsed once per edit. Only the latest version of each uri is
 * kept, and entries are dropped when a document closes, so memory stays bounded however many edits
 * arrive.
 *
 * Two editor-only policies live here, not in the core (the CLI keeps the core's verdicts, so CI still
 * fails an empty report): a document with nothing but white space is not analysed at all (a new file
 * gets no wall of errors before its first word), and a document in which no part heading and no table
 * was found yet gets ONE `section.missing` finding for all six parts, whose fix inserts the whole
 * official outline, instead of six findings at the same spot. Binary data (a NUL character) is not
 * analysed either; the CLI refuses such a file too.
 */
import { analyzeReport, joinClauses, looksBinary, summarize } from '../core';
import type { Finding, Fix, Locale, ReportDocument, ReportSummary, TextEdit } from '../core/types';
import type { DocumentOptions } from './configuration';
import { message } from './messages';
import type { SkipReason } from '../../../shared/protocol';

export interface Analysis {
  uri: string;
  /** Undefined for files analysed from disk (workspace check), which have no editor version. */
  version: number | undefined;
  options: DocumentOptions;
  /** Set when analysis was skipped; a localized reason. `document` is then undefined. */
  skipped?: string;
  /** Why analysis was skipped, for clients that show each case differently. */
  skipReason?: SkipReason;
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
  // maxFileSize counts characters (UTF-16 code units, what the editor's buffer holds), not bytes.
  if (text.length > options.settings.maxFileSize) {
    // Checked before parsing: the point of the limit is to never spend time on a huge buffer.
    return {
      ...base,
      findings: [],
      skipReason: 'tooLarge',
      skipped: message('skipped.tooLarge', options.locale, { size: text.length, limit: options.settings.maxFileSize }),
    };
  }
  if (!/\S/.test(text)) {
    return { ...base, findings: [], skipReason: 'empty', skipped: message('skipped.empty', options.locale) };
  }
  if (looksBinary(text)) {
    return { ...base, findings: [], skipReason: 'binary', skipped: message('skipped.binary', options.locale) };
  }
  try {
    const { document, findings: all } = analyzeReport(text, options.analyze);
    const findings = withOutlineFinding(document, all, options.locale);
    return { ...base, document, findings, summary: summarize(document, findings) };
  } catch (e) {
    // The core promises never to throw; if it does, keep the server alive and say so in the log.
    log(`analyzeReport failed for ${source.uri}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    return { ...base, findings: [] };
  }
}

/**
 * A draft with no part heading and no table yet (a title, a first sentence): the core reports each of
 * the six parts as missing, all at the same spot. Say it once, with one fix that inserts them all.
 * Reports with any part or table keep the core's findings unchanged.
 */
export function withOutlineFinding(document: ReportDocument, findings: Finding[], locale: Locale): Finding[] {
  if (document.parts.length > 0 || document.tables.length > 0) return findings;
  const missing = findings.filter((f) => f.code === 'section.missing');
  if (missing.length < 2) return findings;
  const [first] = missing;
  const edits = mergeInserts(missing.flatMap((f) => f.fixes?.[0]?.edits ?? []));
  const parts = joinClauses(missing.map((f) => `${f.args?.numeral ?? ''}、${f.args?.title ?? ''}`), locale);
  const fixes: Fix[] = edits.length > 0
    ? [{ title: message('outline.insert', locale, { count: missing.length }), edits, preferred: true }]
    : [];
  const outline: Finding = {
    code: 'section.missing',
    severity: first.severity,
    range: first.range,
    message: message('outline.missing', locale, { count: missing.length, parts }),
    args: { count: missing.length },
    fixes,
  };
  return [outline, ...findings.filter((f) => f.code !== 'section.missing')];
}

/** Inserts at one position become one edit (their texts in order); anything else is kept as is. */
function mergeInserts(edits: TextEdit[]): TextEdit[] {
  const [first] = edits;
  if (!first) return [];
  const at = first.range.start;
  const sameInsert = (e: TextEdit) =>
    e.range.start.line === at.line && e.range.start.character === at.character &&
    e.range.end.line === at.line && e.range.end.character === at.character;
  if (!edits.every(sameInsert)) return edits;
  return [{ range: first.range, newText: edits.map((e) => e.newText).join('') }];
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
