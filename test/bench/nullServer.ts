/**
 * The do-nothing language server the LSP benchmark measures ours against (test/bench/lspBench.ts):
 * the same library, the same incremental sync (TextDocuments keeps each text up to date, as in ours),
 * and an empty publishDiagnostics for every open and change. What it costs is the floor any Node
 * server over vscode-languageserver pays; the benchmark's budgets are ratios to it.
 */
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

connection.onInitialize(() => ({
  capabilities: {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
  },
  serverInfo: { name: 'null-language-server' },
}));

// Fires for didOpen and for every didChange, with the document at its new version.
documents.onDidChangeContent(({ document }) => {
  void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: [] });
});
documents.onDidClose(({ document }) => void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] }));

documents.listen(connection);
connection.listen();
