/** `check --format html|xlsx` of the built CLI: the reviewer's page and workbook. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { ROOT, SEED_DIR, readSeed } from '../support/fixtures';
import { tempDir } from '../support/temp';

const CLI = path.join(ROOT, 'dist', 'cli.js');

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, LANG: 'C' } });
  return { code: r.status, out: r.stdout, err: r.stderr.toString('utf8') };
}

/** A folder with the five seeds, seed 000 with its （一）予以公开 总计 broken (69 → 70). */
function workspace(): string {
  const dir = tempDir();
  for (const f of fs.readdirSync(SEED_DIR)) fs.copyFileSync(path.join(SEED_DIR, f), path.join(dir, f));
  const text = readSeed('000');
  const at = text.indexOf('\t（一）予以公开\n');
  const lines = text.slice(at).split('\n');
  lines[7] = '\t70';
  fs.writeFileSync(path.join(dir, 'broken.txt'), text.slice(0, at) + lines.join('\n'));
  return dir;
}

describe('check --format html', () => {
  const dir = workspace();
  const r = cli(['check', '--format', 'html', '.'], dir);
  const html = r.out.toString('utf8');

  test('one page: a table of the reports worst first, two charts, the findings by rule', () => {
    assert.equal(r.code, 1, r.err);
    assert.match(html, /^<!DOCTYPE html>\n<html lang="zh-CN">/);
    assert.ok(html.trimEnd().endsWith('</html>'));
    const sections = [...html.matchAll(/<section id="([^"]+)">/g)].map((m) => m[1]);
    assert.deepEqual(sections, ['reports', 'charts', 'findings']);
    const reportRows = [...html.slice(html.indexOf('<table class="reports">'), html.indexOf('</table>')).matchAll(/<tr class="(\w+)"><td>([^<]*)<\/td><td>(\d*)<\/td><td>(\d+)<\/td><td class="n">(\d+)<\/td><td class="n">(\d+)<\/td>/g)];
    assert.equal(reportRows.length, 6, 'six reports');
    const counts = reportRows.map((m) => [Number(m[5]), Number(m[6])]);
    assert.deepEqual(counts, [...counts].sort((a, b) => b[0] - a[0] || b[1] - a[1]), 'worst first: errors, then warnings');
    assert.deepEqual(reportRows.map((m) => m[1]).slice(0, 2), ['bad', 'bad'], 'seed 001 and the broken seed 000 have errors');
    assert.deepEqual(reportRows.map((m) => m[2]).slice(0, 2), ['槐荫区人民政府', '济南市天桥区人民政府']);
    assert.ok(reportRows.slice(2).every((m) => m[1] !== 'bad'));
    assert.match(html, /<canvas id="rule-chart">/);
    assert.match(html, /<canvas id="outcome-chart">/);
    const rules = [...html.matchAll(/<summary><code>([\w.]+)<\/code>/g)].map((m) => m[1]);
    assert.ok(rules.includes('sum.rowTotal') && rules.includes('section.missing') && rules.includes('heading.numbering'), rules.join());
    assert.equal(new Set(rules).size, rules.length, 'each rule once');
  });

  test('the chart data: findings per rule and table 三 outcomes per report', () => {
    const data = JSON.parse(/var data = (\{.*\});/.exec(html)![1]);
    const rowTotal = data.ruleChart.labels.indexOf('sum.rowTotal');
    assert.ok(rowTotal >= 0);
    assert.equal(data.ruleChart.datasets[0].label, '错误');
    assert.ok(data.ruleChart.datasets[0].data[rowTotal] >= 1);
    assert.deepEqual(data.outcomeChart.datasets.map((d: { label: string }) => d.label),
      ['（一）予以公开', '（二）部分公开', '（三）不予公开', '（四）无法提供', '（五）不予处理', '（六）其他处理']);
    // Seed 000 (天桥区 2022): 予以公开 69 (70 in the broken copy), 部分公开 35, per its table 三.
    const i = data.outcomeChart.labels.findIndex((l: string) => l.startsWith('济南市天桥区人民政府 2022') && !l.includes('broken'));
    assert.ok(i >= 0, data.outcomeChart.labels.join());
    assert.equal(data.outcomeChart.datasets[0].data[i], 69);
    assert.equal(data.outcomeChart.datasets[1].data[i], 35);
  });

  test('self-contained: nothing to load, Chart.js inlined', () => {
    assert.doesNotMatch(html, /<(script|img|link|iframe)\b[^>]*\b(src|href)=/i, 'no external resource');
    assert.doesNotMatch(html, /\b(src|href)\s*=\s*["']?\s*(https?:)?\/\//i, 'no URL to load');
    assert.doesNotMatch(html, /url\(\s*["']?(https?:)?\/\//i, 'no CSS url()');
    assert.doesNotMatch(html, /@import/i);
    assert.match(html, /Chart\.js v4\.\d+\.\d+/, 'the library (with its licence header) is in the page');
  });

  test('-o writes the page to a file; English with --locale en', () => {
    const w = cli(['check', '--format', 'html', '--locale', 'en', '-o', 'out/report.html', 'broken.txt'], dir);
    assert.equal(w.code, 2, 'the folder out/ does not exist: an I/O error');
    assert.match(w.err, /cannot write out\/report\.html/);
    const ok = cli(['check', '--format', 'html', '--locale', 'en', '--output', 'report.html', 'broken.txt'], dir);
    assert.equal(ok.code, 1);
    assert.equal(ok.out.length, 0);
    const page = fs.readFileSync(path.join(dir, 'report.html'), 'utf8');
    assert.match(page, /<html lang="en">/);
    assert.match(page, /<h2>Findings by rule<\/h2>/);
  });

  test('--output is refused with the other formats', () => {
    const w = cli(['check', '--format', 'json', '-o', 'x.json', '.'], dir);
    assert.equal(w.code, 2);
    assert.match(w.err, /--output 只用于 convert, check --format html\|xlsx/);
  });
});

describe('check --format xlsx', () => {
  const dir = workspace();

  test('to a piped stdout and to -o: the same workbook, a row per report and per finding', async () => {
    const piped = cli(['check', '--format', 'xlsx', '.'], dir);
    assert.equal(piped.code, 1, piped.err);
    assert.deepEqual([...piped.out.subarray(0, 2)], [0x50, 0x4b], 'a zip (xlsx) file');
    const written = cli(['check', '--format', 'xlsx', '-o', 'summary.xlsx', '.'], dir);
    assert.equal(written.code, 1);
    const fromFile = fs.readFileSync(path.join(dir, 'summary.xlsx'));

    for (const bytes of [piped.out, fromFile]) {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
      const [reports, findings] = workbook.worksheets;
      assert.equal(reports.name, '年报');
      const header = (reports.getRow(1).values as unknown[]).slice(1);
      assert.deepEqual(header.slice(0, 7), ['文件', '机关', '年度', '格式版本', '错误', '警告', '提示']);
      assert.equal(header[7], '（一）予以公开');
      assert.equal(reports.rowCount, 7, 'a header and six reports');
      const first = (reports.getRow(3).values as unknown[]).slice(1);
      assert.deepEqual(first.slice(0, 4), ['broken.txt', '济南市天桥区人民政府', 2022, '2021'], 'second worst, after seed 001');
      assert.ok((first[4] as number) >= 1);
      assert.equal(first[7], 70, '予以公开 as written in the broken copy');
      assert.equal(findings.name, '问题');
      const rows = findings.getSheetValues().slice(2) as unknown[][];
      const rowTotal = rows.find((row) => row[1] === 'broken.txt' && row[7] === 'sum.rowTotal');
      assert.ok(rowTotal, 'the broken total is a row of the findings sheet');
      assert.equal(rowTotal[6], '错误');
      assert.equal(rows.length, findings.rowCount - 1);
    }
  });
});
