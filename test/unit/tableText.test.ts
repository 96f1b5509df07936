/** The Markdown row tokenizer (FORMAT.md §8): cells between unescaped pipes, blank edges dropped. */
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
