/**
 * The session's start and its environment: `initialize` (the capabilities, in one list, and the
 * context the other handlers work in), the registrations after `initialized`, and what changes every
 * document's options — settings, a `.govreportrc.json`, the workspace folders.
 */
import { version as TOOL_VERSION } from '../../../../package.json';
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { PROJECT_CONFIG_FILE } from '../../config';
import { joinClauses } from '../../core';
import { SERVER_COMMANDS } from '../../../../shared/protocol';
import { ConfigurationStore, filePathOf } from '../configuration';
import { localeFrom, message, showMessage } from '../messages';
import type { Session } from '../session';
import { SETTINGS_SECTION } from '../settings';
import { CODE_ACTION_KINDS } from './codeActions';

export function register(connection: Connection, session: Session): void {
  let roots: string[] = [];
  let dynamicConfiguration = false;
  let dynamicWatchers = false;
  let workspaceFolderEvents = false;
  let inlayHintRefresh = false;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities ?? {};
    const locale = localeFrom(
      typeof params.initializationOptions?.locale === 'string' ? params.initializationOptions.locale : params.locale,
    );
    roots = rootsFrom(params);
    dynamicConfiguration = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
    dynamicWatchers = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    workspaceFolderEvents = !!caps.workspace?.workspaceFolders;
    inlayHintRefresh = !!caps.workspace?.inlayHint?.refreshSupport;
    const config = new ConfigurationStore(connection, {
      locale,
      pullSettings: !!caps.workspace?.configuration,
      workspaceRoots: () => roots,
      onProjectConfigErrors: (configPath, errors) =>
        showMessage(connection, 'warning', message('config.invalid', locale, { path: configPath, errors: joinClauses(errors, locale) })),
    });
    session.context = {
      connection,
      documents: session.documents,
      config,
      cache: session.cache,
      publisher: session.publisher,
      locale,
      clientSupports: {
        documentChanges: !!caps.workspace?.workspaceEdit?.documentChanges,
        changeSummary: params.initializationOptions?.changeSummary === true,
      },
      workspaceRoots: () => roots,
      analysisOf: async (doc) => session.cache.get(doc, await config.forDocument(doc.uri)),
      log: (msg) => session.log(msg),
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
        inlayHintProvider: { resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'gov-annual-report-language-server', version: TOOL_VERSION },
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
      connection.workspace.onDidChangeWorkspaceFolders(
        session.guard('didChangeWorkspaceFolders', undefined, (event, ctx) => {
          const removed = new Set(event.removed.map((f) => filePathOf(f.uri)));
          roots = roots.filter((r) => !removed.has(r));
          for (const f of event.added) {
            const p = filePathOf(f.uri);
            if (p) roots.push(p);
          }
          ctx.config.reset();
          session.revalidateAll();
        }),
      );
    }
  });

  connection.onDidChangeConfiguration(
    session.guard('didChangeConfiguration', undefined, (params, ctx) => {
      // Clients that pull settings send an empty notification; clients that push put them in `settings`.
      const pushed = (params?.settings as Record<string, unknown> | undefined)?.[SETTINGS_SECTION];
      ctx.config.reset(pushed);
      session.revalidateAll();
      // The govAnnualReport.inlayHints.* settings: editors ask for hints on edits, not on settings.
      if (inlayHintRefresh) void connection.languages.inlayHint.refresh().catch(() => undefined);
    }),
  );

  connection.onDidChangeWatchedFiles(
    session.guard('didChangeWatchedFiles', undefined, (_params, ctx) => {
      // Only .govreportrc.json is watched: any change may alter every document's options.
      ctx.config.reset();
      session.revalidateAll();
    }),
  );
}

function rootsFrom(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  const roots = uris.map(filePathOf).filter((p): p is string => p !== undefined);
  if (roots.length === 0 && typeof params.rootPath === 'string' && params.rootPath) roots.push(params.rootPath);
  return roots;
}
