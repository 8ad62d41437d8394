// fit() with no callbacks trains in one engine call (FitLoop.run); with callbacks it runs a
// session epoch by epoch. Both must be the same training, and the one-call path must own its
// model during its final yield as the loop does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nn, tutorialData, tutorialModel } from './helpers.mjs';

const { xTrain, yTrain, xValid, yValid } = tutorialData();

test('fit() without callbacks gives the history and weights of fit() with one', async () => {
  const cases = [
    { epochs: 3, batchSize: 10, yieldEvery: 'never' },
    { epochs: 1, batchSize: 7 },  // one epoch, then the default yield
    { epochs: 4, initialEpoch: 2, batchSize: 10, shuffle: true, seed: 5, yieldEvery: 'never', validationSplit: 0.2 },
    { epochs: 3, batchSize: 10, yieldEvery: 'never', validationData: [xValid, yValid], earlyStopping: { monitor: 'val_loss', patience: 0, minDelta: 1 } },
  ];
  for (const args of cases) {
    const once = tutorialModel();
    const looped = tutorialModel();
    const a = await once.fit(xTrain, yTrain, args);
    const b = await looped.fit(xTrain, yTrain, { ...args, callbacks: { onEpochEnd: () => {} } });
    assert.deepEqual(a, b, JSON.stringify(args));
    assert.deepEqual(once.getWeights(), looped.getWeights(), JSON.stringify(args));
    assert.ok(a.epoch.length > 0);
    once.dispose();
    looped.dispose();
  }
});

test('a one-epoch fit() owns its model until it returns; dispose() then rejects it saying so', async () => {
  const model = tutorialModel();
  const run = model.fit(xTrain, yTrain, { epochs: 1 });  // trained; waiting in its final yield
  await assert.rejects(model.fit(xTrain, yTrain), /^Error: fit: another fit\(\) is ongoing/);
  assert.throws(() => model.add(nn.layers.dense({ units: 1 })), /^Error: add: another fit\(\) is ongoing/);
  model.dispose();
  await assert.rejects(run, /^Error: fit: the model was disposed while fit\(\) was running; training stopped after 1 epoch/);

  const free = tutorialModel();
  const h = await free.fit(xTrain, yTrain, { epochs: 1 });
  assert.deepEqual(h.epoch, [0]);
  free.add(nn.layers.dense({ units: 1 }));  // returned: the model is free again
  free.dispose();
});

test('layerOutputs: one copy per layer with its shape, also for no rows', () => {
  const model = tutorialModel();
  const outs = model.layerOutputs(xValid);
  assert.deepEqual(outs.map((o) => o.shape), [[xValid.shape[0], 3], [xValid.shape[0], 3], [xValid.shape[0], 1]]);
  const views = model.layerOutputsView(xValid);
  outs.forEach((o, i) => assert.notEqual(o.data.buffer, views[i].buffer));  // copies, not views
  const none = model.layerOutputs({ data: new Float32Array(0), shape: [0, 2] });
  assert.deepEqual(none.map((o) => [o.data.length, ...o.shape]), [[0, 0, 3], [0, 0, 3], [0, 0, 1]]);
  model.dispose();
});
