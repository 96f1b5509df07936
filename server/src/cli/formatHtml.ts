/**
 * `check --format html`: one self-contained page for a reviewer — a table of the reports (worst first),
 * two charts (findings per rule; the outcomes of table 三 across reports), the findings grouped by rule,
 * and the files skipped. Nothing is loaded from the network: the styles, the data and Chart.js (its UMD
 * build, MIT, about 200 KB) are inlined, so the file opens the same on an intranet and can be mailed.
 * Chart.js rather than hand-drawn SVG: it lays out the axes, labels and legends, adapts to the window,
 * shows the numbers on hover and prints, for a size that is small next to a typical report batch.
 */
import chartJs from 'chart.js/dist/chart.umd.min.js?text';
import { RULES, RULES_BY_CODE, type Finding, type Locale, type Severity } from '../core';
import type { CheckRun, FileResult } from './formatters';
import { skipReasonText } from './messages';
import { OUTCOME_KEYS, outcomeLabel } from './reportFacts';
import { TOOL_VERSION } from './version';

const T = {
  title: { zh: '政府信息公开工作年度报告检查结果', en: 'Annual report check results' },
  generated: { zh: '由 gov-annual-report {version} 生成', en: 'Made by gov-annual-report {version}' },
  totals: { zh: '检查 {files} 份年报：{failing} 份有错误；错误 {errors} 个，警告 {warnings} 个，提示 {notes} 个', en: '{files} reports checked: {failing} with errors; {errors} errors, {warnings} warnings, {notes} notes' },
  reports: { zh: '各年报', en: 'Reports' },
  charts: { zh: '图表', en: 'Charts' },
  perRule: { zh: '各规则的问题数', en: 'Findings per rule' },
  outcomes: { zh: '各年报的申请办理结果（表三（一）至（六）的总计）', en: 'Outcomes of requests per report (table 三, rows (1) to (6), total column)' },
  byRule: { zh: '按规则列出的问题', en: 'Findings by rule' },
  skipped: { zh: '已跳过的文件', en: 'Files skipped' },
  failures: { zh: '无法读取', en: 'Could not be read' },
  none: { zh: '未发现问题。', en: 'No findings.' },
  file: { zh: '文件', en: 'File' },
  agency: { zh: '机关', en: 'Agency' },
  year: { zh: '年度', en: 'Year' },
  template: { zh: '格式版本', en: 'Template' },
  errors: { zh: '错误', en: 'Errors' },
  warnings: { zh: '警告', en: 'Warnings' },
  notes: { zh: '提示', en: 'Notes' },
  place: { zh: '位置', en: 'Place' },
  message: { zh: '说明', en: 'Message' },
  count: { zh: '{count} 处', en: '{count}' },
  noOutcomes: { zh: '没有年报的表三可读出办理结果。', en: 'No report has readable outcomes in table 三.' },
} as const;

const SEVERITY_LABEL: Record<Severity, { zh: string; en: string }> = {
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
  information: { zh: '信息', en: 'information' },
  hint: { zh: '提示', en: 'hint' },
};

export function formatHtml({ files, skipped, failures }: CheckRun, locale: Locale): string {
  const t = (key: keyof typeof T, args: Record<string, string | number> = {}) =>
    (locale === 'en' ? T[key].en : T[key].zh).replace(/\{(\w+)\}/g, (_, k: string) => String(args[k] ?? ''));
  const count = (r: FileResult, s: Severity) => r.findings.filter((f) => f.severity === s).length;
  const reports = [...files].sort((a, b) =>
    count(b, 'error') - count(a, 'error') || count(b, 'warning') - count(a, 'warning') || a.path.localeCompare(b.path));
  const all = files.flatMap((r) => r.findings);
  const sev = (s: Severity) => all.filter((f) => f.severity === s).length;
  const notes = sev('information') + sev('hint');

  const rows = reports.map((r) => {
    const e = count(r, 'error');
    const w = count(r, 'warning');
    return `<tr class="${e ? 'bad' : w ? 'warn' : 'ok'}"><td>${esc(r.facts?.agency ?? '')}</td><td>${r.year ?? ''}</td><td>${r.template}</td>` +
      `<td class="n">${e}</td><td class="n">${w}</td><td class="n">${count(r, 'information') + count(r, 'hint')}</td><td class="path">${esc(r.path)}</td></tr>`;
  });

  // Findings per rule, in the catalogue's order; each rule's findings file by file.
  const byRule = new Map<string, { file: FileResult; finding: Finding }[]>();
  for (const file of reports) for (const finding of file.findings) {
    const list = byRule.get(finding.code) ?? [];
    list.push({ file, finding });
    byRule.set(finding.code, list);
  }
  const ruleOrder = [...RULES.map((r) => r.code), ...[...byRule.keys()].filter((c) => !RULES_BY_CODE.has(c))].filter((c) => byRule.has(c));
  const ruleSections = ruleOrder.map((code) => {
    const list = byRule.get(code)!;
    const rule = RULES_BY_CODE.get(code);
    const description = rule ? (locale === 'en' ? rule.description.en : rule.description.zh) : '';
    const items = list.map(({ file, finding: f }) =>
      `<tr><td class="sev ${f.severity}">${esc(locale === 'en' ? SEVERITY_LABEL[f.severity].en : SEVERITY_LABEL[f.severity].zh)}</td>` +
      `<td class="path">${esc(file.path)}:${f.range.start.line + 1}:${f.range.start.character + 1}</td><td>${esc(f.message)}</td></tr>`);
    return `<details${list.length <= 20 ? ' open' : ''}><summary><code>${esc(code)}</code> ${esc(description)} <span class="count">${esc(t('count', { count: list.length }))}</span></summary>` +
      `<table><thead><tr><th></th><th>${t('place')}</th><th>${t('message')}</th></tr></thead><tbody>${items.join('')}</tbody></table></details>`;
  });

  const ruleChart = {
    labels: ruleOrder,
    descriptions: ruleOrder.map((c) => { const r = RULES_BY_CODE.get(c); return r ? (locale === 'en' ? r.description.en : r.description.zh) : ''; }),
    datasets: (['error', 'warning', 'information', 'hint'] as const).map((s) => ({
      label: locale === 'en' ? SEVERITY_LABEL[s].en : SEVERITY_LABEL[s].zh,
      data: ruleOrder.map((c) => byRule.get(c)!.filter((x) => x.finding.severity === s).length),
    })),
  };
  const withOutcomes = reports.filter((r) => r.facts && OUTCOME_KEYS.some((k) => r.facts!.outcomes[k] !== null));
  const outcomeChart = {
    labels: reportLabels(withOutcomes),
    datasets: OUTCOME_KEYS.map((k) => ({ label: outcomeLabel(k, locale), data: withOutcomes.map((r) => r.facts!.outcomes[k] ?? 0) })),
  };
  const data = JSON.stringify({ ruleChart, outcomeChart }).replace(/</g, '\\u003c');

  const extra = [
    skipped.length ? `<h2>${t('skipped')}</h2><ul>${skipped.map((s) => `<li><span class="path">${esc(s.path)}</span>：${esc(skipReasonText(s.reason, locale))}</li>`).join('')}</ul>` : '',
    failures.length ? `<h2>${t('failures')}</h2><ul>${failures.map((f) => `<li>${esc(f)}</li>`).join('')}</ul>` : '',
  ].join('');
  const failing = files.filter((r) => count(r, 'error') > 0).length;

  return `<!DOCTYPE html>
<html lang="${locale === 'en' ? 'en' : 'zh-CN'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="gov-annual-report ${TOOL_VERSION}">
<title>${t('title')}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${t('title')}</h1><p class="totals">${esc(t('totals', { files: files.length, failing, errors: sev('error'), warnings: sev('warning'), notes }))}</p><p class="meta">${esc(t('generated', { version: TOOL_VERSION }))}</p></header>
<section id="reports"><h2>${t('reports')}</h2>
<table class="reports"><thead><tr><th>${t('agency')}</th><th>${t('year')}</th><th>${t('template')}</th><th class="n">${t('errors')}</th><th class="n">${t('warnings')}</th><th class="n">${t('notes')}</th><th>${t('file')}</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table></section>
<section id="charts"><h2>${t('charts')}</h2>
<figure><figcaption>${t('perRule')}</figcaption>${ruleOrder.length ? `<div class="chart" style="height:${Math.max(160, 28 * ruleOrder.length + 60)}px"><canvas id="rule-chart"></canvas></div>` : `<p>${t('none')}</p>`}</figure>
<figure><figcaption>${t('outcomes')}</figcaption>${withOutcomes.length ? `<div class="chart" style="height:${Math.max(160, 30 * withOutcomes.length + 80)}px"><canvas id="outcome-chart"></canvas></div>` : `<p>${t('noOutcomes')}</p>`}</figure>
</section>
<section id="findings"><h2>${t('byRule')}</h2>${ruleSections.length ? ruleSections.join('\n') : `<p>${t('none')}</p>`}</section>
${extra}
<script>${chartJs.replace(/<\/script/gi, '<\\/script')}</script>
<script>${CHART_SCRIPT.replace('__DATA__', data)}</script>
</body>
</html>
`;
}

/** "Agency year" per report; the file name is added where two reports would read the same. */
function reportLabels(reports: FileResult[]): string[] {
  const labels = reports.map((r) => [r.facts?.agency ?? r.path, r.year ? String(r.year) : ''].filter(Boolean).join(' '));
  return labels.map((l, i) => (labels.indexOf(l) !== labels.lastIndexOf(l) ? `${l} (${reports[i].path.split(/[\\/]/).pop()})` : l));
}

function esc(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

const STYLE = `
:root { color-scheme: light dark; --bad: #c62828; --warn: #b26a00; --ok: #2e7d32; --line: #d0d7de; --muted: #57606a; }
@media (prefers-color-scheme: dark) { :root { --bad: #ef5350; --warn: #ffb74d; --ok: #81c784; --line: #30363d; --muted: #8b949e; } }
body { font: 14px/1.5 system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; margin: 0 auto; padding: 1.5em 2em; max-width: 1200px; }
h1 { font-size: 1.6em; margin: 0 0 .2em; } h2 { font-size: 1.25em; border-bottom: 1px solid var(--line); padding-bottom: .2em; margin-top: 1.6em; }
.totals { font-size: 1.1em; margin: .2em 0; } .meta { color: var(--muted); margin: 0; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid var(--line); padding: .3em .6em; text-align: left; vertical-align: top; }
th { background: color-mix(in srgb, var(--line) 40%, transparent); } td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.bad td:nth-child(4) { color: var(--bad); font-weight: 600; } tr.warn td:nth-child(5) { color: var(--warn); font-weight: 600; }
tr.bad td:first-child { box-shadow: inset 4px 0 var(--bad); } tr.warn td:first-child { box-shadow: inset 4px 0 var(--warn); } tr.ok td:first-child { box-shadow: inset 4px 0 var(--ok); }
.path { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .9em; word-break: break-all; }
figure { margin: 1em 0 2em; } figcaption { font-weight: 600; margin-bottom: .5em; } .chart { position: relative; width: 100%; }
details { margin: .6em 0; } summary { cursor: pointer; padding: .3em 0; } summary code { font-weight: 600; } .count { color: var(--muted); }
details table { margin: .3em 0 .8em; table-layout: fixed; } details th:nth-child(1) { width: 4.5em; } details th:nth-child(2) { width: 38%; } td.sev { white-space: nowrap; } .sev.error { color: var(--bad); } .sev.warning { color: var(--warn); }
@media print { details { break-inside: avoid; } .chart { break-inside: avoid; } }
`;

/** Draws the two charts from the inlined data; a page without Chart.js (blocked script) still has every table. */
const CHART_SCRIPT = `
(function () {
  var data = __DATA__;
  if (typeof Chart === 'undefined') return;
  var dark = window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches;
  Chart.defaults.color = dark ? '#c9d1d9' : '#24292f';
  Chart.defaults.borderColor = dark ? '#30363d' : '#d0d7de';
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.animation = false;
  var severity = ['#d32f2f', '#f9a825', '#1976d2', '#9e9e9e'];
  var outcome = ['#2e7d32', '#7cb342', '#e53935', '#fb8c00', '#8e24aa', '#546e7a'];
  function draw(id, chart, colors) {
    var canvas = document.getElementById(id);
    if (!canvas) return;
    chart.datasets.forEach(function (d, i) { d.backgroundColor = colors[i % colors.length]; });
    var title = function (items) {
      var i = items[0].dataIndex;
      return chart.descriptions ? chart.labels[i] + ' ' + chart.descriptions[i] : chart.labels[i];
    };
    new Chart(canvas, {
      type: 'bar',
      data: { labels: chart.labels, datasets: chart.datasets },
      options: {
        indexAxis: 'y', maintainAspectRatio: false, responsive: true,
        scales: { x: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }, y: { stacked: true } },
        plugins: { legend: { position: 'bottom' }, tooltip: { callbacks: { title: title } } }
      }
    });
  }
  draw('rule-chart', data.ruleChart, severity);
  draw('outcome-chart', data.outcomeChart, outcome);
})();
`;
