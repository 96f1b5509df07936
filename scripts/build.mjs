// Bundles the three entry points with esbuild. `vscode` is provided by the editor at run time.
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

const common = { bundle: true, platform: 'node', target: 'node18', format: 'cjs', sourcemap: true, logLevel: 'warning', plugins: [textImports] };
// The two bundles the .vsix ships are minified (sourcemaps stay beside them for debugging; .vscodeignore
// keeps the .map files out of the .vsix). The server skips minifySyntax: measured, its rewrites make the
// server's idle RSS 3.6 MiB larger (more of V8 runs at load), while whitespace and identifiers save 0.8 MiB.
// The language server loads exceljs from its own bundle (dist/xlsx.js), only when a summary is exported.
const excelBeside = {
  name: 'exceljs-beside',
  setup(b) {
    b.onResolve({ filter: /^exceljs$/ }, () => ({ path: './xlsx.js', external: true }));
  },
};
const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], minify: true },
  { entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js', minifyWhitespace: true, minifyIdentifiers: true, plugins: [textImports, excelBeside] },
  { entryPoints: ['server/src/export/exceljsBundle.ts'], outfile: 'dist/xlsx.js', minify: true },
  // The command: a small loader (bin.ts) that loads the CLI bundle through V8's code cache.
  { entryPoints: ['server/src/cli/bin.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli-main.js' },
  // The table view's page (a webview): browser code; its CSS import becomes dist/tableView.css.
  { entryPoints: ['media/tableView/main.ts'], outfile: 'dist/tableView.js', platform: 'browser', format: 'iife', target: 'es2022', minify: true },
];
const only = process.argv.slice(2);
await Promise.all(
  entries
    .filter((e) => only.length === 0 || only.some((o) => e.outfile.includes(o)))
    .map((e) => build({ ...common, ...e })),
);
