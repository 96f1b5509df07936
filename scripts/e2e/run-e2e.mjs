#!/usr/bin/env node
// `npm run test:e2e`: the extension's mocha suite (test/e2e/suite) inside a real VS Code (code-server 1.100 +
// headless chromium, see run-vscode-tests.mjs), twice:
//   1. "dev":  the extension loaded from this folder (extensionDevelopmentPath), VS Code in Chinese (zh-cn,
//              what the reports' users run), with screenshots;
//   2. "vsix": the packaged gov-annual-report.vsix (`npm run package`, as released) installed into
//              code-server, VS Code in English, the same suite run against it, and its extension page
//              checked for the README's screenshot.
// Each run gets a fresh temporary workspace with copies of test/fixtures/seeds (the repo's files are never
// touched). Expects `npm run build` and code-server-setup.sh to have run (pretest:e2e does both).
//
//   node scripts/e2e/run-e2e.mjs [--dev-only | --vsix-only] [--update-screenshot] [--verbose]
//   --update-screenshot  copy the squiggle+hover picture to docs/images/squiggle-hover.png
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = new Set(process.argv.slice(2));
const modes = args.has('--dev-only') ? ['dev'] : args.has('--vsix-only') ? ['vsix'] : ['dev', 'vsix'];
const verbose = args.has('--verbose') ? ['--verbose'] : [];
const runner = path.join(root, 'scripts', 'e2e', 'run-vscode-tests.mjs');
const tests = path.join(root, 'test', 'e2e', 'suite', 'index.js');
const shotBase = path.join(root, '.vscode-test', 'screenshots', 'e2e.png');
const vsix = path.join(root, 'gov-annual-report.vsix');
const seeds = path.join(root, 'test', 'fixtures', 'seeds');

if (!fs.existsSync(path.join(root, 'dist', 'extension.js')) || !fs.existsSync(path.join(root, 'dist', 'server.js'))) {
  console.error('run-e2e: dist/extension.js or dist/server.js is missing: run `npm run build` first');
  process.exit(2);
}

/** A fresh workspace folder: copies of the seeds under the names the suite expects. */
function makeWorkspace() {
  // A readable folder name: it is the Explorer's title in the screenshots.
  const ws = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gar-e2e-')), '年报工作区');
  fs.mkdirSync(ws);
  const seed = (n) => fs.readdirSync(seeds).find((f) => f.startsWith(`${n}_`));
  const files = {
    'reports/天桥区2022.txt': seed('000'), // plain .txt: switched by auto-detection
    'reports/天桥区2022-copy.txt': seed('000'), // for the autoDetect=false case
    'reports/天桥区2022.年报.txt': seed('000'), // file association
    'reports/东丽区2022.txt': seed('004'), // pipe shape
  };
  for (const [to, from] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(ws, to)), { recursive: true });
    fs.copyFileSync(path.join(seeds, from), path.join(ws, to));
  }
  // Seed 002 printed to PDF and extracted with pdftotext -layout: tables aligned by spaces.
  fs.copyFileSync(path.join(root, 'test', 'fixtures', 'layout', '002.txt'), path.join(ws, 'reports', '张店区2023-pdf.txt'));
  // A Word file made from the official template, with two broken totals: for Import Report.
  fs.copyFileSync(path.join(root, 'test', 'fixtures', 'formats', 'hongze_2023_broken.docx'), path.join(ws, 'reports', '洪泽区2023.docx'));
  fs.writeFileSync(path.join(ws, 'reports', 'notes.txt'), '会议纪要\n\n今天讨论了办公室搬迁的安排。\n');
  fs.mkdirSync(path.join(ws, '.vscode'));
  // The web workbench (code-server) auto-saves after 1 s by default: tests edit without saving and
  // revert, so an auto-save would leak one test's edit into the next.
  fs.writeFileSync(path.join(ws, '.vscode', 'settings.json'), `${JSON.stringify({ 'files.autoSave': 'off' }, null, 2)}\n`);
  return ws;
}

function run(cmd, argv, env = {}) {
  const r = spawnSync(cmd, argv, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

fs.rmSync(path.dirname(shotBase), { recursive: true, force: true }); // no stale pictures
const results = [];
for (const mode of modes) {
  const t0 = Date.now();
  const ws = makeWorkspace();
  let code;
  if (mode === 'dev') {
    console.log(`\n=== e2e (dev, zh-cn): extension from ${root}, workspace ${ws}`);
    code = run(process.execPath, [runner, `--extensionDevelopmentPath=${root}`, `--extensionTestsPath=${tests}`,
      `--folder=${ws}`, `--screenshot=${shotBase}`, '--timeout=300', '--locale=zh-cn',
      `--language-pack=${path.join(root, 'test', 'e2e', 'language-pack', 'zh-cn.i18n.json')}`, ...verbose],
    { GAR_E2E_MODE: 'dev', GAR_E2E_LOCALE: 'zh-cn' });
  } else {
    console.log('\n=== e2e (vsix): packaging gov-annual-report.vsix');
    code = run('npm', ['run', '--silent', 'package']);
    if (code === 0) {
      console.log(`=== e2e (vsix, en): installed gov-annual-report.vsix, workspace ${ws}`);
      // --screenshot: the picture hook, which the extension page test asks for the page's images.
      code = run(process.execPath, [runner, `--install-extension=${vsix}`, `--extensionTestsPath=${tests}`,
        `--folder=${ws}`, `--screenshot=${shotBase.replace(/\.png$/, '-vsix.png')}`, '--timeout=300', ...verbose],
      { GAR_E2E_MODE: 'vsix', GAR_E2E_LOCALE: 'en' });
    }
  }
  fs.rmSync(path.dirname(ws), { recursive: true, force: true });
  results.push({ mode, code, seconds: ((Date.now() - t0) / 1000).toFixed(1) });
}

const picture = shotBase.replace(/\.png$/, '-squiggle.png');
const devPassed = results.some((r) => r.mode === 'dev' && r.code === 0);
if (args.has('--update-screenshot') && devPassed && fs.existsSync(picture)) {
  const target = path.join(root, 'docs', 'images', 'squiggle-hover.png');
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(picture, target);
  console.log(`run-e2e: updated ${path.relative(root, target)}`);
}
// The CLI's HTML report, in the same headless Chromium.
{
  const started = Date.now();
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'e2e', 'html-report.mjs')], { cwd: root, stdio: 'inherit' });
  results.push({ mode: 'html report', code: r.status ?? 1, seconds: ((Date.now() - started) / 1000).toFixed(1) });
}
for (const r of results) console.log(`run-e2e: ${r.mode}: ${r.code === 0 ? 'passed' : `FAILED (exit ${r.code})`} in ${r.seconds} s`);
process.exit(results.every((r) => r.code === 0) ? 0 : 1);
