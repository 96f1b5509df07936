/**
 * A small LSP client for protocol tests: spawns the built server (`node dist/server.js --stdio`),
 * speaks real JSON-RPC over its stdio, answers the server's requests (configuration, applyEdit,
 * progress) and records everything the server sends, so tests wait on events, never on sleeps.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type {
  ApplyWorkspaceEditParams,
  ConfigurationParams,
  InitializeResult,
  LogMessageParams,
  PublishDiagnosticsParams,
  ShowMessageParams,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol';
import { LANGUAGE_ID, STATUS_NOTIFICATION, type StatusParams } from '../../shared/protocol';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const SERVER_JS = path.join(REPO_ROOT, 'dist/server.js');
export const CLI_JS = path.join(REPO_ROOT, 'dist/cli.js');
export const SEEDS_DIR = path.join(REPO_ROOT, 'test/fixtures/seeds');
export { LANGUAGE_ID };

export interface ClientOptions {
  /** initialize params.initializationOptions */
  initializationOptions?: unknown;
  /** initialize params.locale */
  locale?: string;
  /** Workspace folder (file-system path). */
  root?: string;
  /** What `workspace/configuration` answers for section govAnnualReport (mutable later via `settings`). */
  settings?: unknown;
  /** Advertise workspace/configuration (default true). */
  configuration?: boolean;
  /** Advertise workspaceEdit.documentChanges (default true). */
  documentChanges?: boolean;
  /** Advertise window.workDoneProgress (default true). */
  workDoneProgress?: boolean;
  /** The server's script (default dist/server.js; the benchmark also starts a do-nothing server). */
  serverModule?: string;
  /** Answer for workspace/applyEdit (default applied: true). */
  applyEditResult?: { applied: boolean; failureReason?: string };
}

type Event =
  | { kind: 'diagnostics'; params: PublishDiagnosticsParams }
  | { kind: 'status'; params: StatusParams }
  | { kind: 'showMessage'; params: ShowMessageParams }
  | { kind: 'applyEdit'; params: ApplyWorkspaceEditParams }
  | { kind: 'progress'; params: { token: string | number; value: { kind: string; title?: string; message?: string; percentage?: number } } }
  | { kind: 'progressCreate'; params: { token: string | number } }
  | { kind: 'configuration'; params: ConfigurationParams };

export type { StatusParams };

export class TestClient {
  readonly events: Event[] = [];
  settings: unknown;
  applyEditResult: { applied: boolean; failureReason?: string };
  initializeResult!: InitializeResult;
  stderr = '';
  /** The texts of the server's window/logMessage notifications (its Output channel), in order. */
  readonly logs: string[] = [];
  private waiters: Array<{ test: (e: Event) => boolean; resolve: (e: Event) => void }> = [];
  private exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;

  private constructor(
    readonly proc: ChildProcess,
    readonly conn: MessageConnection,
    opts: ClientOptions,
  ) {
    this.settings = opts.settings ?? {};
    this.applyEditResult = opts.applyEditResult ?? { applied: true };
    proc.stderr!.on('data', (d: Buffer) => (this.stderr += d.toString()));
    proc.on('exit', (code, signal) => (this.exited = { code, signal }));
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => this.push({ kind: 'diagnostics', params: p }));
    conn.onNotification(STATUS_NOTIFICATION, (p: StatusParams) => this.push({ kind: 'status', params: p }));
    conn.onNotification('window/showMessage', (p: ShowMessageParams) => this.push({ kind: 'showMessage', params: p }));
    conn.onNotification('window/logMessage', (p: LogMessageParams) => this.logs.push(p.message));
    conn.onNotification('$/progress', (p) => this.push({ kind: 'progress', params: p }));
    conn.onRequest('workspace/configuration', (p: ConfigurationParams) => {
      this.push({ kind: 'configuration', params: p });
      return p.items.map((item) => (item.section === 'govAnnualReport' ? this.settings : null));
    });
    conn.onRequest('workspace/applyEdit', (p: ApplyWorkspaceEditParams) => {
      this.push({ kind: 'applyEdit', params: p });
      return this.applyEditResult;
    });
    conn.onRequest('window/workDoneProgress/create', (p: { token: string | number }) => {
      this.push({ kind: 'progressCreate', params: p });
      return null;
    });
    conn.onRequest('client/registerCapability', () => null);
    conn.onRequest('client/unregisterCapability', () => null);
    conn.onRequest('window/showMessageRequest', () => null);
    conn.listen();
  }

  static async start(opts: ClientOptions = {}): Promise<TestClient> {
    const proc = spawn(process.execPath, [opts.serverModule ?? SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const client = new TestClient(proc, conn, opts);
    const root = opts.root;
    client.initializeResult = await conn.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      locale: opts.locale ?? 'zh-cn',
      initializationOptions: opts.initializationOptions,
      rootUri: root ? pathToFileURL(root).href : null,
      workspaceFolders: root ? [{ uri: pathToFileURL(root).href, name: path.basename(root) }] : null,
      capabilities: {
        workspace: {
          configuration: opts.configuration ?? true,
          workspaceEdit: { documentChanges: opts.documentChanges ?? true },
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: true },
          workspaceFolders: true,
        },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          inlayHint: { dynamicRegistration: false },
        },
        window: { workDoneProgress: opts.workDoneProgress ?? true },
      },
    });
    await conn.sendNotification('initialized', {});
    return client;
  }

  private push(e: Event): void {
    this.events.push(e);
    this.waiters = this.waiters.filter((w) => {
      if (!w.test(e)) return true;
      w.resolve(e);
      return false;
    });
  }

  /** Resolves with the first event from now on (plus already recorded ones at index ≥ `from`) that passes `test`. */
  waitFor<K extends Event['kind']>(
    kind: K,
    test: (params: Extract<Event, { kind: K }>['params']) => boolean = () => true,
    { from = this.events.length, timeoutMs = 10_000 }: { from?: number; timeoutMs?: number } = {},
  ): Promise<Extract<Event, { kind: K }>['params']> {
    const match = (e: Event) => e.kind === kind && test(e.params as never);
    const seen = this.events.slice(from).find(match);
    if (seen) return Promise.resolve(seen.params as never);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.resolve !== done);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${kind}; stderr: ${this.stderr.slice(-2000)}`));
      }, timeoutMs);
      const done = (e: Event) => {
        clearTimeout(timer);
        resolve(e.params as never);
      };
      this.waiters.push({ test: match, resolve: done });
    });
  }

  /** The next publish for `uri` (for `version`, when given). */
  diagnostics(uri: string, version?: number, opts?: { from?: number; timeoutMs?: number }): Promise<PublishDiagnosticsParams> {
    return this.waitFor('diagnostics', (p) => p.uri === uri && (version === undefined || p.version === version), opts);
  }

  count(kind: Event['kind']): number {
    return this.events.filter((e) => e.kind === kind).length;
  }

  /** Opens a document and resolves with its first publish. */
  async open(uri: string, text: string, version = 1, languageId = LANGUAGE_ID): Promise<PublishDiagnosticsParams> {
    const p = this.diagnostics(uri, version);
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    return p;
  }

  /** Sends a change and resolves with the publish for the new version. */
  async change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<PublishDiagnosticsParams> {
    const p = this.diagnostics(uri, version);
    await this.notifyChange(uri, version, contentChanges);
    return p;
  }

  notifyChange(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  async close(uri: string): Promise<PublishDiagnosticsParams> {
    const p = this.waitFor('diagnostics', (d) => d.uri === uri && d.diagnostics.length === 0);
    await this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    return p;
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.conn.sendRequest<R>(method, params);
  }

  /** Writes bytes straight to the server's stdin (for malformed-message tests). */
  writeRaw(body: string): void {
    const bytes = Buffer.from(body, 'utf8');
    this.proc.stdin!.write(`Content-Length: ${bytes.length}\r\n\r\n`);
    this.proc.stdin!.write(bytes);
  }

  get alive(): boolean {
    return this.exited === undefined && this.proc.exitCode === null;
  }

  /** Resident set size of the server process in bytes (Linux /proc). */
  rss(): number {
    return this.procStatus('VmRSS');
  }

  /** The largest resident set size the server process has had so far, in bytes (Linux /proc). */
  peakRss(): number {
    return this.procStatus('VmHWM');
  }

  private procStatus(field: 'VmRSS' | 'VmHWM'): number {
    const status = readFileSync(`/proc/${this.proc.pid}/status`, 'utf8');
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(status);
    if (!m) throw new Error(`no ${field} in /proc status`);
    return Number(m[1]) * 1024;
  }

  /** shutdown + exit, then make sure the process is gone. */
  async stop(): Promise<void> {
    if (this.alive) {
      try {
        await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        await this.conn.sendNotification('exit');
      } catch {
        /* the server may already be gone */
      }
      await new Promise<void>((resolve) => {
        if (!this.alive) return resolve();
        const t = setTimeout(() => {
          this.proc.kill('SIGKILL');
          resolve();
        }, 2000);
        this.proc.once('exit', () => {
          clearTimeout(t);
          resolve();
        });
      });
    }
    this.conn.dispose();
  }
}

/** file: URI for a (possibly non-existent) path: documents need not exist on disk to be opened. */
export function fileUri(p: string): string {
  return pathToFileURL(p).href;
}

export function readSeed(name: string): string {
  return readFileSync(path.join(SEEDS_DIR, name), 'utf8');
}

/** Applies LSP text edits to a text (offsets via the same TextDocument the server uses). */
export { TextDocument } from 'vscode-languageserver-textdocument';
