/**
 * What every handler module gets besides the connection: the open documents, the analyses, the
 * publisher, the context `initialize` completes, and the one error boundary (`guard`). The handler
 * modules (features/*.ts) each register their handlers through it; server.ts composes them.
 */
import { ResponseError, TextDocuments, type Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LANGUAGE_ID } from '../../../shared/protocol';
import { AnalysisCache, type Analysis } from './analysisCache';
import type { ServerContext } from './context';
import { crossYearFindings, dependentsOf } from './features/crossYear';
import { DiagnosticsPublisher } from './features/diagnostics';

/** What a validation was started by: `open` analyses even under `run: onSave`, `change` does not. */
export type Trigger = 'open' | 'change' | 'save' | 'settings';

export class Session {
  readonly documents = new TextDocuments(TextDocument);
  readonly cache: AnalysisCache;
  readonly publisher: DiagnosticsPublisher;
  /** Undefined until `initialize` has been answered (features/initialize.ts sets it). */
  context: ServerContext | undefined;

  constructor(readonly connection: Connection) {
    this.cache = new AnalysisCache((msg) => this.log(msg));
    this.publisher = new DiagnosticsPublisher(connection);
  }

  /** The server's log: the client's Output channel (stderr would mix with --stdio's protocol channel). */
  log(msg: string): void {
    this.connection.console.error(msg);
  }

  /**
   * The error boundary: every handler runs through here, so nothing it does can take the server
   * down. A ResponseError goes back to the client as is; anything else is logged and answered with
   * `fallback` (null or [] for requests, nothing for notifications). Before `initialize` the handler
   * does not run and `fallback` is the answer.
   */
  guard<P, A extends unknown[], R>(
    name: string,
    fallback: R,
    handler: (params: P, ctx: ServerContext, ...rest: A) => R | Promise<R>,
  ): (params: P, ...rest: A) => Promise<R> {
    return async (params, ...rest) => {
      try {
        const ctx = this.context;
        if (!ctx) return fallback;
        return await handler(params, ctx, ...rest);
      } catch (e) {
        if (e instanceof ResponseError) throw e;
        this.log(`${name} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
        return fallback;
      }
    };
  }

  /**
   * A request about one document, answered from its analysis: only for open documents of our
   * language (another language's document gets `fallback`), through the error boundary.
   */
  onDocument<P extends { textDocument?: { uri?: unknown } } | null | undefined, R>(
    name: string,
    fallback: R,
    handler: (analysis: Analysis, params: NonNullable<P>, ctx: ServerContext) => R,
  ): (params: P) => Promise<R> {
    return this.guard(name, fallback, async (params: P, ctx) => {
      const doc = this.ourDocument(params);
      return doc ? handler(await ctx.analysisOf(doc), params as NonNullable<P>, ctx) : fallback;
    });
  }

  /** The open document a request is about, only if it is one of ours. */
  ourDocument(params: { textDocument?: { uri?: unknown } } | null | undefined): TextDocument | undefined {
    const uri = params?.textDocument?.uri;
    if (typeof uri !== 'string') return undefined;
    const doc = this.documents.get(uri);
    return doc && doc.languageId === LANGUAGE_ID ? doc : undefined;
  }

  /** Analyses a document (or reuses its analysis) and publishes the diagnostics. */
  readonly validate: (document: TextDocument, trigger: Trigger) => Promise<void> = this.guard(
    'validate',
    undefined,
    async (document: TextDocument, ctx, trigger: Trigger) => {
      if (document.languageId !== LANGUAGE_ID) return;
      const options = await ctx.config.forDocument(document.uri);
      // While settings were being fetched the user may have typed on; the newer change publishes.
      const current = this.documents.get(document.uri);
      if (!current || current.version !== document.version) return;
      if (trigger === 'change' && options.settings.run === 'onSave') return;
      const analysis = this.cache.get(current, options);
      this.publish(analysis);
      // The next year's report of the same agency, if open, compares against this one: refresh it.
      for (const next of dependentsOf(analysis, this.cache.all())) this.publish(next);
    },
  );

  /** Publishes an analysis with its cross-year findings against the other open documents. */
  publish(analysis: Analysis): void {
    this.publisher.publish(analysis, crossYearFindings(analysis, this.cache.all()));
  }

  /** Options changed (settings, a config file, the folders): every open document is checked again. */
  revalidateAll(): void {
    this.cache.clear();
    for (const doc of this.documents.all()) void this.validate(doc, 'settings');
  }
}
