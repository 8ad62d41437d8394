// model.optimizer.getWeights() and .slots(layer, 'kernel' | 'bias'): Keras' names and order,
// and the numbers of one Adam step reproduced from the formula (docs/KERAS_SEMANTICS.md §1.6).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nn, tutorialData, tutorialModel } from './helpers.mjs';

const f32 = Math.fround;

test('getWeights lists iterations, then each slot name for every weight array', () => {
  const { xTrain, yTrain } = tutorialData();
  const model = tutorialModel(3, nn.optimizers.adam({ learningRate: 0.01, amsgrad: true }));
  model.trainOnBatch(xTrain, yTrain);
  const w = model.optimizer.getWeights();
  const names = w.map((a) => a.name);
  const vars = ['dense/kernel', 'dense/bias', 'dense_1/kernel', 'dense_1/bias', 'dense_2/kernel', 'dense_2/bias'];
  assert.deepEqual(names, ['Adam/iter:0', ...['m', 'v', 'vhat'].flatMap((s) => vars.map((v) => `Adam/${v}/${s}:0`))]);
  assert.deepEqual(Array.from(w[0].data), [1]);
  assert.deepEqual(w[0].shape, []);
  assert.deepEqual(w[1].shape, [2, 3]);
  assert.deepEqual(w[2].shape, [3]);
  assert.equal(model.optimizer.iterations, 1);
  model.dispose();
});

test('slots: one Adam step, every number as the formula says', () => {
  const { xTrain, yTrain } = tutorialData();
  const model = tutorialModel(5, nn.optimizers.adam({ learningRate: 0.01 }));
  const before = model.getWeights()[2].data.slice();  // dense_1/kernel
  const g = model.computeGradients(xTrain, yTrain).gradients[2].data;
  model.optimizer.recording = true;  // records the step's gradient and update
  model.trainOnBatch(xTrain, yTrain);
  const s = model.optimizer.slots(1, 'kernel');
  assert.equal(s.name, 'dense_1/kernel:0');
  assert.deepEqual(s.shape, [3, 3]);
  assert.deepEqual(Object.keys(s.slots), ['m', 'v']);
  assert.equal(s.iterations, 1);
  const alpha = (0.01 * Math.sqrt(1 - 0.999)) / (1 - 0.9);
  for (let i = 0; i < 9; i++) {
    assert.equal(s.gradient[i], g[i]);
    assert.ok(Math.abs(s.slots.m[i] - 0.1 * g[i]) <= 1e-7 * Math.abs(g[i]) + 1e-12, `m[${i}]`);
    assert.ok(Math.abs(s.slots.v[i] - 0.001 * g[i] * g[i]) <= 1e-6 * g[i] * g[i] + 1e-15, `v[${i}]`);
    const expected = -(alpha * s.slots.m[i]) / (Math.sqrt(s.slots.v[i]) + 1e-7);
    assert.ok(Math.abs(s.update[i] - expected) <= 1e-5 * Math.abs(expected) + 1e-7, `update[${i}]: ${s.update[i]} vs ${expected}`);
    assert.equal(s.update[i], f32(s.weight[i] - before[i]));
  }
  model.dispose();
});

test('slots: Nadam has momentum_cache; SGD without momentum keeps no slot', () => {
  const model = tutorialModel(1, nn.optimizers.nadam());
  assert.deepEqual(model.optimizer.getWeights().slice(0, 2).map((w) => w.name), ['Nadam/iter:0', 'Nadam/momentum_cache:0']);
  assert.deepEqual(model.optimizer.slots(0, 'kernel').scalars, { momentum_cache: 1 });
  const { xTrain, yTrain } = tutorialData();
  model.trainOnBatch(xTrain, yTrain);
  model.trainOnBatch(xTrain, yTrain);
  // Π μ_t over t = 1, 2 with μ_t = β₁(1 − 0.5·0.96^(0.004·t)) (docs/KERAS_SEMANTICS.md §1.8)
  const mu = (t) => 0.9 * (1 - 0.5 * 0.96 ** (0.004 * t));
  const cache = model.optimizer.slots(0, 'kernel').scalars.momentum_cache;
  assert.ok(Math.abs(cache - mu(1) * mu(2)) < 1e-6, `momentum_cache ${cache}, expected ${mu(1) * mu(2)}`);
  model.dispose();
  const sgd = tutorialModel(1);
  assert.deepEqual(sgd.optimizer.slots(0, 'bias').slots, {});
  assert.deepEqual(sgd.optimizer.slots(0, 'bias').scalars, {});
  assert.deepEqual(sgd.optimizer.getWeights().map((w) => w.name), ['SGD/iter:0']);
  sgd.dispose();
});

test('recording: off by default, slots() turns it on, the next step is recorded, off stops it', () => {
  const { xTrain, yTrain } = tutorialData();
  const model = tutorialModel(5, nn.optimizers.adam({ learningRate: 0.01 }));
  assert.equal(model.optimizer.recording, false);
  model.trainOnBatch(xTrain, yTrain);
  const first = model.optimizer.slots(0, 'kernel');
  assert.equal(model.optimizer.recording, true);
  assert.ok(first.update.every((v) => v === 0), 'nothing recorded before slots() asked');
  const before = first.weight.slice();
  model.trainOnBatch(xTrain, yTrain);
  const second = model.optimizer.slots(0, 'kernel');
  assert.ok(second.update.some((v) => v !== 0));
  second.update.forEach((d, i) => assert.equal(d, f32(second.weight[i] - before[i])));
  model.optimizer.recording = false;
  assert.equal(model.optimizer.recording, false);
  model.trainOnBatch(xTrain, yTrain);
  assert.ok(model.optimizer.slots(0, 'kernel').update.every((v) => v === 0), 'the step taken while off is not recorded');
  assert.throws(() => { model.optimizer.recording = 'yes'; }, /optimizer\.recording: value must be true or false, got "yes"/);
  model.dispose();
});

test('slots: bad arguments name the argument and what is allowed', () => {
  const model = tutorialModel();
  assert.throws(() => model.optimizer.slots(3, 'kernel'), /optimizer\.slots: layerIndex must be a whole number from 0 to 2, got 3/);
  assert.throws(() => model.optimizer.slots(0.5, 'kernel'), /layerIndex must be a whole number/);
  assert.throws(() => model.optimizer.slots(0, 'weights'), /optimizer\.slots: which must be one of kernel, bias, got "weights"/);
  model.dispose();
});
