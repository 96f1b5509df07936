// Bundles the entry points with esbuild: the extension, the server, the CLI, the table view's page and the readers of Word/PDF/web files. `vscode` is provided by the editor at run time.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node18', format: 'cjs', sourcemap: true, logLevel: 'warning' };
// The two bundles the .vsix ships are minified to keep the .vsix small (their .map files stay out of it).
const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], minify: true },
  { entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js', minify: true },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The table view's page (a webview): browser code; its CSS import becomes dist/tableView.css.
  { entryPoints: ['media/tableView/main.ts'], outfile: 'dist/tableView.js', platform: 'browser', format: 'iife', target: 'es2022', minify: true },
  // The readers of Word files, web pages and PDFs (pdf.js among them), loaded by the CLI and the server
  // only when such a file is opened. pdf.js's optional canvas package (for rendering) is left out.
  { entryPoints: ['server/src/formats/index.ts'], outfile: 'dist/formats.js', minify: true, external: ['@napi-rs/canvas'] },
];
const only = process.argv.slice(2);
await Promise.all(
  entries
    .filter((e) => only.length === 0 || only.some((o) => e.outfile.includes(o)))
    .map((e) => build({ ...common, ...e })),
);
