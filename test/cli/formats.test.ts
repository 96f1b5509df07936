/** The built CLI on Word files, web pages and PDFs: check, extract, convert; fix and .doc refused. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { ROOT } from '../support/fixtures';
import { tempDir } from '../support/temp';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const DIR = path.join('test', 'fixtures', 'formats');
const DOCX = path.join(DIR, 'hongze_2023_broken.docx');
const PDF = path.join(DIR, 'hongze_2023.pdf');
const HTML = path.join(DIR, 'pingtan_2022.html');

function cli(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function cells(args: string[], cwd = ROOT): Record<string, number | null> {
  const r = cli(['extract', ...args], cwd);
  assert.equal(r.code, 0, r.err);
  return (JSON.parse(r.out) as { files: { cells: Record<string, number | null> }[] }).files[0].cells;
}

/** A valid PDF of one page with nothing on it: what a scan looks like to a text reader. */
function emptyPdf(): Buffer {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>'];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

describe('cli on Word, web pages and PDF', () => {
  test('check: findings located by table, row and column (and page in a PDF)', () => {
    const docx = cli(['check', DOCX]);
    assert.equal(docx.code, 1);
    assert.match(docx.out, /^test\/fixtures\/formats\/hongze_2023_broken\.docx:表三 （一）予以公开 × 总计 error sum\.rowTotal 总计应为 0/m);
    const pdf = cli(['check', '--locale', 'en', PDF]);
    assert.match(pdf.out, /^test\/fixtures\/formats\/hongze_2023\.pdf:page 4 table 四 administrative reconsideration × total error sum\.reviewTotal /m);
    assert.match(pdf.out, /1 file checked: 3 error\(s\)/);
  });

  test('check: JSON, SARIF and CSV carry the source location', () => {
    const json = JSON.parse(cli(['check', '--format', 'json', DOCX]).out) as { files: { diagnostics: { code: string; source?: Record<string, unknown> }[] }[] };
    const row = json.files[0].diagnostics.find((d) => d.code === 'sum.rowTotal');
    assert.deepEqual(row?.source, { table: '三', row: '（一）予以公开', column: '总计' });
    const sarif = JSON.parse(cli(['check', '--format', 'sarif', PDF]).out);
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'sum.reviewTotal');
    assert.equal(result.locations[0].physicalLocation.region, undefined, 'no line and column in a PDF');
    assert.equal(result.locations[0].message.text, '第4页 表四 行政复议 × 总计');
    assert.equal(result.properties.source.page, 4);
    const csv = cli(['check', '--format', 'csv', DOCX]).out.split('\n');
    assert.ok(csv[0].endsWith(',location'));
    assert.ok(csv.some((l) => l.includes('sum.rowTotal') && l.endsWith(',表三 （一）予以公开 × 总计')));
  });

  test('extract reads every cell of a Word file and a web page', () => {
    for (const file of [DOCX, HTML]) {
      const truth = JSON.parse(fs.readFileSync(path.join(ROOT, `${file}.cells.json`), 'utf8')).cells;
      assert.deepEqual(cells([file]), truth, file);
    }
  });

  test('convert prints a Markdown report; -o writes it; its cells read back the same', () => {
    const dir = tempDir();
    for (const file of [DOCX, PDF, HTML]) {
      const printed = cli(['convert', file]);
      assert.equal(printed.code, 0, printed.err);
      assert.match(printed.out, /^\| 一、本年新收政府信息公开申请数量 \| /m);
      const out = path.join(dir, `${path.basename(file)}.年报.md`);
      const written = cli(['convert', file, '-o', out]);
      assert.equal(written.code, 0, written.err);
      assert.equal(fs.readFileSync(out, 'utf8'), printed.out);
      assert.deepEqual(cells([out]), cells([file]), file);
      // convert of the Markdown report gives it back as it is
      assert.equal(cli(['convert', out]).out, printed.out);
    }
    // -o a folder: <name>.年报.md in it
    assert.equal(cli(['convert', DOCX, '--output', dir]).code, 0);
    assert.ok(fs.existsSync(path.join(dir, 'hongze_2023_broken.年报.md')));
  });

  test('a folder is checked with its Word files, web pages and PDFs', () => {
    const r = cli(['check', '--format', 'json', DIR]);
    const paths = (JSON.parse(r.out) as { files: { path: string }[] }).files.map((f) => path.basename(f.path));
    for (const f of ['hongze_2023.docx', 'hongze_2024.pdf', 'pingtan_2022.html']) assert.ok(paths.includes(f), f);
  });

  test('fix refuses them; .doc and .wps are told to be saved as .docx; a broken file is an I/O error', () => {
    const fix = cli(['fix', DOCX]);
    assert.equal(fix.code, 2);
    assert.match(fix.err, /不是文本年报.*请先用 convert 转换为 \.年报\.md/);
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
    fs.writeFileSync(path.join(dir, 'b.docx'), 'not a zip');
    fs.writeFileSync(path.join(dir, 'c.pdf'), 'not a pdf');
    const doc = cli(['check', 'a.doc'], dir);
    assert.equal(doc.code, 2);
    assert.match(doc.err, /请另存为 \.docx/);
    assert.match(cli(['convert', '--locale', 'en', 'a.doc'], dir).err, /save it as \.docx/);
    for (const bad of ['b.docx', 'c.pdf']) {
      const r = cli(['check', bad], dir);
      assert.equal(r.code, 2, bad);
      assert.match(r.err, /无法读取 .*（不是有效的 (docx|pdf) 文件/, bad);
      assert.doesNotMatch(r.err, /\n\s+at /, 'no stack trace');
    }
  });

  test('a PDF without text (scanned pages) is told so', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'scan.pdf'), emptyPdf());
    const r = cli(['check', 'scan.pdf'], dir);
    assert.equal(r.code, 2);
    assert.match(r.err, /没有文字层（可能是扫描件）/);
  });

  test('convert takes one file', () => {
    const r = cli(['convert', DOCX, PDF]);
    assert.equal(r.code, 2);
    assert.match(r.err, /convert 只能用于一个文件/);
  });
});
