/** Unit tests of the shared config loader (server/src/config), used by both the server and the CLI. */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { findProjectConfig, mergeOptions, parseProjectConfig } from '../../server/src/config';
import { tempDir } from './helpers';

describe('parseProjectConfig', () => {
  it('keeps valid rules and template', () => {
    const r = parseProjectConfig('{"rules":{"sum.rowTotal":"off","cell.blank":"error"},"template":"2019"}');
    assert.deepEqual(r, { config: { rules: { 'sum.rowTotal': 'off', 'cell.blank': 'error' }, template: '2019' }, errors: [] });
  });
  it('reports each problem and keeps the rest', () => {
    const r = parseProjectConfig('\uFEFF{"rules":{"sum.rowTotal":"loud","no.such":"off","cell.blank":"hint"},"template":"2030","extra":1}');
    assert.deepEqual(r.config, { rules: { 'cell.blank': 'hint' } });
    assert.equal(r.errors.length, 4);
  });
  it('never throws', () => {
    for (const text of ['', 'nope', 'null', '[]', '42', '{"rules":[]}', '{"rules":null}']) {
      const r = parseProjectConfig(text);
      assert.deepEqual(r.config.rules, {});
      assert.ok(r.errors.length > 0, text);
    }
    assert.deepEqual(parseProjectConfig('{}'), { config: { rules: {} }, errors: [] });
  });
});

describe('findProjectConfig', () => {
  it('walks up from the start folder; the nearest file wins', () => {
    const root = tempDir();
    const deep = path.join(root, 'a', 'b', 'c');
    mkdirSync(deep, { recursive: true });
    assert.equal(findProjectConfig(deep), undefined);
    writeFileSync(path.join(root, '.govreportrc.json'), '{"template":"2019"}');
    const found = findProjectConfig(deep);
    assert.equal(found?.path, path.join(root, '.govreportrc.json'));
    assert.equal(found?.config.template, '2019');
    writeFileSync(path.join(root, 'a', '.govreportrc.json'), '{"template":"2021"}');
    assert.equal(findProjectConfig(deep)?.config.template, '2021');
  });
});

describe('mergeOptions', () => {
  it('editor settings win per rule; an editor template of auto keeps the project template', () => {
    const merged = mergeOptions(
      { rules: { 'sum.rowTotal': 'off', 'cell.blank': 'error' }, template: '2019' },
      { rules: { 'sum.rowTotal': 'warning' }, template: 'auto' },
    );
    assert.deepEqual(merged, { rules: { 'sum.rowTotal': 'warning', 'cell.blank': 'error' }, template: '2019' });
    assert.equal(mergeOptions({ rules: {}, template: '2019' }, { template: '2021' }).template, '2021');
    assert.deepEqual(mergeOptions(undefined, undefined), { rules: {}, template: 'auto' });
  });
});
