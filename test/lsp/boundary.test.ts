/**
 * The one boundary between the VS Code client and the server: the client imports nothing from
 * server/, only from shared/ (the protocol and the report detection) and the editor's libraries;
 * shared/ itself depends on nothing but the pure core. And the manifest agrees with shared/protocol.ts.
 * Also the core's own boundaries (docs/architecture.md, invariants): the core imports nothing outside
 * itself (no Node module, no editor, no LSP runtime), and the template imports nothing from the rules or
 * the model above it.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { LANGUAGE_ID, SERVER_COMMANDS, SETTINGS_SECTION } from '../../shared/protocol';
import { REPO_ROOT } from './client';

/** Every .ts file under a folder of the repository, as repository-relative paths. */
function sourcesIn(folder: string): string[] {
  return readdirSync(path.join(REPO_ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(folder, f))
    .sort();
}

const IMPORT = /\b(?:import|export)\b[^'";]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*['"]([^'"]+)['"]|\b(?:require|import)\s*\(\s*['"]([^'"]+)['"]\s*\)/g;

/** What a source file imports: package names as written, relative imports as repository-relative paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(REPO_ROOT, file), 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => {
    const spec = m[1] ?? m[2] ?? m[3];
    return spec.startsWith('.') ? path.join(path.dirname(file), spec) : spec;
  });
}

const inside = (p: string, folder: string) => p === folder || p.startsWith(`${folder}${path.sep}`);

describe('client–server boundary', () => {
  it('the import scanner sees the imports it is meant to police', () => {
    // Without this, a scanner that found nothing would let every check below pass.
    assert.ok(importsOf(path.join('client', 'src', 'constants.ts')).includes(path.join('shared', 'protocol')));
    assert.ok(importsOf(path.join('client', 'src', 'autoDetect.ts')).includes('vscode'));
    assert.ok(importsOf(path.join('shared', 'detect.ts')).some((p) => inside(p, path.join('server', 'src', 'core'))));
  });

  it('client/src imports only client/src, shared/ and the editor\'s libraries — nothing from server/', () => {
    const files = sourcesIn(path.join('client', 'src'));
    assert.ok(files.length >= 5, files.join(', '));
    const offending = files.flatMap((file) =>
      importsOf(file)
        .filter((p) => !(inside(p, path.join('client', 'src')) || inside(p, 'shared') || p === 'vscode' || /^vscode-languageclient(\/|$)/.test(p)))
        .map((p) => `${file} → ${p}`),
    );
    assert.deepEqual(offending, []);
  });

  it('shared/ imports only shared/ and the pure core (no server runtime, no editor, no Node modules)', () => {
    const files = sourcesIn('shared');
    assert.deepEqual(files, [path.join('shared', 'convert.ts'), path.join('shared', 'detect.ts'), path.join('shared', 'protocol.ts'), path.join('shared', 'summary.ts'), path.join('shared', 'tableView.ts')]);
    const offending = files.flatMap((file) =>
      importsOf(file)
        .filter((p) => !(inside(p, 'shared') || inside(p, path.join('server', 'src', 'core'))))
        .map((p) => `${file} → ${p}`),
    );
    assert.deepEqual(offending, []);
  });

  it('package.json declares the language id, settings section and server commands of shared/protocol.ts', () => {
    const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    assert.deepEqual(pkg.contributes.languages.map((l: { id: string }) => l.id), [LANGUAGE_ID]);
    assert.deepEqual(pkg.contributes.grammars.map((g: { language: string }) => g.language), [LANGUAGE_ID]);
    assert.ok(pkg.activationEvents.includes(`onLanguage:${LANGUAGE_ID}`));
    const settings = Object.keys(pkg.contributes.configuration.properties);
    assert.deepEqual(settings.filter((k) => !k.startsWith(`${SETTINGS_SECTION}.`)), []);
    const commands = pkg.contributes.commands.map((c: { command: string }) => c.command);
    for (const command of Object.values(SERVER_COMMANDS)) assert.ok(commands.includes(command), `${command} not in contributes.commands`);
  });
});

describe('core boundary', () => {
  const core = path.join('server', 'src', 'core');

  it('server/src/core imports only server/src/core: no node: modules, no vscode, no LSP runtime, no fs', () => {
    const files = sourcesIn(core);
    assert.ok(files.length >= 40, files.join(', '));
    const offending = files.flatMap((file) => importsOf(file).filter((p) => !inside(p, core)).map((p) => `${file} → ${p}`));
    assert.deepEqual(offending, []);
  });

  it('core/template/ (the format as data) imports nothing from rules/, model/ or the rest of the core', () => {
    const template = path.join(core, 'template');
    const offending = sourcesIn(template).flatMap((file) =>
      importsOf(file)
        .filter((p) => !(inside(p, template) || p === path.join(core, 'types')))
        .map((p) => `${file} → ${p}`),
    );
    assert.deepEqual(offending, []);
  });
});
