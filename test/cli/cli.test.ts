/** The built CLI (dist/cli.js), spawned as a user would run it. */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { ROOT, SEED_DIR, readSeed, brokenSeed } from '../support/fixtures';
import { tempDir } from '../support/temp';

const CLI = path.join(ROOT, 'dist', 'cli.js');

function cli(args: string[], cwd = ROOT, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C', ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}


describe('cli check', () => {
  test('text output with 1-based positions and a summary; exit 1 on errors', () => {
    const r = cli(['check', 'test/fixtures/seeds']);
    assert.equal(r.code, 1); // seed 001 lacks two parts
    assert.match(r.out, /^test\/fixtures\/seeds\/000_dc17b29f247dd138\.txt:8:1 warning heading\.numbering 序号应为“一、”，实为“1、”$/m);
    assert.match(r.out, /已检查 5 个文件：错误 2 个/);
  });

  test('exit 0 when no errors, English with --locale en', () => {
    const r = cli(['check', '--locale', 'en', path.join(SEED_DIR, '004_594938079f36f576.txt')]);
    assert.equal(r.code, 0);
    assert.match(r.out, /1 file checked: 0 error\(s\)/);
  });

  test('--quiet reports errors only; --max-warnings N fails the run above N warnings', () => {
    const quiet = cli(['check', '-q', 'test/fixtures/seeds']);
    assert.equal(quiet.code, 1);
    const lines = quiet.out.trim().split('\n');
    assert.deepEqual(lines.slice(0, -1).map((l) => l.split(' ')[1]), ['error', 'error'], 'the two section.missing of seed 001');
    assert.match(lines[lines.length - 1], /错误 2 个，警告 0 个，提示 0 个/);
    const seed000 = path.join(SEED_DIR, '000_dc17b29f247dd138.txt'); // no errors, two heading.numbering warnings
    const over = cli(['check', '--max-warnings', '1', seed000]);
    assert.equal(over.code, 1);
    assert.equal(over.err, '警告 2 个，超过 --max-warnings 1\n');
    assert.deepEqual([cli(['check', '--max-warnings', '2', seed000]).code, cli(['check', '--max-warnings=0', '-q', seed000]).code], [0, 0]);
    // JSON keeps its shape; --quiet only drops the non-errors.
    const json = JSON.parse(cli(['check', '-q', '--format', 'json', seed000]).out);
    assert.deepEqual(json.files[0].diagnostics, []);
  });

  test('json: exactly one object with files, year, template and LSP ranges', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'r.txt'), brokenSeed());
    const r = cli(['check', '--format', 'json', 'r.txt'], dir);
    assert.equal(r.code, 1);
    const json = JSON.parse(r.out);
    assert.deepEqual(Object.keys(json), ['files', 'skipped']);
    assert.deepEqual(json.skipped, []);
    const [file] = json.files;
    assert.equal(file.path, 'r.txt');
    assert.equal(file.year, 2022);
    assert.equal(file.template, '2021');
    const d = file.diagnostics.find((x: { code: string }) => x.code === 'sum.rowTotal');
    assert.deepEqual(d, {
      code: 'sum.rowTotal',
      severity: 'error',
      message: '总计应为 69（69+0+0+0+0+0），实为 70',
      cell: 'requests.granted.total',
      range: d.range,
    });
    const line = brokenSeed().split('\n')[d.range.start.line];
    assert.equal(line.slice(d.range.start.character, d.range.end.character), '70');
  });

  test('sarif 2.1.0 with rules, levels and relative URIs', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'sub', 'r.txt'), brokenSeed());
    const r = cli(['check', '--format', 'sarif', '.'], dir);
    const sarif = JSON.parse(r.out);
    assert.equal(sarif.version, '2.1.0');
    const run = sarif.runs[0];
    assert.ok(run.tool.driver.rules.some((x: { id: string }) => x.id === 'sum.rowTotal'));
    const res = run.results.find((x: { ruleId: string }) => x.ruleId === 'sum.rowTotal');
    assert.equal(res.level, 'error');
    assert.equal(run.tool.driver.rules[res.ruleIndex].id, 'sum.rowTotal');
    assert.equal(res.locations[0].physicalLocation.artifactLocation.uri, 'sub/r.txt');
    assert.ok(res.locations[0].physicalLocation.region.startLine >= 1);
    assert.ok(res.locations[0].physicalLocation.region.startColumn >= 1);
  });

  test('--format csv: one row per finding, the same findings as JSON, fields quoted where needed', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, '天桥区,2022.txt'), brokenSeed()); // a comma in the name must be quoted
    fs.writeFileSync(path.join(dir, 'b.txt'), readSeed('001'));
    const csv = cli(['check', '--format', 'csv', '.'], dir);
    assert.equal(csv.code, 1);
    const rows = parseCsv(csv.out);
    assert.deepEqual(rows[0], ['path', 'year', 'template', 'line', 'column', 'severity', 'code', 'cell', 'message', 'location']);
    const json = JSON.parse(cli(['check', '--format', 'json', '.'], dir).out) as {
      files: { path: string; year: number; template: string; diagnostics: { code: string; severity: string; message: string; cell?: string; range: { start: { line: number; character: number } } }[] }[];
    };
    const expected = json.files.flatMap((f) => f.diagnostics.map((d) => [
      f.path, String(f.year), f.template, String(d.range.start.line + 1), String(d.range.start.character + 1), d.severity, d.code, d.cell ?? '', d.message, '',
    ]));
    assert.ok(expected.length > 10);
    assert.deepEqual(rows.slice(1), expected);
    assert.ok(csv.out.includes('"天桥区,2022.txt",2022,2021,'), 'the path with a comma is quoted');
  });

  test('usage and I/O errors exit 2 with a clear message', () => {
    const missing = cli(['check', 'no/such/file.txt']);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /找不到文件或文件夹：.*no\/such\/file\.txt/);
    assert.match(cli(['check', '--locale', 'en', 'no/such/file.txt']).err, /no such file or folder: .*no\/such\/file\.txt/);
    assert.doesNotMatch(missing.err, /\n\s+at /); // no stack trace
    assert.equal(cli(['frobnicate', 'x']).code, 2);
    assert.equal(cli(['check']).code, 2);
    assert.equal(cli(['check', '--format', 'xml', 'x']).code, 2);
    assert.equal(cli(['check', '--bogus', 'x']).code, 2);
    assert.equal(cli(['--help']).code, 0);
  });

  test('usage mistakes are told in the user\'s language, then the usage text', () => {
    const cases: [string[], RegExp, RegExp][] = [
      [['frobnicate', 'x'], /未知命令 "frobnicate"（可用：check、fix、extract、convert）/, /unknown command "frobnicate" \(known: check, fix, extract, convert\)/],
      [['check'], /未指定文件或文件夹/, /no PATH given/],
      [[], /缺少命令/, /missing command/],
      [['check', '--format', 'xml', 'x'], /--format 应为 text、json、sarif、csv、html、xlsx 之一，实为 "xml"/, /--format must be one of text, json, sarif, csv, html, xlsx, not "xml"/],
      [['extract', '--format', 'sarif', 'x'], /--format 应为 json、csv 之一/, /--format must be one of json, csv/],
      [['check', '--bogus', 'x'], /未知选项 --bogus/, /unknown option --bogus/],
      [['check', 'x', '--format'], /选项 --format 缺少取值/, /option --format needs a value/],
      [['fix', '--stdout=yes', 'x'], /选项 --stdout 不带取值/, /option --stdout takes no value/],
      [['check', '--stdout', 'x'], /--stdout 只用于 fix/, /--stdout is for fix only/],
      [['check', '--dry-run', 'x'], /--dry-run 只用于 fix/, /--dry-run is for fix only/],
      [['fix', '--quiet', 'x'], /--quiet 只用于 check/, /--quiet is for check only/],
      [['check', '--max-warnings', '-1', 'x'], /--max-warnings 应为非负整数，实为 "-1"/, /--max-warnings must be a whole number ≥ 0, not "-1"/],
      [['fix', '--dry-run', '--stdout', 'x'], /--dry-run 与 --stdout 不能同时使用/, /--dry-run and --stdout cannot be combined/],
      [['check', '--template', '2020', 'x'], /--template 应为 auto、2019、2021 之一/, /--template must be one of auto, 2019, 2021/],
    ];
    for (const [args, zh, en] of cases) {
      const inChinese = cli(args);
      assert.equal(inChinese.code, 2, args.join(' '));
      assert.match(inChinese.err, zh);
      assert.match(inChinese.err, /\n\n用法：gov-annual-report <命令>/);
      const inEnglish = cli(['--locale', 'en', ...args]);
      assert.equal(inEnglish.code, 2, args.join(' '));
      assert.match(inEnglish.err, en);
      assert.match(inEnglish.err, /\n\nUsage: gov-annual-report <command>/);
    }
    // A wrong --locale is told in the environment's language.
    assert.match(cli(['check', '--locale', 'fr', 'x']).err, /--locale 应为 zh-cn、en 之一，实为 "fr"/);
    assert.match(cli(['--help']).out, /^用法：/);
    assert.match(cli(['--help', '--locale', 'en']).out, /^Usage:/);
  });

  test('a folder walk skips files that are not reports and says so; named files are always checked', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'docs'));
    fs.writeFileSync(path.join(dir, 'r.txt'), readSeed('004'));
    fs.writeFileSync(path.join(dir, 'README.md'), '# 年报归档\n\n各部门报告按年份存放。\n');
    fs.writeFileSync(path.join(dir, 'docs', 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    fs.writeFileSync(path.join(dir, 'draft.年报.txt'), '一、总体情况\n草稿\n'); // a report by its name

    const text = cli(['check', '.'], dir);
    assert.equal(text.code, 1, text.out); // the draft lacks five parts
    assert.match(text.out, /^README\.md: 已跳过: 不像政府信息公开工作年度报告/m);
    assert.match(text.out, /^docs\/image\.txt: 已跳过: 二进制文件/m);
    assert.match(text.out, /已检查 2 个文件（跳过 2 个）/);
    assert.doesNotMatch(text.out, /^README\.md:\d/m, 'no findings for a skipped file');

    const json = JSON.parse(cli(['check', '--format', 'json', '.'], dir).out);
    assert.deepEqual(json.files.map((f: { path: string }) => f.path), ['draft.年报.txt', 'r.txt']);
    assert.deepEqual(json.skipped, [{ path: 'README.md', reason: 'notReport' }, { path: path.join('docs', 'image.txt'), reason: 'binary' }]);

    const sarif = JSON.parse(cli(['check', '--format', 'sarif', '--locale', 'en', '.'], dir).out);
    assert.equal(sarif.runs[0].invocations[0].executionSuccessful, true);
    const notes = sarif.runs[0].invocations[0].toolExecutionNotifications;
    assert.deepEqual(notes.map((n: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => n.locations[0].physicalLocation.artifactLocation.uri), ['README.md', 'docs/image.txt']);
    assert.match(notes[0].message.text, /does not look like an annual report/);
    assert.ok(!sarif.runs[0].results.some((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0].physicalLocation.artifactLocation.uri === 'README.md'));

    // Named: the README is checked (and fails: no part of the report is there); the binary file is refused.
    const named = cli(['check', '--format', 'json', 'README.md'], dir);
    assert.equal(named.code, 1);
    assert.ok(JSON.parse(named.out).files[0].diagnostics.some((d: { code: string }) => d.code === 'section.missing'));
    const binary = cli(['check', 'docs/image.txt', 'r.txt'], dir);
    assert.equal(binary.code, 2);
    assert.match(binary.err, /image\.txt 不是文本文件（含 NUL 字节），未检查/);
    assert.match(cli(['check', '--locale', 'en', 'docs/image.txt'], dir).err, /image\.txt is not a text file \(it contains NUL bytes\); not checked/);
    assert.match(binary.out, /已检查 1 个文件/, 'the other file is still checked');
    // SARIF says the run failed, and why, beside the results it has.
    const failed = JSON.parse(cli(['check', '--format', 'sarif', 'docs/image.txt', 'no-such.txt', 'r.txt'], dir).out).runs[0];
    assert.equal(failed.invocations[0].executionSuccessful, false);
    assert.deepEqual(failed.invocations[0].toolExecutionNotifications.map((n: { level: string }) => n.level), ['error', 'error']);
    assert.match(failed.invocations[0].toolExecutionNotifications[0].message.text, /找不到文件或文件夹：.*no-such\.txt/);
    assert.match(failed.invocations[0].toolExecutionNotifications[1].message.text, /image\.txt 不是文本文件/);
    assert.ok(failed.results.length > 0);
    // fix and extract skip the same files, noting them on stderr.
    const extract = cli(['extract', '--format', 'json', '.'], dir);
    assert.equal(extract.code, 0);
    assert.deepEqual(JSON.parse(extract.out).files.map((f: { path: string }) => f.path), ['draft.年报.txt', 'r.txt']);
    assert.match(extract.err, /README\.md: 已跳过/);
  });

  test('.govreportrc.json in an ancestor folder turns rules off and changes severities', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'a'));
    fs.writeFileSync(path.join(dir, '.govreportrc.json'), JSON.stringify({ rules: { 'sum.rowTotal': 'off', 'heading.numbering': 'error' } }));
    fs.writeFileSync(path.join(dir, 'a', 'r.txt'), brokenSeed());
    const json = JSON.parse(cli(['check', '--format', 'json', 'a/r.txt'], dir).out);
    const codes = json.files[0].diagnostics.map((d: { code: string; severity: string }) => `${d.code}:${d.severity}`);
    assert.ok(!codes.some((c: string) => c.startsWith('sum.rowTotal')));
    assert.ok(codes.includes('heading.numbering:error'));
  });

  test('GB18030-encoded reports are read', () => {
    const dir = tempDir();
    const text = '测试单位2022年政府信息公开工作年度报告\n一、总体情况\n';
    // The same text encoded in GB18030 (Node can decode it but not encode it).
    const bytes = Buffer.from('b2e2cad4b5a5cebb32303232c4ead5feb8aed0c5cfa2b9abbfaab9a4d7f7c4eab6c8b1a8b8e60ad2bba1a2d7dccce5c7e9bff60a', 'hex');
    assert.equal(new TextDecoder('gb18030').decode(bytes), text);
    fs.writeFileSync(path.join(dir, 'gbk.txt'), bytes);
    const json = JSON.parse(cli(['check', '--format', 'json', 'gbk.txt'], dir).out);
    assert.equal(json.files[0].year, 2022);
  });

  test('output cut short by the reader (check … | head): a quiet exit, no stack trace', async () => {
    const dir = tempDir();
    const seeds = fs.readdirSync(SEED_DIR);
    // Output (~1 MB of SARIF) well beyond what the pipe's buffers hold: the write after the reader left fails with EPIPE.
    for (let i = 0; i < 300; i++) fs.copyFileSync(path.join(SEED_DIR, seeds[i % seeds.length]), path.join(dir, `r${i}.txt`));
    const child = spawn(process.execPath, [CLI, 'check', '--format', 'sarif', dir], { env: { ...process.env, LANG: 'C' } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.on('exit', resolve));
    assert.equal(stderr, '');
    assert.notEqual(code, 2);
  });
});

describe('cli --version', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };

  test('prints the package.json version and the template versions, in the user\'s language; exit 0', () => {
    assert.match(pkg.version, /^\d+\.\d+\.\d+/);
    const zh = cli(['--version']);
    assert.deepEqual([zh.code, zh.out, zh.err], [0, `gov-annual-report ${pkg.version}\n模板版本：2019、2021\n`, '']);
    const en = cli(['-v'], ROOT, { LANG: 'en_US.UTF-8' });
    assert.deepEqual([en.code, en.out], [0, `gov-annual-report ${pkg.version}\ntemplate versions: 2019, 2021\n`]);
    assert.equal(cli(['check', '--version', '--locale', 'en']).out, en.out, 'wins over a command, like --help');
  });

  test('SARIF names the same version as the tool\'s', () => {
    const sarif = JSON.parse(cli(['check', '--format', 'sarif', path.join(SEED_DIR, '004_594938079f36f576.txt')]).out);
    assert.equal(sarif.runs[0].tool.driver.version, pkg.version);
  });
});

describe('cli check across years', () => {
  test('last year’s report among the files: crossYear.carried, in position order; another agency never pairs', () => {
    const dir = tempDir();
    const y2022 = readSeed('000');
    fs.writeFileSync(path.join(dir, 'a2022.txt'), y2022);
    fs.writeFileSync(path.join(dir, 'b2023.txt'), y2022.replace(/2022/g, '2023'));
    const r = cli(['check', '--format', 'json', dir]);
    const files = JSON.parse(r.out).files as { path: string; diagnostics: { code: string; range: { start: { line: number; character: number } } }[] }[];
    const cur = files.find((f) => f.path.endsWith('b2023.txt'))!;
    const cross = cur.diagnostics.filter((d) => d.code === 'crossYear.carried');
    // Seed 000 carries 22 requests in (natural persons and total) but 12 out.
    assert.equal(cross.length, 2);
    const starts = cur.diagnostics.map((d) => d.range.start.line * 1e6 + d.range.start.character);
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
    assert.ok(!files.find((f) => f.path.endsWith('a2022.txt'))!.diagnostics.some((d) => d.code.startsWith('crossYear.')));

    fs.writeFileSync(path.join(dir, 'b2023.txt'), y2022.replace(/2022/g, '2023').replace('济南市天桥区人民政府2023年', '济南市历下区人民政府2023年'));
    const other = JSON.parse(cli(['check', '--format', 'json', dir]).out).files as typeof files;
    assert.ok(!other.some((f) => f.diagnostics.some((d) => d.code.startsWith('crossYear.'))));
  });
});

describe('cli fix', () => {
  test('--stdout prints the recomputed text; only the total changes', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'r.txt'), brokenSeed());
    const r = cli(['fix', '--stdout', 'r.txt'], dir);
    assert.equal(r.code, 0);
    assert.equal(r.out, readSeed('000'));
  });

  test('in place: writes atomically, only when something changes, idempotent', () => {
    const dir = tempDir();
    const file = path.join(dir, 'r.txt');
    fs.writeFileSync(file, brokenSeed());
    fs.writeFileSync(path.join(dir, 'ok.txt'), readSeed('000'));
    const before = fs.statSync(path.join(dir, 'ok.txt')).mtimeMs;
    const r = cli(['fix', '.'], dir);
    assert.equal(r.code, 0);
    assert.match(r.err, /已修正 r\.txt：1 个单元格/);
    assert.equal(fs.readFileSync(file, 'utf8'), readSeed('000'));
    assert.equal(fs.statSync(path.join(dir, 'ok.txt')).mtimeMs, before, 'unchanged file not rewritten');
    assert.deepEqual(fs.readdirSync(dir).sort(), ['ok.txt', 'r.txt'], 'no temporary file left');
    const again = cli(['fix', '.'], dir);
    assert.equal(again.err, '');
    assert.equal(fs.readFileSync(file, 'utf8'), readSeed('000'));
  });

  test('--dry-run lists the cells fix would change, writes nothing, exits 1; 0 when all is recomputed', () => {
    const dir = tempDir();
    const file = path.join(dir, 'r.txt');
    fs.writeFileSync(file, brokenSeed());
    fs.writeFileSync(path.join(dir, 'ok.txt'), readSeed('000'));
    const r = cli(['fix', '--dry-run', '.'], dir);
    assert.equal(r.code, 1);
    // The row total set to 70 goes back to 69; the column total (七)总计 was never changed, so it stays.
    const line = brokenSeed().split('\n').indexOf('\t70') + 1;
    assert.equal(r.out, `r.txt:${line}:2 requests.granted.total 70 → 69\n`);
    assert.match(r.err, /将修正 1 个文件中的 1 个单元格（未改写文件）/);
    assert.equal(fs.readFileSync(file, 'utf8'), brokenSeed(), 'nothing written');
    // What it lists is what fix then does.
    cli(['fix', '.'], dir);
    const after = cli(['fix', '--dry-run', '--locale', 'en', '.'], dir);
    assert.deepEqual([after.code, after.out, after.err], [0, '', 'all totals up to date; nothing to change\n']);
  });

  test('keeps a UTF-8 BOM and CRLF line ends', () => {
    const dir = tempDir();
    const file = path.join(dir, 'r.txt');
    fs.writeFileSync(file, '\uFEFF' + brokenSeed().replace(/\n/g, '\r\n'));
    cli(['fix', 'r.txt'], dir);
    assert.equal(fs.readFileSync(file, 'utf8'), '\uFEFF' + readSeed('000').replace(/\n/g, '\r\n'));
  });
});

describe('cli extract', () => {
  test('json: every mapped cell by canonical key, numbers, null for blank', () => {
    const r = cli(['extract', path.join(SEED_DIR, '000_dc17b29f247dd138.txt'), path.join(SEED_DIR, '004_594938079f36f576.txt')]);
    assert.equal(r.code, 0);
    const json = JSON.parse(r.out);
    assert.equal(json.files.length, 2);
    assert.equal(json.files[0].cells['requests.new.total'], 323);
    assert.equal(json.files[1].cells['active.fees.amount'], 3027.6557);
    assert.equal(Object.keys(json.files[0].cells).length, 200);
  });

  test('csv: one row per file and cell', () => {
    const r = cli(['extract', '--format', 'csv', path.join(SEED_DIR, '003_2907b5d9cfef7e5d.txt')]);
    const rows = r.out.trim().split('\n');
    assert.equal(rows[0], 'path,year,template,cell,value');
    assert.equal(rows.length, 201);
    assert.ok(rows.includes('test/fixtures/seeds/003_2907b5d9cfef7e5d.txt,2022,2021,requests.granted.natural,42'));
  });
});

/** RFC 4180 rows (quoted fields with doubled quotes and line breaks inside). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else field += c;
  }
  return rows;
}
