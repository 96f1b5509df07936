// The reviewer's summary, the first-run walkthrough, New Annual Report and the two quick fixes every
// finding carries ("don't show again", "show rule documentation"), in a real VS Code.
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const vscode = require('vscode');
const screenshot = require('./screenshot');
const { EXTENSION_ID, LANGUAGE_ID, api, openReport, analysed, waitFor, codeOf, diagnosticsMatching, isChinese } = require('./helpers');

suite('reviewer and first run', () => {
  let reportApi;
  suiteSetup(async () => {
    reportApi = await api();
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Check All Reports fills the summary view, worst first; it exports to CSV and Excel', async function () {
    this.timeout(60000);
    await vscode.commands.executeCommand('govAnnualReport.checkWorkspace');
    const rows = await waitFor('the summary rows', () => (reportApi.summaryRows().length >= 5 ? reportApi.summaryRows() : undefined), [reportApi.onDidChangeStatus]);
    const names = rows.map((r) => decodeURIComponent(r.uri.split('/').pop()));
    console.log(`    (summary: ${rows.map((r, i) => `${names[i]} ${r.errors}/${r.warnings}`).join(', ')})`);
    for (const expected of ['天桥区2022.txt', '天桥区2022.年报.txt', '东丽区2022.txt', '张店区2023-pdf.txt']) assert.ok(names.includes(expected), expected);
    assert.ok(!names.includes('notes.txt'), 'not a report');
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1], rows[i]];
      assert.ok(a.errors > b.errors || (a.errors === b.errors && a.warnings >= b.warnings), `worst first at ${i}`);
    }
    const tianqiao = rows[names.indexOf('天桥区2022.年报.txt')];
    assert.strictEqual(tianqiao.agency, '济南市天桥区人民政府');
    assert.strictEqual(tianqiao.year, 2022);
    assert.strictEqual(tianqiao.rules['heading.numbering'], 2);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gar-export-'));
    const csv = vscode.Uri.file(path.join(dir, 'summary.csv'));
    await vscode.commands.executeCommand('govAnnualReport.summary.exportCsv', csv);
    const csvText = fs.readFileSync(csv.fsPath, 'utf8');
    assert.ok(csvText.startsWith('\uFEFF'), 'a BOM, so that Excel reads UTF-8');
    const lines = csvText.slice(1).trimEnd().split('\r\n');
    assert.strictEqual(lines.length, 1 + rows.length);
    assert.match(lines[0], /^(机关|Agency),/);
    assert.ok(lines.some((l) => l.startsWith('济南市天桥区人民政府,2022,2021,0,2,') && l.includes('reports/天桥区2022.年报.txt')), lines.join('\n'));
    const xlsx = vscode.Uri.file(path.join(dir, 'summary.xlsx'));
    await vscode.commands.executeCommand('govAnnualReport.summary.exportXlsx', xlsx);
    const bytes = fs.readFileSync(xlsx.fsPath);
    assert.deepStrictEqual([...bytes.subarray(0, 2)], [0x50, 0x4b], 'a zip file (xlsx)');
    assert.ok(bytes.includes(Buffer.from('xl/worksheets/sheet1.xml')), 'with a worksheet');

    await vscode.commands.executeCommand('notifications.clearAll');
    await vscode.commands.executeCommand('govAnnualReport.showSummary');
    await screenshot('summary', { selector: '.monaco-list-row .codicon-warning' });
    await vscode.commands.executeCommand('workbench.action.closePanel');
  });

  test('the walkthrough is contributed and its steps name commands that exist', async function () {
    this.timeout(90000);
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    const [walkthrough] = ext.packageJSON.contributes.walkthroughs;
    assert.strictEqual(walkthrough.id, 'firstRun');
    const all = new Set(await vscode.commands.getCommands(true));
    const named = walkthrough.steps.flatMap((s) => [...s.completionEvents.map((e) => e.replace(/^onCommand:/, '')), ...[...String(s.description).matchAll(/command:([\w.]+)/g)].map((m) => m[1])]);
    assert.ok(named.length >= walkthrough.steps.length);
    for (const c of named) assert.ok(all.has(c), `${c} is a command`);
    for (const step of walkthrough.steps) {
      const media = step.media.markdown;
      assert.ok(fs.existsSync(path.join(ext.extensionPath, media)), `${step.id}: ${media} is shipped`);
    }
    assert.match(walkthrough.steps[0].title, isChinese() ? /打开示例年报/ : /Open the sample report/);

    // The sample report opens as an unsaved copy of the report language, with its two heading warnings.
    const sample = await vscode.commands.executeCommand('govAnnualReport.openSample');
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === sample.toString());
    assert.strictEqual(doc.languageId, LANGUAGE_ID);
    assert.strictEqual(doc.uri.scheme, 'untitled');
    await diagnosticsMatching('the sample\'s warnings', doc.uri, (ds) => ds.filter((d) => codeOf(d) === 'heading.numbering').length === 2);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');

    // VS Code registers an extension's walkthroughs some seconds after start (it first asks its
    // experiment service, with a 5 s time-out), and a walkthrough page opened before that shows another
    // one: wait, then open it. Its first step's title on the page is what the picture waits for (the
    // tab API only says "Welcome").
    const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
    await vscode.commands.executeCommand('notifications.clearAll');
    for (let attempt = 1; ; attempt++) {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await sleep(6000);
      await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#firstRun`, false);
      try {
        await screenshot('walkthrough', { selector: `text=${walkthrough.steps[0].title}`, timeoutMs: 5000 });
        break;
      } catch (err) {
        if (attempt === 3) throw err;
      }
    }
  });

  test('New Annual Report writes the official skeleton, the cursor at the first blank', async function () {
    this.timeout(30000);
    const uri = await vscode.commands.executeCommand('govAnnualReport.newReport', { year: 2024, agency: '某某市某某局', shape: 'markdown' });
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document.uri.toString() === uri.toString(), 'the new report is the active editor');
    const doc = editor.document;
    assert.strictEqual(doc.languageId, LANGUAGE_ID);
    assert.strictEqual(doc.lineAt(0).text, '某某市某某局2024年政府信息公开工作年度报告');
    const text = doc.getText();
    for (const part of ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']) {
      assert.ok(text.includes(`\n${part}\n`), part);
    }
    assert.strictEqual((text.match(/^\|---/gm) || []).length, 3, 'three Markdown tables');
    const cursor = editor.selection.active;
    assert.strictEqual(doc.lineAt(cursor.line - 1).text, '一、总体情况');
    assert.strictEqual(doc.lineAt(cursor.line).text, '');
    // An earlier untitled editor may have had the same URI: wait for this document's own status.
    const status = await waitFor('the skeleton\'s status', () => {
      const s = reportApi.statusFor(doc.uri);
      return s && s.year === 2024 ? s : undefined;
    }, [reportApi.onDidChangeStatus], { describe: () => JSON.stringify(reportApi.statusFor(doc.uri)) });
    assert.strictEqual(status.errors, 0, 'the skeleton breaks no rule: only blanks to fill');
    // Flagged by row or column: a wholly blank row or column is one cell.blank finding with its count.
    const blanks = vscode.languages.getDiagnostics(doc.uri).filter((d) => codeOf(d) === 'cell.blank');
    // Besides them only what a new report truly lacks: part 六 has yet to say whether a fee was charged.
    const others = vscode.languages.getDiagnostics(doc.uri).filter((d) => codeOf(d) !== 'cell.blank' && d.severity <= vscode.DiagnosticSeverity.Warning).map(codeOf);
    assert.ok(blanks.length > 0, 'the blank cells are flagged');
    assert.deepStrictEqual(others, ['part6.fee']);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('"Don’t show this kind of problem again" turns the rule off in the workspace settings', async function () {
    this.timeout(30000);
    const doc = await openReport('reports/天桥区2022.年报.txt');
    const { diags } = await analysed(reportApi, doc.uri);
    const warning = diags.find((d) => codeOf(d) === 'heading.numbering');
    assert.ok(warning, 'seed 000 has a heading.numbering warning');
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, warning.range, vscode.CodeActionKind.QuickFix.value);
    const off = actions.find((a) => a.command && a.command.command === 'govAnnualReport.disableRule');
    const docs = actions.find((a) => a.command && a.command.command === 'govAnnualReport.openRuleDocs');
    assert.ok(off && docs, `both actions offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.match(off.title, isChinese() ? /^不再提示此类问题/ : /^Don’t show this kind of problem again/);
    const config = () => vscode.workspace.getConfiguration('govAnnualReport').inspect('rules').workspaceValue;
    try {
      await vscode.commands.executeCommand(off.command.command, ...off.command.arguments);
      assert.deepStrictEqual(config(), { 'heading.numbering': 'off' });
      await diagnosticsMatching('heading.numbering gone', doc.uri, (ds) => !ds.some((d) => codeOf(d) === 'heading.numbering'));
    } finally {
      await vscode.workspace.getConfiguration('govAnnualReport').update('rules', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('notifications.clearAll');
    }

    // "Show rule documentation": the bundled docs/rules.md in the Markdown preview.
    await vscode.commands.executeCommand(docs.command.command, ...docs.command.arguments);
    await waitFor('the Markdown preview of rules.md', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs)
      .some((t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType) && /rules\.md/.test(t.label)),
    [vscode.window.tabGroups.onDidChangeTabs], { timeoutMs: 15000 });
  });

  test('pictures: the rule severities in the Settings editor, a rule\'s page in the Markdown preview', async function () {
    if (!process.env.VSCODE_E2E_SCREENSHOT_URL) this.skip();
    this.timeout(60000);
    await vscode.commands.executeCommand('workbench.action.openSettings', 'govAnnualReport.rules');
    await screenshot('settings-rules', { selector: '.settings-editor .setting-item-contents', timeoutMs: 15000 });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('govAnnualReport.openRuleDocs', 'sum.balance');
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await screenshot('rule-docs', {});
  });
});
