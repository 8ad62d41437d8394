// A fit owns its model (as in tfjs): while fit() or a beginFit() session runs, calls that
// would change what it trains are refused with an error naming the call; dispose() stops a
// running fit cleanly; a stale session refuses. Never a wasm trap, never another run's history.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nn, tutorialData, tutorialModel } from './helpers.mjs';

const { xTrain, yTrain } = tutorialData();
const dense = () => nn.layers.dense({ units: 1, activation: 'tanh' });

test('while a session runs: add, compile, fit, beginFit, trainOnBatch, setWeights are refused; then it trains on', async () => {
  const model = tutorialModel();
  const session = model.beginFit(xTrain, yTrain, { epochs: 2, batchSize: 10 });
  session.runBatch();
  const weights = model.getWeights();
  const refused = {
    add: () => model.add(dense()),
    compile: () => model.compile({ optimizer: 'adam', loss: 'mse' }),
    beginFit: () => model.beginFit(xTrain, yTrain),
    trainOnBatch: () => model.trainOnBatch(xTrain, yTrain),
    setWeights: () => model.setWeights(weights),
  };
  for (const [name, call] of Object.entries(refused)) {
    assert.throws(call, new RegExp(`^Error: ${name}: a fit session \\(beginFit\\) is ongoing`), name);
  }
  await assert.rejects(model.fit(xTrain, yTrain), /^Error: fit: a fit session \(beginFit\) is ongoing/);
  assert.equal(model.layers.length, 3);
  while (!session.done) session.runBatch();  // no trap: the graph is intact
  assert.equal(session.history().epoch.length, 2);
  model.add(dense());  // finished: the model is free again
  session.end();
  model.dispose();
});

test('two concurrent fit() calls: the second is refused, the first completes with its own history', async () => {
  const model = tutorialModel();
  const first = model.fit(xTrain, yTrain, { epochs: 4, batchSize: 10 });
  await assert.rejects(model.fit(xTrain, yTrain, { epochs: 1 }), /^Error: fit: another fit\(\) is ongoing/);
  const h = await first;
  assert.equal(h.epoch.length, 4);
  model.dispose();
});

test('beginFit inside onEpochEnd is refused; fit() keeps its own run', async () => {
  const model = tutorialModel();
  let refusal = null;
  const h = await model.fit(xTrain, yTrain, {
    epochs: 5,
    batchSize: 10,
    callbacks: {
      onEpochEnd: (epoch) => {
        if (epoch !== 0) return;
        try {
          model.beginFit(xTrain, yTrain, { epochs: 1 });
        } catch (e) {
          refusal = e.message;
        }
      },
    },
  });
  assert.match(refusal, /^beginFit: another fit\(\) is ongoing/);
  assert.deepEqual(h.epoch, [0, 1, 2, 3, 4]);
  model.dispose();
});

test('dispose() during fit(): fit() rejects saying so, no trap', async () => {
  for (const yieldEvery of ['epoch', 'never']) {
    const model = tutorialModel();
    const run = model.fit(xTrain, yTrain, {
      epochs: 10,
      yieldEvery,
      callbacks: { onEpochEnd: (epoch) => { if (epoch === 1) model.dispose(); } },
    });
    await assert.rejects(run, /^Error: fit: the model was disposed while fit\(\) was running; training stopped after 2 epoch/);
    assert.equal(model.isDisposed, true);
  }
});

test('a stale session refuses clearly: after a newer session, after dispose', () => {
  const model = tutorialModel();
  const old = model.beginFit(xTrain, yTrain, { epochs: 1 });
  old.runEpoch();  // finished, not ended
  const next = model.beginFit(xTrain, yTrain, { epochs: 1 });
  assert.throws(() => old.runningLogs(), /a newer fit started on its model/);
  assert.equal(old.history().epoch.length, 1);  // its own history
  model.dispose();
  assert.throws(() => next.runEpoch(), /this model has been disposed/);  // as every handle of a disposed model (issue 22)
  next.end();
  old.end();
});
