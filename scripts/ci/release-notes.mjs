#!/usr/bin/env node
// Prints the CHANGELOG.md section of one version (the release notes of its tag), then where the offline
// install guide is. Exit 1 when CHANGELOG.md has no section for it: a release needs its changelog entry.
//   node scripts/ci/release-notes.mjs 0.1.0
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const version = process.argv[2];
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const changelog = fs.readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8');
const escaped = version?.replace(/\./g, '\\.');
const section = version && new RegExp(`^## \\[${escaped}\\][^\\n]*\\n([\\s\\S]*?)(?=^## |^\\[[^\\]]+\\]: )`, 'm').exec(changelog);
if (!section) {
  console.error(`release-notes: CHANGELOG.md has no "## [${version}]" section`);
  process.exit(1);
}
process.stdout.write(`${section[1].trim()}\n\n离线安装 · Offline install: docs/install.md\n`);
