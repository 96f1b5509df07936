/**
 * The idle warm-up (server/src/lsp/warmUp.ts): waits for a quiet moment, analyses the latest text a
 * bounded number of times, once per kind of document, and never holds the event loop for long.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WARM_UP_MAX_LENGTH, WarmUp, warmUpKind } from '../../server/src/lsp/warmUp';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function recorder(limits = { runs: 5, budgetMs: 1000, idleMs: 30 }) {
  const seen: { text: string; options: string }[] = [];
  let done = 0;
  const warmUp = new WarmUp<string>((text, options) => seen.push({ text, options }), () => done++, limits);
  return { warmUp, seen, done: () => done };
}

describe('WarmUp', () => {
  it('starts only after a quiet moment, on the text of that moment, and runs its number of analyses once', async () => {
    const { warmUp, seen, done } = recorder();
    let text = 'v1';
    for (let i = 0; i < 4; i++) {
      warmUp.touch('tab', () => text, `options ${i}`);
      await sleep(10);
    }
    assert.equal(seen.length, 0, 'not while documents keep changing');
    text = 'v2';
    await sleep(80);
    assert.equal(seen.length, 5);
    assert.ok(seen.every((s) => s.text === 'v2' && s.options === 'options 3'), 'the latest text, with the latest options');
    assert.equal(done(), 1);
    warmUp.touch('tab', () => 'v3', 'again');
    await sleep(80);
    assert.equal(seen.length, 5, 'once per kind');
    assert.equal(done(), 1);
  });

  it('warms up again for a document of a new kind, one kind at a time', async () => {
    const kinds: string[] = [];
    const seen: string[] = [];
    const warmUp = new WarmUp<null>((text) => seen.push(text), (kind) => kinds.push(kind), { runs: 3, budgetMs: 1000, idleMs: 5 });
    warmUp.touch('tab', () => 'tab report', null);
    await sleep(40);
    warmUp.touch('markdown', () => 'markdown report', null);
    warmUp.touch('tab', () => 'tab report', null); // the latest touch of a warm kind does not cancel the pending one
    await sleep(40);
    warmUp.touch('tab', () => 'tab report', null);
    warmUp.touch('markdown', () => 'markdown report', null);
    await sleep(40);
    assert.deepEqual(kinds, ['tab', 'markdown']);
    assert.deepEqual(seen, ['tab report', 'tab report', 'tab report', 'markdown report', 'markdown report', 'markdown report']);
  });

  it('names the kind of a document by the shapes of its tables', () => {
    const doc = (...shapes: string[]) => ({ tables: shapes.map((shape) => ({ shape })) }) as unknown as Parameters<typeof warmUpKind>[0];
    assert.equal(warmUpKind(doc('tab', 'tab', 'tab')), 'tab');
    assert.equal(warmUpKind(doc('tab', 'markdown')), 'markdown+tab');
    assert.equal(warmUpKind(doc()), 'none');
  });

  it('lets a message that arrives during an analysis run before the next one', async () => {
    const order: string[] = [];
    const warmUp = new WarmUp<null>(() => {
      // The first analysis: a message arrives meanwhile.
      if (order.length === 0) setImmediate(() => order.push('message'));
      order.push('warm');
    }, () => order.push('done'), { runs: 3, budgetMs: 1000, idleMs: 1 });
    warmUp.touch('tab', () => 'text', null);
    await sleep(40);
    assert.deepEqual(order, ['warm', 'message', 'warm', 'warm', 'done']);
  });

  it('stops at its time budget, on a failing analysis, and skips texts too large or gone', async () => {
    const picky = recorder({ runs: 1000, budgetMs: 20, idleMs: 1 });
    const spin = new WarmUp<null>(() => {
      const end = performance.now() + 8;
      while (performance.now() < end) { /* an 8 ms analysis */ }
    }, () => undefined, { runs: 1000, budgetMs: 20, idleMs: 1 });
    spin.touch('tab', () => 'text', null);
    await sleep(100);
    // Two runs take 16 ms or more (more when the machine is busy), three 24: never a fourth.
    assert.ok(spin.runs >= 2 && spin.runs <= 3, `ran ${spin.runs} times in a 20 ms budget of 8 ms analyses`);

    const failing = new WarmUp<null>(() => {
      throw new Error('boom');
    }, () => undefined, { runs: 10, budgetMs: 1000, idleMs: 1 });
    failing.touch('tab', () => 'text', null);
    await sleep(30);
    assert.equal(failing.runs, 1);

    picky.warmUp.touch('tab', () => 'x'.repeat(WARM_UP_MAX_LENGTH + 1), 'big');
    await sleep(30);
    picky.warmUp.touch('tab', () => undefined, 'closed');
    await sleep(30);
    assert.equal(picky.seen.length, 0, 'no warm-up on a huge or closed document');
    picky.warmUp.touch('tab', () => 'small', 'later');
    await sleep(80);
    assert.ok(picky.seen.length > 0 && picky.seen.every((s) => s.text === 'small'), 'still waiting for a usable one');
  });

  it('dispose cancels a pending or running warm-up', async () => {
    const pending = recorder();
    pending.warmUp.touch('tab', () => 'text', 'o');
    pending.warmUp.dispose();
    await sleep(60);
    assert.equal(pending.seen.length, 0);
    let runs = 0;
    const running = new WarmUp<null>(() => {
      runs++;
      const end = performance.now() + 1;
      while (performance.now() < end) { /* a 1 ms analysis */ }
    }, () => undefined, { runs: 1000, budgetMs: 10_000, idleMs: 1 });
    running.touch('tab', () => 'text', null);
    await sleep(20);
    running.dispose();
    const n = runs;
    await sleep(20);
    assert.ok(n > 0 && n < 1000, `${n} runs before dispose`);
    assert.equal(runs, n, 'none after');
  });
});
