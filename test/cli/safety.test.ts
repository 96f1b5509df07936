/**
 * The attacks of issue 18 on the CLI, each as a test: fix through links, on read-only, shared and
 * foreign-owned files, in other encodings, on files that change while it runs; files that are not
 * files; configs planted where others can write; batches streamed as they go.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import * as iconv from 'iconv-lite';
import { run } from '../../server/src/cli/main';
import { ROOT, readSeed, brokenSeed } from '../support/fixtures';
import { tempDir } from '../support/temp';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const IS_ROOT = process.getuid?.() === 0;

function cli(args: string[], cwd = ROOT, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, LANG: 'C', ...env }, timeout: 60_000, maxBuffer: 1 << 28 });
  return { code: r.status, out: r.stdout, text: r.stdout.toString('utf8'), err: r.stderr.toString('utf8') };
}

const BROKEN = brokenSeed();
const FIXED = readSeed('000');

function write(dir: string, name: string, data: string | Buffer, mode?: number): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, data);
  if (mode !== undefined) fs.chmodSync(file, mode);
  return file;
}

describe('fix keeps everything but the cells', () => {
  test('through a symlink: the target is fixed, the link stays a link', () => {
    const dir = tempDir();
    const target = write(dir, 'real/r.txt', BROKEN);
    fs.symlinkSync(path.join('real', 'r.txt'), path.join(dir, 'link.txt'));
    const r = cli(['fix', 'link.txt'], dir);
    assert.equal(r.code, 0, r.err);
    assert.ok(fs.lstatSync(path.join(dir, 'link.txt')).isSymbolicLink());
    assert.equal(fs.readFileSync(target, 'utf8'), FIXED);
  });

  test('a hard link is not split: both names see the fix, one inode', () => {
    const dir = tempDir();
    const a = write(dir, 'a.txt', BROKEN);
    const b = path.join(dir, 'b.txt');
    fs.linkSync(a, b);
    const ino = fs.statSync(a).ino;
    assert.equal(cli(['fix', 'a.txt'], dir).code, 0);
    assert.equal(fs.statSync(a).ino, ino);
    assert.equal(fs.statSync(b).nlink, 2);
    assert.equal(fs.readFileSync(b, 'utf8'), FIXED);
  });

  test('mode (664, 666, 2775) and, as root, owner and group are kept', () => {
    const dir = tempDir();
    for (const mode of [0o664, 0o666, 0o2775]) {
      const file = write(dir, `m${mode.toString(8)}.txt`, BROKEN);
      if (IS_ROOT) fs.chownSync(file, 1234, 5678);
      fs.chmodSync(file, mode); // after chown, which clears the set-group-id bit
      assert.equal(cli(['fix', path.basename(file)], dir).code, 0);
      const st = fs.statSync(file);
      assert.equal(st.mode & 0o7777, mode, mode.toString(8));
      if (IS_ROOT) assert.deepEqual([st.uid, st.gid], [1234, 5678]);
      assert.equal(fs.readFileSync(file, 'utf8'), FIXED);
    }
  });

  test('a read-only file is refused, with the same refusal from --stdout and --dry-run', () => {
    const dir = tempDir();
    const file = write(dir, 'r.txt', BROKEN, 0o444);
    const results = [[], ['--stdout'], ['--dry-run']].map((opts) => cli(['fix', ...opts, 'r.txt'], dir));
    for (const r of results) {
      assert.equal(r.code, 2);
      assert.match(r.err, /r\.txt 是只读文件，未修正/);
      assert.equal(r.text, '', 'nothing printed for a refused file');
    }
    assert.match(cli(['fix', '--locale', 'en', 'r.txt'], dir).err, /r\.txt is read-only; not fixed/);
    assert.equal(fs.readFileSync(file, 'utf8'), BROKEN);
    assert.equal(fs.statSync(file).mode & 0o777, 0o444);
  });

  const encodings: [string, (t: string) => Buffer][] = [
    ['GB18030', (t) => iconv.encode(t, 'gb18030')],
    ['UTF-16LE with BOM', (t) => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(t, 'utf-16le')])],
    ['UTF-16BE with BOM', (t) => Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(t, 'utf-16be')])],
    ['UTF-8 with BOM and CRLF', (t) => Buffer.from(`\uFEFF${t.replace(/\n/g, '\r\n')}`, 'utf8')],
  ];
  for (const [name, encode] of encodings) {
    test(`${name}: written back in its own encoding; --stdout prints the same bytes`, () => {
      const dir = tempDir();
      const file = write(dir, 'r.txt', encode(BROKEN));
      const expected = encode(FIXED);
      const stdout = cli(['fix', '--stdout', 'r.txt'], dir);
      assert.equal(stdout.code, 0, stdout.err);
      assert.ok(stdout.out.equals(expected), 'fix --stdout gives the bytes fix writes');
      const dry = cli(['fix', '--dry-run', 'r.txt'], dir);
      assert.equal(dry.code, 1);
      assert.match(dry.text, /requests\.granted\.total 70 → 69/);
      assert.equal(cli(['fix', 'r.txt'], dir).code, 0);
      assert.ok(fs.readFileSync(file).equals(expected));
    });
  }

  test('a UTF-8 file with an invalid byte is checked but not rewritten (the byte would be lost)', () => {
    const dir = tempDir();
    const bytes = Buffer.from(BROKEN, 'utf8');
    const damaged = Buffer.concat([bytes.subarray(0, 40), Buffer.from([0xff]), bytes.subarray(40)]);
    const file = write(dir, 'r.txt', damaged);
    for (const opts of [[], ['--stdout'], ['--dry-run']]) {
      const r = cli(['fix', ...opts, 'r.txt'], dir);
      assert.equal(r.code, 2, opts.join());
      assert.match(r.err, /无法原样写回/);
    }
    assert.ok(fs.readFileSync(file).equals(damaged));
  });

  test('leftover temporary files of dead runs are removed; a live run\'s are kept', () => {
    const dir = tempDir();
    write(dir, 'r.txt', BROKEN);
    const dead = write(dir, '.r.txt.999999999-abc.gar.tmp', 'half');
    const alive = write(dir, `.r.txt.${process.pid}-abc.gar.tmp`, 'in progress');
    const stranger = write(dir, '.notes.123.tmp', 'not ours');
    assert.equal(cli(['fix', 'r.txt'], dir).code, 0);
    assert.ok(!fs.existsSync(dead));
    assert.ok(fs.existsSync(alive));
    assert.ok(fs.existsSync(stranger));
    assert.deepEqual(fs.readdirSync(dir).filter((n) => n.endsWith('.gar.tmp')), [path.basename(alive)], 'the run left none of its own');
  });
});

describe('files that are not files', () => {
  test('a folder of symlinked reports is checked; a folder loop is reported as a loop', () => {
    const dir = tempDir();
    const store = tempDir();
    write(store, 'a.txt', BROKEN);
    fs.mkdirSync(path.join(dir, 'reports'));
    fs.symlinkSync(path.join(store, 'a.txt'), path.join(dir, 'reports', 'a.txt'));
    fs.symlinkSync(store, path.join(dir, 'reports', 'more'));
    fs.symlinkSync('..', path.join(dir, 'reports', 'up'));
    const r = cli(['check', '--locale', 'en', 'reports'], dir);
    assert.match(r.text, /2 files checked: 4 error/);
    assert.match(r.err, /reports\/up\/reports is a symbolic link loop|reports\/up is a symbolic link loop/);
    assert.equal(r.code, 2);
  });

  test('a symlink loop on the command line is a loop, not a missing file', () => {
    const dir = tempDir();
    fs.symlinkSync('b.txt', path.join(dir, 'a.txt'));
    fs.symlinkSync('a.txt', path.join(dir, 'b.txt'));
    const r = cli(['check', '--locale', 'en', 'a.txt'], dir);
    assert.equal(r.code, 2);
    assert.match(r.err, /symbolic link loop/);
    assert.doesNotMatch(r.err, /no such file/);
  });

  test('a FIFO, a device and a socket are refused without being opened', async () => {
    const dir = tempDir();
    const fifo = path.join(dir, 'pipe.txt');
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
    const sock = path.join(dir, 'sock.txt');
    const server = net.createServer().listen(sock);
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      // Run asynchronously: the socket's server must keep answering while the CLI runs.
      const r = await new Promise<{ code: number | null; err: string }>((resolve) => {
        const child = spawn(process.execPath, [CLI, 'check', '--locale', 'en', 'pipe.txt', '/dev/zero', 'sock.txt'], { cwd: dir, env: { ...process.env, LANG: 'C' } });
        let err = '';
        child.stderr.on('data', (d) => (err += d));
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.on('close', (code) => {
          clearTimeout(timer);
          resolve({ code, err });
        });
      });
      assert.equal(r.code, 2);
      assert.match(r.err, /pipe\.txt is not a regular file \(a FIFO\)/);
      assert.match(r.err, /\/dev\/zero is not a regular file \(a device\)/);
      assert.match(r.err, /sock\.txt is not a regular file \(a socket\)/);
    } finally {
      server.close();
    }
  });

  test('a named file over --max-file-size is refused; one found in a folder is skipped', () => {
    const dir = tempDir();
    write(dir, 'big/r.txt', BROKEN);
    const named = cli(['check', '--locale', 'en', '--max-file-size', '1000', 'big/r.txt'], dir);
    assert.equal(named.code, 2);
    assert.match(named.err, /big\/r\.txt is larger than 1000 bytes/);
    const walked = cli(['check', '--locale', 'en', '--max-file-size', '1000', 'big'], dir);
    assert.match(walked.text, /big\/r\.txt: skipped: larger than the size limit/);
    assert.equal(cli(['check', '--max-file-size', 'lots', 'big'], dir).code, 2);
  });
});

describe('one decoder', () => {
  test('a UTF-8 report with a few invalid bytes stays UTF-8: encoding.invalid at each, cells extracted', () => {
    const dir = tempDir();
    const clean = Buffer.from(FIXED, 'utf8');
    // In the prose, after the first full stop (on a heading line the bytes would hide the heading).
    const stop = clean.indexOf(Buffer.from('。')) + 3;
    const damaged = Buffer.concat([clean.subarray(0, stop), Buffer.from([0xc0, 0xff]), clean.subarray(stop)]);
    write(dir, 'r.txt', damaged);
    write(dir, 'clean.txt', clean);
    const json = JSON.parse(cli(['check', '--format', 'json', 'r.txt'], dir).text);
    const invalid = json.files[0].diagnostics.filter((d: { code: string }) => d.code === 'encoding.invalid');
    assert.equal(invalid.length, 2);
    const before = FIXED.slice(0, FIXED.indexOf('。') + 1).split('\n');
    const line = before.length - 1;
    const character = before[line].length;
    assert.deepEqual(invalid.map((d: { range: { start: { line: number; character: number } } }) => d.range.start), [{ line, character }, { line, character: character + 1 }]);
    const others = json.files[0].diagnostics.filter((d: { code: string }) => d.code !== 'encoding.invalid').map((d: { code: string }) => d.code);
    const cleanCodes = JSON.parse(cli(['check', '--format', 'json', 'clean.txt'], dir).text).files[0].diagnostics.map((d: { code: string }) => d.code);
    assert.deepEqual(others, cleanCodes, 'no false errors from the bad bytes');
    const cells = JSON.parse(cli(['extract', 'r.txt'], dir).text).files[0].cells;
    assert.equal(cells['requests.granted.total'], 69);
  });

  test('UTF-16 with a BOM is read, not refused as containing NUL bytes', () => {
    const dir = tempDir();
    write(dir, 'r.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(FIXED, 'utf-16le')]));
    write(dir, 'clean.txt', FIXED);
    const a = JSON.parse(cli(['check', '--format', 'json', 'r.txt'], dir).text).files[0].diagnostics;
    const b = JSON.parse(cli(['check', '--format', 'json', 'clean.txt'], dir).text).files[0].diagnostics;
    assert.deepEqual(a, b);
  });
});

describe('config you can trust', () => {
  const offConfig = JSON.stringify({ rules: { 'sum.rowTotal': 'off' } });

  test('the search stops at the folder holding .git: a config above the project is not used', () => {
    const dir = tempDir();
    write(dir, '.govreportrc.json', offConfig);
    fs.mkdirSync(path.join(dir, 'proj', '.git'), { recursive: true });
    write(dir, 'proj/r.txt', BROKEN);
    const r = cli(['check', path.join(dir, 'proj', 'r.txt')]);
    assert.match(r.text, /sum\.rowTotal/);
  });

  test('the search stops at the folder given on the command line', () => {
    const dir = tempDir();
    write(dir, '.govreportrc.json', offConfig);
    write(dir, 'sub/r.txt', BROKEN);
    assert.match(cli(['check', 'r.txt'], path.join(dir, 'sub')).text, /sum\.rowTotal/);
    assert.doesNotMatch(cli(['check', 'sub/r.txt'], dir).text, /sum\.rowTotal/, 'a config inside the folder given is used');
  });

  test('a config in a folder others can write, or owned by another user, is ignored with a warning', () => {
    const dir = tempDir();
    const shared = path.join(dir, 'shared');
    write(shared, '.govreportrc.json', offConfig);
    write(shared, 'r.txt', BROKEN);
    fs.chmodSync(shared, 0o777);
    const r = cli(['check', '--locale', 'en', 'shared/r.txt'], dir);
    assert.match(r.text, /sum\.rowTotal/);
    assert.match(r.err, /shared\/\.govreportrc\.json: the file or its folder is writable by other users/);
    if (IS_ROOT) {
      fs.chmodSync(shared, 0o755);
      fs.chownSync(path.join(shared, '.govreportrc.json'), 4321, 4321);
      const foreign = cli(['check', '--locale', 'en', 'shared/r.txt'], dir);
      assert.match(foreign.text, /sum\.rowTotal/);
      assert.match(foreign.err, /belongs to another user \(uid 4321\)/);
    }
  });

  test('the config in use is named in text, JSON and SARIF; none named when there is none', () => {
    const dir = tempDir();
    write(dir, 'p/.govreportrc.json', offConfig);
    write(dir, 'p/r.txt', BROKEN);
    const text = cli(['check', '--locale', 'en', 'p'], dir).text;
    assert.match(text, /\nconfig: p\/\.govreportrc\.json\n$/);
    assert.deepEqual(JSON.parse(cli(['check', '--format', 'json', 'p'], dir).text).config, ['p/.govreportrc.json']);
    const sarif = JSON.parse(cli(['check', '--format', 'sarif', 'p'], dir).text);
    assert.deepEqual(sarif.runs[0].invocations[0].properties, { config: ['p/.govreportrc.json'] });
    fs.unlinkSync(path.join(dir, 'p', '.govreportrc.json'));
    assert.doesNotMatch(cli(['check', 'p'], dir).text, /配置文件/);
    assert.equal(JSON.parse(cli(['check', '--format', 'json', 'p'], dir).text).config, undefined);
  });

  test('an error about a config never prints its content (a symlink to a secret)', () => {
    const dir = tempDir();
    write(dir, 'secret', 'TOPSECRET-password-1234');
    fs.symlinkSync(path.join(dir, 'secret'), path.join(dir, '.govreportrc.json'));
    write(dir, 'r.txt', FIXED);
    const r = cli(['check', '--locale', 'en', 'r.txt'], dir);
    assert.match(r.err, /\.govreportrc\.json: not valid JSON\n/);
    assert.doesNotMatch(r.err + r.text, /TOPSECRET|password/);
  });
});

describe('streaming', () => {
  /** run() in the test process, with each write to stdout recorded. */
  function runInProcess(args: string[], cwd: string, progress = false) {
    const out: string[] = [];
    const err: string[] = [];
    const code = run(args, { out: (s) => out.push(typeof s === 'string' ? s : Buffer.from(s).toString()), err: (s) => err.push(s), env: { LANG: 'C' }, cwd, progress });
    return { code, out, err };
  }

  test('text results are written file by file, not at the end', () => {
    const dir = tempDir();
    for (const n of ['a', 'b', 'c']) write(dir, `${n}.txt`, BROKEN);
    const r = runInProcess(['check', '.'], dir);
    assert.equal(r.out.length, 4, 'three files, then the summary');
    assert.match(r.out[0], /^a\.txt:/);
    assert.match(r.out[2], /^c\.txt:/);
  });

  test('a progress line on stderr only when stderr is a terminal', () => {
    const dir = tempDir();
    for (const n of ['a', 'b']) write(dir, `${n}.txt`, BROKEN);
    const tty = runInProcess(['check', '--locale', 'en', '.'], dir, true);
    assert.match(tty.err.join(''), /\r\x1b\[K1\/2 files checked, \d+\/s, about \d+ s left/);
    const piped = runInProcess(['check', '.'], dir, false);
    assert.deepEqual(piped.err, []);
    assert.doesNotMatch(cli(['check', '.'], dir).err, /files checked|已检查 1\/2/);
  });

  test('a report whose previous year comes later in the batch still gets its cross-year findings', () => {
    const dir = tempDir();
    write(dir, 'a.txt', FIXED.replace(/2022/g, '2023')); // 2023 first
    write(dir, 'b.txt', FIXED);
    const forward = JSON.parse(cli(['check', '--format', 'json', 'b.txt', 'a.txt'], dir).text);
    const late = JSON.parse(cli(['check', '--format', 'json', 'a.txt', 'b.txt'], dir).text);
    const carried = (json: { files: { path: string; diagnostics: { code: string }[] }[] }) =>
      json.files.filter((f) => f.path === 'a.txt').flatMap((f) => f.diagnostics).filter((d) => d.code === 'crossYear.carried');
    assert.ok(carried(forward).length > 0);
    assert.deepEqual(carried(late), carried(forward));
    const text = cli(['check', 'a.txt', 'b.txt'], dir).text;
    assert.match(text, /a\.txt:\d+:\d+ warning crossYear\.carried/);
    assert.match(text, /已检查 2 个文件/, 'a file given again for late findings is counted once');
  });

  test('SARIF past 1,000 files streams its results and stays one valid log with every result', () => {
    const dir = tempDir();
    for (let i = 0; i < 1002; i++) write(dir, `r${String(i).padStart(4, '0')}.年报.txt`, '一、总体情况\n');
    const r = cli(['check', '--format', 'sarif', '.'], dir);
    const sarif = JSON.parse(r.text);
    const files = new Set(sarif.runs[0].results.map((x: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => x.locations[0].physicalLocation.artifactLocation.uri));
    assert.equal(files.size, 1002);
    assert.equal(sarif.runs[0].invocations[0].executionSuccessful, true);
    const json = JSON.parse(cli(['check', '--format', 'json', '.'], dir).text);
    assert.equal(json.files.length, 1002);
  });
});
