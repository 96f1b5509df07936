/** Unit tests of the shared config loader (server/src/config), used by both the server and the CLI. */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { describeConfigProblem, findProjectConfig, mergeOptions, parseProjectConfig } from '../../server/src/config';
import { tempDir } from './helpers';

describe('parseProjectConfig', () => {
  it('keeps valid rules and template', () => {
    const r = parseProjectConfig('{"rules":{"sum.rowTotal":"off","cell.blank":"error"},"template":"2019"}');
    assert.deepEqual(r, { config: { rules: { 'sum.rowTotal': 'off', 'cell.blank': 'error' }, template: '2019' }, problems: [] });
  });
  it('reports each problem and keeps the rest', () => {
    const r = parseProjectConfig('\uFEFF{"rules":{"sum.rowTotal":"loud","no.such":"off","cell.blank":"hint"},"template":"2030","extra":1}');
    assert.deepEqual(r.config, { rules: { 'cell.blank': 'hint' } });
    assert.deepEqual(r.problems.map((p) => p.key), ['config.unknownKey', 'config.badTemplate', 'config.badSeverity', 'config.unknownRule']);
  });
  it('says what is wrong in Chinese by default and in English on request', () => {
    const { problems } = parseProjectConfig('{"rules":{"sum.rowTotal":"loud","no.such":"off"},"template":"2030","extra":1}');
    assert.deepEqual(problems.map((p) => describeConfigProblem(p, 'zh-cn')), [
      '未知的键 "extra"（可用的键：rules、template）',
      '"template" 应为 auto、2019、2021 之一，实为 "2030"',
      '规则 "sum.rowTotal" 的级别应为 error、warning、information、hint、off 之一，实为 "loud"',
      '未知的规则 "no.such"',
    ]);
    assert.deepEqual(problems.map((p) => describeConfigProblem(p, 'en')), [
      'unknown key "extra" (known keys: rules, template)',
      '"template" must be one of auto, 2019, 2021, found "2030"',
      'rule "sum.rowTotal": must be one of error, warning, information, hint, off, found "loud"',
      'unknown rule "no.such"',
    ]);
    assert.match(describeConfigProblem(parseProjectConfig('{').problems[0], 'zh-cn'), /^不是有效的 JSON（.+）$/);
  });
  it('never throws', () => {
    for (const text of ['', 'nope', 'null', '[]', '42', '{"rules":[]}', '{"rules":null}']) {
      const r = parseProjectConfig(text);
      assert.deepEqual(r.config.rules, {});
      assert.ok(r.problems.length > 0, text);
    }
    assert.deepEqual(parseProjectConfig('{}'), { config: { rules: {} }, problems: [] });
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
