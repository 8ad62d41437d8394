// Code ported from tfjs works as its author expects: tfjs tensors as inputs, verbose: 1
// prints Keras' progress bar, a model prints its layers, and logs.acc / val_acc are there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inspect } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { nn, tutorialData, tutorialModel } from './helpers.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { xTrain, yTrain, xValid, yValid } = tutorialData();
const tensor = (m) => tf.tensor2d(m.data, m.shape);

test('fit, predict and evaluate take tfjs tensors and give what the same values as arrays give', async () => {
  const fromArrays = tutorialModel();
  const fromTensors = tutorialModel();
  const options = { batchSize: 15, epochs: 3 };
  const a = await fromArrays.fit(xTrain, yTrain, { ...options, validationData: [xValid, yValid] });
  const [x, y, xv, yv] = [xTrain, yTrain, xValid, yValid].map(tensor);
  const b = await fromTensors.fit(x, y, { ...options, validationData: [xv, yv] });
  assert.deepEqual(b.history, a.history);
  assert.deepEqual(fromTensors.predict(xv), fromArrays.predict(xValid));
  assert.deepEqual(fromTensors.evaluate(xv, yv), fromArrays.evaluate(xValid, yValid));
  // rank 1 is one column, as number[] is; int32 and bool tensors are read as numbers
  const column = tf.tensor1d(yValid.data);
  assert.deepEqual(fromTensors.evaluate(xv, column), fromArrays.evaluate(xValid, yValid));
  const ints = tf.tensor2d([[1, 2], [3, 4]], [2, 2], 'int32');
  assert.deepEqual(fromTensors.predict(ints), fromArrays.predict([[1, 2], [3, 4]]));
  // anything with shape and arraySync() (no dataSync) is a tensor too
  const arrayOnly = { shape: [2, 2], arraySync: () => [[1, 2], [3, 4]] };
  assert.deepEqual(fromTensors.predict(arrayOnly), fromArrays.predict([[1, 2], [3, 4]]));
  tf.dispose([x, y, xv, yv, column, ints]);
  fromArrays.dispose();
  fromTensors.dispose();
});

test('a tensor that cannot be an input is refused, naming the argument, the shape or dtype and what is allowed', () => {
  const model = tutorialModel();
  const cube = tf.zeros([2, 2, 2]);
  assert.throws(() => model.predict(cube), /predict: x: a tensor of shape \[2, 2, 2\] is not allowed: use rank 2 \[rows, cols\]/);
  const words = tf.tensor2d([['a', 'b']], [1, 2], 'string');
  assert.throws(() => model.predict(words), /predict: x: a tensor of dtype "string" is not allowed: use float32, int32 or bool/);
  const gone = tf.tensor2d([[1, 2]]);
  gone.dispose();
  assert.throws(() => model.predict(gone), /predict: x: reading the tensor's values failed: .*disposed/i);
  assert.throws(() => model.predict(tf.tensor2d([[NaN, 1]])), /predict/);
  const lying = { shape: [3, 2], dataSync: () => new Float32Array(4) };
  assert.throws(() => model.predict(lying), /predict: x: the tensor has 4 values but its shape \[3, 2\] needs 6/);
  tf.dispose([cube, words]);
  model.dispose();
});

// What a script prints to stdout, run in a process of its own (the test runner talks over this one's).
function stdoutOf(body) {
  const script = `import { init } from 'nnplay';\nconst nn = await init();\n${body}`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.split('\n').filter(Boolean);
}

const SETUP = `
const data = nn.datasets.generate({ type: 'gauss', noise: 0, seed: 1 });
const { xTrain, yTrain } = nn.datasets.split(data, { trainingRatio: 0.5, seed: 1 });
const model = nn.sequential([nn.layers.dense({ inputShape: [2], units: 3, activation: 'tanh' }), nn.layers.dense({ units: 1, activation: 'tanh' })], { seed: 42 });
model.compile({ optimizer: nn.optimizers.sgd({ learningRate: 0.03 }), loss: 'mean_squared_error', metrics: ['tanh_accuracy'] });`;

test("verbose: 1 prints Keras' 'Epoch k/N' and progress-bar line per epoch; 2 one line per epoch; 0 nothing", async () => {
  // 250 rows, the last 20 % validate: 200 trained on, in batches of 32 -> 7 steps
  const lines = stdoutOf(`${SETUP}
const h = await model.fit(xTrain, yTrain, { batchSize: 32, epochs: 2, validationSplit: 0.2, verbose: 1 });
console.log(JSON.stringify(h.history));`);
  assert.equal(xTrain.shape[0], 250);
  assert.equal(lines.length, 5, lines.join('\n'));
  const h = JSON.parse(lines.pop());
  assert.equal(lines[0], 'Epoch 1/2');
  assert.equal(lines[2], 'Epoch 2/2');
  for (const [i, line] of [lines[1], lines[3]].entries()) {
    assert.match(line, /^7\/7 \[={30}\] - \d+s \d+(ms|us|s)\/step - loss: /);
    assert.ok(line.endsWith(` - loss: ${h.loss[i].toFixed(4)} - tanh_accuracy: ${h.tanh_accuracy[i].toFixed(4)} - val_loss: ${h.val_loss[i].toFixed(4)} - val_tanh_accuracy: ${h.val_tanh_accuracy[i].toFixed(4)}`), line);
  }
  const two = stdoutOf(`${SETUP}\nawait model.fit(xTrain, yTrain, { batchSize: 50, epochs: 1, verbose: 2 });`);
  assert.deepEqual(two.length, 2, two.join('\n'));
  assert.match(two[1], /^5\/5 - \d+s - loss: \d\.\d{4} - tanh_accuracy: \S+$/);
  assert.deepEqual(stdoutOf(`${SETUP}\nawait model.fit(xTrain, yTrain, { epochs: 2, verbose: 0 });\nawait model.fit(xTrain, yTrain, { epochs: 2 });`), []);
  const model = tutorialModel();
  await assert.rejects(model.fit(xTrain, yTrain, { verbose: 3 }), /fit: verbose must be a whole number from 0 to 2, got 3/);
  model.dispose();
});

test('a model prints as Sequential with its layers, optimizer and seed (console.log and String)', () => {
  const model = tutorialModel(7);
  const shown = inspect(model);
  assert.match(shown, /^Sequential \{/);
  assert.match(shown, /Dense\(units=3, activation=tanh\) ← 2 inputs/);
  assert.match(shown, /Dense\(units=1, activation=tanh\) ← 3 inputs/);
  assert.match(shown, /optimizer: 'SGD\(learningRate=0\.03\)'/);
  assert.match(shown, /seed: 7/);
  assert.match(String(model), /^Sequential \{ layers: \[dense\S*: Dense\(units=3, activation=tanh\) ← 2 inputs; .*\], optimizer: SGD\(learningRate=0\.03\), seed: 7 \}$/);
  const bare = nn.sequential([nn.layers.dense({ inputShape: [2], units: 1 })], { seed: 1 });
  assert.match(inspect(bare), /optimizer: 'not compiled'/);
  bare.dispose();
  model.dispose();
  assert.equal(inspect(model), 'Sequential { disposed: true, seed: 7 }');
});

test("logs.acc and val_acc, as tfjs names them, read Keras' accuracy and val_accuracy; the keys stay Keras'", async () => {
  const compiled = (metric) => {
    const m = nn.sequential([nn.layers.dense({ inputShape: [2], units: 3, activation: 'tanh' }), nn.layers.dense({ units: 1, activation: 'sigmoid' })], { seed: 3 });
    m.compile({ optimizer: 'sgd', loss: 'binary_crossentropy', metrics: [metric] });
    return m;
  };
  const y01 = (m) => ({ data: m.data.map((v) => (v > 0 ? 1 : 0)), shape: m.shape });
  const model = compiled('accuracy');
  const seen = [];
  const history = await model.fit(xTrain, y01(yTrain), {
    epochs: 2, validationData: [xValid, y01(yValid)],
    callbacks: { onEpochEnd: (_e, logs) => seen.push({ keys: Object.keys(logs), acc: logs.acc, accuracy: logs.accuracy, valAcc: logs.val_acc, valAccuracy: logs.val_accuracy }) },
  });
  for (const s of seen) {
    assert.deepEqual(s.keys, ['loss', 'accuracy', 'val_loss', 'val_accuracy']);
    assert.equal(typeof s.acc, 'number');
    assert.equal(s.acc, s.accuracy);
    assert.equal(s.valAcc, s.valAccuracy);
  }
  assert.deepEqual(history.history.val_acc, history.history.val_accuracy);
  assert.deepEqual(Object.keys(history.history), ['loss', 'accuracy', 'val_loss', 'val_accuracy']);
  assert.equal(JSON.stringify(history.history).includes('"acc"'), false);
  // fit without callbacks (one engine call) too
  const quick = await model.fit(xTrain, y01(yTrain), { epochs: 1, validationData: [xValid, y01(yValid)] });
  assert.deepEqual(quick.history.val_acc, quick.history.val_accuracy);
  model.dispose();
  // asked as 'acc', the keys are acc and val_acc themselves (Keras and tfjs agree)
  const acc = compiled('acc');
  const h = await acc.fit(xTrain, y01(yTrain), { epochs: 1, validationData: [xValid, y01(yValid)] });
  assert.deepEqual(Object.keys(h.history), ['loss', 'acc', 'val_loss', 'val_acc']);
  acc.dispose();
});

test('the types take tfjs tensors and verbose 1 (tsc --strict on a ported consumer), and still refuse a string', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nnplay-tfjs-types-'));
  const typecheck = (source) => {
    writeFileSync(join(dir, 'consumer.ts'), source);
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
      compilerOptions: {
        strict: true, noEmit: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2022', 'DOM'], types: [], skipLibCheck: true,
        paths: { nnplay: [join(root, 'dist/nnplay.d.ts')], '@tensorflow/tfjs': [join(root, 'node_modules/@tensorflow/tfjs')] },
      },
      files: ['consumer.ts'],
    }));
    return spawnSync(join(root, 'node_modules/.bin/tsc'), ['-p', dir], { encoding: 'utf8' });
  };
  const ok = typecheck(`import * as tf from '@tensorflow/tfjs';
import { init } from 'nnplay';
const nn = await init();
const model = nn.sequential([nn.layers.dense({ inputShape: [2], units: 1 })]);
model.compile({ optimizer: 'sgd', loss: 'mse', metrics: ['acc'] });
const x = tf.tensor2d([[1, 2]]);
await model.fit(x, tf.tensor1d([1]), { verbose: 1, validationData: [x, tf.tensor2d([[1]])] });
model.predict(x);
model.evaluate(x, [1]);
`);
  assert.equal(ok.status, 0, ok.stdout + ok.stderr);
  const bad = typecheck(`import { init } from 'nnplay';\nconst nn = await init();\nnn.sequential([]).predict('x');\n`);
  assert.notEqual(bad.status, 0);
  assert.match(bad.stdout, /consumer\.ts\(3,/);
});
