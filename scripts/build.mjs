// Bundles the three entry points with esbuild. `vscode` is provided by the editor at run time.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node18', format: 'cjs', sourcemap: true, logLevel: 'warning' };
// The two bundles the .vsix ships are minified to keep the .vsix small (their .map files stay out of it).
const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], minify: true },
  { entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js', minify: true },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];
const only = process.argv.slice(2);
await Promise.all(
  entries
    .filter((e) => only.length === 0 || only.some((o) => e.outfile.includes(o)))
    .map((e) => build({ ...common, ...e })),
);
