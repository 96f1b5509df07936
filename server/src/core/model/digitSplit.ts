/**
 * Splitting numbers that ran together when a web page was flattened ("640020470" for 64 0 0 2 0 4 70),
 * the way a careful transcriber does: list every split of the digits into the row's cells, keep those
 * that make every relation of the table hold, and accept a run's split only when exactly one remains.
 * Nothing here guesses: a run with two possible splits stays unread.
 */
import type { Relation } from '../template/relations';
import type { CellKey, Span } from '../types';

/** A run of digits (and decimal points) at `start`; a space between two runs is a cell boundary. */
export interface DigitRun {
  text: string;
  start: number;
}

export interface Piece {
  text: string;
  span: Span;
  value: number;
}

/** A number as written in a cell: no leading zero ("05" is two cells), at most one decimal point. */
const NUMBER = /^(?:0|[1-9]\d*)(?:\.\d+)?$/;

/** How many splits of one row are looked at before the row is given up as too ambiguous. */
const SPLIT_LIMIT = 20000;
/** How many steps the enumeration takes at most (a page of digits is not a row). */
const STEP_LIMIT = 200000;
/** The longest number a cell holds, in characters ("24252.311082"). */
const MAX_PIECE = 15;

/**
 * Every split of `runs` into exactly `n` numbers (runs never merge), or undefined when there are more
 * than SPLIT_LIMIT of them.
 */
export function splitRuns(runs: readonly DigitRun[], n: number): Piece[][] | undefined {
  const out: Piece[][] = [];
  const acc: Piece[] = [];
  let overflow = false;
  let steps = 0;
  // Characters from run r on: suffix sums, so the bounds below cost nothing.
  const after = runs.map((x) => x.text.length);
  for (let r = runs.length - 2; r >= 0; r--) after[r] += after[r + 1];
  const digitsLeft = (r: number) => (r < runs.length ? after[r] : 0);
  const walk = (r: number, pos: number) => {
    if (overflow) return;
    if (++steps > STEP_LIMIT) {
      overflow = true;
      return;
    }
    if (r === runs.length) {
      if (acc.length === n) {
        if (out.length >= SPLIT_LIMIT) overflow = true;
        else out.push(acc.slice());
      }
      return;
    }
    const run = runs[r];
    const cellsLeft = n - acc.length;
    const left = digitsLeft(r) - pos;
    if (cellsLeft <= 0 || left < cellsLeft || left > cellsLeft * MAX_PIECE) return;
    for (let end = pos + 1; end <= Math.min(run.text.length, pos + MAX_PIECE); end++) {
      const text = run.text.slice(pos, end);
      if (!NUMBER.test(text)) {
        if (text.length > 1 && text[0] === '0' && text[1] !== '.') break; // every longer piece starts with "0" too
        continue;
      }
      acc.push({ text, span: { start: run.start + pos, end: run.start + end }, value: Number(text) });
      if (end === run.text.length) walk(r + 1, 0);
      else walk(r, end);
      acc.pop();
    }
  };
  walk(0, 0);
  return overflow ? undefined : out;
}

/** One row whose digits ran together: its cell keys in column order and its possible splits. */
export interface PendingRow {
  keys: CellKey[];
  candidates: Piece[][];
}

/** How many partial assignments the joint search visits before it gives up (then nothing is unique). */
const SEARCH_LIMIT = 200000;

/**
 * Which split of each pending row every solution agrees on: the index of that candidate, or undefined
 * when the rows' splits are not unique under `relations` (with `known` cells as read). When no
 * combination satisfies the relations (the table has a real arithmetic error), a row keeps a split only
 * when it had one candidate to begin with.
 */
export function solveRows(rows: readonly PendingRow[], known: ReadonlyMap<CellKey, number>, relations: readonly Relation[]): (number | undefined)[] {
  const values = new Map(known);
  const pendingKeys = new Set(rows.flatMap((r) => r.keys));
  // Only relations over cells that are all known or pending can decide anything.
  const usable = relations.filter((rel) => [rel.target, ...rel.plus, ...rel.minus].every((k) => values.has(k) || pendingKeys.has(k)));
  // A row no relation touches is decided alone: by having one split or not.
  const related = new Set(usable.flatMap((rel) => [rel.target, ...rel.plus, ...rel.minus]));
  const free = rows.map((r) => !r.keys.some((k) => related.has(k)));
  const order = rows.map((_, i) => i).filter((i) => !free[i]).sort((a, b) => rows[a].candidates.length - rows[b].candidates.length);
  const chosen = new Array<number>(rows.length).fill(-1);
  const agreed: (number | undefined | null)[] = rows.map(() => null); // null: no solution seen yet
  let solutions = 0;
  let visits = 0;
  let gaveUp = false;

  const holds = (rel: Relation): boolean | undefined => {
    let sum = 0;
    for (const k of rel.plus) { const v = values.get(k); if (v === undefined) return undefined; sum += v; }
    for (const k of rel.minus) { const v = values.get(k); if (v === undefined) return undefined; sum -= v; }
    const t = values.get(rel.target);
    if (t === undefined) return undefined;
    return Math.abs(t - sum) < 1e-6;
  };
  const search = (depth: number) => {
    if (gaveUp) return;
    if (++visits > SEARCH_LIMIT) { gaveUp = true; return; }
    if (depth === order.length) {
      solutions++;
      rows.forEach((_, i) => {
        if (agreed[i] === null) agreed[i] = chosen[i];
        else if (agreed[i] !== chosen[i]) agreed[i] = undefined;
      });
      return;
    }
    const i = order[depth];
    const row = rows[i];
    row.candidates.forEach((cand, c) => {
      if (gaveUp) return;
      row.keys.forEach((k, j) => values.set(k, cand[j].value));
      if (usable.every((rel) => holds(rel) !== false)) {
        chosen[i] = c;
        search(depth + 1);
      }
      row.keys.forEach((k) => values.delete(k));
    });
  };
  search(0);
  const alone = (r: PendingRow) => (r.candidates.length === 1 ? 0 : undefined);
  if (gaveUp || solutions === 0) return rows.map(alone);
  return rows.map((r, i) => (free[i] ? alone(r) : agreed[i] === null ? undefined : agreed[i]!));
}
