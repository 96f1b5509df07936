#!/usr/bin/env node
// The CLI's HTML report (`check --format html`) opened in headless Chromium, as a reviewer opens it from
// a disk on an intranet: it must draw both charts, ask the network for nothing, log no error, and look
// right (a screenshot in .vscode-test/screenshots/html-report.png). Run by `npm run test:e2e` after the
// editor suites; needs `npm run build` and code-server-setup.sh (which installs Chromium and
// playwright-core).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const csDir = path.join(root, '.vscode-test', 'code-server');
const { chromium } = createRequire(path.join(csDir, 'package.json'))('playwright-core');
const shots = path.join(root, '.vscode-test', 'screenshots');
fs.mkdirSync(shots, { recursive: true });

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gar-html-'));
const page = path.join(work, 'report.html');
const cli = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'check', '--format', 'html', '-o', page, 'test/fixtures/seeds', 'test/fixtures/formats'], { cwd: root, encoding: 'utf8' });
const failures = [];
const expect = (ok, what) => { if (!ok) failures.push(what); };
expect(cli.status === 1 && fs.existsSync(page), `check --format html wrote the page (exit ${cli.status}: ${cli.stderr})`);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  const tab = await browser.newPage({ viewport: { width: 1280, height: 1600 } });
  const requests = [];
  const errors = [];
  tab.on('request', (r) => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
  tab.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  tab.on('pageerror', (e) => errors.push(String(e)));
  await tab.goto(`file://${page}`);
  await tab.waitForLoadState('load');
  // Each chart draws into its canvas: count the pixels that are not background.
  const inked = await tab.evaluate(() => [...document.querySelectorAll('canvas')].map((c) => {
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
    return n;
  }));
  expect(inked.length === 2 && inked.every((n) => n > 1000), `both charts drawn (inked pixels per canvas: ${inked.join(', ')})`);
  expect(requests.length === 0, `no network request (asked for: ${requests.join(', ')})`);
  expect(errors.length === 0, `no error in the page (${errors.join('; ')})`);
  const sections = await tab.evaluate(() => document.querySelectorAll('section, table').length);
  expect(sections >= 3, `reports, charts and findings are on the page (${sections} sections and tables)`);
  await tab.screenshot({ path: path.join(shots, 'html-report.png'), fullPage: false });
} finally {
  await browser.close();
  fs.rmSync(work, { recursive: true, force: true });
}
if (failures.length) {
  console.error(`html-report: FAILED\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log(`html-report: passed (screenshot ${path.relative(root, path.join(shots, 'html-report.png'))})`);
