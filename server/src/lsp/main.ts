/**
 * Entry point of dist/server.js. `ProposedFeatures.all` + no explicit streams lets the same bundle run
 * over --stdio (Neovim, the tests), --node-ipc (vscode-languageclient's default) or --socket.
 */
import './startBaseline'; // first: V8's optimizing compiler off before the rest loads (compilerTier.ts)
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

// A bug in one handler must not end the editing session: log it (stderr, never stdout, which may be
// the protocol channel) and keep serving. Handlers are guarded too; this catches what escapes them.
process.on('uncaughtException', (e) => console.error('gov-annual-report server: uncaught', e));
process.on('unhandledRejection', (e) => console.error('gov-annual-report server: unhandled rejection', e));

startServer(createConnection(ProposedFeatures.all));
