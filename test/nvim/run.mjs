#!/usr/bin/env node
// Neovim (0.7+, Debian's `neovim`) as a second, independent LSP client for dist/server.js: opens an
// edited copy of seed 000 (one table-三 total changed) and checks that the pushed diagnostics equal
// the CLI's JSON; then opens the clean seed, edits the same line in Neovim (incremental didChange)
// and checks the new publish. Installs neovim with apt-get when missing and running as root, so a
// fresh CI machine works. Exit 0 pass, 1 fail.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const server = path.join(root, 'dist/server.js');
const cli = path.join(root, 'dist/cli.js');
const lua = path.join(here, 'nvim-lsp-diag.lua');
const seed = readFileSync(path.join(root, 'test/fixtures/seeds/000_dc17b29f247dd138.txt'), 'utf8');
const SEVERITY = { error: 1, warning: 2, information: 3, hint: 4 };

function ensureNeovim() {
  if (spawnSync('nvim', ['--version'], { stdio: 'ignore' }).status === 0) return;
  if (process.getuid?.() !== 0) {
    console.error('test:nvim: neovim is not installed; run: sudo apt-get install -y neovim');
    process.exit(1);
  }
  console.log('test:nvim: installing neovim with apt-get …');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'neovim'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

/** The 总计 line of row （一）予以公开: the 7th number line after its label (TAB shape, one cell per line). */
function totalLine(text) {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.trim() === '（一）予以公开');
  let numbers = 0;
  for (let i = start + 1; i < lines.length; i++) {
    if (/^\t\s*\d+\s*$/.test(lines[i])) numbers++;
    if (numbers === 7) return i;
  }
  throw new Error('total line not found');
}

function runNeovim(file, env = {}) {
  const r = spawnSync('nvim', ['--headless', '--clean', '-u', lua, file], {
    cwd: path.dirname(file),
    encoding: 'utf8',
    timeout: 60_000,
    env: {
      ...process.env,
      LSP_CMD: JSON.stringify([process.execPath, server, '--stdio']),
      LSP_LANG: 'gov-annual-report',
      LSP_ROOT: path.dirname(file),
      ...env,
    },
  });
  if (r.status !== 0) throw new Error(`nvim exited ${r.status}: ${r.stderr}\n${r.stdout}`);
  const lines = r.stdout.trim().split('\n').filter((l) => l.startsWith('{'));
  const done = JSON.parse(lines.at(-1));
  assert.equal(done.done, true, r.stdout);
  return done;
}

const key = (d) => `${d.code} ${d.severity} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;

function cliDiagnostics(file) {
  let out;
  try {
    out = execFileSync(process.execPath, [cli, 'check', '--format', 'json', file], { encoding: 'utf8' });
  } catch (e) {
    out = e.stdout; // exit 1: errors found
  }
  return JSON.parse(out).files[0].diagnostics.map((d) => ({ ...d, severity: SEVERITY[d.severity] }));
}

ensureNeovim();
for (const f of [server, cli]) if (!existsSync(f)) throw new Error(`${f} missing: run npm run build`);
const dir = mkdtempSync(path.join(tmpdir(), 'gar-nvim-'));
let failed = false;
try {
  const line = totalLine(seed);
  const lines = seed.split('\n');
  const original = lines[line];
  const editedLine = original.replace(/\d+/, '70');
  const edited = [...lines.slice(0, line), editedLine, ...lines.slice(line + 1)].join('\n');
  const cell = { start: { line, character: original.indexOf('69') }, end: { line, character: original.indexOf('69') + 2 } };

  // 1. Open the edited copy: Neovim's diagnostics = the CLI's JSON, with sum.rowTotal at the cell.
  const editedFile = path.join(dir, 'edited.txt');
  writeFileSync(editedFile, edited);
  const t0 = Date.now();
  const opened = runNeovim(editedFile);
  const expected = cliDiagnostics(editedFile);
  assert.deepEqual(opened.diagnostics.map(key).sort(), expected.map(key).sort(), 'nvim diagnostics = cli check --format json');
  const rowTotal = opened.diagnostics.filter((d) => d.code === 'sum.rowTotal');
  assert.equal(rowTotal.length, 1, 'one sum.rowTotal');
  assert.deepEqual(rowTotal[0].range, cell);
  assert.equal(rowTotal[0].severity, 1);
  assert.equal(rowTotal[0].source, '年报');
  console.log(`ok 1 - open edited copy: ${opened.count} diagnostics equal the CLI's, sum.rowTotal at ${line}:${cell.start.character} (${Date.now() - t0} ms)`);

  // 2. Open the clean seed, edit the total inside Neovim: the incremental change yields sum.rowTotal.
  const cleanFile = path.join(dir, 'clean.txt');
  writeFileSync(cleanFile, seed);
  const t1 = Date.now();
  const changed = runNeovim(cleanFile, { EDIT_LINE: String(line), EDIT_TEXT: editedLine });
  assert.ok(changed.publishes >= 2, 'a publish after the edit');
  assert.deepEqual(changed.diagnostics.map(key).sort(), expected.map(key).sort(), 'after the edit: same as the CLI on the edited text');
  console.log(`ok 2 - edit in Neovim: ${changed.publishes} publishes, final set equals the CLI's (${Date.now() - t1} ms)`);

  // 3. Settings through workspace/configuration: the rule turned off disappears.
  const off = runNeovim(editedFile, { LSP_SETTINGS: JSON.stringify({ govAnnualReport: { rules: { 'sum.rowTotal': 'off' } } }) });
  assert.equal(off.diagnostics.filter((d) => d.code === 'sum.rowTotal').length, 0);
  console.log('ok 3 - settings from Neovim turn sum.rowTotal off');
} catch (e) {
  failed = true;
  console.error('not ok -', e instanceof Error ? e.message : e);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
