// Every optimizer, loss and metric name the API promises trains without NaN.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nn, tutorialData } from './helpers.mjs';

const { xTrain, yTrain, xValid, yValid } = tutorialData(4);
const zeroOne = (m) => ({ data: m.data.map((v) => (v > 0 ? 1 : 0)), shape: m.shape });
const oneHot = (m) => {
  const data = new Float32Array(m.shape[0] * 2);
  m.data.forEach((v, i) => { data[i * 2 + (v > 0 ? 1 : 0)] = 1; });
  return { data, shape: [m.shape[0], 2] };
};

async function train(optimizer, loss, metrics = [], output = 'tanh') {
  const units = output === 'softmax' ? 2 : 1;
  const convert = output === 'sigmoid' ? zeroOne : output === 'softmax' ? oneHot : (m) => m;
  const model = nn.sequential([
    nn.layers.dense({ inputShape: [2], units: 4, activation: 'tanh' }),
    nn.layers.dense({ units, activation: output }),
  ], { seed: 1 });
  model.compile({ optimizer, loss, metrics });
  const h = await model.fit(xTrain, convert(yTrain), { epochs: 5, batchSize: 16, validationData: [xValid, convert(yValid)] });
  model.dispose();
  return h;
}

test('every optimizer, by factory and by name, trains at its tf.keras defaults', async () => {
  for (const name of ['sgd', 'adagrad', 'rmsprop', 'adadelta', 'adam', 'adamax', 'nadam']) {
    for (const optimizer of [nn.optimizers[name](), name, name.toUpperCase()]) {
      const h = await train(optimizer, 'mse');
      assert.ok(h.history.loss.every(Number.isFinite), `${name}: ${h.history.loss}`);
      assert.equal(h.stopReason, 'max_epochs');
    }
  }
});

test('optimizer options in camelCase reach the engine with tf.keras defaults for the rest', async () => {
  const model = nn.sequential([nn.layers.dense({ inputShape: [2], units: 1 })]);
  model.compile({ optimizer: nn.optimizers.adam({ learningRate: 0.01, beta1: 0.8, amsgrad: true }), loss: 'mse' });
  const c = model.optimizer.config;
  assert.equal(c.name, 'Adam');
  assert.ok(Math.abs(c.learning_rate - 0.01) < 1e-12);
  assert.ok(Math.abs(c.beta_1 - 0.8) < 1e-12);
  assert.ok(Math.abs(c.beta_2 - 0.999) < 1e-12);
  assert.equal(c.amsgrad, 1);
  model.compile({ optimizer: 'adagrad', loss: 'mse' });
  assert.ok(Math.abs(model.optimizer.config.initial_accumulator_value - 0.1) < 1e-12);
  assert.ok(Math.abs(model.optimizer.learningRate - 0.001) < 1e-12);
  model.compile({ optimizer: 'adadelta', loss: 'mse' });
  assert.ok(Math.abs(model.optimizer.learningRate - 0.001) < 1e-12, 'tf.keras 2.x Adadelta default, not tfjs 1.0');
  model.compile({ optimizer: nn.optimizers.rmsprop({ momentum: 0.5, centered: true, rho: 0.8, epsilon: 1e-6 }), loss: 'mse' });
  assert.equal(model.optimizer.config.centered, 1);
  model.compile({ optimizer: nn.optimizers.sgd({ momentum: 0.9, nesterov: true }), loss: 'mse' });
  assert.equal(model.optimizer.config.nesterov, 1);
  model.dispose();
});

test('every loss name, Keras and tfjs spelling, with the output it needs', async () => {
  const cases = [
    ['mean_squared_error', 'tanh'], ['mse', 'tanh'], ['meanSquaredError', 'tanh'],
    ['mean_absolute_error', 'tanh'], ['mae', 'tanh'], ['meanAbsoluteError', 'tanh'],
    ['binary_crossentropy', 'sigmoid'], ['binaryCrossentropy', 'sigmoid'],
    ['categorical_crossentropy', 'softmax'], ['categoricalCrossentropy', 'softmax'],
  ];
  for (const [loss, output] of cases) {
    const h = await train('adam', loss, [], output);
    assert.ok(h.history.loss.every(Number.isFinite), loss);
    assert.ok(h.history.loss.at(-1) < h.history.loss[0], `${loss} decreases`);
  }
});

test('every metric name becomes its own history key', async () => {
  const h = await train('sgd', 'mse', ['tanh_accuracy', 'mse', 'mae', 'accuracy']);
  assert.deepEqual(Object.keys(h.history), ['loss', 'tanh_accuracy', 'mse', 'mae', 'accuracy', 'val_loss', 'val_tanh_accuracy', 'val_mse', 'val_mae', 'val_accuracy']);
  const b = await train(nn.optimizers.adam({ learningRate: 0.05 }), 'binary_crossentropy', ['binary_accuracy', 'acc'], 'sigmoid');
  assert.ok(b.history.binary_accuracy.at(-1) > 0.9);
  assert.equal(b.history.acc.at(-1), b.history.binary_accuracy.at(-1));  // 'acc' on one unit = binary_accuracy
  const c = await train(nn.optimizers.adam({ learningRate: 0.05 }), 'categorical_crossentropy', ['categorical_accuracy', 'accuracy'], 'softmax');
  assert.equal(c.history.accuracy.at(-1), c.history.categorical_accuracy.at(-1));
  const camel = await train('sgd', 'mse', ['tanhAccuracy', 'meanSquaredError']);
  assert.ok('tanhAccuracy' in camel.history);
});

test('the three-class dataset trains with softmax and categorical cross entropy', async () => {
  const d = nn.datasets.generate({ type: 'gauss3', seed: 2 });
  assert.deepEqual(d.labels.shape, [500, 3]);
  const model = nn.sequential([nn.layers.dense({ inputShape: [2], units: 6, activation: 'tanh' }), nn.layers.dense({ units: 3, activation: 'softmax' })], { seed: 1 });
  model.compile({ optimizer: nn.optimizers.adam({ learningRate: 0.03 }), loss: 'categorical_crossentropy', metrics: ['accuracy'] });
  const h = await model.fit(d.points, d.labels, { epochs: 30, batchSize: 16 });
  assert.ok(h.history.accuracy.at(-1) > 0.95);
  model.dispose();
});

test('datasets: names, features, split', () => {
  assert.deepEqual([...nn.datasets.names], ['circle', 'xor', 'gauss', 'spiral', 'reg-plane', 'reg-gauss', 'gauss3']);
  for (const type of nn.datasets.names) {
    const d = nn.datasets.generate({ type, noise: 0.2, seed: 3 });
    assert.equal(d.points.shape[0], type.startsWith('reg') ? 1200 : 500);
    assert.equal(d.seed, 3);
  }
  const d = nn.datasets.generate({ type: 'circle', seed: 'abc' });
  assert.deepEqual(nn.datasets.generate({ type: 'circle', seed: 'abc' }).points.data, d.points.data);
  const f = nn.datasets.makeFeatures(d.points, ['x', 'y', 'xSquared', 'ySquared', 'xTimesY', 'sinX', 'sinY']);
  assert.deepEqual(f.shape, [500, 7]);
  assert.ok(Math.abs(f.data[5] - Math.sin(d.points.data[0])) < 1e-6);
  const s = nn.datasets.split(d, { trainingRatio: 0.3, seed: 1 });
  assert.equal(s.xTrain.shape[0], 150);
  assert.equal(s.xValid.shape[0], 350);
});
