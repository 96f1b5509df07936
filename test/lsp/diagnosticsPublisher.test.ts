/** DiagnosticsPublisher: status sent only when it changes, remembered only for open documents. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Connection } from 'vscode-languageserver';
import { analyzeText } from '../../server/src/lsp/analysisCache';
import { DiagnosticsPublisher } from '../../server/src/lsp/features/diagnostics';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import { STATUS_NOTIFICATION } from '../../shared/protocol';
import { readSeed } from './client';

const SEED_000 = readSeed('000_dc17b29f247dd138.txt');
const OPTIONS = { settings: DEFAULT_SETTINGS, analyze: {}, locale: 'zh-cn' as const };

/** A connection that records what the publisher sends. */
function recordingConnection() {
  const sent: { kind: 'diagnostics' | 'status'; uri: string }[] = [];
  const connection = {
    sendDiagnostics: async (p: { uri: string }) => void sent.push({ kind: 'diagnostics', uri: p.uri }),
    sendNotification: async (method: string, p: { uri: string }) => {
      assert.equal(method, STATUS_NOTIFICATION);
      sent.push({ kind: 'status', uri: p.uri });
    },
  } as unknown as Connection;
  const statuses = (uri: string) => sent.filter((s) => s.kind === 'status' && s.uri === uri).length;
  const diagnostics = (uri: string) => sent.filter((s) => s.kind === 'diagnostics' && s.uri === uri).length;
  return { connection, statuses, diagnostics };
}

const analysisOf = (uri: string, version: number | undefined) =>
  analyzeText({ uri, version, getText: () => SEED_000 }, OPTIONS, () => undefined);

describe('DiagnosticsPublisher', () => {
  it('an open document: diagnostics every time, its unchanged status once, again after clear', () => {
    const { connection, statuses, diagnostics } = recordingConnection();
    const publisher = new DiagnosticsPublisher(connection);
    const uri = 'file:///open.txt';
    publisher.publish(analysisOf(uri, 1));
    publisher.publish(analysisOf(uri, 2));
    assert.equal(diagnostics(uri), 2);
    assert.equal(statuses(uri), 1);
    publisher.clear(uri);
    publisher.publish(analysisOf(uri, 1));
    assert.equal(statuses(uri), 2, 'reopened: the status is sent again');
  });

  it('a file checked from disk (no version): its status is sent each time, nothing is remembered', () => {
    const { connection, statuses } = recordingConnection();
    const publisher = new DiagnosticsPublisher(connection);
    const uri = 'file:///on-disk.txt';
    publisher.publish(analysisOf(uri, undefined));
    publisher.publish(analysisOf(uri, undefined));
    assert.equal(statuses(uri), 2);
    // Opened later: its first status is sent (nothing was remembered from the disk check).
    publisher.publish(analysisOf(uri, 1));
    assert.equal(statuses(uri), 3);
  });
});
