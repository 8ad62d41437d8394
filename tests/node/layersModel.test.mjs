// model.save / nn.loadLayersModel against the real thing: @tensorflow/tfjs loads nnplay's
// files and predicts the same; a model trained and saved by tfjs loads into nnplay and
// predicts the same; nnplay -> file -> nnplay is bit-identical; bad files get one clear error
// each and leave nothing behind in the wasm heap.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import * as tf from '@tensorflow/tfjs';
import { nn, tutorialData, tutorialModel } from './helpers.mjs';

const TOLERANCE = 1e-6;

// 1,000 points over the playground's square, as rows.
function points(n = 1000, seed = 7) {
  let s = seed;
  const r = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 12 - 6;
  return Array.from({ length: n }, () => [r(), r()]);
}

function tempDir(t) {
  const dir = mkdtempSync(join(tmpdir(), 'nnplay-layers-model-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

// tfjs reading files written to disk (tfjs-node's file:// handler is not installed): its own
// getModelArtifactsForJSON over model.json, with the .bin the manifest names.
function tfjsFileHandler(dir) {
  return {
    load: async () => {
      const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
      return tf.io.getModelArtifactsForJSON(json, async (manifest) => {
        const parts = manifest.flatMap((g) => g.paths.map((p) => readFileSync(join(dir, p))));
        const bytes = Buffer.concat(parts);
        return [tf.io.getWeightSpecs(manifest), bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)];
      });
    },
  };
}

function maxAbsDiff(a, b) {
  assert.equal(a.length, b.length);
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
}

function tfjsPredict(model, rows) {
  return tf.tidy(() => model.predict(tf.tensor2d(rows)).dataSync().slice());
}

// Hidden activations x output heads nnplay and tfjs both run.
const CASES = [
  { hidden: [3, 3], activation: 'tanh', output: 'tanh', units: 1, loss: 'mean_squared_error', metrics: ['tanh_accuracy'], optimizer: () => nn.optimizers.sgd({ learningRate: 0.03 }) },
  { hidden: [8, 5, 4], activation: 'relu', output: 'sigmoid', units: 1, loss: 'binary_crossentropy', metrics: ['binary_accuracy'], optimizer: () => nn.optimizers.adam({ learningRate: 0.01 }) },
  { hidden: [4], activation: 'elu', output: 'softmax', units: 2, loss: 'categorical_crossentropy', metrics: ['categorical_accuracy'], optimizer: () => nn.optimizers.rmsprop({ learningRate: 0.01 }) },
  { hidden: [6, 2], activation: 'selu', output: 'linear', units: 1, loss: 'mean_absolute_error', metrics: [], optimizer: () => nn.optimizers.adagrad({ learningRate: 0.1 }) },
  { hidden: [5], activation: 'softplus', output: 'tanh', units: 1, loss: 'mean_squared_error', metrics: ['tanh_accuracy'], optimizer: () => nn.optimizers.nadam() },
  { hidden: [5, 5], activation: 'softsign', output: 'sigmoid', units: 1, loss: 'mean_squared_error', metrics: ['mse'], optimizer: () => nn.optimizers.adamax() },
  { hidden: [3], activation: 'sigmoid', output: 'tanh', units: 1, loss: 'mean_squared_error', metrics: [], optimizer: () => nn.optimizers.adadelta({ learningRate: 1 }) },
  { hidden: [], activation: 'linear', output: 'tanh', units: 1, loss: 'mean_squared_error', metrics: [], optimizer: () => nn.optimizers.sgd({ learningRate: 0.1, momentum: 0.9, nesterov: true }) },
];

function nnplayModel(c, seed = 1, kernelRegularizer = undefined) {
  const sizes = [...c.hidden, c.units];
  const layers = sizes.map((units, i) => nn.layers.dense({
    units,
    activation: i < c.hidden.length ? c.activation : c.output,
    ...(i === 0 ? { inputShape: [2] } : {}),
    ...(kernelRegularizer ? { kernelRegularizer } : {}),
  }));
  const model = nn.sequential(layers, { seed });
  model.compile({ optimizer: c.optimizer(), loss: c.loss, metrics: c.metrics });
  return model;
}

async function trained(c, seed = 1) {
  const model = nnplayModel(c, seed);
  const { xTrain, yTrain } = tutorialData(seed);
  const y = c.units === 2 ? { data: Float32Array.from({ length: yTrain.shape[0] * 2 }, (_, i) => (i % 2 === (yTrain.data[i >> 1] > 0 ? 1 : 0) ? 1 : 0)), shape: [yTrain.shape[0], 2] }
    : c.output === 'sigmoid' ? { data: yTrain.data.map((v) => (v > 0 ? 1 : 0)), shape: yTrain.shape } : yTrain;
  await model.fit(xTrain, y, { epochs: 5, batchSize: 10 });
  return model;
}

test('tfjs loads the files model.save("file://DIR") writes and predicts the same on 1,000 points (every activation, every optimizer)', async (t) => {
  const rows = points();
  for (const c of CASES) {
    const model = await trained(c);
    const dir = tempDir(t);
    const result = await model.save(`file://${dir}`);
    assert.equal(result.modelArtifactsInfo.modelTopologyType, 'JSON');
    assert.equal(result.modelArtifactsInfo.weightDataBytes, readFileSync(join(dir, 'weights.bin')).length);
    const loaded = await tf.loadLayersModel(tfjsFileHandler(dir));
    const d = maxAbsDiff(tfjsPredict(loaded, rows), model.predict(rows).data);
    assert.ok(d <= TOLERANCE, `${c.activation}/${c.output}: tfjs and nnplay differ by ${d}`);
    assert.deepEqual(loaded.layers.map((l) => l.getConfig().units), [...c.hidden, c.units]);
    loaded.dispose();
    model.dispose();
  }
});

test('what tfjs compiles from nnplay\'s trainingConfig is the optimizer and loss nnplay compiled', async () => {
  const model = nnplayModel(CASES[1]);
  const artifacts = await model.save();
  const loaded = await tf.loadLayersModel(tf.io.fromMemory(artifacts));
  assert.equal(loaded.optimizer.getClassName(), 'Adam');
  assert.equal(loaded.optimizer.getConfig().learningRate, 0.01);
  assert.equal(loaded.loss, 'binaryCrossentropy');
  // Nadam: tfjs has none, so tfjs loads the model uncompiled and nnplay keeps its own copy
  const nadam = nnplayModel(CASES[4]);
  const a = await nadam.save();
  assert.equal(a.trainingConfig, undefined);
  assert.equal(a.userDefinedMetadata.nnplay.trainingConfig.optimizer_config.class_name, 'Nadam');
  const t2 = await tf.loadLayersModel(tf.io.fromMemory(a));
  assert.equal(t2.optimizer, undefined);
  for (const m of [model, nadam]) m.dispose();
  for (const m of [loaded, t2]) m.dispose();
});

// A model built, trained and saved by tfjs itself.
// (seeded initializers: the same weights every run)
async function tfjsTrained({ activation = 'tanh', includeOptimizer = false } = {}) {
  const m = tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [2], units: 5, activation, kernelRegularizer: tf.regularizers.l2({ l2: 0.001 }), kernelInitializer: tf.initializers.glorotNormal({ seed: 1 }) }),
      tf.layers.dense({ units: 4, activation, kernelInitializer: tf.initializers.heUniform({ seed: 2 }), biasInitializer: 'ones' }),
      tf.layers.dense({ units: 1, activation: 'tanh', useBias: false, kernelInitializer: tf.initializers.glorotNormal({ seed: 3 }) }),
    ],
  });
  m.compile({ optimizer: tf.train.adam(0.02), loss: 'meanSquaredError', metrics: ['accuracy'] });
  const { xTrain, yTrain } = tutorialData(3);
  await m.fit(tf.tensor2d(xTrain.data, xTrain.shape), tf.tensor2d(yTrain.data, yTrain.shape), { epochs: 3, batchSize: 16, verbose: 0, shuffle: false });
  let artifacts;
  await m.save(tf.io.withSaveHandler(async (a) => {
    artifacts = a;
    return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(a) };
  }), { includeOptimizer });
  return { m, artifacts };
}

test('a model trained and saved by tfjs (its own model.save) loads into nnplay and predicts the same on 1,000 points', async (t) => {
  const rows = points();
  for (const activation of ['tanh', 'relu', 'sigmoid']) {
    const { m, artifacts } = await tfjsTrained({ activation });
    const model = await nn.loadLayersModel(tf.io.fromMemory(artifacts));  // tfjs' own IO handler
    const d = maxAbsDiff(model.predict(rows).data, tfjsPredict(m, rows));
    assert.ok(d <= TOLERANCE, `${activation}: nnplay and tfjs differ by ${d}`);
    console.log(`max |nnplay - tfjs| (${activation}) = ${d}`);
    assert.deepEqual(model.layers.map((l) => [l.units, l.activation, l.useBias]), [[5, activation, true], [4, activation, true], [1, 'tanh', false]]);
    // the same as files (the layout tfjs-node writes: model.json + weights.bin)
    const dir = tempDir(t);
    const { weightSpecs, weightData, ...rest } = artifacts;
    writeFileSync(join(dir, 'model.json'), JSON.stringify({ ...rest, weightsManifest: [{ paths: ['weights.bin'], weights: weightSpecs }] }));
    writeFileSync(join(dir, 'weights.bin'), new Uint8Array(weightData));
    const fromFile = await nn.loadLayersModel(`file://${join(dir, 'model.json')}`);
    assert.deepEqual(fromFile.predict(rows).data, model.predict(rows).data);
    // tfjs' l2 regularizer came along: the loss nnplay computes includes it
    const { xValid, yValid } = tutorialData(3);
    fromFile.compile({ optimizer: 'sgd', loss: 'mse' });
    const tfLoss = tf.tidy(() => {
      m.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
      return m.evaluate(tf.tensor2d(xValid.data, xValid.shape), tf.tensor2d(yValid.data, yValid.shape), { batchSize: 10000 }).dataSync()[0];
    });
    // (tfjs' evaluate leaves the regularizer out; Keras' and nnplay's add it: 0.001 Σ k² of the first kernel)
    const penalty = 0.001 * fromFile.getWeights()[0].data.reduce((s, v) => s + v * v, 0);
    const loss = fromFile.evaluate(xValid, yValid, { batchSize: 10000 }).loss;
    assert.ok(Math.abs(loss - (tfLoss + penalty)) < 1e-5, `the same loss, the regularizer included: nnplay ${loss}, tfjs ${tfLoss} + ${penalty}`);
    for (const x of [model, fromFile]) x.dispose();
    m.dispose();
  }
});

test('tfjs\' trainingConfig (includeOptimizer) compiles the loaded model; tfjs\' optimizer weights are skipped', async () => {
  const { m, artifacts } = await tfjsTrained({ includeOptimizer: true });
  assert.ok(artifacts.weightSpecs.some((s) => s.group === 'optimizer'), 'tfjs wrote optimizer weights');
  const model = await nn.loadLayersModel(artifacts);
  assert.equal(model.optimizer.name, 'Adam');
  assert.equal(model.optimizer.learningRate, Math.fround(0.02) === model.optimizer.learningRate ? Math.fround(0.02) : 0.02);
  const { xValid, yValid } = tutorialData(3);
  assert.deepEqual(Object.keys(model.evaluate(xValid, yValid)), ['loss', 'accuracy']);
  model.dispose();
  m.dispose();
});

function sameBits(a, b) {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

test('nnplay -> file -> nnplay is bit-identical: weights, predictions, the compiled optimizer, loss and metrics', async (t) => {
  const rows = points();
  for (const c of CASES) {
    const model = await trained(c, 5);
    const dir = tempDir(t);
    await model.save(`file://${dir}`);
    const back = await nn.loadLayersModel(`file://${dir}/model.json`);
    const [w1, w2] = [model.getWeights(), back.getWeights()];
    assert.equal(w1.length, w2.length);
    w1.forEach((w, i) => {
      assert.deepEqual(w2[i].shape, w.shape);
      assert.ok(sameBits(w.data, w2[i].data), `${c.activation}: weight ${w.name} differs`);
    });
    assert.ok(sameBits(model.predict(rows).data, back.predict(rows).data), `${c.activation}: predictions differ`);
    const { optimizer, ...config } = model.optimizer.config;
    const { iterations: _i1, ...kept } = config;
    const { iterations: _i2, ...read } = back.optimizer.config;
    assert.deepEqual(read, kept, `${c.activation}: optimizer config`);
    const { xValid, yValid } = tutorialData(5);
    if (c.units === 1 && c.output !== 'sigmoid') assert.deepEqual(Object.keys(back.evaluate(xValid, yValid)), Object.keys(model.evaluate(xValid, yValid)));
    // the second save writes the same files
    const again = await back.save();
    const first = await model.save();
    assert.deepEqual(again.modelTopology, first.modelTopology);
    assert.ok(sameBits(new Uint8Array(again.weightData), new Uint8Array(first.weightData)));
    for (const m of [model, back]) m.dispose();
  }
});

test('round trip over random architectures (fast-check): same weights and predictions, bit for bit', async () => {
  const hidden = ['linear', 'sigmoid', 'tanh', 'relu', 'elu', 'selu', 'softplus', 'softsign'];
  const arch = fc.record({
    inputs: fc.integer({ min: 1, max: 7 }),
    layers: fc.array(fc.record({ units: fc.integer({ min: 1, max: 9 }), activation: fc.constantFrom(...hidden), useBias: fc.boolean(), l2: fc.constantFrom(0, 0.001, 0.03) }), { minLength: 1, maxLength: 5 }),
    init: fc.constantFrom('glorot_uniform', 'he_uniform', 'lecun_uniform', 'random_uniform', 'playground', 'zeros', 'ones'),
    seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  });
  await fc.assert(fc.asyncProperty(arch, async ({ inputs, layers, init, seed }) => {
    const model = nn.sequential(layers.map((l, i) => nn.layers.dense({
      units: l.units, activation: l.activation, useBias: l.useBias, kernelInitializer: init,
      ...(l.l2 ? { kernelRegularizer: nn.regularizers.l2({ l2: l.l2 }) } : {}),
      ...(i === 0 ? { inputShape: [inputs] } : {}),
    })), { seed });
    const back = await nn.loadLayersModel(await model.save());
    const x = { data: Float32Array.from({ length: 20 * inputs }, (_, i) => Math.sin(i * 1.7) * 5), shape: [20, inputs] };
    try {
      assert.deepEqual(back.layers, model.layers);
      model.getWeights().forEach((w, i) => assert.ok(sameBits(w.data, back.getWeights()[i].data)));
      assert.ok(sameBits(model.predict(x).data, back.predict(x).data));
      const [a, b] = [await model.save(), await back.save()];
      assert.deepEqual(b.modelTopology, a.modelTopology);
    } finally {
      model.dispose();
      back.dispose();
    }
  }), { numRuns: 60, seed: 42 });
});

test('targets as tfjs names them: a handler object gets the artifacts; downloads:// needs a page; other targets are refused', async () => {
  const model = tutorialModel();
  let got;
  const answer = await model.save({ save: async (a) => ((got = a), { modelArtifactsInfo: { note: 'mine' } }) });
  assert.deepEqual(answer, { modelArtifactsInfo: { note: 'mine' } });
  assert.equal(got.format, 'layers-model');
  assert.equal(new Uint8Array(got.weightData).length, 4 * (2 * 3 + 3 + 3 * 3 + 3 + 3 + 1));
  await assert.rejects(model.save('downloads://m'), /downloads:\/\/' needs a browser page/);
  await assert.rejects(model.save('localstorage://m'), /target "localstorage:\/\/m" is not supported; use 'file:\/\/DIR'/);
  await assert.rejects(model.save(42), /target 42 is not supported/);
  const empty = nn.sequential([], { seed: 1 });
  await assert.rejects(empty.save(), /save: the model has no layers; add a Dense layer first/);
  empty.dispose();
  await assert.rejects(nn.loadLayersModel(42), /source 42 is not supported/);
  await assert.rejects(nn.loadLayersModel('file:///nonexistent/model.json'), /cannot read model.json "\/nonexistent\/model.json"/);
  model.dispose();
});

// ---- bad files: each one clear error; nothing half-built (the heap's malloc'd bytes unchanged)
async function goodArtifacts() {
  const model = tutorialModel();
  const a = await model.save();
  model.dispose();
  return a;
}

const clone = (a) => ({ ...structuredClone({ ...a, weightData: undefined }), weightData: a.weightData.slice(0) });
const layer0 = (a) => a.modelTopology.config.layers[0].config;

const BAD = [
  ['a truncated .bin', (a) => ({ ...a, weightData: a.weightData.slice(0, a.weightData.byteLength - 8) }), /the manifest does not add up: weight 'dense_2\/kernel' with shape \[3, 1\] \(12 bytes\) needs bytes 84 to 96, but the weights data has 92 bytes \(a truncated \.bin/],
  ['a .bin longer than the manifest', (a) => ({ ...a, weightData: new Uint8Array([...new Uint8Array(a.weightData), 0, 0, 0, 0]).buffer }), /the manifest does not add up: its weights take 100 bytes but the weights data has 104 bytes/],
  ['a manifest entry of no layer', (a) => ({ ...a, weightSpecs: [...a.weightSpecs.slice(0, 3), { name: 'extra/kernel', shape: [3], dtype: 'float32' }, ...a.weightSpecs.slice(3)], weightData: new Uint8Array([...new Uint8Array(a.weightData), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]).buffer }), /weight\(s\) 'extra\/kernel' belong to no layer/],
  ['a missing weight', (a) => { a.weightSpecs[0].name = 'other/kernel'; return a; }, /the manifest has no kernel for layer 0 \(Dense 'dense'\): expected a weight named 'dense\/kernel'/],
  ['a weight of the wrong shape', (a) => { a.weightSpecs[0].shape = [3, 2]; return a; }, /weight 'dense\/kernel' has shape \[3, 2\] but layer 0 needs \[2, 3\]/],
  ['NaN weights', (a) => { new DataView(a.weightData).setFloat32(8, NaN, true); return a; }, /weight 'dense\/kernel' value 2 is NaN; every weight must be a finite number/],
  ['an infinite weight', (a) => { new DataView(a.weightData).setFloat32(24, -Infinity, true); return a; }, /weight 'dense\/bias' value 0 is -Infinity/],
  ['an unknown layer', (a) => { a.modelTopology.config.layers.splice(1, 0, { class_name: 'Dropout', config: { rate: 0.5 } }); return a; }, /layer 1: layer class 'Dropout' is not supported; nnplay runs Dense layers only/],
  ['a functional model', (a) => { a.modelTopology.class_name = 'Functional'; return a; }, /model class 'Functional' is not supported; nnplay runs Sequential models of Dense layers/],
  ['an unknown activation', (a) => { layer0(a).activation = 'relu6'; return a; }, /layer 0 \(Dense 'dense'\): activation "relu6" is not supported; nnplay runs linear, sigmoid/],
  ['an option nnplay cannot run', (a) => { layer0(a).bias_regularizer = { class_name: 'L1L2', config: { l1: 0, l2: 0.1 } }; return a; }, /bias_regularizer L1L2 \{"l1":0,"l2":0.1\} is not supported; nnplay runs kernel_regularizer only/],
  ['an unknown option', (a) => { layer0(a).dot_general = 'x'; return a; }, /layer 0 \(Dense 'dense'\): option dot_general "x" is not supported by nnplay/],
  ['a 2 GB shape in the manifest', (a) => { a.weightSpecs[0].shape = [2, 268435456]; return a; }, /weight 'dense\/kernel' with shape \[2, 268435456\] \(2\.0 GB\) needs bytes 0 to 2147483648, but the weights data has 100 bytes/],
  ['a 2 GB layer in the topology', (a) => { layer0(a).units = 268435456; return a; }, /layer 0 \(Dense 'dense'\): units 268435456 must be a whole number from 1 to 65536/],
  ['a layer over the weights limit', (a) => { layer0(a).batch_input_shape = [null, 65536]; layer0(a).units = 65536; return a; }, /65536 × 65536 weights; nnplay's limit for one layer is 16777216/],
  ['wrong dtype', (a) => { a.weightSpecs[1].dtype = 'int32'; return a; }, /weight 'dense\/bias' has dtype 'int32'; nnplay reads float32 weights only/],
  ['an unknown dtype', (a) => { a.weightSpecs[1].dtype = 'complex64'; return a; }, /weight 'dense\/bias' has dtype 'complex64'; nnplay reads float32 weights only/],
  ['quantized weights', (a) => { a.weightSpecs[1].quantization = { dtype: 'uint8', scale: 1, min: 0 }; return a; }, /weight 'dense\/bias' is quantized/],
  ['no modelTopology', (a) => { delete a.modelTopology; return a; }, /model.json has no modelTopology/],
  ['no layers', (a) => { delete a.modelTopology.config.layers; return a; }, /modelTopology.config.layers is missing/],
  ['no input shape', (a) => { delete layer0(a).batch_input_shape; return a; }, /layer 0 \(Dense\): the first layer needs batch_input_shape \[null, inputs\]/],
  ['a graph model', (a) => ({ ...a, format: 'graph-model' }), /format 'graph-model' is not a LayersModel/],
  ['no manifest', (a) => { delete a.weightSpecs; return a; }, /the weights manifest is missing/],
  ['an unknown optimizer', (a) => { delete a.trainingConfig; a.userDefinedMetadata.nnplay.trainingConfig.optimizer_config.class_name = 'Lion'; return a; }, /trainingConfig: optimizer 'Lion' \(nnplay runs SGD, Adagrad, RMSprop, Adadelta, Adam, Adamax, Nadam\) is not supported/],
  ['an unknown loss', (a) => { delete a.trainingConfig; a.userDefinedMetadata.nnplay.trainingConfig.loss = 'hinge'; return a; }, /trainingConfig.loss "hinge" is not supported/],
  ['an optimizer option nnplay has not', (a) => { delete a.trainingConfig; a.userDefinedMetadata.nnplay.trainingConfig.optimizer_config.config.clipnorm = 1; return a; }, /optimizer option clipnorm: 1 \(nnplay has no clipnorm\) is not supported/],
  // caught by compile() once the model is built: the model must be disposed
  ['a negative learning rate', (a) => { delete a.trainingConfig; a.userDefinedMetadata.nnplay.trainingConfig.optimizer_config.config.learning_rate = -1; return a; }, /learningRate/],
];

test('bad files get one clear error each, and nothing is left built in the wasm heap', async () => {
  const good = await goodArtifacts();
  (await nn.loadLayersModel(clone(good))).dispose();  // warm up the allocator
  for (const [what, spoil, message] of BAD) {
    const before = nn.memory.bytesInUse();
    await assert.rejects(nn.loadLayersModel(spoil(clone(good))), (e) => {
      assert.match(e.message, /^loadLayersModel: |learningRate/, what);
      assert.match(e.message, message, what);
      return true;
    }, what);
    assert.equal(nn.memory.bytesInUse(), before, `${what}: the heap holds ${nn.memory.bytesInUse() - before} bytes more`);
  }
});

test('nnplay\'s own copy of the compile setup counts only while trainingConfig agrees (a model recompiled in tfjs and saved again)', async () => {
  const model = nnplayModel(CASES[0]);  // sgd 0.03, tanh_accuracy
  const a = await model.save();
  const back = await nn.loadLayersModel(a);
  assert.deepEqual(Object.keys(back.evaluate([[1, 2]], [[1]])), ['loss', 'tanh_accuracy'], 'the own copy: tanh_accuracy');
  const recompiled = { ...a, trainingConfig: { loss: 'mean_absolute_error', metrics: ['mse'], optimizer_config: { class_name: 'Adam', config: { learningRate: 0.5 } } } };
  const other = await nn.loadLayersModel(recompiled);
  assert.equal(other.optimizer.name, 'Adam');
  assert.equal(other.optimizer.learningRate, 0.5);
  assert.deepEqual(Object.keys(other.evaluate([[1, 2]], [[1]])), ['loss', 'mse']);
  for (const m of [model, back, other]) m.dispose();
});

test('loadLayersModel reads an http URL (fetch), the weights beside model.json; an HTTP error names the URL', async (t) => {
  const { createServer } = await import('node:http');
  const dir = tempDir(t);
  const model = tutorialModel();
  await model.save(`file://${join(dir, 'm')}`);
  const server = createServer((req, res) => {
    try {
      const body = readFileSync(join(dir, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
      res.writeHead(200).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  t.after(() => server.close());
  const origin = `http://127.0.0.1:${server.address().port}`;
  const back = await nn.loadLayersModel(`${origin}/m/model.json`);
  assert.deepEqual(back.predict(points(20)).data, model.predict(points(20)).data);
  await assert.rejects(nn.loadLayersModel(`${origin}/gone/model.json`), new RegExp(`${origin}/gone/model.json answered 404`));
  await assert.rejects(nn.loadLayersModel('no-scheme/model.json'), /"no-scheme\/model.json" is neither 'file:\/\/…' nor a URL/);
  for (const m of [model, back]) m.dispose();
});

test('bad model.json files: missing keys and broken JSON name the file and the key', async (t) => {
  const dir = tempDir(t);
  const model = tutorialModel();
  await model.save(`file://${dir}`);
  model.dispose();
  const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
  for (const key of ['modelTopology', 'weightsManifest']) {
    const { [key]: _, ...rest } = json;
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(rest));
    await assert.rejects(nn.loadLayersModel(`file://${dir}/bad.json`), new RegExp(`bad.json" has no '${key}'`));
  }
  // a weights file of over 1 GiB is refused before it is read (a sparse file: no disk used)
  const { truncateSync } = await import('node:fs');
  writeFileSync(join(dir, 'huge.bin'), '');
  truncateSync(join(dir, 'huge.bin'), 2 ** 31);
  writeFileSync(join(dir, 'bad.json'), JSON.stringify({ ...json, weightsManifest: [{ paths: ['huge.bin'], weights: json.weightsManifest[0].weights }] }));
  await assert.rejects(nn.loadLayersModel(`file://${dir}/bad.json`), /the weights file ".*huge.bin" has 2147483648 bytes; nnplay reads weights files up to 1073741824 bytes \(1 GiB\)/);
  writeFileSync(join(dir, 'bad.json'), '{"modelTopology": ');
  await assert.rejects(nn.loadLayersModel(`file://${dir}/bad.json`), /bad.json" is not JSON/);
  writeFileSync(join(dir, 'bad.json'), JSON.stringify({ ...json, weightsManifest: [{ paths: ['gone.bin'], weights: json.weightsManifest[0].weights }] }));
  await assert.rejects(nn.loadLayersModel(`file://${dir}/bad.json`), /cannot read the weights file ".*gone.bin"/);
});

test('a model.json written by tf.keras\' converter (model_config, InputLayer, snake_case initializers) loads', async () => {
  const model = tutorialModel();
  const a = await model.save();
  const layers = a.modelTopology.config.layers;
  delete layers[0].config.batch_input_shape;
  layers.forEach((l) => (l.config.kernel_initializer = { class_name: 'VarianceScaling', config: { scale: 1, mode: 'fan_avg', distribution: 'uniform', seed: null } }));
  const keras = {
    ...a,
    modelTopology: { keras_version: '2.15.0', backend: 'tensorflow', model_config: { class_name: 'Sequential', config: { name: 'sequential', layers: [{ class_name: 'InputLayer', config: { batch_input_shape: [null, 2], dtype: 'float32', sparse: false, ragged: false, name: 'input_1' } }, ...layers] } } },
    weightSpecs: a.weightSpecs.map((s) => ({ ...s, name: `sequential/${s.name}` })),
    trainingConfig: { loss: 'mean_squared_error', metrics: ['tanh_accuracy'], optimizer_config: { class_name: 'SGD', config: { name: 'SGD', learning_rate: 0.03, decay: 0, momentum: 0, nesterov: false } } },
    userDefinedMetadata: undefined,
  };
  const back = await nn.loadLayersModel(keras);
  const rows = points(50);
  assert.deepEqual(back.predict(rows).data, model.predict(rows).data);
  assert.equal(back.optimizer.name, 'SGD');
  const saved = await back.save();
  assert.equal(saved.modelTopology.config.layers[0].config.kernel_initializer.class_name, 'GlorotUniform');
  for (const m of [model, back]) m.dispose();
});

test('an initializer nnplay cannot draw is kept (the weights came with the file) and written back as it was', async () => {
  const { m, artifacts } = await tfjsTrained();
  assert.equal(artifacts.modelTopology.config.layers[0].config.kernel_initializer.config.distribution, 'normal');  // tfjs' glorotNormal
  const model = await nn.loadLayersModel(artifacts);
  const saved = await model.save();
  assert.deepEqual(saved.modelTopology.config.layers[0].config.kernel_initializer, artifacts.modelTopology.config.layers[0].config.kernel_initializer);
  const { weightSpecs, weightData, ...topologyOnly } = artifacts;
  await assert.rejects(nn.loadLayersModel(topologyOnly), /initializer VarianceScaling .* cannot be drawn by nnplay, and the file has no weights/);
  model.dispose();
  m.dispose();
});
