// Static checks of what the extension ships: every %key% of the manifest is translated in both nls
// files, and every runtime string (vscode.l10n.t) has a Chinese translation.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const { EXTENSION_ID } = require('./helpers');

suite('manifest and localisation', () => {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  const read = (rel) => JSON.parse(fs.readFileSync(path.join(ext.extensionPath, rel), 'utf8'));

  test('the extension is present and runs from the expected place', () => {
    assert.ok(ext, `${EXTENSION_ID} is loaded`);
    const mode = process.env.GAR_E2E_MODE;
    console.log(`    (extension at ${ext.extensionPath}, mode ${mode || 'unknown'})`);
    if (mode === 'vsix') assert.match(ext.extensionPath, /gov-annual-report\.gov-annual-report-/, 'installed from the .vsix');
    if (mode === 'dev') assert.ok(fs.existsSync(path.join(ext.extensionPath, 'client', 'src')), 'loaded from the source folder');
  });

  test('VS Code runs in the display language the runner asked for', () => {
    const wanted = process.env.GAR_E2E_LOCALE;
    if (!wanted) return;
    assert.strictEqual(vscode.env.language.toLowerCase(), wanted);
    const title = ext.packageJSON.contributes.commands.find((c) => c.command === 'govAnnualReport.recomputeTotals').title;
    const text = typeof title === 'string' ? title : title.value;
    assert.strictEqual(text, wanted === 'zh-cn' ? '重新计算合计' : 'Recompute Totals', 'the manifest is localised');
  });

  test('the installed .vsix ships minified bundles and no sourcemaps', function () {
    if (process.env.GAR_E2E_MODE !== 'vsix') this.skip();
    const files = [];
    const walk = (dir) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(path.join(dir, e.name)); else files.push(path.relative(ext.extensionPath, path.join(dir, e.name)));
      }
    };
    walk(ext.extensionPath);
    assert.deepStrictEqual(files.filter((f) => f.endsWith('.map')), [], 'no .map files');
    // formats.js: the readers of Word files, web pages and PDFs, which the server loads on Import Report;
    // xlsx.js: exceljs, which the server loads only to export the reviewer's summary.
    assert.deepStrictEqual(files.filter((f) => f.startsWith('dist')).sort(), ['dist/extension.js', 'dist/formats.js', 'dist/server.js', 'dist/tableView.css', 'dist/tableView.js', 'dist/xlsx.js']);
    for (const bundle of ['dist/extension.js', 'dist/formats.js', 'dist/server.js', 'dist/tableView.js', 'dist/xlsx.js']) {
      const text = fs.readFileSync(path.join(ext.extensionPath, bundle), 'utf8');
      const lines = text.split('\n').length;
      console.log(`    (${bundle}: ${(text.length / 1024).toFixed(0)} KB, ${lines} lines)`);
      // Minified: long lines. (pdf.js in formats.js keeps a few multi-line strings, so count characters per line.)
      assert.ok(text.length / lines > 500, `${bundle} is minified (${lines} lines)`);
    }
    assert.ok(fs.statSync(path.join(ext.extensionPath, 'dist/extension.js')).size < 500 * 1024, 'dist/extension.js under 500 KB');
  });

  /** The picture sources of the extension's README (Markdown images and <img> tags). */
  const readmePictures = () => {
    const name = fs.readdirSync(ext.extensionPath).find((f) => /^readme\.md$/i.test(f));
    assert.ok(name, 'the extension has a README');
    const text = fs.readFileSync(path.join(ext.extensionPath, name), 'utf8');
    return [...text.matchAll(/!\[[^\]]*\]\(([^)\s]+)/g), ...text.matchAll(/<img\b[^>]*?\bsrc=["']([^"']+)/gi)].map((m) => m[1]);
  };

  test('the installed README carries its pictures as data: URIs, which the extension page shows offline', function () {
    // The extension page's webview allows only https: and data: images and drops relative ones.
    if (process.env.GAR_E2E_MODE !== 'vsix') this.skip();
    const pictures = readmePictures();
    assert.ok(pictures.length >= 1, 'the README shows a screenshot');
    for (const src of pictures) {
      const m = /^data:image\/png;base64,([A-Za-z0-9+/=]+)$/.exec(src);
      assert.ok(m, `a data: PNG, not ${src.slice(0, 60)}`);
      const png = Buffer.from(m[1], 'base64');
      assert.deepStrictEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
      console.log(`    (README picture: ${(png.length / 1024).toFixed(0)} KB PNG)`);
    }
  });

  test('the source README’s pictures are files of the repository', function () {
    if (process.env.GAR_E2E_MODE !== 'dev') this.skip();
    const pictures = readmePictures();
    assert.ok(pictures.length >= 1, 'the README shows a screenshot');
    for (const src of pictures) assert.ok(fs.existsSync(path.join(ext.extensionPath, decodeURI(src))), `${src} exists`);
  });

  test('every %key% in package.json is in package.nls.json and package.nls.zh-cn.json', () => {
    const raw = fs.readFileSync(path.join(ext.extensionPath, 'package.json'), 'utf8');
    const keys = [...raw.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length > 10, 'the manifest uses nls keys');
    for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
      const nls = read(file);
      const missing = keys.filter((k) => typeof nls[k] !== 'string' || nls[k].length === 0);
      assert.deepStrictEqual(missing, [], `${file} lacks keys`);
    }
  });

  test('every vscode.l10n.t string of the bundle has a zh-cn translation', () => {
    const bundle = fs.readFileSync(path.join(ext.extensionPath, 'dist', 'extension.js'), 'utf8');
    const strings = [...bundle.matchAll(/\.l10n\.t\(\s*"((?:[^"\\]|\\.)*)"/g)].map((m) => JSON.parse(`"${m[1].replace(/\\x([0-9a-fA-F]{2})/g, '\\u00$1')}"`));
    assert.ok(strings.length >= 10, `found ${strings.length} l10n strings in dist/extension.js`);
    const zh = read('l10n/bundle.l10n.zh-cn.json');
    assert.deepStrictEqual(strings.filter((s) => !(s in zh)), [], 'untranslated');
  });

  test('the settings list every rule as a property name with a severity', () => {
    const props = ext.packageJSON.contributes.configuration.properties;
    const rules = props['govAnnualReport.rules'];
    assert.ok(rules.propertyNames.enum.includes('sum.rowTotal'));
    assert.deepStrictEqual(rules.additionalProperties.enum, ['error', 'warning', 'information', 'hint', 'off']);
    assert.strictEqual(props['govAnnualReport.run'].default, 'onType');
    assert.strictEqual(props['govAnnualReport.maxFileSize'].default, 5000000);
  });
});
