/**
 * The manifest (package.json contributes.configuration) against the settings the server declares in
 * server/src/lsp/settings.ts, and the rule list against the core's catalogue: drift fails here.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/core';
import { CLIENT_ONLY_SETTINGS, DEFAULT_SETTINGS, normalizeSettings, SETTINGS, SETTINGS_SECTION } from '../../server/src/lsp/settings';
import { REPO_ROOT } from './client';

interface ManifestProperty {
  type?: string | string[];
  default?: unknown;
  enum?: unknown[];
  minimum?: number;
  propertyNames?: { enum?: string[] };
  additionalProperties?: { type?: string; enum?: string[] };
  description?: string;
}

function manifestProperties(): Record<string, ManifestProperty> {
  const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  const configuration = pkg.contributes?.configuration;
  assert.ok(configuration, 'package.json has no contributes.configuration');
  // VS Code accepts one configuration object or an array of them (categories).
  const sections = Array.isArray(configuration) ? configuration : [configuration];
  return Object.assign({}, ...sections.map((s: { properties?: object }) => s.properties ?? {}));
}

describe('package.json contributes.configuration', () => {
  it('declares every server setting with the same type, default and allowed values', () => {
    const props = manifestProperties();
    for (const [name, decl] of Object.entries(SETTINGS)) {
      const prop = props[`${SETTINGS_SECTION}.${name}`];
      assert.ok(prop, `${SETTINGS_SECTION}.${name} missing from the manifest`);
      assert.equal(prop.type, decl.type, `${name}.type`);
      assert.deepEqual(prop.default, decl.default, `${name}.default`);
      assert.deepEqual(prop.default, DEFAULT_SETTINGS[name as keyof typeof DEFAULT_SETTINGS], `${name}: declaration and DEFAULT_SETTINGS agree`);
      // Absent on one side means absent on the other: a manifest-only enum or minimum is drift too.
      assert.deepEqual(prop.enum, decl.enum && [...decl.enum], `${name}.enum`);
      assert.equal(prop.minimum, decl.minimum, `${name}.minimum`);
      const additional = prop.additionalProperties && { type: prop.additionalProperties.type, enum: prop.additionalProperties.enum };
      const declared = decl.additionalProperties && { type: decl.additionalProperties.type, enum: [...decl.additionalProperties.enum] };
      assert.deepEqual(additional, declared, `${name}.additionalProperties`);
    }
  });

  it('has no govAnnualReport.* setting the server does not know (other than client-only ones)', () => {
    const known = new Set([...Object.keys(SETTINGS), ...CLIENT_ONLY_SETTINGS].map((n) => `${SETTINGS_SECTION}.${n}`));
    const unknown = Object.keys(manifestProperties()).filter((k) => k.startsWith(`${SETTINGS_SECTION}.`) && !known.has(k));
    assert.deepEqual(unknown, []);
  });

  it('govAnnualReport.rules propertyNames enum equals the RULES catalogue codes', () => {
    const prop = manifestProperties()[`${SETTINGS_SECTION}.rules`];
    assert.ok(prop?.propertyNames?.enum, 'rules.propertyNames.enum missing');
    const codes = RULES.map((r) => r.code);
    assert.deepEqual([...prop.propertyNames.enum].sort(), [...codes].sort());
    assert.equal(new Set(prop.propertyNames.enum).size, prop.propertyNames.enum.length, 'no duplicates');
    assert.deepEqual([...(SETTINGS.rules.propertyNames?.enum ?? [])].sort(), [...codes].sort());
  });
});

describe('maxFileSize wording', () => {
  it('the setting is described in characters (what the server counts), in both languages, never in bytes', () => {
    const read = (f: string) => JSON.parse(readFileSync(path.join(REPO_ROOT, f), 'utf8'))['configuration.maxFileSize.description'] as string;
    assert.match(manifestProperties()[`${SETTINGS_SECTION}.maxFileSize`].description ?? '', /^%configuration\.maxFileSize\.description%$/);
    const en = read('package.nls.json');
    assert.match(en, /more than this many characters/);
    assert.match(en, /not bytes/);
    const zh = read('package.nls.zh-cn.json');
    assert.match(zh, /字符数超过此值/);
    assert.match(zh, /不按字节/);
  });
});

describe('normalizeSettings', () => {
  it('fills defaults and drops invalid values one by one', () => {
    assert.deepEqual(normalizeSettings(undefined), DEFAULT_SETTINGS);
    assert.deepEqual(normalizeSettings(null), DEFAULT_SETTINGS);
    assert.deepEqual(normalizeSettings({ run: 'onSave', template: 'x', maxFileSize: -1, rules: { 'sum.rowTotal': 'off', 'cell.blank': 7 } }), {
      ...DEFAULT_SETTINGS,
      run: 'onSave',
      rules: { 'sum.rowTotal': 'off' },
    });
  });
});
