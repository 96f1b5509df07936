/**
 * Entry point of dist/server.js. `ProposedFeatures.all` + no explicit streams lets the same bundle run
 * over --stdio (Neovim, the tests), --node-ipc (vscode-languageclient's default) or --socket.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

// A bug in one handler must not end the editing session: log it (stderr, never stdout, which may be
// the protocol channel) and keep serving. Handlers run inside Session.guard; this catches what escapes
// it (a callback on a later tick).
process.on('uncaughtException', (e) => console.error('gov-annual-report server: uncaught', e));
process.on('unhandledRejection', (e) => console.error('gov-annual-report server: unhandled rejection', e));

startServer(createConnection(ProposedFeatures.all));
