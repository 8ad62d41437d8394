// nn.landscape: the loss on a plane through the weights, its centre, its path and its errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nn, tutorialData, tutorialModel } from './helpers.mjs';

test('the centre of a random slice is the model loss; the weights are left alone', () => {
  const { xTrain, yTrain } = tutorialData();
  const model = tutorialModel(2);
  const before = nn.landscape.snapshot(model);
  const l = nn.landscape(model, xTrain, yTrain, { resolution: 11, seed: 3 });
  assert.deepEqual(l.loss.shape, [11, 11]);
  assert.equal(l.alpha.length, 11);
  assert.equal(l.alpha[0], -1);
  assert.equal(l.alpha[10], 1);
  assert.equal(l.directions, 'random');
  const loss = model.evaluate(xTrain, yTrain, { batchSize: xTrain.shape[0] }).loss;
  assert.ok(Math.abs(l.loss.data[5 * 11 + 5] - loss) < 1e-6);
  assert.ok(Math.abs(l.centerLoss - loss) < 1e-6);
  assert.deepEqual(nn.landscape.snapshot(model), before);
  assert.ok(l.loss.data.some((v) => Math.abs(v - loss) > 1e-3), 'the slice varies');
  model.dispose();
});

test('pca directions: the path of a training run ends at the centre', async () => {
  const { xTrain, yTrain } = tutorialData();
  const model = tutorialModel(4);
  const trajectory = [];
  await model.fit(xTrain, yTrain, { batchSize: 10, epochs: 6, callbacks: { onEpochEnd: () => { trajectory.push(nn.landscape.snapshot(model)); } } });
  const l = nn.landscape(model, xTrain, yTrain, { directions: 'pca', resolution: 9, trajectory });
  assert.equal(l.path.length, 6);
  const [a, b] = l.path.at(-1);
  assert.ok(Math.abs(a) < 1e-5 && Math.abs(b) < 1e-5, `the last snapshot is the current weights: ${a}, ${b}`);
  assert.ok(l.explainedVariance[0] >= l.explainedVariance[1] && l.explainedVariance[0] > 0);
  model.dispose();
});

test('landscape: bad options give clear errors', () => {
  const { xTrain, yTrain } = tutorialData();
  const model = tutorialModel();
  assert.throws(() => nn.landscape(model, xTrain, yTrain, { directions: 'pcb' }), /landscape: directions must be one of random, pca, got "pcb"/);
  assert.throws(() => nn.landscape(model, xTrain, yTrain, { resolution: 500 }), /resolution must be a whole number from 2 to 201, got 500/);
  assert.throws(() => nn.landscape(model, xTrain, yTrain, { span: -1 }), /landscape: span must be a finite number > 0, got -1/);
  assert.throws(() => nn.landscape(model, xTrain, yTrain, { spn: 1 }), /unknown option 'spn' \(did you mean 'span'\?\); allowed: directions, span/);
  assert.throws(() => nn.landscape(model, xTrain, yTrain, { directions: 'pca' }), /needs a trajectory of at least 2/);
  assert.throws(() => nn.landscape(model, xTrain, yTrain, { trajectory: [[1, , 2]] }), /landscape: trajectory\[0\] must be an array of numbers/);
  assert.throws(() => nn.landscape({}, xTrain, yTrain), /landscape: expected a model made by nn.sequential/);
  model.dispose();
});
