// tfjs' and Keras' habits work: positional optimizer arguments in tfjs' order, callbacks as
// an array, sequential({layers}), Nadam's scheduleDecay; the name types agree with the registry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { nn, tutorialData, tutorialModel } from './helpers.mjs';

const registry = JSON.parse(readFileSync(new URL('../../core/registry.json', import.meta.url), 'utf8'));

test("positional optimizer arguments follow tfjs' signatures (read from @tensorflow/tfjs-core's types)", () => {
  const dts = readFileSync(createRequire(import.meta.url).resolve('@tensorflow/tfjs-core/dist/optimizers/optimizer_constructors.d.ts'), 'utf8');
  for (const [, name, params] of dts.matchAll(/static (\w+)\(([^)]*)\)/g)) {
    if (name === 'momentum') continue;  // tfjs' momentum() is sgd(lr, momentum, nesterov) here
    const entry = registry.optimizers.find((o) => o.key === name);
    assert.ok(entry, `tfjs' ${name} has a registry entry`);
    // tfjs' rmsprop calls Keras' rho `decay`; adamax's decay is Keras' decay (lr / (1 + decay·t))
    const ours = params.split(',').map((p) => p.trim().split(/\??:/)[0]).filter(Boolean)
      .map((p) => (name === 'rmsprop' && p === 'decay' ? 'rho' : p));
    const order = entry.options.filter((o) => !o.engineOnly).slice(0, entry.positional).map((o) => o.camel);
    assert.deepEqual(order.slice(0, ours.length), ours, `${name}(${params})`);
  }
});

test('optimizers take positional arguments: sgd(0.03) trains at 0.03', () => {
  assert.deepEqual(nn.optimizers.sgd(0.03).options, { learningRate: 0.03 });
  assert.deepEqual(nn.optimizers.sgd(0.1, 0.9, true).options, { learningRate: 0.1, momentum: 0.9, nesterov: true });
  assert.deepEqual(nn.optimizers.rmsprop(0.1, 0.8, 0.5, 1e-6, true).options, { learningRate: 0.1, rho: 0.8, momentum: 0.5, epsilon: 1e-6, centered: true });
  assert.deepEqual(nn.optimizers.adam(undefined, 0.8).options, { beta1: 0.8 });
  const model = tutorialModel(42, nn.optimizers.sgd(0.03));
  assert.equal(model.optimizer.learningRate, 0.03);
  model.dispose();
  assert.throws(() => nn.optimizers.sgd(0.1, 0.9, true, 0, 1), /^Error: SGD: takes at most 3 positional arguments \(learningRate, momentum, nesterov\), got 5$/);
  assert.throws(() => nn.optimizers.adam(0.1, { beta1: 0.9 }), /Adam: give the options as one object or as positional numbers, not both/);
  assert.throws(() => nn.optimizers.sgd('0.1'), /SGD: the first argument must be an options object .* or the learning rate \(a number\), got "0.1"/);
  assert.throws(() => nn.optimizers.sgd({ learningRate: 1e39 }), /SGD: learningRate must be a finite number >= 0, got 1e\+39/);
});

test('Nadam takes scheduleDecay (the 0.004 of its momentum schedule), which changes the steps, not the learning rate', () => {
  const path = (spec) => nn.optimizers.descend(spec, 10, (w) => w, 3);
  const base = path(nn.optimizers.nadam(0.2));
  const other = path(nn.optimizers.nadam({ learningRate: 0.2, scheduleDecay: 0.5 }));
  // the Catch2 trajectory (tests/core/test_optimizers.cpp), in float32
  [9.788078637517684, 9.633850026544751, 9.49168821216005].forEach((w, i) => assert.ok(Math.abs(other[i + 1] - w) < 1e-5, `step ${i + 1}: ${other[i + 1]}`));
  assert.ok(Math.abs(base[3] - other[3]) > 1e-3);
  const model = tutorialModel(1, nn.optimizers.nadam({ scheduleDecay: 0.01 }));
  assert.equal(model.optimizer.config.schedule_decay, 0.01);
  model.dispose();
});

test('callbacks as an array: every object is called, in order', async () => {
  const model = tutorialModel();
  const { xTrain, yTrain } = tutorialData();
  const seen = [];
  await model.fit(xTrain, yTrain, {
    epochs: 2, batchSize: 50,
    callbacks: [{ onEpochEnd: (e) => seen.push(`a${e}`) }, { onEpochEnd: async (e) => seen.push(`b${e}`), onTrainEnd: () => seen.push('end') }],
  });
  assert.deepEqual(seen, ['a0', 'b0', 'a1', 'b1', 'end']);
  model.dispose();
});

test("sequential({layers}) is tfjs' form of sequential([...])", () => {
  const layers = () => [nn.layers.dense({ inputShape: [2], units: 3 }), nn.layers.dense({ units: 1 })];
  const a = nn.sequential({ layers: layers(), seed: 5 });
  const b = nn.sequential(layers(), { seed: 5 });
  assert.deepEqual(a.getWeights(), b.getWeights());
  assert.throws(() => nn.sequential({ layers: layers() }, { seed: 1 }), /sequential: give either \(layers, \{seed\}\) or \(\{layers, seed\}\), not both/);
  a.dispose();
  b.dispose();
});

test("Keras' snake_case and misread values are refused, naming the call, the argument, the value and what is allowed", async () => {
  const model = tutorialModel();
  await assert.rejects(model.fit([[1, 2]], [[1]], { batch_size: 500, epoch: 50 }), /^Error: fit: unknown option 'batch_size' \(did you mean 'batchSize'\?\); allowed: batchSize, epochs/);
  await assert.rejects(model.fit([[1, 2]], [[1]], { earlyStopping: { patience: NaN } }), /fit: earlyStopping.patience must be a whole number from 0 to 1000000000, got NaN/);
  await assert.rejects(model.fit([[1, 2]], [[1]], { earlyStopping: { min_delta: 0.1 } }), /fit: unknown key in earlyStopping 'min_delta' \(did you mean 'minDelta'\?\)/);
  assert.throws(() => nn.layers.dense({ units: 3, useBias: 'false' }), /^Error: Dense: useBias must be true or false, got "false"$/);
  assert.throws(() => model.predict([[1, , 2]]), /predict: x: value at row 0, column 1 is a hole in the array/);  // eslint-disable-line no-sparse-arrays
  assert.throws(() => model.predict([1e39, 2]), /predict: x: value 0 is 1e\+39; only finite numbers within float32's range/);
  assert.throws(() => model.evaluate([[1, 2]], [[1]], { batch_size: 2 }), /evaluate: unknown option 'batch_size' \(did you mean 'batchSize'\?\)/);
  assert.throws(() => nn.datasets.generate({ type: 'circle', sample: 10 }), /datasets.generate: unknown option 'sample' \(did you mean 'samples'\?\)/);
  assert.throws(() => model.compile({ optimizer: 'sgd', loss: 'mse', metrics: ['mae', 'mae'] }), /compile: metrics lists 'mae' twice/);
  model.dispose();
});
