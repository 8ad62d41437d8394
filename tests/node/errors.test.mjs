// Bad input gets an Error with the engine's message; no leak, no hang, however many.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nn, tutorialModel } from './helpers.mjs';

test('bad arguments throw Errors that name the argument, the value and what is allowed', () => {
  assert.throws(() => nn.sequential([nn.layers.dense({ inputShape: [2], units: 0 })]), { name: 'Error', message: /Dense: units must be a whole number from 1 to 1000000000, got 0/ });
  assert.throws(() => nn.sequential([nn.layers.dense({ units: 3 })]), /first layer needs inputShape/);
  assert.throws(() => nn.sequential([nn.layers.dense({ inputShape: [2], units: 3, activation: 'swish' })]), /Dense: activation must be one of linear, sigmoid, tanh, .*got "swish"/);
  assert.throws(() => nn.layers.dense({ unit: 3 }), /Dense: unknown argument 'unit' \(did you mean 'units'\?\); allowed: units, activation/);
  const model = tutorialModel();
  assert.throws(() => model.compile({ optimizer: 'adamw', loss: 'mse' }), /unknown optimizer 'adamw'; allowed: sgd, adagrad/);
  assert.throws(() => model.compile({ optimizer: 'sgd', loss: 'hinge' }), /compile: loss must be one of mean_squared_error, mse, .*got "hinge"/);
  assert.throws(() => model.compile({ optimizer: 'sgd', loss: 'mse', metrics: ['f1'] }), /compile: metrics\[0\] must be one of tanh_accuracy, .*got "f1"/);
  assert.throws(() => nn.optimizers.sgd({ learningRate: -1 }) && model.compile({ optimizer: nn.optimizers.sgd({ learningRate: -1 }), loss: 'mse' }), /SGD: learningRate must be a finite number >= 0, got -1/);
  assert.throws(() => nn.optimizers.adam({ momentum: 0.9 }), /Adam: unknown option 'momentum'; allowed: learningRate, beta1/);
  assert.throws(() => model.compile({ optimizer: 'sgd', loss: 'categorical_crossentropy' }), /needs an output layer of >= 2 units/);
  assert.throws(() => model.predict([[1, 2, 3]]), /x has 3 columns but the model's input has 2/);
  assert.throws(() => model.predict([[1, 2], [3]]), /row 1 has 1 values, row 0 has 2/);
  assert.throws(() => model.predict([[1, NaN]]), /x: value at row 0, column 1 is NaN/);
  assert.throws(() => model.predict([[1, 'a']]), /not a number/);
  assert.throws(() => model.evaluate([[1, 2]], [[1], [2]]), /x has 1 rows but y has 2/);
  assert.throws(() => model.optimizer.learningRate = -0.5, /optimizer.learningRate: value must be a finite number >= 0, got -0.5/);
  assert.throws(() => model.setWeights([]), /expected 6 arrays/);
  assert.throws(() => model.predict({ data: new Float32Array(3), shape: [2, 2] }), /data has 3 values but shape \[2, 2\] needs 4/);
  assert.throws(() => nn.datasets.generate({ type: 'moons' }), /datasets.generate: type must be one of circle, .*got "moons"/);
  assert.throws(() => nn.datasets.generate({ type: 'circle', noise: 2 }), /datasets.generate: noise must be a finite number from 0 to 0.8, got 2/);
  assert.rejects(model.fit([], []), /x is empty/);
  model.dispose();
});

test('fit rejects bad options before training', async () => {
  const model = tutorialModel();
  const x = [[1, 2], [3, 4]];
  const y = [[1], [-1]];
  await assert.rejects(model.fit(x, y, { batchSize: 0 }), /fit: batchSize must be a whole number from 1 to 1000000000, got 0/);
  await assert.rejects(model.fit(x, y, { batchSize: 2.5 }), /batchSize must be a whole number/);
  await assert.rejects(model.fit(x, y, { validationSplit: 1 }), /fit: validationSplit must be a finite number in \[0, 1\), got 1/);
  await assert.rejects(model.fit(x, y, { earlyStopping: { monitor: 'val_loss' } }), /no value named 'val_loss'/);
  await assert.rejects(model.fit([[1, NaN]], [[1]]), /value at row 0, column 1 is NaN/);
  const h = await model.fit(x, y, { epochs: 2 });
  assert.equal(h.epoch.length, 2, 'still usable after the errors');
  model.dispose();
});

test('a diverging run stops with a reason instead of training on NaN', async () => {
  const d = nn.datasets.generate({ type: 'reg-plane', seed: 1 });
  const model = nn.sequential([nn.layers.dense({ inputShape: [2], units: 8 }), nn.layers.dense({ units: 8 }), nn.layers.dense({ units: 1 })], { seed: 1 });
  model.compile({ optimizer: nn.optimizers.sgd({ learningRate: 10 }), loss: 'mse' });
  const h = await model.fit(d.points, d.labels, { epochs: 50, batchSize: 10 });
  assert.equal(h.stopReason, 'diverged');
  assert.match(h.stopMessage, /the loss became (NaN|[+-]Inf); training stopped without applying that update \(the learning rate 10 may be too high\)/);
  assert.ok(h.epoch.length < 50);
  assert.ok(model.getWeights().every((w) => w.data.every(Number.isFinite)));
  model.dispose();
});

test('10,000 thrown errors leave the heap flat and the module usable', () => {
  const model = tutorialModel();
  for (let i = 0; i < 200; i++) assert.throws(() => model.compile({ optimizer: 'nope', loss: 'mse' }));  // warm up
  const before = nn.memory.bytesInUse();
  const start = performance.now();
  for (let i = 0; i < 10000; i++) {
    try {
      if (i % 2) model.compile({ optimizer: 'nope', loss: 'mse' });
      else model.predict([[1, 2, 3]]);
      assert.fail('should have thrown');
    } catch (e) {
      assert.ok(e instanceof Error);
      assert.match(e.message, /unknown optimizer|columns/);
    }
  }
  const after = nn.memory.bytesInUse();
  assert.ok(after - before < 4096, `heap grew by ${after - before} bytes`);
  assert.ok(performance.now() - start < 30000, 'no hang');
  assert.deepEqual(model.predict([[1, 2]]).shape, [1, 1]);
  model.dispose();
});
