/** The Markdown row tokenizer (docs/format.md, “Shapes a table arrives in”): cells between unescaped pipes, blank edges dropped. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findTableRegions } from '../../server/src/core/model/tableText';
import { indexLines } from '../../server/src/core/text';

const cellsOf = (text: string) => findTableRegions(indexLines(text).lines).flatMap((r) => r.tokens.map((t) => (t.rowStart ? '¶' : '') + t.text));

test('Markdown rows: leading and trailing pipes, empty cells, escaped pipes, <br>', () => {
  assert.deepEqual(cellsOf('| 项目 | 自然人 |\n|---|---|\n| （一）予以公开 |  | 69 |'), ['¶项目', '自然人', '¶（一）予以公开', '', '69']);
  assert.deepEqual(cellsOf('| a\\|b | c<br>d |'), ['¶a\\|b', 'cd']);
  // Without the closing pipe the text after the last one is a cell; a trailing backslash is kept.
  assert.deepEqual(cellsOf('  | a | b | c\\'), ['¶a', 'b', 'c\\']);
});

test('Markdown: an empty cell is a zero-width span after its first space, where a value would be typed', () => {
  const text = '| x | y |\n| 1 |  |';
  const empty = findTableRegions(indexLines(text).lines)[0].tokens.at(-1)!;
  assert.equal(empty.text, '');
  assert.equal(text.slice(0, empty.span.start), '| x | y |\n| 1 | ');
  assert.equal(empty.span.end, empty.span.start);
});

test('rows without outer pipes ("a | b | c") are Markdown rows; their label-only rows join them', () => {
  const regions = (text: string) => findTableRegions(indexLines(text).lines);
  // Label-only rows ("第二十条第（一）项 | | |") alone look like pipe-shape cells; in a table with text
  // after a pipe they are rows of empty cells, the separator line without outer pipes is skipped.
  const text = '第二十条第（一）项 | | |\n信息内容 | 本年制发件数 | 本年废止件数\n---|---|---\n规章 | 0 | 1\n';
  assert.deepEqual(regions(text).map((r) => [r.shape, r.startLine, r.endLine]), [['markdown', 0, 3]]);
  assert.deepEqual(cellsOf(text), ['¶第二十条第（一）项', '', '', '¶信息内容', '本年制发件数', '本年废止件数', '¶规章', '0', '1']);
  // The pipe shape (seed 004) is unchanged: only pipes and spaces after a line's first pipe.
  assert.deepEqual(cellsOf('结果 |\n维持 |\n0 | ||\n1 |'), ['¶结果', '维持', '0', '¶1']);
  assert.deepEqual(regions('结果 |\n0 | ||').map((r) => r.shape), ['pipe']);
});

test('one pipe in prose, a web footer or a horizontal rule is not a table', () => {
  assert.deepEqual(cellsOf('网站标识码 | 京ICP备12345号\n---\n本报告 | 由办公室编制。'), []);
  assert.deepEqual(cellsOf('正文\n---\n正文'), []);
});

test('a lone pipe followed by a no-break space is text, not a pipe cell (it crashed the pipe reader; found by the soak)', () => {
  // "|" alone is an empty cell of a one-cell-per-line pipe table; "|\u00a0" is not such a line.
  const text = '自然人 |\n|\n|\u00a0\n69 |\n';
  assert.doesNotThrow(() => cellsOf(text));
  assert.deepEqual(cellsOf(text).filter((c) => c.includes('\u00a0')), []);
});
