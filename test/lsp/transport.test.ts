/** The same bundle serves --node-ipc (vscode-languageclient's default transport) as well as --stdio. */
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { describe, it } from 'node:test';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { fileUri, readSeed, SERVER_JS } from './client';

describe('transports', () => {
  it('--node-ipc: initialize, open, diagnostics', async () => {
    const child = fork(SERVER_JS, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const conn = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    try {
      conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
      const uri = fileUri('/ipc/report.txt');
      const published = new Promise<PublishDiagnosticsParams>((resolve) =>
        conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => p.uri === uri && resolve(p)),
      );
      conn.listen();
      const init = await conn.sendRequest<{ capabilities: { textDocumentSync: { change: number } } }>('initialize', {
        processId: process.pid,
        rootUri: null,
        capabilities: { workspace: { configuration: true } },
      });
      assert.equal(init.capabilities.textDocumentSync.change, 2);
      await conn.sendNotification('initialized', {});
      const text = readSeed('000_dc17b29f247dd138.txt').replace('\t69\n', '\t70\n');
      await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'gov-annual-report', version: 1, text } });
      const p = await published;
      assert.ok(p.diagnostics.some((d) => d.code === 'sum.rowTotal'));
      await conn.sendRequest('shutdown');
      await conn.sendNotification('exit');
    } finally {
      conn.dispose();
      child.kill();
    }
  });
});
