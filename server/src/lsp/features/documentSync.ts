/**
 * Document sync: open, change and save analyse and publish (features/diagnostics.ts); close forgets the
 * document and clears its diagnostics. The open documents themselves are kept by the session's
 * TextDocuments (incremental sync).
 */
import type { Connection } from 'vscode-languageserver';
import type { Session } from '../session';
import { dependentsOf } from './crossYear';

export function register(_connection: Connection, session: Session): void {
  const { documents, cache, publisher } = session;
  /** Documents whose didOpen is being handled: the open analysis runs even when run === 'onSave'. */
  const opening = new Set<string>();

  documents.onDidOpen((e) => {
    opening.add(e.document.uri);
    void session.validate(e.document, 'open');
  });
  documents.onDidChangeContent((e) => {
    // TextDocuments fires onDidChangeContent right after onDidOpen; that one was validated already.
    if (opening.delete(e.document.uri)) return;
    void session.validate(e.document, 'change');
  });
  documents.onDidSave((e) => void session.validate(e.document, 'save'));
  documents.onDidClose(
    session.guard('didClose', undefined, (e, ctx) => {
      opening.delete(e.document.uri);
      const closed = [...cache.all()].find((a) => a.uri === e.document.uri);
      cache.delete(e.document.uri);
      // Reports that were compared with the closed one lose their cross-year findings.
      if (closed) for (const next of dependentsOf(closed, cache.all())) session.publish(next);
      ctx.config.forget(e.document.uri);
      publisher.clear(e.document.uri);
    }),
  );
}
