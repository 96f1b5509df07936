/**
 * `npm run bench:scale [-- --files N]`: the CLI over a national-scale batch. Generates N reports (default
 * 100,000) from the seeds, each under an agency name of its own and years that pair across years, then
 * runs `check --format json` on the folder with stdout to /dev/null and reports the time, the rate and
 * the peak RSS of the CLI process (read in the process itself when it exits). Target: ≥ 1,000
 * reports/s and ≤ 200 MB peak RSS. Then the editor's "check workspace" over `--workspace N` of them
 * (default 10,000): the server's peak RSS against its RSS before the check (target: +100 MB at most).
 * Not part of `npm test` (it writes over a gigabyte).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseReport } from '../../server/src/core';
import { TestClient } from '../lsp/client';
import { ROOT, SEED_DIR, SEEDS } from '../support/fixtures';

const args = process.argv.slice(2);
const numberOption = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const files = numberOption('--files', 100_000);
const workspaceFiles = numberOption('--workspace', 10_000);
const keep = args.includes('--keep');
const NUMERALS = '〇一二三四五六七八九';

/** A distinct agency name per index, in Chinese numerals (digits in a title would read as a year). */
function agencyName(base: string, i: number): string {
  return `${[...String(i)].map((d) => NUMERALS[Number(d)]).join('')}号${base}`;
}

function generate(dir: string, files: number): void {
  const seeds = SEEDS.map((s) => {
    const text = fs.readFileSync(path.join(SEED_DIR, s), 'utf8');
    return { text, agency: parseReport(text).agency! };
  });
  for (let i = 0; i < files; i++) {
    const sub = path.join(dir, String(Math.floor(i / 1000)).padStart(3, '0'));
    if (i % 1000 === 0) fs.mkdirSync(sub, { recursive: true });
    const seed = seeds[i % seeds.length];
    // Pairs of consecutive indexes share an agency, so the batch has cross-year pairs to make.
    const text = seed.text.split(seed.agency).join(agencyName(seed.agency, Math.floor(i / 2)));
    fs.writeFileSync(path.join(sub, `${String(i).padStart(6, '0')}.txt`), text);
  }
}

/** The server's resident memory now and at its peak, from /proc (Linux). */
function serverMemory(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

async function benchWorkspace(): Promise<void> {
  if (!workspaceFiles) return;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gar-scale-ws-'));
  try {
    generate(dir, workspaceFiles);
    const client = await TestClient.start({ root: dir });
    try {
      const before = serverMemory(client.proc.pid!);
      const t = Date.now();
      const result = await client.request<{ files: number }>('workspace/executeCommand', { command: 'govAnnualReport.checkWorkspace', arguments: [] });
      const seconds = (Date.now() - t) / 1000;
      const after = serverMemory(client.proc.pid!);
      const progress = client.events.filter((e) => e.kind === 'progress').length;
      console.log(`check workspace: ${result.files} reports in ${seconds.toFixed(1)} s, ${progress} progress notifications, server RSS ${before.rss.toFixed(0)} MB before, peak ${after.peak.toFixed(0)} MB (+${(after.peak - before.rss).toFixed(0)} MB; target +100 MB)`);
    } finally {
      await client.stop();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function main(): void {
  if (!files) return;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gar-scale-'));
  try {
    let t = Date.now();
    generate(dir, files);
    console.log(`generated ${files} reports in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    const rssFile = path.join(dir, 'rss');
    const hook = path.join(dir, 'rss-hook.js');
    fs.writeFileSync(hook, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)));\n`);
    t = Date.now();
    const r = spawnSync(process.execPath, ['--require', hook, path.join(ROOT, 'dist', 'cli.js'), 'check', '--format', 'json', dir], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, GOV_ANNUAL_REPORT_CACHE_DIR: 'off' },
      maxBuffer: 1 << 26,
    });
    const seconds = (Date.now() - t) / 1000;
    const peakMb = Number(fs.readFileSync(rssFile, 'utf8')) / 1024;
    console.log(`check --format json: exit ${r.status}, ${files} reports in ${seconds.toFixed(1)} s = ${Math.round(files / seconds)} reports/s, peak RSS ${peakMb.toFixed(0)} MB`);
    const ok = files / seconds >= 1000 && peakMb <= 200;
    console.log(ok ? 'within target (≥ 1,000 reports/s, ≤ 200 MB)' : 'OUTSIDE target (≥ 1,000 reports/s, ≤ 200 MB)');
    if (r.stderr.length) console.log(r.stderr.toString().slice(0, 2000));
  } finally {
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
    else console.log(`kept ${dir}`);
  }
}

main();
void benchWorkspace();
