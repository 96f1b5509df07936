// `npm run demo`: the checker on the five real sample reports, then "recompute totals" on a copy of
// one with a broken total. Exits 0 when everything behaves as shown.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const cli = (args, opts = {}) => spawnSync(process.execPath, [path.resolve('dist/cli.js'), ...args], { encoding: 'utf8', ...opts });
const show = (title, r) => {
  console.log(`\n$ ${title}\n${r.stdout}${r.stderr}(exit ${r.status})`);
  return r;
};

const seeds = show('gov-annual-report check test/fixtures/seeds', cli(['check', 'test/fixtures/seeds']));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gov-annual-report-demo-'));
const file = path.join(dir, 'report.txt');
const seed = fs.readFileSync('test/fixtures/seeds/000_dc17b29f247dd138.txt', 'utf8');
// Break one total: the 总计 of row （一）予以公开 (69 → 70).
const at = seed.indexOf('\t（一）予以公开\n');
const lines = seed.slice(at).split('\n');
lines[7] = '\t70';
fs.writeFileSync(file, seed.slice(0, at) + lines.join('\n'));
console.log(`\n(a copy of seed 000 with the 总计 of （一）予以公开 changed from 69 to 70: ${file})`);
const broken = show('gov-annual-report check report.txt', cli(['check', 'report.txt'], { cwd: dir, env: { ...process.env, LANG: 'C' } }));
show('gov-annual-report fix report.txt', cli(['fix', 'report.txt'], { cwd: dir }));
const fixed = show('gov-annual-report check report.txt', cli(['check', 'report.txt'], { cwd: dir }));

const ok = seeds.status === 1 && broken.status === 1 && fixed.status === 0 && fs.readFileSync(file, 'utf8') === seed;
console.log(ok ? '\ndemo: the broken total was found and fixed; the fixed file equals the original byte for byte.' : '\ndemo: unexpected result');
fs.rmSync(dir, { recursive: true, force: true });
process.exit(ok ? 0 : 1);
