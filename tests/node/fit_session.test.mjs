// FitSession (model.beginFit): fit() a batch or an epoch at a time, with fit()'s results.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tutorialData, tutorialModel } from './helpers.mjs';

const { xTrain, yTrain, xValid, yValid } = tutorialData();
const train = { x: xTrain, y: yTrain };
const args = { epochs: 3, batchSize: 10, validationData: [xValid, yValid], seed: 5 };

test('runEpoch returns {done, epoch, logs}: the history row of the epoch just run', async () => {
  const whole = tutorialModel();
  const h = await whole.fit(train.x, train.y, args);
  const model = tutorialModel();
  const session = model.beginFit(train.x, train.y, args);
  assert.equal(session.done, false);
  assert.equal(session.epoch, 0);
  assert.equal(session.lastEpochLogs(), null);
  for (let e = 0; e < 3; e++) {
    const report = session.runEpoch();
    assert.equal(report.epoch, e + 1);
    assert.equal(report.done, e === 2);
    assert.equal(session.epoch, e + 1);
    assert.equal(session.done, e === 2);
    for (const key of ['loss', 'tanh_accuracy', 'val_loss', 'val_tanh_accuracy']) {
      assert.equal(report.logs[key], h.history[key][e], `${key} at epoch ${e}`);
    }
    assert.deepEqual(session.lastEpochLogs(), report.logs);
  }
  assert.deepEqual(session.history().history, h.history);
  assert.deepEqual(model.getWeights(), whole.getWeights());
  session.end();
  model.dispose();
  whole.dispose();
});

test('runBatch says when an epoch ended; done and epoch follow', () => {
  const model = tutorialModel();
  const rows = train.x.shape[0];
  const session = model.beginFit(train.x, train.y, { epochs: 2, batchSize: 10 });
  const perEpoch = Math.ceil(rows / 10);
  const ends = [];
  for (let b = 0; !session.done; b++) if (session.runBatch()) ends.push(b);
  assert.deepEqual(ends, [perEpoch - 1, 2 * perEpoch - 1]);
  assert.equal(session.epoch, 2);
  assert.equal(session.runBatch(), false, 'a finished session trains nothing');
  session.end();
  model.dispose();
});

test('an ended session refuses with a clear error', () => {
  const model = tutorialModel();
  const session = model.beginFit(train.x, train.y, { epochs: 2 });
  session.end();
  session.end();  // twice is harmless
  for (const call of [() => session.runEpoch(), () => session.runBatch(), () => session.done, () => session.history()]) {
    assert.throws(call, /this session has ended/);
  }
  model.dispose();
});
