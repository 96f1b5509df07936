#!/usr/bin/env node
// `npm run pack:check` (and .ci/run): builds both release artifacts the way a release does and checks them
// the way an intranet user gets them.
//   1. `npm pack`: gov-annual-report-<version>.tgz holds exactly the bundled CLI, package.json, README.md and
//      LICENSE;
//   2. `npm run package`: gov-annual-report.vsix holds the extension, its README (screenshot inlined),
//      CHANGELOG and LICENSE, and no sources, tests or sourcemaps; under 5 MB;
//   3. the tarball installed globally with npm offline (--offline, a fresh empty cache, an unreachable
//      registry) into a prefix in an empty temporary folder; its `gov-annual-report --version` and `check` of
//      a sample report, run from outside the repository, exit 0 with the expected output.
// Prints the tarball's and the .vsix's file lists and sizes. Exit 0 when all holds, 1 otherwise.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gar-pack-'));
const isWindows = process.platform === 'win32';
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function run(command, args, options = {}) {
  const r = spawnSync(command, args, { encoding: 'utf8', shell: isWindows, ...options });
  if (r.error) throw r.error;
  return { code: r.status, out: r.stdout ?? '', err: r.stderr ?? '' };
}

function must(what, r) {
  if (r.code !== 0) {
    console.error(`pack-check: ${what} failed (exit ${r.code})\n${r.out}${r.err}`);
    process.exit(1);
  }
  return r;
}

/** The entry names of a zip file (the .vsix), from its central directory. */
function zipEntries(file) {
  const zip = fs.readFileSync(file);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, `${file} is a zip file`);
  const count = zip.readUInt16LE(end + 10);
  const names = [];
  for (let at = zip.readUInt32LE(end + 16), i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50, 'central directory entry');
    const nameLength = zip.readUInt16LE(at + 28);
    names.push(zip.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return names.sort();
}

try {
  // 1. The CLI package. prepack builds the bundles.
  const packed = JSON.parse(must('npm pack', run('npm', ['pack', '--json', '--pack-destination', work], { cwd: root })).out)[0];
  const tarball = path.join(work, packed.filename);
  assert.equal(packed.filename, `gov-annual-report-${version}.tgz`);
  const tarFiles = packed.files.map((f) => f.path).sort();
  console.log(`pack-check: ${packed.filename}: ${kb(fs.statSync(tarball).size)} (unpacked ${kb(packed.unpackedSize)})`);
  for (const f of packed.files) console.log(`  ${f.path.padEnd(20)} ${kb(f.size)}`);
  // The CLI is dist/cli.js; it loads dist/formats.js for Word files, web pages and PDFs, dist/xlsx.js for --format xlsx.
  const cliFiles = ['dist/cli.js', 'dist/formats.js', 'dist/xlsx.js'];
  assert.deepEqual(tarFiles, ['LICENSE', 'README.md', ...cliFiles, 'package.json'].sort(), 'the tarball holds the CLI bundles, README, LICENSE and package.json only');
  assert.deepEqual(Object.keys(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).dependencies ?? {}), [], 'no runtime dependency to fetch');

  // 2. The extension package.
  must('npm run package', run('npm', ['run', '--silent', 'package', '--', '-o', path.join(work, 'gov-annual-report.vsix')], { cwd: root }));
  const vsix = path.join(work, 'gov-annual-report.vsix');
  const vsixFiles = zipEntries(vsix);
  const vsixSize = fs.statSync(vsix).size;
  console.log(`pack-check: gov-annual-report.vsix: ${kb(vsixSize)}, ${vsixFiles.length} files`);
  for (const f of vsixFiles) console.log(`  ${f}`);
  assert.ok(vsixSize < 5 * 1024 * 1024, 'the .vsix is under 5 MB');
  for (const f of ['extension/readme.md', 'extension/changelog.md', 'extension/LICENSE.txt', 'extension/package.json', 'extension/dist/extension.js', 'extension/dist/server.js']) {
    assert.ok(vsixFiles.includes(f), `the .vsix holds ${f}`);
  }
  assert.deepEqual(vsixFiles.filter((f) => /\.(map|ts|tgz|vsix)$|^extension\/(test|server|client|scripts|node_modules|\.ci|\.github)\//.test(f)), [], 'no sources, tests or maps in the .vsix');

  // 3. Install the tarball as a user would, with npm unable to reach any registry.
  const prefix = path.join(work, 'prefix');
  const cache = fs.mkdtempSync(path.join(work, 'empty-cache-'));
  must('offline npm install -g', run('npm', ['install', '--global', '--offline', '--cache', cache, '--prefix', prefix,
    '--registry', 'http://127.0.0.1:9/', '--no-audit', '--no-fund', tarball], { cwd: work }));
  const bin = isWindows ? path.join(prefix, 'gov-annual-report.cmd') : path.join(prefix, 'bin', 'gov-annual-report');
  assert.ok(fs.existsSync(bin), `npm installed the command at ${bin}`);

  // A sample report outside the repository, checked from there.
  const reports = fs.mkdtempSync(path.join(work, 'reports-'));
  const seedDir = path.join(root, 'test', 'fixtures', 'seeds');
  const seed = fs.readdirSync(seedDir).find((f) => f.startsWith('000_'));
  fs.copyFileSync(path.join(seedDir, seed), path.join(reports, '2022年报.txt'));
  const env = { ...process.env, LANG: 'C', LC_ALL: '' };

  const shown = run(bin, ['--version'], { cwd: reports, env });
  console.log(`pack-check: gov-annual-report --version →\n${shown.out}`);
  assert.deepEqual([shown.code, shown.out, shown.err], [0, `gov-annual-report ${version}\n模板版本：2019、2021\n`, '']);

  const checked = run(bin, ['check', '2022年报.txt'], { cwd: reports, env });
  console.log(`pack-check: gov-annual-report check 2022年报.txt → exit ${checked.code}\n${checked.out}`);
  assert.equal(checked.code, 0, checked.err);
  assert.match(checked.out, /^2022年报\.txt:\d+:\d+ warning heading\.numbering /m);
  assert.match(checked.out, /已检查 1 个文件：错误 0 个，警告 2 个/);

  const english = run(bin, ['check', '--locale', 'en', '--format', 'json', '2022年报.txt'], { cwd: reports, env });
  assert.equal(english.code, 0, english.err);
  assert.equal(JSON.parse(english.out).files[0].path, '2022年报.txt');

  // Word, PDF and web page read by the installed package (its dist/formats.js), with no poppler or Word.
  const formatsDir = path.join(root, 'test', 'fixtures', 'formats');
  for (const f of ['hongze_2023.docx', 'hongze_2024.pdf', 'pingtan_2022.html']) fs.copyFileSync(path.join(formatsDir, f), path.join(reports, f));
  const converted = run(bin, ['convert', 'hongze_2023.docx'], { cwd: reports, env });
  assert.equal(converted.code, 0, converted.err);
  assert.match(converted.out, /^\| .*\|$/m, 'convert prints the tables as Markdown grids');
  const extracted = run(bin, ['extract', '--format', 'json', 'hongze_2024.pdf'], { cwd: reports, env });
  assert.equal(extracted.code, 0, extracted.err);
  const truth = JSON.parse(fs.readFileSync(path.join(formatsDir, 'hongze_2024.pdf.cells.json'), 'utf8')).cells;
  assert.equal(JSON.parse(extracted.out).files[0].cells['requests.new.total'], truth['requests.new.total']);
  const page = run(bin, ['check', 'pingtan_2022.html'], { cwd: reports, env });
  assert.ok(page.code === 0 || page.code === 1, page.err);
  assert.match(page.out, /已检查 1 个文件/);
  console.log('pack-check: convert (.docx), extract (.pdf) and check (.html) work from the installed package');

  console.log('pack-check: passed');
} catch (e) {
  console.error(`pack-check: FAILED: ${e.message}`);
  process.exitCode = 1;
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
