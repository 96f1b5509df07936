/**
 * The manifest (package.json contributes.configuration) against the settings the server declares in
 * server/src/lsp/settings.ts, and the rule list against the core's catalogue: drift fails here.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
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

describe('settings a clerk can use', () => {
  const nls = (f: string) => JSON.parse(readFileSync(path.join(REPO_ROOT, f), 'utf8')) as Record<string, string>;
  const en = nls('package.nls.json');
  const zh = nls('package.nls.zh-cn.json');
  const text = (value: unknown, table: Record<string, string>) => {
    const m = /^%(.+)%$/.exec(String(value));
    return m ? table[m[1]] : String(value);
  };
  const SEVERITY_LABELS_ZH = ['错误', '警告', '信息', '提示', '关闭'];

  it('govAnnualReport.rules has one dropdown per rule of the catalogue, named by its Chinese and English description', () => {
    type RuleProp = ManifestProperty & { enumItemLabels?: string[]; enumDescriptions?: string[] };
    const rules = manifestProperties()[`${SETTINGS_SECTION}.rules`] as ManifestProperty & { properties?: Record<string, RuleProp> };
    assert.ok(rules.properties, 'rules.properties');
    assert.deepEqual(Object.keys(rules.properties), RULES.map((r) => r.code), 'every rule, in the catalogue order');
    for (const rule of RULES) {
      const prop: RuleProp = rules.properties[rule.code];
      assert.equal(prop.type, 'string');
      assert.deepEqual(prop.enum, [...(SETTINGS.rules.additionalProperties?.enum ?? [])], `${rule.code}: the severities`);
      assert.deepEqual(prop.enumItemLabels?.map((l: string) => text(l, zh)), SEVERITY_LABELS_ZH, `${rule.code}: Chinese labels`);
      assert.equal(prop.enumDescriptions?.length, prop.enum?.length);
      assert.equal(prop.description, `%rule.${rule.code}%`);
      assert.ok(text(prop.description, zh).startsWith(rule.description.zh), `${rule.code}: zh ${text(prop.description, zh)}`);
      assert.ok(text(prop.description, en).startsWith(rule.description.en), `${rule.code}: en ${text(prop.description, en)}`);
      assert.ok(text(prop.description, zh).endsWith(`（默认：${SEVERITY_LABELS_ZH[['error', 'warning', 'information', 'hint'].indexOf(rule.severity)]}）`), `${rule.code}: zh default`);
    }
  });

  it('every enum value of every setting has a label and a description in Chinese and English', () => {
    type EnumProp = ManifestProperty & { enumItemLabels?: string[]; enumDescriptions?: string[]; properties?: Record<string, EnumProp> };
    const enums: [string, EnumProp][] = [];
    const visit = (name: string, p: EnumProp | undefined) => {
      if (!p) return;
      if (p.enum) enums.push([name, p]);
      for (const [k, sub] of Object.entries(p.properties ?? {})) visit(`${name}.${k}`, sub);
      visit(`${name}[*]`, p.additionalProperties as EnumProp | undefined);
    };
    for (const [name, p] of Object.entries(manifestProperties())) visit(name, p as EnumProp);
    assert.ok(enums.length >= 3 + RULES.length, `${enums.length} enums`);
    for (const [name, p] of enums) {
      for (const list of ['enumItemLabels', 'enumDescriptions'] as const) {
        assert.equal(p[list]?.length, p.enum!.length, `${name}.${list}`);
        for (const item of p[list]!) {
          assert.ok(text(item, zh) && text(item, en), `${name}: ${item} translated`);
          assert.match(text(item, zh), /[\u4e00-\u9fff]/, `${name}: ${item} in Chinese`);
        }
      }
    }
  });
});

describe('walkthrough and views', () => {
  const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  const commands = new Set<string>(pkg.contributes.commands.map((c: { command: string }) => c.command));

  it('each walkthrough step has a page in both languages and names only commands that exist', () => {
    const [walkthrough] = pkg.contributes.walkthroughs;
    assert.ok(walkthrough.steps.length >= 6);
    for (const table of ['package.nls.json', 'package.nls.zh-cn.json']) {
      const nls = JSON.parse(readFileSync(path.join(REPO_ROOT, table), 'utf8')) as Record<string, string>;
      for (const step of walkthrough.steps) {
        const media = nls[/^%(.+)%$/.exec(step.media.markdown)![1]];
        assert.ok(media && existsSync(path.join(REPO_ROOT, media)), `${table}: ${step.id} page ${media}`);
        const description = nls[/^%(.+)%$/.exec(step.description)![1]];
        const linked = [...description.matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1]);
        assert.ok(linked.length >= 1, `${step.id} has a button`);
        for (const c of [...linked, ...step.completionEvents.map((e: string) => e.replace(/^onCommand:/, ''))]) {
          assert.ok(commands.has(c) || /^(workbench|editor)\./.test(c), `${step.id}: ${c} is a command`);
        }
      }
    }
    const openSample = walkthrough.steps.find((s: { id: string }) => s.id === 'openSample');
    assert.ok(openSample, 'the first run starts with the sample');
    assert.ok(existsSync(path.join(REPO_ROOT, 'samples', '示例年报.年报.txt')));
  });

  it('the .vsix takes the sample, the walkthrough pages and the rules page', () => {
    const ignore = readFileSync(path.join(REPO_ROOT, '.vscodeignore'), 'utf8').split('\n');
    for (const kept of ['!docs/rules.md', '!media/walkthrough/**']) assert.ok(ignore.includes(kept), kept);
    assert.ok(!ignore.some((l) => l.startsWith('samples')), 'samples/ is packaged');
  });
});
