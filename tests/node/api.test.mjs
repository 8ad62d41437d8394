// The Keras-like API: the tutorial's workflow end to end and each method's contract.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nn, tutorialData, tutorialModel } from './helpers.mjs';

test('the tutorial workflow reaches validation loss < 0.02 and accuracy 1.0', async () => {
  for (const seed of [1, 2, 3]) {
    const { xTrain, yTrain, xValid, yValid } = tutorialData(seed);
    const model = tutorialModel(seed);
    const epochs = [];
    const hist = await model.fit(xTrain, yTrain, {
      batchSize: 15, epochs: 100, validationData: [xValid, yValid],
      callbacks: { onEpochEnd(epoch, logs) { epochs.push([epoch, logs.loss]); } },
    });
    assert.deepEqual(Object.keys(hist.history), ['loss', 'tanh_accuracy', 'val_loss', 'val_tanh_accuracy']);
    assert.equal(hist.history.loss.length, 100);
    assert.equal(epochs.length, 100);
    assert.equal(epochs[99][1], hist.history.loss[99]);
    assert.ok(hist.history.val_loss.at(-1) < 0.02, `seed ${seed}: val_loss ${hist.history.val_loss.at(-1)}`);
    assert.equal(hist.history.val_tanh_accuracy.at(-1), 1);
    assert.equal(hist.stopReason, 'max_epochs');
    const result = model.evaluate(xValid, yValid);
    assert.deepEqual(Object.keys(result), ['loss', 'tanh_accuracy']);
    assert.ok(Math.abs(result.loss - hist.history.val_loss.at(-1)) < 1e-6);
    model.dispose();
  }
});

test('predict takes number[][] or {data, shape} and returns {data: Float32Array, shape}', () => {
  const model = tutorialModel();
  const p = model.predict([[0.4, 3.2], [5.8, 3.1]]);
  assert.ok(p.data instanceof Float32Array);
  assert.deepEqual(p.shape, [2, 1]);
  const q = model.predict({ data: new Float32Array([0.4, 3.2, 5.8, 3.1]), shape: [2, 2] });
  assert.deepEqual(Array.from(q.data), Array.from(p.data));
  model.dispose();
});

test('getWeights / setWeights: Keras order and shapes, round trip', () => {
  const model = tutorialModel(7);
  const w = model.getWeights();
  assert.deepEqual(w.map((a) => a.name), ['dense/kernel:0', 'dense/bias:0', 'dense_1/kernel:0', 'dense_1/bias:0', 'dense_2/kernel:0', 'dense_2/bias:0']);
  assert.deepEqual(w[0].shape, [2, 3]);
  assert.deepEqual(w[1].shape, [3]);
  const other = tutorialModel(8);
  assert.notDeepEqual(Array.from(other.getWeights()[0].data), Array.from(w[0].data));
  other.setWeights(w.map((a) => ({ shape: a.shape, data: Array.from(a.data) })));  // plain arrays work too
  assert.deepEqual(Array.from(other.getWeights()[0].data), Array.from(w[0].data));
  assert.deepEqual(Array.from(other.predict([[1, 2]]).data), Array.from(model.predict([[1, 2]]).data));
  model.dispose();
  other.dispose();
});

test('computeGradients reports loss and gradients without updating', () => {
  const { xTrain, yTrain } = tutorialData();
  const model = tutorialModel();
  const before = model.getWeights();
  const g = model.computeGradients(xTrain, yTrain);
  assert.equal(g.gradients.length, 6);
  assert.deepEqual(g.gradients[2].shape, [3, 3]);
  assert.ok(g.gradients[0].data.some((v) => v !== 0));
  assert.ok(Math.abs(g.loss - model.evaluate(xTrain, yTrain, { batchSize: 1000 }).loss) < 1e-6);
  assert.deepEqual(Array.from(model.getWeights()[0].data), Array.from(before[0].data));
  model.dispose();
});

test('layerOutputs gives every unit of every layer; the view variant gives the same numbers', () => {
  const model = tutorialModel();
  const x = [[0, 0], [1, 2], [-3, 4]];
  const outs = model.layerOutputs(x);
  assert.deepEqual(outs.map((o) => o.shape), [[3, 3], [3, 3], [3, 1]]);
  assert.deepEqual(Array.from(outs[2].data), Array.from(model.predict(x).data));
  const views = model.layerOutputsView(x);
  assert.deepEqual(Array.from(views[1]), Array.from(outs[1].data));
  model.dispose();
});

test('summary prints and returns Keras\' table', () => {
  const model = tutorialModel();
  const lines = [];
  const text = model.summary((l) => lines.push(l));
  assert.match(text, /^Model: "sequential"\n/);
  assert.match(text, /dense_2 \(Dense\) {14}\(None, 1\) {17}4 {9}\n/);
  assert.match(text, /Total params: 25\n/);
  assert.equal(lines.length, 1);
  model.dispose();
});

test('the learning rate changes live; model.optimizer reports the config', async () => {
  const { xTrain, yTrain } = tutorialData();
  const model = tutorialModel();
  assert.equal(model.optimizer.name, 'SGD');
  assert.ok(Math.abs(model.optimizer.learningRate - 0.03) < 1e-12);
  await model.fit(xTrain, yTrain, {
    epochs: 2, batchSize: 50,
    callbacks: { onEpochEnd(epoch) { if (epoch === 0) model.optimizer.learningRate = 0.3; } },
  });
  assert.ok(Math.abs(model.optimizer.learningRate - 0.3) < 1e-12);
  assert.equal(model.optimizer.config.iterations, 10);
  model.dispose();
});

test('fit options: shuffle, validationSplit, initialEpoch, seed, early stopping, stopTraining', async () => {
  const { xTrain, yTrain } = tutorialData();
  const run = async (opts) => {
    const m = tutorialModel(3);
    const h = await m.fit(xTrain, yTrain, { batchSize: 10, ...opts });
    const w = Array.from(m.getWeights()[0].data);
    m.dispose();
    return { h, w };
  };
  const a = await run({ epochs: 3, seed: 5 });
  const b = await run({ epochs: 3, seed: 5 });
  const c = await run({ epochs: 3, seed: 6 });
  assert.deepEqual(a.w, b.w);
  assert.notDeepEqual(a.w, c.w);
  const split = await run({ epochs: 1, validationSplit: 0.2 });
  assert.ok('val_loss' in split.h.history);
  assert.equal(split.h.params.samples, xTrain.shape[0]);
  const later = await run({ epochs: 3, initialEpoch: 1 });
  assert.deepEqual(later.h.epoch, [1, 2]);
  const early = await run({ epochs: 50, validationSplit: 0.2, earlyStopping: { monitor: 'val_loss', minDelta: 10, patience: 2 } });
  assert.equal(early.h.stopReason, 'early_stopping');
  assert.equal(early.h.epoch.length, 3);
  const m = tutorialModel();
  let batches = 0;
  const stopped = await m.fit(xTrain, yTrain, { epochs: 5, batchSize: 10, callbacks: { onBatchEnd(batch) { batches++; if (batch === 3) m.stopTraining = true; } } });
  assert.equal(stopped.stopReason, 'callback');
  assert.equal(batches, 4);
  const m2 = tutorialModel();
  const byEpoch = await m2.fit(xTrain, yTrain, { epochs: 5, callbacks: { onEpochEnd(epoch) { if (epoch === 1) m2.stopTraining = true; } } });
  assert.equal(byEpoch.stopReason, 'callback');
  assert.deepEqual(byEpoch.epoch, [0, 1]);
  m.dispose();
  m2.dispose();
});

test('fit yields to the event loop between epochs', async () => {
  const { xTrain, yTrain } = tutorialData();
  const model = tutorialModel();
  let ticks = 0;
  const timer = setInterval(() => ticks++, 0);
  await model.fit(xTrain, yTrain, { epochs: 200, batchSize: 1 });
  clearInterval(timer);
  assert.ok(ticks > 0, 'a timer ran while fit was training');
  model.dispose();
});

test('a disposed model says so', () => {
  const model = tutorialModel();
  model.dispose();
  assert.throws(() => model.predict([[1, 2]]), /disposed/);
  model.dispose();  // twice is harmless
});

test("optimizers.descend steps the engine's own optimizer on one parameter", () => {
  // Adam(0.1) on w²/2 from 10: the tf.keras 2.x trajectory (see tests/core/test_optimizers.cpp)
  const adam = nn.optimizers.descend(nn.optimizers.adam({ learningRate: 0.1 }), 10, (w) => w, 3);
  [10, 9.900000031622767, 9.8000275130451495, 9.7001010647793979].forEach((v, i) => assert.ok(Math.abs(adam[i] - v) < 2e-5, `${i}: ${adam[i]}`));
  const sgd = nn.optimizers.descend(nn.optimizers.sgd({ learningRate: 0.5 }), 1, (w) => 2 * w, 4);
  assert.deepEqual(sgd, [1, 0, 0, 0, 0]);
  const wild = nn.optimizers.descend(nn.optimizers.sgd({ learningRate: 3 }), 3, (w) => 0.6 * w ** 3 - 2.4 * w + 0.6, 60);
  assert.ok(wild.length < 61, 'a diverging path stops early');
});
