/**
 * Narrative against tables (docs/format.md, “The prose against the tables”): every number the seeds restate is bound and agrees;
 * changing the table cell behind it makes exactly that prose number a `narrative.mismatch`, with both
 * numbers and where each comes from. Numbers about other subjects never bind.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeReport, applyEdits, type Finding } from '../../server/src/core';
import { SEEDS, readSeed, withTablesAs } from '../support/fixtures';
import { cellValue, ofCode, rangeIn, replaceOnce, setCells } from '../support/edit';

const narrative = (text: string, locale: 'zh-cn' | 'en' = 'zh-cn') =>
  analyzeReport(text, { locale }).findings.filter((f) => f.code.startsWith('narrative.'));

/** [seed, prose context, the number in it, cell(s) changed (+1), the table value the message must cite first]. */
const RESTATED: [string, string, string, string | string[], number][] = [
  ['000', '办理政府信息公开申请333件', '333', 'requests.processed.total', 334],
  ['000', '予以公开69件', '69', 'requests.granted.total', 70],
  ['000', '部分公开35件', '35', 'requests.partial.total', 36],
  ['000', '不予公开8件', '8', 'requests.denied.4.total', 9],
  ['000', '无法提供198件', '198', 'requests.unavailable.1.total', 199],
  ['000', '不予处理6件', '6', 'requests.rejected.1.total', 7],
  ['000', '其他处理17件', '17', 'requests.other.3.total', 18],
  ['000', '结转至下年办理12件', '12', 'requests.carryover.total', 13],
  ['002', '政府信息公开申请书68件', '68', 'requests.new.total', 57],
  ['002', '其中上年结转12件', '12', 'requests.carried.total', 13],
  ['002', '其中自然人申请63件', '63', 'requests.new.natural', 52],
  // 一, 一 + 二 and （七） of the column are all accepted for an applicant type: change 一 and （七）.
  ['002', '商业企业申请3件', '3', ['requests.new.business', 'requests.processed.business'], 4],
  ['002', '67件已在规定期限内办理完毕', '67', 'requests.processed.total', 68],
  ['002', '1件结转下年度继续办理', '1', 'requests.carryover.total', 2],
  ['003', '办结依申请公开件47件', '47', 'requests.processed.total', 48],
  ['003', '“予以公开”42件', '42', 'requests.granted.total', 43],
  ['003', '“部分公开”2件', '2', 'requests.partial.total', 3],
  ['003', '“不予公开”0件', '0', 'requests.denied.1.total', 1],
  ['003', '“无法提供”2件', '2', 'requests.unavailable.1.total', 3],
  ['003', '“不予处理”1件', '1', 'requests.rejected.1.total', 2],
  ['003', '行政复议2件', '2', 'review.reconsideration.total', 3],
  ['003', '行政诉讼0件', '0', 'review.direct.total', 1],
  ['004', '共收到政府信息公开申请1600件', '1600', 'requests.new.total', 1601],
  ['004', '结转上年政府信息公开申请28件', '28', 'requests.carried.total', 29],
  ['004', '答复政府信息公开申请1611件', '1611', 'requests.processed.total', 1612],
  ['004', '另有17件结转', '17', 'requests.carryover.total', 18],
];

function findingAt(findings: Finding[], range: Finding['range']): Finding | undefined {
  return findings.find((f) => f.code === 'narrative.mismatch' && JSON.stringify(f.range) === JSON.stringify(range));
}

describe('narrative.mismatch', () => {
  for (const seed of SEEDS) {
    test(`seed ${seed.slice(0, 3)}: every restated number agrees with the tables (TAB/pipe and Markdown)`, () => {
      assert.deepEqual(narrative(readSeed(seed)), []);
      assert.deepEqual(narrative(withTablesAs(readSeed(seed), 'markdown')), []);
    });
  }

  for (const [seed, context, number, cells, expected] of RESTATED) {
    const keys = typeof cells === 'string' ? [cells] : cells;
    const cell = keys[0];
    test(`seed ${seed}: “${context}” is flagged when ${keys.join(' and ')} change`, () => {
      const text = readSeed(seed);
      const edited = setCells(text, Object.fromEntries(keys.map((k) => [k, cellValue(text, k) + 1])));
      const range = rangeIn(edited, context, number);
      const f = findingAt(narrative(edited), range);
      assert.ok(f, `no narrative.mismatch on “${number}” in “${context}”: ${narrative(edited).map((x) => x.message).join(' | ')}`);
      assert.equal(f.severity, 'warning');
      assert.match(f.message, new RegExp(`^正文称.+ ${number} 件，表[二三四].+为 ${expected}(（.+）)?$`));
      assert.ok(f.related?.some((r) => r.cell === cell), 'related points at the changed cell');
      assert.ok(f.fixes?.some((x) => x.edits.length === 1 && x.edits[0].newText === String(expected) && !x.preferred));
      // Applying the fix makes the prose agree again.
      const fixed = applyEdits(edited, f.fixes!.find((x) => x.edits[0].newText === String(expected))!.edits);
      assert.equal(findingAt(narrative(fixed), range), undefined);
    });
  }

  test('the message names both numbers and where each comes from', () => {
    const edited = setCells(readSeed('000'), { 'requests.granted.total': 70 });
    const f = findingAt(narrative(edited), rangeIn(edited, '予以公开69件', '69'))!;
    assert.equal(f.message, '正文称予以公开 69 件，表三（一）予以公开·总计为 70');
    assert.equal(f.cell, 'requests.granted.total');
    assert.deepEqual(f.args, { subject: '予以公开', stated: 69, table: '三', where: '（一）予以公开·总计', actual: 70, alternatives: '' });
    const en = findingAt(narrative(edited, 'en'), rangeIn(edited, '予以公开69件', '69'))!;
    assert.equal(en.message, 'The text says granted 69, table 三 (1) Granted · total has 70');
  });

  test('a sum over a group cites the group and points at each of its rows', () => {
    const edited = setCells(readSeed('000'), { 'requests.denied.4.total': 3 });
    const f = findingAt(narrative(edited), rangeIn(edited, '不予公开8件', '8'))!;
    assert.equal(f.message, '正文称不予公开 8 件，表三（三）不予公开·总计为 9');
    assert.equal(f.cell, undefined);
    assert.deepEqual(f.related?.map((r) => r.cell), [1, 2, 3, 4, 5, 6, 7, 8].map((n) => `requests.denied.${n}.total`));
  });

  test('"收到…申请N件" accepts 一 or 一 + 二 and cites both when neither matches', () => {
    const text = readSeed('002');
    const edited = replaceOnce(text, '申请书68件', '申请书70件');
    const f = findingAt(narrative(edited), rangeIn(edited, '申请书70件', '70'))!;
    assert.equal(f.message, '正文称收到申请 70 件，表三一、本年新收·总计为 56（一 + 二·总计为 68）');
    assert.deepEqual(f.fixes!.map((x) => x.edits[0].newText), ['56', '68']);
    assert.deepEqual(f.related!.map((r) => r.cell), ['requests.new.total', 'requests.carried.total']);
    // 一 alone is also accepted.
    assert.deepEqual(narrative(replaceOnce(text, '申请书68件', '申请书56件')).filter((x) => x.range.start.line === f.range.start.line && x.args?.stated === 56), []);
  });

  test('"办理…申请N件" accepts （七）总计, 一 or 一 + 二', () => {
    const text = readSeed('000');
    for (const n of [333, 323, 345]) assert.deepEqual(narrative(replaceOnce(text, '办理政府信息公开申请333件', `办理政府信息公开申请${n}件`)), [], String(n));
    assert.equal(narrative(replaceOnce(text, '办理政府信息公开申请333件', '办理政府信息公开申请340件')).length, 1);
  });

  test('行政诉讼 is direct + after reconsideration, or direct alone', () => {
    const text = readSeed('003');
    const edited = setCells(text, { 'review.direct.total': 2, 'review.afterReconsideration.total': 1 });
    const f = findingAt(narrative(edited), rangeIn(edited, '行政诉讼0件', '0'))!;
    assert.equal(f.message, '正文称行政诉讼 0 件，表四行政诉讼（未经复议直接起诉 + 复议后起诉）·总计为 3（行政诉讼·未经复议直接起诉·总计为 2）');
    assert.deepEqual(narrative(replaceOnce(edited, '行政诉讼0件', '行政诉讼2件')), []);
  });

  test('现行有效…规范性文件N件 is table 二', () => {
    const text = readSeed('000');
    const at = '及时公布执行的区政府及部门的规范性文件。';
    assert.deepEqual(narrative(replaceOnce(text, at, `${at}现行有效行政规范性文件2件。`)), []);
    const edited = replaceOnce(text, at, `${at}现行有效行政规范性文件3件。`);
    const [f] = narrative(edited);
    assert.equal(f.message, '正文称现行有效行政规范性文件 3 件，表二行政规范性文件·现行有效件数为 2');
    assert.equal(f.cell, 'active.normative.effective');
  });

  test('numbers about other subjects in the same sentence never bind', () => {
    const text = readSeed('000');
    const at = '结转至下年办理12件。';
    const others = [
      '全年收到人大代表建议93件，受理行政复议申请5件，办理群众来信598件，涉及房屋征收120件，会议信息397条。',
      '2022年全区办理政府信息公开申请333件，涉及房屋征收120件，其中来自街道的申请30件。',
      '特殊情况处理申请1件，通过热线答复群众咨询300件，标准统一是关键。',
      '全区共办理行政复议案件41件。',
    ];
    for (const s of others) assert.deepEqual(narrative(replaceOnce(text, at, at + s)), [], s);
  });

  test('part 三 prose counts, part 六 and explanations of sub-items do not', () => {
    const text = readSeed('000');
    const part3 = '三、收到和处理政府信息公开申请情况\n';
    const edited = replaceOnce(text, part3, `${part3}本年度予以公开70件。\n`);
    assert.deepEqual(narrative(edited).map((f) => f.args?.stated), [70]);
    assert.deepEqual(narrative(replaceOnce(text, part3, `${part3}其他处理11件为申请人咨询。\n`)), []);
    // Seed 000's part 六 says "第六项“其他处理”的11件" (row 3 only): never compared.
    assert.deepEqual(narrative(replaceOnce(text, '本年度未收取信息处理费。', '本年度未收取信息处理费。予以公开70件。')), []);
  });

  test('full-width digits and a blank table cell', () => {
    const text = readSeed('000');
    const edited = replaceOnce(text, '予以公开69件', '予以公开７０件');
    const f = narrative(edited).find((x) => x.code === 'narrative.mismatch')!;
    assert.equal(f.args?.stated, 70);
    assert.deepEqual(f.range, rangeIn(edited, '予以公开７０件', '７０'));
    // A blank cell is never read as 0: nothing to compare.
    assert.deepEqual(narrative(setCells(text, { 'requests.granted.total': '' })), []);
  });

  test('turned off per code', () => {
    const edited = setCells(readSeed('000'), { 'requests.granted.total': 70 });
    const codes = analyzeReport(edited, { rules: { 'narrative.mismatch': 'off' } }).findings.map((f) => f.code);
    assert.ok(!codes.includes('narrative.mismatch'));
  });
});

describe('narrative.percent', () => {
  test('seed 000 (21％ … 60％ of 333) and seed 003 (89.3%, 4.2 %, 2.1 %) are accepted', () => {
    assert.deepEqual(ofCode(analyzeReport(readSeed('000')).findings, 'narrative.percent'), []);
    assert.deepEqual(ofCode(analyzeReport(readSeed('003')).findings, 'narrative.percent'), []);
  });

  test('truncation and rounding are accepted, more than one unit off is flagged', () => {
    const text = readSeed('000');
    assert.deepEqual(narrative(replaceOnce(text, '占比21％', '占比20％')), []); // 20.72 truncated
    const edited = replaceOnce(text, '占比21％', '占比25％');
    const [f] = narrative(edited);
    assert.equal(f.code, 'narrative.percent');
    assert.equal(f.severity, 'information');
    assert.deepEqual(f.range, rangeIn(edited, '占比25％', '25'));
    assert.equal(f.message, '正文称予以公开占 25%，按表三为 69 ÷ 333（（七）总计）≈ 20.7%');
    assert.equal(f.fixes![0].edits[0].newText, '21');
    assert.deepEqual(f.related!.map((r) => r.cell), ['requests.granted.total', 'requests.processed.total']);
  });

  test('one decimal: 89.5% for 42/47 (89.36) is flagged, 89.4% is not', () => {
    const text = readSeed('003');
    assert.deepEqual(narrative(replaceOnce(text, '占89.3%', '占89.4%')), []);
    const [f] = narrative(replaceOnce(text, '占89.3%', '占89.5%'));
    assert.equal(f.message, '正文称予以公开占 89.5%，按表三为 42 ÷ 47（（七）总计）≈ 89.36%');
    assert.equal(f.fixes![0].edits[0].newText, '89.4');
    const [en] = narrative(replaceOnce(text, '占89.3%', '占89.5%'), 'en');
    assert.equal(en.message, 'The text says granted is 89.5%; table 三 gives 42 ÷ 47 ((7) total processed) ≈ 89.36%');
  });
});
