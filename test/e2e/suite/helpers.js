// Shared helpers for the end-to-end suite. Everything waits on VS Code events (diagnostics, documents,
// the extension's status), never on sleeps.
const assert = require('assert');
const path = require('path');
const vscode = require('vscode');

const EXTENSION_ID = 'gov-annual-report.gov-annual-report';
/** VS Code's display language in this run (run-e2e.mjs runs the suite once in zh-cn, once in English). */
const isChinese = () => vscode.env.language.toLowerCase().startsWith('zh');
const LANGUAGE_ID = 'gov-annual-report';

/** The extension's test API (what activate() returns), activating it if needed. */
async function api() {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is installed`);
  const exports = await ext.activate();
  await exports.ready;
  return exports;
}

function workspaceUri(rel) {
  const [folder] = vscode.workspace.workspaceFolders || [];
  assert.ok(folder, 'the runner opened a workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...rel.split('/'));
}

/**
 * Resolves with `check()`'s first truthy value, evaluated now and after each of `events` fires;
 * rejects after `timeoutMs` with `what` and the last `describe()`.
 */
function waitFor(what, check, events, { timeoutMs = 20000, describe } = {}) {
  return new Promise((resolve, reject) => {
    const subs = [];
    let done = false;
    const finish = (fn, v) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      subs.forEach((s) => s.dispose());
      fn(v);
    };
    const attempt = () => {
      try {
        const v = check();
        if (v) finish(resolve, v);
      } catch (err) {
        finish(reject, err);
      }
    };
    const timer = setTimeout(() => {
      finish(reject, new Error(`timed out after ${timeoutMs} ms waiting for ${what}${describe ? `; last: ${describe()}` : ''}`));
    }, timeoutMs);
    for (const ev of events) subs.push(ev(() => attempt()));
    attempt();
  });
}

/** The open document for `uri` (a language switch replaces the TextDocument object). */
function documentFor(uri) {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
}

/** Opens a workspace file in an editor and waits until it has the report language (auto-detection included). */
async function openReport(rel) {
  const uri = workspaceUri(rel);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
  const doc = await waitFor(`${rel} to get language ${LANGUAGE_ID}`,
    () => { const d = documentFor(uri); return d && d.languageId === LANGUAGE_ID ? d : undefined; },
    [vscode.workspace.onDidOpenTextDocument],
    { describe: () => documentFor(uri)?.languageId });
  // The language switch may have replaced the editor's document: show the current one.
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

function codeOf(diagnostic) {
  const c = diagnostic.code;
  return c && typeof c === 'object' ? String(c.value) : c === undefined ? undefined : String(c);
}

function summarize(diags) {
  return JSON.stringify(diags.map((d) => `${codeOf(d)}@${d.range.start.line}:${d.range.start.character}`));
}

/** Waits until the server has analysed `uri` and VS Code holds as many diagnostics as its status counts. */
async function analysed(reportApi, uri) {
  return waitFor(`analysis of ${path.basename(uri.path)}`, () => {
    const s = reportApi.statusFor(uri);
    if (!s) return undefined;
    const diags = vscode.languages.getDiagnostics(uri);
    return diags.length === s.errors + s.warnings + s.infos + s.hints ? { status: s, diags } : undefined;
  }, [vscode.languages.onDidChangeDiagnostics, reportApi.onDidChangeStatus], {
    describe: () => `status ${JSON.stringify(reportApi.statusFor(uri))}, diagnostics ${summarize(vscode.languages.getDiagnostics(uri))}`,
  });
}

/** Waits for diagnostics of `uri` that satisfy `pred` (given the whole list); resolves with the list. */
function diagnosticsMatching(what, uri, pred, opts) {
  return waitFor(what, () => {
    const diags = vscode.languages.getDiagnostics(uri);
    return pred(diags) ? diags : undefined;
  }, [vscode.languages.onDidChangeDiagnostics], { describe: () => summarize(vscode.languages.getDiagnostics(uri)), ...opts });
}

/** Waits until the text of `doc` satisfies `pred`. */
function textMatching(what, doc, pred) {
  return waitFor(what, () => pred(doc.getText()), [vscode.workspace.onDidChangeTextDocument]);
}

/** Replaces `from` (the `occurrence`-th time it occurs on `line`) with `to`; returns the new text's range. */
async function replaceOnLine(doc, line, from, to) {
  const text = doc.lineAt(line).text;
  const at = text.indexOf(from);
  assert.ok(at >= 0, `"${from}" on line ${line}: "${text}"`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(line, at, line, at + from.length), to);
  assert.ok(await vscode.workspace.applyEdit(edit), 'edit applied');
  return new vscode.Range(line, at, line, at + to.length);
}

/**
 * The line of a table-三 row's total cell in the TAB shape: the label line (e.g. "\t（一）予以公开")
 * is followed by 7 number lines, the last is the total.
 */
function totalLineOf(doc, label) {
  for (let i = 0; i < doc.lineCount; i++) {
    if (doc.lineAt(i).text === `\t${label}`) return i + 7;
  }
  assert.fail(`no line "\\t${label}" in ${doc.uri.path}`);
}

/** Undoes unsaved edits so the next test starts from the file on disk. */
async function revert(doc) {
  const current = documentFor(doc.uri) || doc;
  if (!current.isDirty) return;
  await vscode.window.showTextDocument(current);
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await waitFor(`revert of ${path.basename(doc.uri.path)}`, () => !current.isDirty, [vscode.workspace.onDidChangeTextDocument]);
  const disk = Buffer.from(await vscode.workspace.fs.readFile(doc.uri)).toString('utf8');
  assert.strictEqual(current.getText(), disk, `${path.basename(doc.uri.path)} is back to its saved text`);
}

async function setSetting(key, value) {
  await vscode.workspace.getConfiguration('govAnnualReport').update(key, value, vscode.ConfigurationTarget.Workspace);
}

function hoverText(hovers) {
  return hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
}

module.exports = {
  EXTENSION_ID, LANGUAGE_ID, isChinese, api, workspaceUri, waitFor, documentFor, openReport, codeOf, summarize, analysed,
  diagnosticsMatching, textMatching, replaceOnLine, totalLineOf, revert, setSetting, hoverText,
};
