// Disposed means disposed everywhere (issue 22): every handle derived from a model — its
// optimizer, its layers, its fit sessions — answers "this model has been disposed" for every
// getter, setter and method once model.dispose() ran, instead of an Embind BindingError or a
// setter silently accepted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nn, tutorialData, tutorialModel } from './helpers.mjs';

const DISPOSED = /this model has been disposed/;

// A valid argument list for each method, so that only the disposal can make it throw.
const CALLS = {
  getWeights: [],
  slots: [0, 'kernel'],
  runBatch: [],
  runEpoch: [],
  runningLogs: [],
  lastEpochLogs: [],
  history: [],
  trainEpoch: [],
};
const VALUES = { learningRate: 0.1, recording: false };

// Every accessor and method of `handle` (own and inherited), each checked to throw.
function assertAllRefuse(handle, label, skip = []) {
  const seen = new Set();
  for (let o = handle; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    for (const [key, d] of Object.entries(Object.getOwnPropertyDescriptors(o))) {
      if (key === 'constructor' || skip.includes(key) || seen.has(key)) continue;
      seen.add(key);
      if (d.get) assert.throws(() => handle[key], DISPOSED, `${label}.${key} (get)`);
      if (d.set) assert.throws(() => { handle[key] = VALUES[key]; }, DISPOSED, `${label}.${key} = ${VALUES[key]}`);
      const fn = d.value;
      if (typeof fn === 'function') {
        assert.ok(key in CALLS, `${label}.${key}: a method this test does not know; add its arguments to CALLS`);
        assert.throws(() => fn.apply(handle, CALLS[key]), DISPOSED, `${label}.${key}()`);
      }
    }
  }
  return seen;
}

test('an optimizer kept past model.dispose() says the model has been disposed, for every member', () => {
  const model = tutorialModel();
  const opt = model.optimizer;
  opt.slots(0, 'kernel');  // works before
  model.dispose();
  const members = assertAllRefuse(opt, 'optimizer');
  for (const key of ['name', 'learningRate', 'config', 'iterations', 'recording', 'getWeights', 'slots']) {
    assert.ok(members.has(key), `optimizer.${key} was checked`);
  }
  assert.throws(() => model.optimizer, DISPOSED);
});

test("a fit session of a disposed model says so for every member (end() still frees it)", () => {
  const { xTrain, yTrain } = tutorialData();
  const model = tutorialModel();
  const session = model.beginFit(xTrain, yTrain, { epochs: 3, batchSize: 10 });
  session.runBatch();
  model.dispose();
  const members = assertAllRefuse(session, 'session', ['end', 'running', 'samples']);
  for (const key of ['runBatch', 'runEpoch', 'done', 'epoch', 'runningLogs', 'lastEpochLogs', 'history']) {
    assert.ok(members.has(key), `session.${key} was checked`);
  }
  session.end();
  session.end();  // idempotent, as dispose()
});

test('model.layers and every model member after dispose say so', () => {
  const model = tutorialModel();
  model.dispose();
  assert.throws(() => model.layers, DISPOSED);
  const empty = nn.sequential([]);
  empty.dispose();
  assert.throws(() => empty.layers, DISPOSED, 'also with no layers');
  for (const call of [() => model.predict([[0, 0]]), () => model.summary(null), () => model.getWeights(), () => nn.landscape.snapshot(model)]) {
    assert.throws(call, DISPOSED);
  }
});
