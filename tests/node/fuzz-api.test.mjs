// Property: whatever odd arguments a hurried or hostile caller passes to any public entry
// point (wrong types, truthy strings, holes, NaN, ±Infinity, 1e39, -0, huge counts, unknown
// or snake_case keys, nested junk), the call either works or throws an Error whose message
// names the call; never a wasm trap, never a thrown non-Error. Seeded: FUZZ_SEED=<n> repeats a run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { nn } from './helpers.mjs';

const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const RUNS = 10000;

// ---- odd values

const holes = () => [1, , 2];  // eslint-disable-line no-sparse-arrays
const junk = fc.oneof(
  fc.constantFrom(undefined, null, NaN, Infinity, -Infinity, 1e39, -1e39, -0, 2 ** 53, 1e300, 1e10, -1, 0, 0.5, 2.5,
    'true', 'false', '', '3', 'tanh', 'adam', 'mse', 'x', '__proto__', true, false, 1n),
  fc.constantFrom('hole-array', 'hole-matrix', 'f64', 'f32', 'obj', 'arr', 'fn', 'date', 'snake', 'nested')
    .map((k) => ({
      'hole-array': holes(),
      'hole-matrix': [[1, 2], , [3, 4]],  // eslint-disable-line no-sparse-arrays
      f64: new Float64Array([1e39, 2]),
      f32: new Float32Array(3),
      obj: { batch_size: 4, epoch: 2 },
      arr: [[1, 2], [3]],
      fn: () => 'x',
      date: new Date(0),
      snake: { learning_rate: 0.1 },
      nested: { data: { shape: [1] }, shape: [2, 1e9] },
    })[k]),
  fc.integer({ min: -3, max: 12 }),
  fc.double({ min: -1e6, max: 1e6 }),
  fc.string({ maxLength: 12 }),
  fc.anything({ maxDepth: 2, maxKeys: 3, withTypedArray: true, withSparseArray: true, withBigInt: true, withNullPrototype: true }),
);
const oddKey = fc.oneof(
  fc.constantFrom('batch_size', 'epoch', 'learning_rate', 'use_bias', 'input_shape', 'validation_split', 'beta_1', 'min_delta',
    'restore_best_weights', 'callbacks_', 'constructor', 'toString', 'verbose', 'Units', 'seeds'),
  fc.string({ maxLength: 8 }),
);

// ---- the entry points: a valid call, the name its errors must carry

const x = [[0.1, 0.2], [0.3, -0.4], [-0.5, 0.6], [0.7, 0.8]];
const y = [[1], [-1], [1], [-1]];
const made = [];  // disposed after each call
function model() {
  const m = nn.sequential([nn.layers.dense({ inputShape: [2], units: 3, activation: 'tanh' }), nn.layers.dense({ units: 1, activation: 'tanh' })], { seed: 1 });
  m.compile({ optimizer: nn.optimizers.sgd({ learningRate: 0.03 }), loss: 'mse', metrics: ['tanh_accuracy'] });
  made.push(m);
  return m;
}
const defaults = nn.state.defaults('1');
const optimizerNames = nn.optimizers.names;
const classNames = { sgd: 'SGD', adagrad: 'Adagrad', rmsprop: 'RMSprop', adadelta: 'Adadelta', adam: 'Adam', adamax: 'Adamax', nadam: 'Nadam' };
const anyClass = Object.values(classNames).join('|');

// [name, valid arguments, run(args), the names an error may start with]
const ENTRIES = [
  ['sequential', () => [[nn.layers.dense({ inputShape: [2], units: 2 })], { seed: 3 }], (a) => nn.sequential(...a).dispose(), 'sequential|add|Dense'],
  ['sequential({layers})', () => [{ layers: [nn.layers.dense({ inputShape: [2], units: 2 })], seed: 3 }], (a) => nn.sequential(...a).dispose(), 'sequential|add|Dense'],
  ['dense', () => [{ units: 3, activation: 'relu', useBias: true, inputShape: [2], kernelRegularizer: 'l2' }], (a) => nn.layers.dense(...a), 'Dense'],
  ['regularizers.l1', () => [{ l1: 0.01 }], (a) => nn.regularizers.l1(...a), 'regularizers\\.l1'],
  ['regularizers.l2', () => [{ l2: 0.01 }], (a) => nn.regularizers.l2(...a), 'regularizers\\.l2'],
  ['regularizers.l1l2', () => [{ l1: 0.01, l2: 0.02 }], (a) => nn.regularizers.l1l2(...a), 'regularizers\\.l1l2'],
  ...optimizerNames.map((k) => [`optimizers.${k}`, () => [{ learningRate: 0.1 }], (a) => nn.optimizers[k](...a), classNames[k]]),
  ...optimizerNames.map((k) => [`optimizers.${k}(positional)`, () => [0.1, 0.5], (a) => nn.optimizers[k](...a), classNames[k]]),
  ['optimizers.get', () => ['adam', { beta1: 0.8 }], (a) => nn.optimizers.get(...a), `optimizers\\.get|${anyClass}`],
  ['optimizers.descend', () => [nn.optimizers.adam(0.1), 1, (w) => w, 5], (a) => nn.optimizers.descend(...a), 'optimizers\\.descend'],
  ['add', () => [nn.layers.dense({ units: 2 })], (a) => model().add(...a), 'add|Dense'],
  ['compile', () => [{ optimizer: 'adam', loss: 'mse', metrics: ['mae'] }], (a) => model().compile(...a), 'compile|loss'],
  ['fit', () => [x, y, { epochs: 2, batchSize: 2, callbacks: [{ onEpochEnd() {} }], validationSplit: 0.25, earlyStopping: { monitor: 'loss', patience: 1 } }],
    (a) => model().fit(...a), 'fit|logs'],
  ['beginFit', () => [x, y, { epochs: 1, batchSize: 2, shuffle: false }], (a) => { const s = model().beginFit(...a); s.runEpoch(); s.end(); }, 'beginFit|fit|logs'],
  ['evaluate', () => [x, y, { batchSize: 2 }], (a) => model().evaluate(...a), 'evaluate'],
  ['predict', () => [x, { batchSize: 2 }], (a) => model().predict(...a), 'predict'],
  ['trainOnBatch', () => [x, y], (a) => model().trainOnBatch(...a), 'trainOnBatch'],
  ['layerOutputs', () => [x], (a) => model().layerOutputs(...a), 'layerOutputs|forward'],
  ['layerOutputsView', () => [x], (a) => model().layerOutputsView(...a), 'layerOutputsView|forward'],
  ['computeGradients', () => [x, y], (a) => model().computeGradients(...a), 'computeGradients'],
  ['setWeights', () => [model().getWeights()], (a) => model().setWeights(...a), 'setWeights'],
  ['summary', () => [null], (a) => model().summary(...a), 'summary'],
  ['stopTraining', () => [true], (a) => { model().stopTraining = a[0]; }, 'stopTraining'],
  ['optimizer.learningRate', () => [0.1], (a) => { model().optimizer.learningRate = a[0]; }, 'optimizer\\.learningRate'],
  ['optimizer.recording', () => [true], (a) => { model().optimizer.recording = a[0]; }, 'optimizer\\.recording'],
  ['optimizer.slots', () => [1, 'bias'], (a) => model().optimizer.slots(...a), 'optimizer\\.slots'],
  ['optimizer.getWeights', () => [], (a) => model().optimizer.getWeights(...a), 'optimizer\\.getWeights'],
  ['landscape', () => { const m = model(); return [m, x, y, { directions: 'pca', resolution: 5, seed: 2, span: 0.5, trajectory: [nn.landscape.snapshot(m), nn.landscape.snapshot(m).map((v) => v + 0.1)] }]; },
    (a) => nn.landscape(...a), 'landscape'],
  ['landscape.snapshot', () => [model()], (a) => nn.landscape.snapshot(...a), 'landscape\\.snapshot'],
  ['datasets.generate', () => [{ type: 'circle', noise: 0.1, seed: 'a', samples: 20 }], (a) => nn.datasets.generate(...a), 'datasets\\.generate'],
  ['datasets.split', () => [nn.datasets.generate({ type: 'xor', seed: 1, samples: 10 }), { trainingRatio: 0.5, seed: 2 }], (a) => nn.datasets.split(...a), 'datasets\\.split'],
  ['datasets.makeFeatures', () => [x, ['x', 'sinY']], (a) => nn.datasets.makeFeatures(...a), 'datasets\\.makeFeatures'],
  ['datasets.trueLabel', () => ['circle', 0.5, 1], (a) => nn.datasets.trueLabel(...a), 'datasets\\.trueLabel'],
  ['state.parse', () => ['#activation=relu&batchSize=3', 'abc'], (a) => nn.state.parse(...a), 'state\\.parse'],
  ['state.serialize', () => [{ ...defaults }], (a) => nn.state.serialize(...a), 'state\\.serialize'],
  ['state.rebuildFor', () => [['noise']], (a) => nn.state.rebuildFor(...a), 'state\\.rebuildFor'],
  ['codegen.keras', () => [{ ...defaults }], (a) => nn.codegen.keras(...a), 'codegen\\.keras'],
  ['exports.datasetCsv', () => { const d = nn.datasets.generate({ type: 'gauss', seed: 1, samples: 4 }); return [d.points, d.labels]; }, (a) => nn.exports.datasetCsv(...a), 'exports\\.datasetCsv'],
  ['exports.historyCsv', () => [{ epoch: [0], history: { loss: [0.5] } }], (a) => nn.exports.historyCsv(...a), 'exports\\.historyCsv'],
  ['exports.weightsJson', () => [model().getWeights()], (a) => nn.exports.weightsJson(...a), 'exports\\.weightsJson'],
  ['exports.parseDatasetCsv', () => ['x,y,label\n1,2,1\n', 10], (a) => nn.exports.parseDatasetCsv(...a), 'parseDatasetCsv'],
  ['playground.plan', () => [{ ...defaults }, 2], (a) => nn.playground.plan(...a), 'playground\\.plan'],
  ['playground.batchRows', () => ['all', 10], (a) => nn.playground.batchRows(...a), 'playground\\.batchRows'],
  ['playground.setup', () => [{ ...defaults }], (a) => nn.playground.setup(...a), 'playground\\.setup'],
  ['playground.prepareData', () => [nn.playground.setup(defaults)], (a) => nn.playground.prepareData(...a), 'playground\\.prepareData'],
  ['playground.testData', () => [nn.playground.setup(defaults), 5, 10], (a) => nn.playground.testData(...a), 'playground\\.testData'],
  ['playground.buildModel', () => [nn.playground.setup(defaults)], (a) => nn.playground.buildModel(...a).dispose(), 'playground\\.buildModel'],
];

// One odd change to a valid call: an argument replaced, an option's value replaced, an odd key
// added, an array item replaced or removed (a hole), an extra argument.
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('argument'), index: fc.nat(3), value: junk }),
  fc.record({ kind: fc.constant('option'), index: fc.nat(3), pick: fc.nat(), value: junk }),
  fc.record({ kind: fc.constant('key'), index: fc.nat(3), key: oddKey, value: junk }),
  fc.record({ kind: fc.constant('item'), index: fc.nat(3), pick: fc.nat(), value: junk, hole: fc.boolean() }),
  fc.record({ kind: fc.constant('extra'), value: junk }),
);

function mutate(args, m) {
  const out = [...args];
  const i = m.index === undefined ? out.length : m.index % (out.length + 1);
  if (m.kind === 'argument' || m.kind === 'extra') {
    out[m.kind === 'extra' ? out.length : i] = m.value;
    return out;
  }
  const target = out[i];
  if (m.kind === 'item' && Array.isArray(target) && target.length > 0) {
    const copy = [...target];
    const j = m.pick % copy.length;
    if (m.hole) delete copy[j];
    else copy[j] = m.value;
    out[i] = copy;
  } else if (target && typeof target === 'object' && !Array.isArray(target) && !ArrayBuffer.isView(target)) {
    const copy = { ...target };
    const keys = Object.keys(copy);
    if (m.kind === 'key' || keys.length === 0) copy[m.key ?? 'batch_size'] = m.value;
    else copy[keys[m.pick % keys.length]] = m.value;
    out[i] = copy;
  } else {
    out[i] = m.value;
  }
  return out;
}

test(`${RUNS} random odd calls: no trap, only Errors, each naming its call (seed ${SEED})`, { timeout: 120000 }, async (t) => {
  t.diagnostic(`fuzz seed ${SEED} (FUZZ_SEED=${SEED} repeats it)`);
  let threw = 0;
  const started = performance.now();
  await fc.assert(fc.asyncProperty(fc.nat(ENTRIES.length - 1), mutation, async (e, m) => {
    const [name, valid, run, calls] = ENTRIES[e];
    const args = mutate(valid(), m);
    try {
      await run(args);
    } catch (error) {
      threw++;
      assert.ok(!(error instanceof WebAssembly.RuntimeError), `${name}: a wasm trap: ${error?.message}`);
      assert.ok(error instanceof Error, `${name}: threw a non-Error: ${String(error)}`);
      // the call's name, or its Keras (snake_case) name, which the engine's messages use
      const snake = calls.split('|').map((c) => c.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`)).join('|');
      assert.match(error.message, new RegExp(`^(${calls}|${snake}): `), `${name}: "${error.message}" does not name the call`);
      assert.doesNotMatch(error.message, /std::|non-string|is not a function|Cannot read prop|undefined is not|is not iterable/, `${name}: an internal message: "${error.message}"`);
    } finally {
      for (const m of made.splice(0)) m.dispose();
    }
  }), { numRuns: RUNS, seed: SEED, includeErrorInReport: true });
  t.diagnostic(`${RUNS} calls (${threw} refused) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  assert.ok(threw > RUNS / 2, 'most odd calls are refused');
  // the module is still usable and its numbers unchanged
  const h = await model().fit(x, y, { epochs: 3, batchSize: 2, shuffle: false });
  const again = await model().fit(x, y, { epochs: 3, batchSize: 2, shuffle: false });
  assert.deepEqual(h.history.loss, again.history.loss);
});
