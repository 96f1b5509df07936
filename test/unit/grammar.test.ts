// Tokenizes report lines with the TextMate grammar (vscode-textmate + vscode-oniguruma, as VS Code
// does) and checks the scopes of the parts a reader cares about.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

const root = path.resolve(__dirname, '..', '..', '..');
const grammarPath = path.join(root, 'syntaxes', 'gov-annual-report.tmLanguage.json');
const seedsDir = path.join(root, 'test', 'fixtures', 'seeds');

let grammarPromise: Promise<vsctm.IGrammar> | undefined;
function loadGrammar(): Promise<vsctm.IGrammar> {
  grammarPromise ??= (async () => {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new vsctm.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scopeName) =>
        scopeName === 'text.gov-annual-report'
          ? vsctm.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath)
          : null,
    });
    const grammar = await registry.loadGrammar('text.gov-annual-report');
    assert.ok(grammar, 'grammar loads');
    return grammar;
  })();
  return grammarPromise;
}

interface Token {
  text: string;
  scopes: string[];
}

/** Tokenizes `lines` as one document (rule stack carried from line to line). */
async function tokenize(lines: string[]): Promise<Token[][]> {
  const grammar = await loadGrammar();
  let stack = vsctm.INITIAL;
  return lines.map((line) => {
    const r = grammar.tokenizeLine(line, stack);
    stack = r.ruleStack;
    return r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/** The scopes of the token where `needle` starts in `line`; also checks the token covers all of it. */
async function scopesOf(line: string, needle: string): Promise<string[]> {
  const [tokens] = await tokenize([line]);
  const at = line.indexOf(needle);
  assert.ok(at >= 0, `"${needle}" in "${line}"`);
  let offset = 0;
  for (const t of tokens) {
    if (at >= offset && at < offset + t.text.length) {
      assert.ok(t.text.includes(needle) || needle.startsWith(t.text), `token "${t.text}" holds "${needle}" in "${line}"`);
      return t.scopes;
    }
    offset += t.text.length;
  }
  assert.fail(`no token at ${at} in "${line}"`);
}

function hasScope(scopes: string[], prefix: string): boolean {
  return scopes.some((s) => s.split(' ').some((part) => part.startsWith(prefix)));
}

async function assertScope(line: string, needle: string, prefix: string): Promise<void> {
  const scopes = await scopesOf(line, needle);
  assert.ok(hasScope(scopes, prefix), `"${needle}" in ${JSON.stringify(line)} should have ${prefix}, has ${scopes.join(', ')}`);
}

async function assertNoScope(line: string, needle: string, prefix: string): Promise<void> {
  const scopes = await scopesOf(line, needle);
  assert.ok(!hasScope(scopes, prefix), `"${needle}" in ${JSON.stringify(line)} should not have ${prefix}, has ${scopes.join(', ')}`);
}

test('part headings, also with leading half- and full-width spaces', async () => {
  for (const line of ['一、总体情况', '  二、主动公开政府信息情况', '\u3000\u3000六、其他需要报告的事项']) {
    await assertScope(line, line.trim().slice(0, 2), 'markup.heading.1');
    await assertScope(line, line.trim().slice(2), 'entity.name.section');
  }
});

test('sub-heading levels get distinct scopes; run-in headings stop at the first sentence', async () => {
  const line = '（一）强化公开实效，着力提升主动公开水平。2022年主动公开信息3024条。';
  await assertScope(line, '（一）', 'markup.heading.2');
  await assertScope(line, '强化公开实效', 'entity.name.section');
  await assertNoScope(line, '2022', 'markup.heading');
  await assertScope(line, '2022', 'constant.numeric');
  await assertScope('(二)高标准开展依申请公开工作。', '(二)', 'markup.heading.2');
  await assertScope('1、 总体情况', '1、', 'markup.heading.3');
  await assertScope('2.加强平台建设', '2.', 'markup.heading.3');
  await assertScope('（4）强化监督保障', '（4）', 'markup.heading.4');
  await assertNoScope('3.5亿元用于建设', '3.5', 'markup.heading');
});

test('the title line', async () => {
  await assertScope('济南市天桥区人民政府2022年政府信息公开工作年度报告', '济南市', 'markup.heading.title');
});

test('TAB-shape cells: table 三 row labels are labels, not part headings', async () => {
  await assertScope('\t一、本年新收政府信息公开申请数量', '一、本年新收', 'entity.other.attribute-name.table-label');
  await assertNoScope('\t一、本年新收政府信息公开申请数量', '一、本年新收', 'markup.heading');
  await assertScope('\t（三）不予公开', '（三）不予公开', 'entity.other.attribute-name.table-label');
  await assertScope('\t1.属于国家秘密', '1.属于国家秘密', 'entity.other.attribute-name.table-label');
  await assertScope('\t69', '69', 'constant.numeric');
  await assertScope('\t69', '\t', 'punctuation.whitespace.separator.tab');
  await assertScope('\t3027.6557', '3027.6557', 'constant.numeric');
  await assertScope('\t增98', '增98', 'constant.numeric');
  await assertScope('\t减641', '减641', 'constant.numeric');
  await assertScope('\t第二十条第（一）项', '第二十条第（一）项', 'entity.name.type.table-caption');
  await assertScope('\t信息内容', '信息内容', 'entity.name.type.table-caption');
  const note = '\t（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
  await assertScope(note, '（本列数据', 'comment.block.documentation.table-note');
});

test('pipe-shape cells (seed 004)', async () => {
  await assertScope('一、本年新收政府信息公开申请数量 |', '一、本年新收', 'entity.other.attribute-name.table-label');
  await assertNoScope('一、本年新收政府信息公开申请数量 |', '一、本年新收', 'markup.heading');
  await assertScope('1600 | ||', '1600', 'constant.numeric');
  await assertScope('1600 | ||', '||', 'punctuation.separator.table.pipe');
  await assertScope('第二十条第(一)项 | |||', '第二十条第(一)项', 'entity.name.type.table-caption');
  await assertScope('(一)予以公开 |', '(一)予以公开', 'entity.other.attribute-name.table-label');
});

test('rows without outer pipes ("a | b | c"), as copied from web pages', async () => {
  const row = '（一）予以公开 | | 69 | 0 | 0 | 0 | 0 | 0 | 69';
  await assertScope(row, '（一）予以公开', 'entity.other.attribute-name.table-label');
  await assertScope(row, '69', 'constant.numeric');
  await assertScope(row, '|', 'punctuation.separator.table.pipe');
  await assertScope('---|---|---', '---|---|---', 'punctuation.separator.table.markdown');
  // One pipe in prose is not a table.
  await assertNoScope('网站标识码 | 京ICP备12345号', '|', 'punctuation.separator.table.pipe');
});

test('Markdown tables: pipes, separator line, labels and numbers in cells', async () => {
  const row = '| 三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |';
  await assertScope(row, '|', 'punctuation.separator.table.pipe');
  await assertScope(row, '三、本年度办理结果', 'entity.other.attribute-name.table-label');
  await assertScope(row, '（三）不予公开', 'entity.other.attribute-name.table-label');
  await assertScope(row, '1.属于国家秘密', 'entity.other.attribute-name.table-label');
  await assertScope(row, '0', 'constant.numeric');
  await assertScope('|---|---|:---:|', '|---|', 'punctuation.separator.table.markdown');
  await assertScope('| 结果<br>维持 | 总计 |', '<br>', 'constant.character.escape.line-break');
  await assertScope('## 一、总体情况', '一、总体情况', 'entity.name.section');
  // Word converted with pandoc sets headings in bold.
  await assertScope('**一、总体情况**', '一、', 'markup.heading.1');
  await assertScope('**（一）主动公开情况**', '（一）', 'markup.heading.2');
});

test('PDF text: a row aligned by spaces is a table row, its numbered label not a heading', async () => {
  const row = '    四、结转下年度继续办理                    12    0     0   0     0   0   12';
  await assertScope(row, '四、结转下年度继续办理', 'entity.other.attribute-name.table-label');
  await assertNoScope(row, '四、结转下年度继续办理', 'markup.heading');
  await assertScope(row, '12', 'constant.numeric');
  await assertScope('   行政许可         371     增 98            30456', '增 98', 'constant.numeric');
  // A part heading and prose with numbers stay what they were.
  await assertScope('四、政府信息公开行政复议、行政诉讼情况', '四、', 'markup.heading.1');
  await assertNoScope('中所列数据的统计期限自 2022 年 1 月 1 日起至 2022 年 12 月 31 日止。', '2022', 'meta.table.row.aligned');
});

test('numbers in prose', async () => {
  const line = '收到政府信息公开申请333件，其中予以公开69件，占比21%。';
  await assertScope(line, '333', 'constant.numeric');
  await assertScope(line, '21%', 'constant.numeric');
});

test('every seed tokenizes; every TAB-led line is a table cell, never a heading', async () => {
  for (const f of fs.readdirSync(seedsDir).filter((n) => n.endsWith('.txt'))) {
    const lines = fs.readFileSync(path.join(seedsDir, f), 'utf8').split(/\r?\n/);
    const tokens = await tokenize(lines);
    tokens.forEach((line, i) => {
      if (!lines[i].startsWith('\t')) return;
      for (const t of line) {
        assert.ok(!hasScope(t.scopes, 'markup.heading'), `${f}:${i + 1} "${t.text}" is not a heading`);
      }
    });
  }
});

test('seed 000: its part headings are headings and its table numbers are numeric', async () => {
  const text = fs.readFileSync(path.join(seedsDir, '000_dc17b29f247dd138.txt'), 'utf8');
  const lines = text.split(/\r?\n/);
  const tokens = await tokenize(lines);
  const partLine = lines.findIndex((l) => l.startsWith('二、主动公开'));
  assert.ok(tokens[partLine].some((t) => hasScope(t.scopes, 'markup.heading.1')));
  const granted = lines.findIndex((l) => l === '\t（一）予以公开');
  const numeric = tokens.slice(granted + 1, granted + 8).map((line) => line.find((t) => /\d/.test(t.text)));
  assert.deepEqual(numeric.map((t) => t?.text), ['69', '0', '0', '0', '0', '0', '69']);
  assert.ok(numeric.every((t) => t && hasScope(t.scopes, 'constant.numeric')));
});
