/** Editing seeds for negative cases: set table cells by key, replace prose, find a number's position. */
import assert from 'node:assert/strict';
import { parseReport, type Finding, type Position } from '../../server/src/core';

/** The text with the cells set (by canonical key) to new values; spans come from parsing `text`. */
export function setCells(text: string, values: Record<string, string | number>): string {
  const doc = parseReport(text);
  const edits = Object.entries(values).map(([key, v]) => {
    const cell = doc.cells.get(key);
    assert.ok(cell, `no cell ${key}`);
    return { ...cell.span, text: String(v) };
  });
  let out = text;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** The value of a cell in a text. */
export function cellValue(text: string, key: string): number {
  const v = parseReport(text).cells.get(key)?.value;
  assert.ok(typeof v === 'number', `no value for ${key}`);
  return v;
}

/** Replaces exactly one occurrence of `from`. */
export function replaceOnce(text: string, from: string, to: string): string {
  const i = text.indexOf(from);
  assert.ok(i >= 0, `not found: ${from}`);
  assert.equal(text.indexOf(from, i + 1), -1, `found twice: ${from}`);
  return text.slice(0, i) + to + text.slice(i + from.length);
}

/** LSP range of `part` inside the unique occurrence of `context`. */
export function rangeIn(text: string, context: string, part: string): { start: Position; end: Position } {
  const i = text.indexOf(context);
  assert.ok(i >= 0, `not found: ${context}`);
  assert.equal(text.indexOf(context, i + 1), -1, `found twice: ${context}`);
  const at = i + context.indexOf(part);
  return { start: positionAt(text, at), end: positionAt(text, at + part.length) };
}

function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

export const ofCode = (findings: Finding[], code: string) => findings.filter((f) => f.code === code);
