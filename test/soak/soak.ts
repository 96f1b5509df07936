/**
 * `npm run soak` (not in `npm test`): long runs that look for what the unit tests cannot.
 *
 *  1. core: generated and mutated documents through analyzeReport — no exception, no range outside the
 *     text, no analysis over 100 ms;
 *  2. lsp: random sessions against one server (open, edits, requests at random positions, close) — no
 *     error answer, the server alive at the end, its memory where it started (+100 MB at most);
 *  3. kill: `fix` killed with SIGKILL at random moments — the report is always whole (before or after),
 *     and the next run removes the temporary files of the killed ones;
 *  4. concurrent: several `fix` runs on the same files at once — every file fixed, none damaged;
 *  5. attacks: the tests of every attack of issue 18 (test/cli/safety, test/unit/files,
 *     test/lsp/workspaceCheckSafety).
 *
 * `npm run soak -- --small` runs each with small counts (what CI runs); `--docs N`, `--sessions N`,
 * `--kills N` set the counts. Prints the counts and the failures; exit code 1 on any failure.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeReport } from '../../server/src/core';
import { TestClient, fileUri } from '../lsp/client';
import { ROOT, SEEDS, readSeed, brokenSeed } from '../support/fixtures';
import { tempDir } from '../support/temp';

const args = process.argv.slice(2);
const small = args.includes('--small');
const option = (name: string, full: number, reduced: number) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : small ? reduced : full;
};
const COUNTS = {
  docs: option('--docs', 1_000_000, 20_000),
  sessions: option('--sessions', 10_000, 200),
  kills: option('--kills', 200, 20),
  concurrent: option('--concurrent', 8, 4),
};
const CLI = path.join(ROOT, 'dist', 'cli.js');
const failures: string[] = [];
const fail = (what: string) => {
  failures.push(what);
  if (failures.length <= 20) console.error(`FAIL ${what}`);
};

/** A small deterministic generator (xorshift), so a failure can be replayed from its seed. */
function rng(seed: number) {
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 0x100000000;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] };
}

const TEXTS = SEEDS.map((s) => readSeed(s));
const NOISE = ['\t', ' ', '\n', '\r\n', '\r', '|', '---', '0', '7', '１２', '－', '、', '（', '）', '一、', '（七）总计', '表三', '2021', '\u0000', '\uFEFF', '\uFFFD', '\uD800', '😀', '年度报告', '　'];

/** A mutated document: a seed or a slice of one, with random cuts, insertions, swaps and number changes. */
function mutated(r: ReturnType<typeof rng>): string {
  let text = r.pick(TEXTS);
  if (r.next() < 0.7) {
    // Mostly slices: faster to analyse, and every part of the format gets its turn at the start.
    const a = r.int(text.length);
    text = text.slice(a, a + 200 + r.int(3000));
  }
  const edits = r.int(8);
  for (let i = 0; i < edits; i++) {
    const at = r.int(text.length + 1);
    switch (r.int(5)) {
      case 0: text = text.slice(0, at) + text.slice(at + r.int(40)); break;
      case 1: text = text.slice(0, at) + r.pick(NOISE) + text.slice(at); break;
      case 2: text = text.slice(0, at) + text.slice(at).replace(/\d+/, String(r.int(100000))); break;
      case 3: { const lines = text.split('\n'); const j = r.int(lines.length); const k = r.int(lines.length); [lines[j], lines[k]] = [lines[k], lines[j]]; text = lines.join('\n'); break; }
      default: text = text.slice(0, at) + text.slice(r.int(text.length + 1)).slice(0, r.int(500)) + text.slice(at);
    }
  }
  return text;
}

function soakCore(): { docs: number; slowest: number } {
  const r = rng(18);
  let slowest = 0;
  for (let i = 0; i < COUNTS.docs; i++) {
    const text = mutated(r);
    const started = performance.now();
    try {
      const { document, findings } = analyzeReport(text);
      let ms = performance.now() - started;
      // On a shared machine a pause elsewhere can stretch one run: a slow document is timed again, and
      // fails only if it is slow every time.
      for (let retry = 0; retry < 3 && ms > 100; retry++) {
        const again = performance.now();
        analyzeReport(text);
        ms = Math.min(ms, performance.now() - again);
      }
      slowest = Math.max(slowest, ms);
      if (ms > 100) fail(`core: document ${i} took ${ms.toFixed(0)} ms`);
      for (const f of findings) {
        for (const pos of [f.range.start, f.range.end]) {
          if (pos.line < 0 || pos.line >= document.lines.lineCount || pos.character < 0 || document.lines.offsetAt(pos) > text.length) fail(`core: document ${i}: ${f.code} range outside the text`);
        }
      }
    } catch (e) {
      fail(`core: document ${i} threw ${String(e)}`);
    }
    if (i > 0 && i % 100_000 === 0) console.log(`  core: ${i} documents`);
  }
  return { docs: COUNTS.docs, slowest };
}

async function soakLsp(): Promise<{ sessions: number; requests: number; rssStartMb: number; rssEndMb: number }> {
  const r = rng(1818);
  const client = await TestClient.start({ root: tempDir('gar-soak-ws-') });
  const rss = () => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${client.proc.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  let requests = 0;
  let rssStart = 0;
  const methods = ['textDocument/hover', 'textDocument/completion', 'textDocument/codeAction', 'textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/definition', 'textDocument/references', 'textDocument/documentHighlight', 'textDocument/codeLens', 'textDocument/semanticTokens/full'];
  try {
    for (let i = 0; i < COUNTS.sessions; i++) {
      if (i === 20) rssStart = rss(); // after the first sessions have warmed the server up
      const uri = fileUri(path.join('/soak', `s${i % 50}.txt`));
      let text = mutated(r);
      let version = 1;
      await client.open(uri, text, version);
      const steps = 1 + r.int(6);
      for (let s = 0; s < steps; s++) {
        const lines = text.split('\n');
        const line = r.int(lines.length);
        const character = r.int(lines[line].length + 1);
        if (r.next() < 0.5) {
          const insert = r.pick(NOISE);
          lines[line] = lines[line].slice(0, character) + insert + lines[line].slice(character);
          text = lines.join('\n');
          await client.notifyChange(uri, ++version, [{ range: { start: { line, character }, end: { line, character } }, text: insert }]);
        }
        const method = r.pick(methods);
        const position = { line, character };
        const params = method.endsWith('codeAction')
          ? { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } }
          : method.endsWith('references')
            ? { textDocument: { uri }, position, context: { includeDeclaration: true } }
            : { textDocument: { uri }, position };
        requests++;
        try {
          await client.request(method, params);
        } catch (e) {
          // A method the server does not offer is not a failure; anything else is.
          if (!/Unhandled method|MethodNotFound|-32601/.test(String(e))) fail(`lsp: session ${i}: ${method} failed: ${String(e)}`);
        }
      }
      await client.close(uri);
      client.events.length = 0;
      if (i > 0 && i % 1000 === 0) console.log(`  lsp: ${i} sessions, server RSS ${rss().toFixed(0)} MB`);
    }
    const rssEnd = rss();
    if (rssEnd - rssStart > 100) fail(`lsp: server RSS grew from ${rssStart.toFixed(0)} to ${rssEnd.toFixed(0)} MB`);
    return { sessions: COUNTS.sessions, requests, rssStartMb: rssStart, rssEndMb: rssEnd };
  } finally {
    await client.stop();
  }
}


async function soakKill(): Promise<{ runs: number; kills: number; before: number; after: number }> {
  const dir = tempDir('gar-soak-kill-');
  const file = path.join(dir, 'r.txt');
  const broken = brokenSeed();
  const fixed = readSeed('000');
  const counts = { runs: COUNTS.kills, kills: 0, before: 0, after: 0 };
  const r = rng(99);
  for (let i = 0; i < COUNTS.kills; i++) {
    fs.writeFileSync(file, broken);
    const child = spawn(process.execPath, [CLI, 'fix', file], { stdio: 'ignore', env: { ...process.env, GOV_ANNUAL_REPORT_CACHE_DIR: 'off' } });
    const closed = new Promise((resolve) => child.on('close', resolve));
    // From start-up to the rename: a run takes about 100-200 ms here.
    await new Promise((resolve) => setTimeout(resolve, r.int(150)));
    if (child.kill('SIGKILL')) counts.kills++;
    await closed;
    const now = fs.readFileSync(file, 'utf8');
    if (now === broken) counts.before++;
    else if (now === fixed) counts.after++;
    else fail(`kill: run ${i} left a damaged report (${now.length} characters)`);
  }
  // The next run removes what the killed runs left.
  fs.writeFileSync(file, broken);
  spawnSync(process.execPath, [CLI, 'fix', file], { env: { ...process.env, GOV_ANNUAL_REPORT_CACHE_DIR: 'off' } });
  const left = fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'));
  if (left.length) fail(`kill: temporary files left after a clean run: ${left.join(', ')}`);
  if (fs.readFileSync(file, 'utf8') !== fixed) fail('kill: the clean run did not fix the report');
  return counts;
}

async function soakConcurrent(): Promise<{ runs: number; files: number }> {
  const dir = tempDir('gar-soak-conc-');
  const broken = brokenSeed();
  const fixed = readSeed('000');
  const files = 20;
  for (let i = 0; i < files; i++) fs.writeFileSync(path.join(dir, `r${i}.txt`), broken);
  const runs = Array.from({ length: COUNTS.concurrent }, () => new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, [CLI, 'fix', dir], { stdio: 'ignore', env: { ...process.env, GOV_ANNUAL_REPORT_CACHE_DIR: 'off' } });
    child.on('close', resolve);
  }));
  const codes = await Promise.all(runs);
  // Exit 1 is allowed: a run may find a file changed by another run after it read it, and skip it.
  if (codes.some((c) => c !== 0 && c !== 1)) fail(`concurrent: exit codes ${codes.join(',')}`);
  for (let i = 0; i < files; i++) {
    if (fs.readFileSync(path.join(dir, `r${i}.txt`), 'utf8') !== fixed) fail(`concurrent: r${i}.txt not fixed or damaged`);
  }
  const left = fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'));
  if (left.length) fail(`concurrent: temporary files left: ${left.join(', ')}`);
  return { runs: COUNTS.concurrent, files };
}

function soakAttacks(): { status: number | null } {
  const tests = ['out/test/cli/safety.test.js', 'out/test/unit/files.test.js', 'out/test/lsp/workspaceCheckSafety.test.js'];
  const r = spawnSync(process.execPath, ['--test', ...tests], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
  const summary = /# pass (\d+)[\s\S]*# fail (\d+)/.exec(r.stdout);
  console.log(`  attacks: ${summary ? `${summary[1]} passed, ${summary[2]} failed` : 'no summary'}`);
  if (r.status !== 0) fail('attacks: a test failed');
  return { status: r.status };
}

async function main(): Promise<void> {
  process.exitCode = 1; // until every part has run
  const t = (label: string) => {
    const started = Date.now();
    return (result: object) => console.log(`${label}: ${JSON.stringify(result)} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  };
  console.log(`soak${small ? ' (small)' : ''}: ${JSON.stringify(COUNTS)}`);
  let done = t('core');
  done(soakCore());
  done = t('lsp');
  done(await soakLsp());
  done = t('kill -9 over fix');
  done(await soakKill());
  done = t('concurrent fix');
  done(await soakConcurrent());
  done = t('attacks');
  done(soakAttacks());
  console.log(failures.length ? `${failures.length} failure(s)` : 'no failures');
  process.exitCode = failures.length ? 1 : 0;
}

void main();
