/**
 * The language server: one session (session.ts) and the handler modules that register on it. Each
 * module translates between LSP and the core (server/src/core) for one feature; none knows the report
 * format. Capabilities are declared in features/initialize.ts.
 */
import type { Connection } from 'vscode-languageserver';
import * as codeActions from './features/codeActions';
import * as codeLens from './features/codeLens';
import * as commands from './features/commands';
import * as completion from './features/completion';
import * as convert from './features/convert';
import * as documentSync from './features/documentSync';
import * as hover from './features/hover';
import * as initialize from './features/initialize';
import * as inlayHints from './features/inlayHints';
import * as navigation from './features/navigation';
import * as newReport from './features/newReport';
import * as summary from './features/summary';
import * as symbols from './features/symbols';
import * as tableView from './features/tableView';
import { Session } from './session';

export function startServer(connection: Connection): void {
  const session = new Session(connection);
  for (const feature of [initialize, documentSync, hover, navigation, codeActions, completion, codeLens, symbols, inlayHints, tableView, convert, commands, summary, newReport]) {
    feature.register(connection, session);
  }
  session.documents.listen(connection);
  connection.listen();
}
