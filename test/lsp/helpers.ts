/** Shared fixtures and small text helpers for the LSP tests (no report parsing beyond finding a test anchor). */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Range, TextEdit } from 'vscode-languageserver-protocol';
import { before, after } from 'node:test';
import { CLI_JS, TestClient, type ClientOptions } from './client';

export const SEEDS = [
  '000_dc17b29f247dd138.txt',
  '001_d8b00d975d5bafc8.txt',
  '002_fe7868b60a559d8c.txt',
  '003_2907b5d9cfef7e5d.txt',
  '004_594938079f36f576.txt',
] as const;

/**
 * The line of the 总计 cell of a TAB-shaped table-三 row: the 7th number line after the label line
 * (one cell per line, docs/format.md, “Shapes a table arrives in”). Only a test anchor; the server itself never parses text.
 */
export function totalLineOfRow(text: string, label: string): number {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((l) => l.trim() === label);
  if (start < 0) throw new Error(`label ${label} not found`);
  let numbers = 0;
  for (let i = start + 1; i < lines.length; i++) {
    if (/^\t\s*\d+\s*$/.test(lines[i])) numbers++;
    if (numbers === 7) return i;
  }
  throw new Error(`no 7th number after ${label}`);
}

/** Replaces the number on a TAB cell line; returns the edited text and the range of the new value. */
export function setTabCell(text: string, line: number, value: string): { text: string; range: Range } {
  const lines = text.split('\n');
  const old = lines[line];
  const m = /^(\t\s*)(\d+)/.exec(old);
  if (!m) throw new Error(`line ${line} is not a TAB number cell: ${JSON.stringify(old)}`);
  lines[line] = m[1] + value + old.slice(m[0].length);
  const range = { start: { line, character: m[1].length }, end: { line, character: m[1].length + m[2].length } };
  return { text: lines.join('\n'), range };
}

export function applyTextEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('x:', 'x', 0, text), edits);
}

/** What parity compares: the fields both the CLI's JSON and LSP diagnostics carry. */
export function comparable(d: Pick<Diagnostic, 'code' | 'range' | 'severity'>): string {
  const r = d.range;
  return `${d.code} ${d.severity} ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

export { tempDir } from '../support/temp';

export function writeTemp(dir: string, name: string, text: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}

/** `node dist/cli.js <args>`; returns stdout even when the exit code is non-zero (findings → exit 1). */
export function runCli(args: string[]): string {
  try {
    return execFileSync(process.execPath, [CLI_JS, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  } catch (e) {
    const err = e as { stdout?: string; status?: number; stderr?: string };
    if (typeof err.stdout === 'string' && err.stdout.length > 0) return err.stdout;
    throw new Error(`cli ${args.join(' ')} failed (${err.status}): ${err.stderr}`);
  }
}

/**
 * One server for the enclosing describe block: started before its tests, stopped after them.
 * `assign` hands the client to the suite (which keeps it in its own `let client`).
 */
export function serverPerSuite(assign: (client: TestClient) => void, opts: ClientOptions = {}): void {
  let started: TestClient | undefined;
  before(async () => {
    started = await TestClient.start(opts);
    assign(started);
  });
  after(async () => {
    await started?.stop();
  });
}
