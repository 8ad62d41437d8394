// Every optimizer the page offers moves a weight as its tf.keras 2.x formula says
// (docs/KERAS_SEMANTICS.md §1), recomputed here in double from the engine's own gradients,
// batch by batch, with the slots the inspector lists. A rule of the engine, so it lives here;
// the browser journey (tests/e2e/learner-inspector.test.mjs) checks that the page shows these
// numbers for Adam, RMSprop, SGD with momentum and Nadam.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nn, tutorialData } from './helpers.mjs';

// Slots start at 0 (Adagrad's accumulator at 0.1).
const EPS = 1e-7;
function reference(optimizer, lr, gs, momentum = 0) {
  let a = optimizer === 'adagrad' ? 0.1 : 0, b = 0, prod = 1;
  return gs.map((g, i) => {
    const t = i + 1;
    switch (optimizer) {
      case 'sgd': a = momentum * a - lr * g; return a;
      case 'adagrad': a += g * g; return (-lr * g) / (Math.sqrt(a) + EPS);
      case 'rmsprop':
        a = 0.9 * a + 0.1 * g * g;
        if (!momentum) return (-lr * g) / (Math.sqrt(a) + EPS);
        b = momentum * b + (lr * g) / Math.sqrt(a + EPS);
        return -b;
      case 'adadelta': {
        a = 0.95 * a + 0.05 * g * g;
        const u = (Math.sqrt(b + EPS) / Math.sqrt(a + EPS)) * g;
        b = 0.95 * b + 0.05 * u * u;
        return -lr * u;
      }
      case 'adam':
        a = 0.9 * a + 0.1 * g; b = 0.999 * b + 0.001 * g * g;
        return (-(lr * Math.sqrt(1 - 0.999 ** t)) / (1 - 0.9 ** t) * a) / (Math.sqrt(b) + EPS);
      case 'adamax':
        a = 0.9 * a + 0.1 * g; b = Math.max(0.999 * b, Math.abs(g));
        return ((-lr / (1 - 0.9 ** t)) * a) / (b + EPS);
      case 'nadam': {
        const mu = 0.9 * (1 - 0.5 * 0.96 ** (0.004 * t)), next = 0.9 * (1 - 0.5 * 0.96 ** (0.004 * (t + 1)));
        prod *= mu;
        a = 0.9 * a + 0.1 * g; b = 0.999 * b + 0.001 * g * g;
        const mBar = ((1 - mu) * g) / (1 - prod) + (next * a) / (1 - prod * next);
        return (-lr * mBar) / (Math.sqrt(b / (1 - 0.999 ** t)) + EPS);
      }
      default: throw new Error(`no reference for ${optimizer}`);
    }
  });
}

const close = (a, b, rel = 2e-3, abs = 1e-7) => Math.abs(a - b) <= rel * Math.abs(b) + abs;

// (the page's settings of the old browser test; the loss changes only the gradients, two kinds suffice)
const CASES = [
  { optimizer: 'sgd', options: { learningRate: 0.1, momentum: 0.9 }, slots: ['momentum'], loss: 'mean_squared_error' },
  { optimizer: 'adagrad', options: { learningRate: 0.1 }, slots: ['accumulator'], loss: 'mean_absolute_error' },
  { optimizer: 'rmsprop', options: { learningRate: 0.01, momentum: 0.5 }, slots: ['rms', 'momentum'], loss: 'mean_absolute_error' },
  { optimizer: 'adadelta', options: { learningRate: 1 }, slots: ['accum_grad', 'accum_var'], loss: 'mean_squared_error' },
  { optimizer: 'adam', options: { learningRate: 0.03 }, slots: ['m', 'v'], loss: 'mean_absolute_error' },
  { optimizer: 'adamax', options: { learningRate: 0.03 }, slots: ['m', 'v'], loss: 'mean_absolute_error' },
  { optimizer: 'nadam', options: { learningRate: 0.03 }, slots: ['m', 'v'], scalars: ['momentum_cache'], loss: 'mean_squared_error' },
];

for (const c of CASES) {
  test(`${c.optimizer} ${JSON.stringify(c.options)} with ${c.loss}: four batches move every first-layer weight as the formula says`, () => {
    const { xTrain, yTrain } = tutorialData();
    const model = nn.sequential([
      nn.layers.dense({ inputShape: [2], units: 4, activation: 'tanh' }),
      nn.layers.dense({ units: 1, activation: 'tanh' }),
    ], { seed: 5 });
    model.compile({ optimizer: nn.optimizers[c.optimizer](c.options), loss: c.loss });
    const opt = model.optimizer;
    opt.recording = true;
    const steps = [];
    for (let t = 1; t <= 4; t++) {
      const before = opt.slots(0, 'kernel').weight.slice();
      model.trainOnBatch(xTrain, yTrain);
      const s = opt.slots(0, 'kernel');
      assert.equal(s.iterations, t);
      assert.deepEqual(Object.keys(s.slots), c.slots, `${c.optimizer}: the slots the inspector lists`);
      assert.deepEqual(Object.keys(s.scalars), c.scalars ?? [], `${c.optimizer}: the scalars`);
      steps.push({ before, w: s.weight.slice(), g: s.gradient.slice(), dw: s.update.slice() });
    }
    for (let i = 0; i < steps[0].g.length; i++) {
      const gs = steps.map((s) => s.g[i]);
      assert.ok(gs.every((g) => Number.isFinite(g) && g !== 0), `weight ${i}: gradients ${gs}`);
      const expected = reference(c.optimizer, c.options.learningRate, gs, c.options.momentum);
      steps.forEach((s, k) => {
        assert.ok(close(s.dw[i], expected[k]), `weight ${i}, t=${k + 1}: Δw is ${s.dw[i]}, the formula gives ${expected[k]}`);
        assert.ok(Math.abs(s.w[i] - s.before[i] - s.dw[i]) <= 1e-6, `weight ${i}, t=${k + 1}: w moved by Δw`);
      });
    }
    model.dispose();
  });
}
