// The optimizer inspector's filled-in formulas (web/src/inspector/formulas.ts) against the
// engine's own updates, for every optimizer and the options the page cannot set from a URL
// (nesterov, centered, amsgrad): three steps of the tutorial model, every kernel weight.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nn, tutorialData, tutorialModel } from './helpers.mjs';
import { importPage } from './page-modules.mjs';

const { explain } = await importPage("export { explain } from './web/src/inspector/formulas.ts';");

const CASES = [
  ['sgd', { learningRate: 0.1 }],
  ['sgd', { learningRate: 0.1, momentum: 0.9 }],
  ['sgd', { learningRate: 0.1, momentum: 0.9, nesterov: true }],
  ['adagrad', { learningRate: 0.1 }],
  ['rmsprop', { learningRate: 0.01 }],
  ['rmsprop', { learningRate: 0.01, centered: true }],
  ['rmsprop', { learningRate: 0.01, momentum: 0.5 }],
  ['rmsprop', { learningRate: 0.01, momentum: 0.5, centered: true }],
  ['adadelta', { learningRate: 1 }],
  ['adam', { learningRate: 0.03 }],
  ['adam', { learningRate: 0.03, amsgrad: true }],
  ['adamax', { learningRate: 0.03 }],
  ['nadam', { learningRate: 0.03 }],
];

for (const [name, options] of CASES) {
  test(`the inspector's ${name} ${JSON.stringify(options)} formula gives the engine's Δw`, () => {
    const { xTrain, yTrain } = tutorialData();
    const model = tutorialModel(7, nn.optimizers[name](options));
    const opt = model.optimizer;
    opt.recording = true;
    let checked = 0;
    for (let step = 1; step <= 3; step++) {
      const before = opt.slots(1, 'kernel').slots;
      model.trainOnBatch(xTrain, yTrain);
      const s = opt.slots(1, 'kernel');
      const cache = opt.getWeights().find((w) => w.name.endsWith('/momentum_cache:0'));
      for (let i = 0; i < s.weight.length; i++) {
        const pick = (slots) => Object.fromEntries(Object.entries(slots).map(([k, v]) => [k, v[i]]));
        const info = {
          optimizer: String(opt.config.name), config: opt.config, iterations: opt.iterations,
          w: s.weight[i], g: s.gradient[i], dw: s.update[i], before: pick(before), after: pick(s.slots),
          momentumCache: cache ? cache.data[0] : null,
        };
        const e = explain(info);
        const dw = s.update[i];
        assert.ok(Math.abs(e.predicted - dw) <= 2e-3 * Math.abs(dw) + 1e-7, `t=${step} weight ${i}: the formula gives ${e.predicted}, the engine ${dw}\n${e.lines.join('\n')}`);
        assert.doesNotMatch(e.lines.join('\n'), /NaN|undefined/);
        checked++;
      }
    }
    assert.equal(checked, 27);
    model.dispose();
  });
}
