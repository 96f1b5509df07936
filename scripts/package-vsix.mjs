#!/usr/bin/env node
// `npm run package [-- vsce options]`: the .vsix (default ./gov-annual-report.vsix), built by vsce with the
// extension page's README made to work offline.
//
// VS Code shows an installed extension's README in a webview whose CSP allows only https: and data: images,
// and its sanitizer drops relative image sources: a picture shipped beside the README never shows there, and
// the https link vsce rewrites it to shows only online. So the packaged README (dist/vsix/README.md, given to
// vsce with --readme-path) carries each local picture as a data: URI, and other relative links point into the
// repository as vsce itself would point them. The README.md of the repository is left as it is.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const IMAGE_TYPES = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif' };

/** The repository's web address, from package.json's repository field. */
function repositoryUrl() {
  const { repository } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const url = typeof repository === 'string' ? repository : repository?.url;
  if (!url || !/^https:\/\//.test(url)) throw new Error('package.json needs an https repository url');
  return url.replace(/\.git$/, '');
}

const isRelative = (target) => !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('#') && !target.startsWith('/');

/** A local picture as a data: URI; a missing or unknown one stops the packaging (it would be a broken image). */
function dataUri(target) {
  const file = path.join(root, decodeURI(target.split(/[?#]/)[0]));
  const type = IMAGE_TYPES[path.extname(file).toLowerCase()];
  if (!type) throw new Error(`README.md: ${target}: only PNG, JPEG and GIF pictures can be inlined (VS Code refuses SVG)`);
  if (!fs.existsSync(file)) throw new Error(`README.md: the picture ${target} does not exist`);
  return `data:${type};base64,${fs.readFileSync(file).toString('base64')}`;
}

/** The README for the .vsix: pictures inlined, relative links into the repository. */
export function packagedReadme(markdown, repo) {
  const inline = (all, before, target, after) => (isRelative(target) ? `${before}${dataUri(target)}${after}` : all);
  return markdown
    .replace(/(!\[[^\]]*\]\()([^)\s]+)((?:\s+"[^"]*")?\))/g, inline)
    .replace(/(<img\b[^>]*?\bsrc=["'])([^"']+)(["'])/gi, inline)
    .replace(/((?<!!)\[[^\]]*\]\()([^)\s]+)((?:\s+"[^"]*")?\))/g, (all, before, target, after) =>
      isRelative(target) ? `${before}${repo}/blob/HEAD/${path.posix.normalize(target)}${after}` : all);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const readme = path.join(root, 'dist', 'vsix', 'README.md');
  fs.mkdirSync(path.dirname(readme), { recursive: true });
  fs.writeFileSync(readme, packagedReadme(fs.readFileSync(path.join(root, 'README.md'), 'utf8'), repositoryUrl()));

  const args = process.argv.slice(2);
  const out = args.some((a) => a === '-o' || a === '--out' || a.startsWith('--out=')) ? [] : ['-o', 'gov-annual-report.vsix'];
  const require = createRequire(import.meta.url);
  const vsce = path.join(path.dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
  // --no-rewrite-relative-links: the links are rewritten above; vsce's rewrite would also refuse data: pictures.
  const r = spawnSync(process.execPath, [vsce, 'package', '--no-rewrite-relative-links', '--readme-path', path.relative(root, readme), ...out, ...args],
    { cwd: root, stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
