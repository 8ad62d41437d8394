// The "gradient descent, seen" view's rules (figures 5-5 … 5-9) as functions: the engine's SGD
// path down the demo curve (web/src/descent/curve.ts; the worker computes it the same way,
// web/src/worker/descent.ts) and the verdict the view words. The browser journey
// (tests/e2e/learner-descent-classes.test.mjs) checks that the page shows these paths and words.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { init } from 'nnplay';
import { importPage } from './page-modules.mjs';

const STEPS = 60;  // web/src/views/descent.ts
let nn, curve, ja, en;

before(async () => {
  nn = await init();
  ({ ja, en, ...curve } = await importPage(`
    export { gradient, loss, verdict, START, W_RANGE, GLOBAL_MIN, LOCAL_MIN } from './web/src/descent/curve.ts';
    export { ja } from './web/src/i18n/ja.ts';
    export { en } from './web/src/i18n/en.ts';
  `));
});

const roll = (rate, start = curve.START, optimizer = 'sgd') => nn.optimizers.descend(nn.optimizers.get(optimizer, { learningRate: rate }), start, curve.gradient, STEPS);

test('SGD from w = 2.8: 0.003 crawls, 0.03 reaches the minimum, 0.3 zig-zags, 3 flies off; the verdicts say so', () => {
  const crawl = roll(0.003);
  assert.equal(crawl.length, STEPS + 1);
  assert.ok(crawl.at(-1) > 2.2 && crawl.every((w, i) => i === 0 || w < crawl[i - 1]), `0.003 crawls downhill: ${crawl.at(-1)}`);
  assert.equal(curve.verdict(crawl), 'moving');
  const good = roll(0.03);
  assert.ok(Math.abs(good.at(-1) - 2.115) < 0.01, `0.03 reaches the minimum: ${good.at(-1)}`);
  assert.ok(good.every((w) => w > -0.25), '0.03 never crosses the hump');
  assert.equal(curve.verdict(good), 'global');
  const zig = roll(0.3);
  const tail = zig.slice(-20).map((w) => Math.sign(w - 2.115));
  assert.ok(tail.every((s, i) => i === 0 || s === -tail[i - 1]), `0.3 zig-zags across the minimum to the end: ${zig.slice(-6)}`);
  assert.ok(zig.every((w) => w > -0.25), '0.3 never jumps the hump into the other valley');
  assert.ok(zig[1] < 2.115 && Math.abs(zig.at(-1) - 2.115) > 0.05, `0.3 overshoots at once and is still zig-zagging: ${zig[1]}, ${zig.at(-1)}`);
  assert.equal(curve.verdict(zig), 'zigzag');
  const off = roll(3);
  assert.ok(off.length < STEPS + 1 && Math.abs(off.at(-1)) > 1e6, `3 flies off: ${off}`);
  assert.equal(curve.verdict(off), 'out');
});

test('a start left of the hump stays in the local minimum (figure 5-9)', () => {
  const stuck = roll(0.03, -3);
  assert.ok(Math.abs(stuck.at(-1) - curve.LOCAL_MIN) < 0.01, `${stuck.at(-1)}`);
  assert.equal(curve.verdict(stuck), 'local');
});

test('the path is the engine\'s float32 SGD, not a re-implementation in doubles; another optimizer goes through the engine too', () => {
  const path = roll(0.03);
  assert.notEqual(path[1], curve.START - 0.03 * curve.gradient(curve.START));
  assert.ok(Math.abs(path[1] - (curve.START - 0.03 * curve.gradient(curve.START))) < 1e-5);
  const adam = roll(0.3, curve.START, 'adam');
  assert.notDeepEqual(adam, roll(0.3));
  assert.ok(adam.every(Number.isFinite));
});

test('the loss shown is never negative: on the whole curve and along every path', () => {
  for (let w = curve.W_RANGE[0]; w <= curve.W_RANGE[1]; w += 0.001) assert.ok(curve.loss(w) >= 0, `loss(${w}) = ${curve.loss(w)}`);
  for (const [rate, start] of [[0.003], [0.03], [0.3], [3], [0.03, -3]]) {
    for (const w of roll(rate, start)) if (w >= curve.W_RANGE[0] && w <= curve.W_RANGE[1]) assert.ok(curve.loss(w) >= 0, `${rate}: loss(${w})`);
  }
});

test('the verdicts and the help text are worded in both languages', () => {
  const words = { out: '飛び出した', zigzag: 'ジグザグし続けている', global: '谷底（最適解）にたどり着いた', local: '局所解', moving: 'まだ谷底に向かう途中' };
  for (const [v, w] of Object.entries(words)) {
    assert.ok(ja[`descent.${v}`].includes(w), `ja descent.${v}: ${ja[`descent.${v}`]}`);
    assert.ok(en[`descent.${v}`]?.length > 0 && !/[\u3040-\u30ff]/.test(en[`descent.${v}`]), `en descent.${v}`);
  }
  for (const words of ['0.003 ではなかなか進まず', '0.03 では谷底', '0.3 では谷底を行き過ぎて左右にジグザグ', '3 では曲線の外へ飛び出す', '局所解']) {
    assert.ok(ja.descentHelp.includes(words), `help: ${words}`);
  }
});
