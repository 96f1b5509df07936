/**
 * The language server's wiring: capabilities, document sync, and one thin handler per feature. The
 * handlers only translate between LSP and the core (server/src/core); no report format knowledge here.
 */
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { PROJECT_CONFIG_FILE } from '../config';
import { joinClauses } from '../core';
import { AnalysisCache, type Analysis } from './analysisCache';
import { ConfigurationStore, filePathOf } from './configuration';
import type { ServerContext } from './context';
import { CODE_ACTION_KINDS, codeActions } from './features/codeActions';
import { codeLenses } from './features/codeLens';
import { completions } from './features/completion';
import { SERVER_COMMANDS } from '../protocol';
import { executeCommand } from './features/commands';
import { registerConvert } from './features/convert';
import { crossYearFindings, dependentsOf } from './features/crossYear';
import { DiagnosticsPublisher } from './features/diagnostics';
import { definitions, documentHighlights, references } from './features/navigation';
import { hoverAt } from './features/hover';
import { documentFoldingRanges, documentSymbols } from './features/symbols';
import { compilerTier } from './compilerTier';
import { IdleCollector } from './memory';
import { localeFrom, message, showMessage } from './messages';
import { SETTINGS_SECTION } from './settings';

export const LANGUAGE_ID = 'gov-annual-report';

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const log = (msg: string) => connection.console.error(msg);
  const cache = new AnalysisCache(log);
  const publisher = new DiagnosticsPublisher(connection);
  const idle = new IdleCollector();
  compilerTier.onOptimizing((reason) => connection.console.info(`V8 optimizing compiler on (${reason})`));
  let roots: string[] = [];
  let ctx: ServerContext | undefined;
  let dynamicConfiguration = false;
  let dynamicWatchers = false;
  let workspaceFolderEvents = false;
  /** Documents whose didOpen is being handled: the open analysis runs even when run === 'onSave'. */
  const opening = new Set<string>();

  /**
   * Runs a handler so that nothing it does can take the server down: a ResponseError goes back to the
   * client as is, anything else is logged and answered with `fallback`.
   */
  function guard<P, R>(name: string, fallback: R, handler: (params: P, ctx: ServerContext) => R | Promise<R>) {
    return async (params: P): Promise<R> => {
      try {
        if (!ctx) return fallback;
        return await handler(params, ctx);
      } catch (e) {
        if (e instanceof ResponseError) throw e;
        log(`${name} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
        return fallback;
      }
    };
  }

  /** The open document for a request, only if it is one of ours (another language's doc gets nothing). */
  function ourDocument(params: { textDocument?: { uri?: unknown } } | undefined): TextDocument | undefined {
    const uri = params?.textDocument?.uri;
    if (typeof uri !== 'string') return undefined;
    const doc = documents.get(uri);
    return doc && doc.languageId === LANGUAGE_ID ? doc : undefined;
  }

  async function validate(document: TextDocument, trigger: 'open' | 'change' | 'save' | 'settings'): Promise<void> {
    if (!ctx || document.languageId !== LANGUAGE_ID) return;
    try {
      const options = await ctx.config.forDocument(document.uri);
      // While settings were being fetched the user may have typed on; the newer change publishes.
      const current = documents.get(document.uri);
      if (!current || current.version !== document.version) return;
      if (trigger === 'change' && options.settings.run === 'onSave') return;
      const analysis = cache.get(current, options);
      publish(analysis);
      // The next year's report of the same agency, if open, compares against this one: refresh it.
      for (const next of dependentsOf(analysis, cache.all())) publish(next);
      idle.touch();
    } catch (e) {
      log(`validate ${document.uri} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    }
  }

  /** Publishes an analysis with its cross-year findings against the other open documents. */
  function publish(analysis: Analysis): void {
    publisher.publish(analysis, crossYearFindings(analysis, cache.all()));
  }

  function revalidateAll(): void {
    cache.clear();
    for (const doc of documents.all()) void validate(doc, 'settings');
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities ?? {};
    const locale = localeFrom(
      typeof params.initializationOptions?.locale === 'string' ? params.initializationOptions.locale : params.locale,
    );
    roots = rootsFrom(params);
    dynamicConfiguration = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
    dynamicWatchers = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    workspaceFolderEvents = !!caps.workspace?.workspaceFolders;
    const config = new ConfigurationStore(connection, {
      locale,
      pullSettings: !!caps.workspace?.configuration,
      workspaceRoots: () => roots,
      onProjectConfigErrors: (configPath, errors) =>
        showMessage(connection, 'warning', message('config.invalid', locale, { path: configPath, errors: joinClauses(errors, locale) })),
    });
    ctx = {
      connection,
      documents,
      config,
      cache,
      publisher,
      locale,
      clientSupports: { documentChanges: !!caps.workspace?.workspaceEdit?.documentChanges },
      workspaceRoots: () => roots,
      analysisOf: async (doc) => cache.get(doc, await config.forDocument(doc.uri)),
      log,
    };
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        documentHighlightProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        codeLensProvider: { resolveProvider: false },
        // "、" completes a typed numeral ("三、") to the part's official heading.
        completionProvider: { triggerCharacters: ['、'], resolveProvider: false },
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: false },
        executeCommandProvider: { commands: Object.values(SERVER_COMMANDS) },
        documentSymbolProvider: { label: 'Gov Annual Report' },
        foldingRangeProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'gov-annual-report-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (dynamicConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
    }
    if (dynamicWatchers) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: `**/${PROJECT_CONFIG_FILE}` }],
      });
    }
    // The library throws when subscribing without client support; such clients have fixed roots.
    if (workspaceFolderEvents) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((f) => filePathOf(f.uri)));
        roots = roots.filter((r) => !removed.has(r));
        for (const f of event.added) {
          const p = filePathOf(f.uri);
          if (p) roots.push(p);
        }
        ctx?.config.reset();
        revalidateAll();
      });
    }
  });

  connection.onDidChangeConfiguration((params) => {
    if (!ctx) return;
    // Clients that pull settings send an empty notification; clients that push put them in `settings`.
    const pushed = (params?.settings as Record<string, unknown> | undefined)?.[SETTINGS_SECTION];
    ctx.config.reset(pushed);
    revalidateAll();
  });

  connection.onDidChangeWatchedFiles(() => {
    // Only .govreportrc.json is watched: any change may alter every document's options.
    ctx?.config.reset();
    revalidateAll();
  });

  documents.onDidOpen((e) => {
    opening.add(e.document.uri);
    void validate(e.document, 'open');
  });
  documents.onDidChangeContent((e) => {
    // TextDocuments fires onDidChangeContent right after onDidOpen; that one was validated already.
    if (opening.delete(e.document.uri)) return;
    void validate(e.document, 'change');
  });
  documents.onDidSave((e) => void validate(e.document, 'save'));
  documents.onDidClose((e) => {
    opening.delete(e.document.uri);
    const closed = [...cache.all()].find((a) => a.uri === e.document.uri);
    cache.delete(e.document.uri);
    // Reports that were compared with the closed one lose their cross-year findings.
    if (closed) for (const next of dependentsOf(closed, cache.all())) publish(next);
    ctx?.config.forget(e.document.uri);
    publisher.clear(e.document.uri);
    idle.touch();
  });

  connection.onHover(
    guard('hover', null, async (params, c) => {
      const doc = ourDocument(params);
      return doc ? hoverAt(await c.analysisOf(doc), params.position) : null;
    }),
  );
  connection.onDocumentHighlight(
    guard('documentHighlight', null, async (params, c) => {
      const doc = ourDocument(params);
      return doc ? documentHighlights(await c.analysisOf(doc), params.position) : null;
    }),
  );
  connection.onDefinition(
    guard('definition', null, async (params, c) => {
      const doc = ourDocument(params);
      return doc ? definitions(await c.analysisOf(doc), doc.uri, params.position) : null;
    }),
  );
  connection.onReferences(
    guard('references', null, async (params, c) => {
      const doc = ourDocument(params);
      return doc ? references(await c.analysisOf(doc), doc.uri, params.position, params.context?.includeDeclaration === true) : null;
    }),
  );
  connection.onCodeAction(
    guard('codeAction', [], async (params, c) => {
      const doc = ourDocument(params);
      return doc ? codeActions(await c.analysisOf(doc), params) : [];
    }),
  );
  connection.onCompletion(
    guard('completion', [], async (params, c) => {
      const doc = ourDocument(params);
      return doc ? completions(await c.analysisOf(doc), params.position) : [];
    }),
  );
  connection.onCodeLens(
    guard('codeLens', [], async (params, c) => {
      const doc = ourDocument(params);
      return doc ? codeLenses(await c.analysisOf(doc)) : [];
    }),
  );
  connection.onDocumentSymbol(
    guard('documentSymbol', [], async (params, c) => {
      const doc = ourDocument(params);
      return doc ? documentSymbols(await c.analysisOf(doc)) : [];
    }),
  );
  connection.onFoldingRanges(
    guard('foldingRange', [], async (params, c) => {
      const doc = ourDocument(params);
      return doc ? documentFoldingRanges(await c.analysisOf(doc)) : [];
    }),
  );
  connection.onExecuteCommand(
    guard('executeCommand', null, async (params, c) => {
      try {
        return await executeCommand(c, params);
      } finally {
        idle.touch(); // a workspace check analyses whole folders
      }
    }),
  );

  registerConvert(connection, () => ctx?.locale);

  documents.listen(connection);
  connection.listen();
}

function rootsFrom(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  const roots = uris.map(filePathOf).filter((p): p is string => p !== undefined);
  if (roots.length === 0 && typeof params.rootPath === 'string' && params.rootPath) roots.push(params.rootPath);
  return roots;
}
