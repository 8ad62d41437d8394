// Every optimizer × every loss the page offers trains 5 epochs of the playground's defaults
// (circle, 4-2 tanh, batch 10, seed 1) without NaN, each combination its own numbers: the rule
// is the module's (state -> plan -> model), so it is tested here in Node; the Chromium suite
// (tests/e2e/learner-controls.test.mjs) checks that the page's menus and URLs reach it and give the same numbers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { init } from 'nnplay';
import { trainLikePage } from './page-run.mjs';

const nn = await init();
const OPTIMIZERS = ['sgd', 'adagrad', 'rmsprop', 'adadelta', 'adam', 'adamax', 'nadam'];
const LOSSES = ['mse', 'mae', 'binary_crossentropy', 'categorical_crossentropy'];

test('every optimizer × loss trains 5 epochs at its defaults without NaN; the loss moves; all 28 differ', () => {
  const last = new Map();
  for (const optimizer of OPTIMIZERS) {
    for (const loss of LOSSES) {
      const label = `${optimizer} × ${loss}`;
      const epochs = trainLikePage(nn, `#seed=1&optimizer=${optimizer}&loss=${loss}`);
      assert.equal(epochs.length, 5, label);
      epochs.forEach((m, i) => {
        for (const k of ['loss', 'valLoss']) assert.ok(Number.isFinite(m[k]), `${label}, epoch ${i + 1}: ${k} ${m[k]}`);
        for (const k of ['acc', 'valAcc']) assert.ok(m[k] >= 0 && m[k] <= 1, `${label}, epoch ${i + 1}: ${k} ${m[k]}`);
      });
      assert.notEqual(epochs[4].loss, epochs[0].loss, `${label}: the loss did not change in 5 epochs`);
      last.set(label, epochs[4].loss);
    }
  }
  assert.equal(new Set(last.values()).size, 28, `every combination has its own loss: ${[...last].join('; ')}`);
});
