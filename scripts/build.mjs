// Bundles the entry points with esbuild: the extension, the server, the CLI, the table view's page, and the
// two libraries loaded only when needed (the readers of Word/PDF/web files; exceljs). `vscode` is provided
// by the editor at run time.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const nodeModules = fileURLToPath(new URL('../node_modules/', import.meta.url));
// `import text from 'pkg/file.js?text'`: the file's content as a string (the CLI's HTML report inlines
// Chart.js this way; server/src/types/text-imports.d.ts types it). Read from node_modules directly: a
// package's "exports" need not list its files.
const textImports = {
  name: 'text-imports',
  setup(b) {
    b.onResolve({ filter: /\?text$/ }, (args) => ({ path: nodeModules + args.path.slice(0, -'?text'.length), namespace: 'text' }));
    b.onLoad({ filter: /.*/, namespace: 'text' }, (args) => ({ contents: readFileSync(args.path, 'utf8'), loader: 'text' }));
  },
};
// exceljs is its own bundle (dist/xlsx.js), loaded by the server and the CLI only when a spreadsheet is
// written, so neither starts with a megabyte of spreadsheet code.
const excelBeside = {
  name: 'exceljs-beside',
  setup(b) {
    b.onResolve({ filter: /^exceljs$/ }, () => ({ path: './xlsx.js', external: true }));
  },
};

const common = { bundle: true, platform: 'node', target: 'node18', format: 'cjs', sourcemap: true, logLevel: 'warning', plugins: [textImports, excelBeside] };
// What the .vsix ships is minified to keep it small (the .map files stay out of it).
const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], minify: true },
  { entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js', minify: true },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The table view's page (a webview): browser code; its CSS import becomes dist/tableView.css.
  { entryPoints: ['media/tableView/main.ts'], outfile: 'dist/tableView.js', platform: 'browser', format: 'iife', target: 'es2022', minify: true },
  // The readers of Word files, web pages and PDFs (pdf.js among them), loaded by the CLI and the server
  // only when such a file is opened. pdf.js's optional canvas package (for rendering) is left out.
  { entryPoints: ['server/src/formats/index.ts'], outfile: 'dist/formats.js', minify: true, external: ['@napi-rs/canvas'] },
  { entryPoints: ['server/src/export/exceljsBundle.ts'], outfile: 'dist/xlsx.js', minify: true, plugins: [] },
];
const only = process.argv.slice(2);
await Promise.all(
  entries
    .filter((e) => only.length === 0 || only.some((o) => e.outfile.includes(o)))
    .map((e) => build({ ...common, ...e })),
);
