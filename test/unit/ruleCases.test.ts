/** Minimal cases for every rule: valid texts, invalid texts with their findings' ranges, and fixed texts. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RULES } from '../../server/src/core';
import { requestRows } from '../../server/src/core/template/tables';
import { readSeed } from '../support/fixtures';
import { report, ruleTester } from '../support/ruleTester';

/** The six parts, headings and one line of prose each, without tables. */
const PARTS = [
  '一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项',
];
const outline = (parts: string[], body: Record<number, string> = {}) => parts.map((h, i) => `${h}\n${body[i] ?? '无。'}\n`).join('');
const SIX = outline(PARTS);
const mark = (text: string, what: string, at = what) => text.replace(what, what.replace(at, `⟦${at}⟧`));
/** `text` with the first `needle` after `after` marked as a finding's range. */
function markAfter(text: string, after: string, needle: string): string {
  const i = text.indexOf(needle, text.indexOf(after));
  assert.ok(text.includes(after) && i >= 0, `${after} … ${needle}`);
  return `${text.slice(0, i)}⟦${needle}⟧${text.slice(i + needle.length)}`;
}
/** `text` with the last `needle` before `before` marked as a finding's range. */
function markBefore(text: string, before: string, needle: string): string {
  const i = text.lastIndexOf(needle, text.indexOf(before));
  assert.ok(text.includes(before) && i >= 0, `${needle} … ${before}`);
  return `${text.slice(0, i)}⟦${needle}⟧${text.slice(i + needle.length)}`;
}
const SEED_000 = readSeed('000');
const REQUESTS_CAPTION = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
const PART6_ALL = '本年度未收取信息处理费。落实工作要点情况良好。人大代表建议和政协提案办理结果已公开。开展创新。年报数据统计无需说明。无认为需要报告的其他事项。无专门要求报告的事项。';

/**
 * A report flattened onto one line as a web crawl keeps it; `review` is table 四 after its header words.
 * Part 一's prose is long enough for the line to read as a flattened report.
 */
const flatReport = (review: string) =>
  `一、总体情况${'本年度，本机关认真贯彻落实《条例》，推进政务公开工作。'.repeat(12)}二、主动公开政府信息情况本年度主动公开信息如下。` +
  '三、收到和处理政府信息公开申请情况本年度未收到申请。四、政府信息公开行政复议、行政诉讼情况' +
  `行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计${review}` +
  '五、存在的主要问题及改进情况无。六、其他需要报告的事项本年度未收取信息处理费。';

const tested = new Set<string>();
function rule(code: Parameters<typeof ruleTester>[0], c: Parameters<typeof ruleTester>[1]): void {
  tested.add(code);
  ruleTester(code, c);
}

rule('section.missing', {
  valid: [SIX],
  invalid: [{
    text: mark(outline(PARTS.filter((_, i) => i !== 4)), '六、其他需要报告的事项'),
    messages: ['缺少第五部分“存在的主要问题及改进情况”'],
    output: SIX.replace('五、存在的主要问题及改进情况\n无。\n', '五、存在的主要问题及改进情况\n'),
  }],
});

rule('section.order', {
  valid: [SIX],
  invalid: [{
    text: mark(outline([PARTS[0], PARTS[1], PARTS[2], PARTS[4], PARTS[3], PARTS[5]]), PARTS[3], '政府信息公开行政复议、行政诉讼情况'),
    messages: ['“政府信息公开行政复议、行政诉讼情况”应在“存在的主要问题及改进情况”之前'],
  }],
});

rule('section.duplicate', {
  valid: [SIX],
  invalid: [{ text: `${SIX}⟦六、其他需要报告的事项⟧\n无。\n`, messages: ['“其他需要报告的事项”重复出现（第一次在第 11 行）'] }],
});

rule('section.extra', {
  valid: [SIX],
  invalid: [{ text: `${SIX}⟦七、政务公开工作创新情况⟧\n无。\n`, messages: ['“七、政务公开工作创新情况”不是官方格式的六个部分之一'] }],
});

rule('section.title', {
  valid: [SIX, SIX.replace('一、总体情况', '一、总体情况：')],
  invalid: [{ text: SIX.replace('一、总体情况', '一、⟦基本情况⟧'), messages: ['官方标题为“总体情况”'], output: SIX }],
});

rule('heading.numbering', {
  valid: [outline(PARTS, { 0: '（一）主动公开\n（二）依申请公开' }), outline(PARTS, { 0: '1、主动公开\n2、依申请公开' })],
  invalid: [
    {
      text: outline(PARTS, { 0: '（一）主动公开\n⟦（三）⟧依申请公开' }),
      messages: ['序号应为“（二）”，实为“（三）”'],
      output: outline(PARTS, { 0: '（一）主动公开\n（二）依申请公开' }),
    },
    { text: SIX.replace('一、总体情况', '⟦1、⟧总体情况'), output: SIX },
    { text: outline(PARTS, { 0: '1、主动公开\n⟦3、⟧依申请公开' }), output: outline(PARTS, { 0: '1、主动公开\n2、依申请公开' }) },
  ],
});

rule('heading.sequence', {
  valid: [outline(PARTS, { 0: '一是完善制度；二是加强培训。' }), outline(PARTS, { 0: '一是完善制度。', 1: '一是加强培训。' }), outline(PARTS, { 0: '统一是原则；三十二是编号。' })],
  invalid: [
    {
      text: outline(PARTS, { 0: '一是完善制度；⟦三是⟧加强培训。' }),
      messages: ['此处应为“二是”，实为“三是”'],
      output: outline(PARTS, { 0: '一是完善制度；二是加强培训。' }),
    },
    { text: outline(PARTS, { 0: '一是完善制度；⟦三\n是⟧加强培训。' }), output: outline(PARTS, { 0: '一是完善制度；二\n是加强培训。' }) },
  ],
});

rule('table.missing', {
  valid: [report()],
  invalid: [{
    text: outline([PARTS[0], `⟦${PARTS[1]}⟧`, `⟦${PARTS[2]}⟧`, `⟦${PARTS[3]}⟧`, PARTS[4], PARTS[5]]),
    messages: ['第二部分缺少表二“主动公开政府信息情况”', '第三部分缺少表三“收到和处理政府信息公开申请情况”', '第四部分缺少表四“政府信息公开行政复议、行政诉讼情况”'],
  }],
});

rule('table.unparsed', {
  valid: [report(), SEED_000],
  invalid: [
    {
      // Table 四 with a number missing: reported on its last label, where its numbers start.
      text: markBefore(SEED_000.replace('\t41\n\t7\n', '\t41\n'), '\t41\n', '总计'),
      options: { locale: 'en' },
      messages: ['Table 四 could not be mapped: expected 15 numbers, found 14'],
    },
    {
      // Table 三 with a row missing: the rows are named.
      text: markAfter(SEED_000.slice(0, SEED_000.indexOf('\t6.属于四类过程性信息')) + SEED_000.slice(SEED_000.indexOf('\t7.属于行政执法案卷')), '', REQUESTS_CAPTION),
      messages: ['表三无法解析：缺少行：denied.6'],
    },
    {
      // Numbers run together are reported, not split by guessing.
      text: report().replace('| 三、本年度办理结果 | （一）予以公开 | | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', '| 三、本年度办理结果 | （一）予以公开 | | ⟦6900000069⟧ |'),
      messages: ['表三无法解析：“6900000069”像是多个单元格连在一起，无法可靠拆分'],
    },
    {
      // A flattened table 四 where no split of "20" keeps 1 + 0 + ? + ? = 4: nothing is read.
      text: flatReport('⟦1 0 20 4 12 0 0 0 12 0 0 0 0 0⟧'),
      messages: ['表四无法解析：数字连写，无法唯一拆分：“…纠正其他结果尚未审结总计”后的“1 0 20 4 12 0 0 0 12 0 0 0 0 0”有不止一种拆法（或没有一种）符合表的格式和勾稽关系'],
    },
  ],
});

rule('template.version', {
  valid: [report(), report({ year: 2020 })],
  invalid: [{
    text: report({ year: 2020 }).replace(/2020/g, '2022').replace('| 第二十条第（一）项 |', '| ⟦第二十条第（一）项⟧ |')
      .replace('| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） |', '| ⟦（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）⟧ |'),
    messages: ['2022年度报告应使用2021版格式，表二为2019版格式', '2022年度报告应使用2021版格式，表三为2019版格式'],
  }, {
    // A 2019 report (seed 001) retitled 2022: both 2019-shaped tables.
    text: markAfter(markAfter(readSeed('001').replace('槐荫区人民政府2019年', '槐荫区人民政府2022年'), '', '第二十条第（一）项'), '', REQUESTS_CAPTION),
    messages: ['2022年度报告应使用2021版格式，表二为2019版格式', '2022年度报告应使用2021版格式，表三为2019版格式'],
  }],
});

rule('template.basis', {
  valid: [`某区人民政府2022年政府信息公开工作年度报告\n本报告根据国办公开办函〔2021〕30号编制。\n${SIX}`, `某区人民政府2020年政府信息公开工作年度报告\n本报告根据国办公开办函〔2019〕60号编制。\n${SIX}`],
  invalid: [{
    text: `某区人民政府2022年政府信息公开工作年度报告\n本报告根据⟦国办公开办函〔2019〕60号⟧编制。\n${SIX}`,
    messages: ['2022年度报告适用国办公开办函〔2021〕30号，〔2019〕60号已被替代'],
  }],
});

rule('cell.invalid', {
  // An amount in yuan is table.unit's.
  valid: [report(), report({ cells: { 'active.fees.amount': '75394432.52元' } })],
  invalid: [
    {
      text: report({ cells: { 'requests.granted.natural': '⟦69件⟧', 'requests.granted.total': '69' } }),
      messages: ['表三（一）予以公开×自然人应为非负整数，实为“69件”'],
      output: report({ cells: { 'requests.granted.natural': '69', 'requests.granted.total': '69' } }),
    },
    { text: report({ cells: { 'requests.granted.natural': '⟦约3⟧' } }) },
  ],
});

rule('cell.blank', {
  valid: [report()],
  invalid: [{
    text: report({ cells: { 'requests.partial.natural': '⟦⟧' } }),
    messages: ['表三（二）部分公开（区分处理的，只计这一情形，不计其他情形）×自然人为空；没有数据请填 0'],
    output: report(),
  }, {
    // A wholly blank row is one finding with its count; its fix fills every cell.
    text: report().replace('| 规章 | 0 | 0 | 0 |', '| 规章 | ⟦ | | ⟧|'),
    messages: ['表二规章整行（3 格）为空；没有数据请填 0'],
  }, {
    // So is a column blank in every row: 法律服务机构 of all 25 rows of table 三.
    text: report({
      cells: Object.fromEntries(requestRows('2021').map((r, i, all) => [`requests.${r.key}.legal`, i === 0 ? '⟦' : i === all.length - 1 ? '⟧' : ''])),
    }),
    options: { locale: 'en' },
    messages: ['table 三 legal service organisations: the whole column (25 cells) is blank; write 0 if there is nothing to count'],
  }],
});

rule('cell.recovered', {
  valid: [flatReport('1 0 2 0 3 12 0 0 0 12 0 0 0 0 0'), report()],
  invalid: [{
    // "20" can only be 2 and 0 (no number starts with 0): 1+0+2+0 = 3 holds.
    text: flatReport('1 0 ⟦2⟧⟦0⟧ 3 12 0 0 0 12 0 0 0 0 0'),
    messages: [
      '表四行政复议×其他结果读作 2：从连写的“20”中拆出，这是唯一符合表中勾稽关系的拆法',
      '表四行政复议×尚未审结读作 0：从连写的“20”中拆出，这是唯一符合表中勾稽关系的拆法',
    ],
  }],
});

rule('table.plausibility', {
  valid: [report({ cells: { 'active.normative.issued': '12', 'active.normative.effective': '40' } })],
  invalid: [{
    text: report({ cells: { 'active.normative.issued': '⟦12⟧', 'active.normative.effective': '5' } }),
    messages: ['行政规范性文件：本年制发 12 件多于现行有效 5 件 + 本年废止 0 件'],
  }],
});

rule('table.unit', {
  valid: [report({ cells: { 'active.fees.amount': '123.45' } })],
  invalid: [{
    text: report({ cells: { 'active.fees.amount': '⟦1234500⟧' } }),
    messages: ['表二行政事业性收费×本年收费金额（单位：万元）以万元计，“1234500”偏大，像是按元填写的；按万元应为 123.45'],
    output: report({ cells: { 'active.fees.amount': '123.45' } }),
  }, {
    // An amount with the unit 元 is converted, not called invalid.
    text: report({ cells: { 'active.fees.amount': '⟦75394432.52元⟧' } }),
    messages: ['表二行政事业性收费×本年收费金额（单位：万元）以万元计，“75394432.52元”带有单位“元”；按万元应为 7539.443252'],
    output: report({ cells: { 'active.fees.amount': '7539.443252' } }),
  }],
});

const granted = { 'requests.new.natural': '1', 'requests.new.total': '1', 'requests.granted.natural': '1', 'requests.granted.total': '1', 'requests.processed.natural': '1', 'requests.processed.total': '1' };

rule('sum.rowTotal', {
  valid: [report(), report({ cells: granted })],
  invalid: [{
    text: report({ cells: { ...granted, 'requests.granted.total': '⟦0⟧' } }),
    messages: ['总计应为 1（1+0+0+0+0+0），实为 0'],
    output: report({ cells: granted }),
  }],
});

rule('sum.columnTotal', {
  valid: [report(), report({ cells: granted })],
  invalid: [{
    text: report({ cells: { ...granted, 'requests.processed.natural': '⟦0⟧', 'requests.processed.total': '⟦0⟧' } }),
    messages: ['（七）总计应为 1（1+0+0+0+0+0），实为 0', '（七）总计应为 1（1+0+0+0+0+0），实为 0'],
    output: report({ cells: { ...granted, 'requests.processed.total': '0' } }),
  }],
});

rule('sum.balance', {
  valid: [report(), report({ cells: granted })],
  invalid: [{
    text: report({ cells: { ...granted, 'requests.new.natural': '2', 'requests.new.total': '2', 'requests.carryover.natural': '⟦0⟧', 'requests.carryover.total': '⟦0⟧' } }),
    messages: [
      '一 + 二 = 2（2+0），（七）+ 四 = 1（1+0），不相等；四应为 1，实为 0',
      '一 + 二 = 2（2+0），（七）+ 四 = 1（1+0），不相等；四应为 1，实为 0',
    ],
    output: report({ cells: { ...granted, 'requests.new.natural': '2', 'requests.new.total': '2', 'requests.carryover.natural': '1' } }),
  }],
});

rule('sum.reviewTotal', {
  valid: [report(), report({ cells: { 'review.reconsideration.upheld': '1', 'review.reconsideration.total': '1' } })],
  invalid: [{
    text: report({ cells: { 'review.reconsideration.upheld': '1', 'review.reconsideration.total': '⟦0⟧' } }),
    messages: ['行政复议总计应为 1（1+0+0+0），实为 0'],
    output: report({ cells: { 'review.reconsideration.upheld': '1', 'review.reconsideration.total': '1' } }),
  }],
});

rule('narrative.mismatch', {
  valid: [
    report({ cells: granted, parts: { requests: '本年度予以公开1件。' } }), report({ cells: granted, parts: { requests: '本年度予以公开1条。' } }),
    // One office's share of the requests, not the table's total.
    report({ cells: granted, parts: { overview: '区政府办代表区政府受理政府信息公开申请17件。' } }),
    // Table 三 not read whole (a row short of numbers): its sums are not compared.
    report({ cells: { ...granted, 'requests.partial.natural': '00' }, parts: { requests: '本年度予以公开2件。' } }).replace('| | 00 | 0 |', '| 00 |'),
  ],
  invalid: [{
    text: report({ cells: granted, parts: { requests: '本年度予以公开⟦2⟧件。' } }),
    messages: ['正文称予以公开 2 件，表三（一）予以公开·总计为 1'],
    output: report({ cells: granted, parts: { requests: '本年度予以公开1件。' } }),
  }],
});

rule('narrative.percent', {
  valid: [report({ cells: granted, parts: { requests: '本年度予以公开1件，占比100%。' } })],
  invalid: [{
    text: report({ cells: granted, parts: { requests: '本年度予以公开1件，占比⟦50⟧%。' } }),
    messages: ['正文称予以公开占 50%，按表三为 1 ÷ 1（（七）总计）≈ 100.0%'],
    output: report({ cells: granted, parts: { requests: '本年度予以公开1件，占比100%。' } }),
  }],
});

rule('period.year', {
  valid: [report()],
  invalid: [
    {
      text: report().replace('自2022年1月1日起至2022年12月31日止', '自⟦2021⟧年1月1日起至2021年12月31日止'),
      messages: ['统计期限为2021年1月1日至2021年12月31日，与标题年度 2022 年不符'],
      output: report(),
    },
    {
      text: report().replace('自2022年1月1日起至2022年12月31日止', '自⟦2022年1月1日起至2022年6月30日⟧止'),
      messages: ['统计期限2022年1月1日至2022年6月30日不是完整的公历年度（应为2022年1月1日至2022年12月31日）'],
    },
  ],
});

rule('part6.fee', {
  valid: [
    report(), report({ parts: { other: '（一）收取信息处理费的情况\n本年度未收取信息处理费。' } }),
    // The common negative wordings, with or without the fee's name.
    report({ parts: { other: '全年无收取信息处理费情况。' } }), report({ parts: { other: '本机关未发生收费情况。' } }),
    report({ parts: { other: '本年度未收取信息处理费。' } }),
  ],
  invalid: [
    { text: report({ parts: { other: '（一）收取⟦信息处理费⟧的情况' } }) },
    { text: report({ parts: { other: '无。' } }).replace('六、其他需要报告的事项', '六、⟦其他需要报告的事项⟧') },
  ],
});

rule('part6.item', {
  valid: [report({ parts: { other: PART6_ALL } }), report({ year: 2020 })],
  invalid: [{
    text: report({ parts: { other: PART6_ALL.replace('开展创新。', '') } }).replace('六、其他需要报告的事项', '六、⟦其他需要报告的事项⟧'),
    messages: ['第六部分未涉及“年度政务公开工作创新情况”'],
  }],
});

const lastYear = report({ year: 2021, cells: { 'requests.carryover.natural': '1', 'requests.carryover.total': '1', 'active.normative.effective': '40' } });

rule('crossYear.carried', {
  valid: [{ text: report({ cells: { 'requests.carried.natural': '1', 'requests.carried.total': '1' } }), previous: lastYear }, report()],
  invalid: [{
    text: report({ cells: { 'requests.carried.natural': '⟦0⟧', 'requests.carried.total': '⟦0⟧' } }),
    previous: lastYear,
    messages: ['上年结转应为 1（2021年报告“结转下年度”），实为 0', '上年结转应为 1（2021年报告“结转下年度”），实为 0'],
    output: report({ cells: { 'requests.carried.natural': '1', 'requests.carried.total': '0' } }),
  }],
});

rule('crossYear.effective', {
  valid: [{ text: report({ cells: { 'active.normative.issued': '5', 'active.normative.repealed': '2', 'active.normative.effective': '43' } }), previous: lastYear }],
  invalid: [{
    text: report({ cells: { 'active.normative.issued': '5', 'active.normative.repealed': '2', 'active.normative.effective': '⟦50⟧' } }),
    previous: lastYear,
    messages: ['现行有效件数按上年 40 + 制发 5 − 废止 2 应为 43，实为 50'],
  }],
});

test('every rule of the catalogue has cases here', () => {
  // A rule reported while decoding bytes has its cases with the decoder (test/cli/safety.test.ts, test/lsp/workspaceCheckSafety.test.ts).
  assert.deepEqual(RULES.filter((r) => !r.reportedWhenDecoding).map((r) => r.code).filter((c) => !tested.has(c)), []);
});
