// Property: random sequences of operations on two models (add, compile, fit, beginFit,
// runBatch, runEpoch, trainOnBatch, predict, setWeights, dispose, ...; callbacks that run
// further operations inside a fit) never trap, throw only Errors, and never hand one run
// another run's history; a reference run gives the same losses afterwards.
// Seeded: FUZZ_SEED=<n> repeats a run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { nn, tutorialData, tutorialModel } from './helpers.mjs';

const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const RUNS = 3000;
const { xTrain, yTrain } = tutorialData(1);
const x = [[0.1, 0.2], [0.3, -0.4], [-0.5, 0.6], [0.7, 0.8], [0.2, -0.1], [-0.9, 0.3]];
const y = [[1], [-1], [1], [-1], [1], [-1]];

async function referenceLosses() {
  const model = tutorialModel(42);
  const h = await model.fit(xTrain, yTrain, { batchSize: 15, epochs: 3, seed: 7 });
  model.dispose();
  return h.history.loss;
}

function fresh(seed) {
  const m = nn.sequential([nn.layers.dense({ inputShape: [2], units: 3, activation: 'tanh' }), nn.layers.dense({ units: 1, activation: 'tanh' })], { seed });
  m.compile({ optimizer: 'sgd', loss: 'mse' });
  return m;
}

const OPS = ['add', 'compile', 'fit', 'fitNoWait', 'fitNested', 'beginFit', 'runBatch', 'runEpoch', 'endSession', 'trainOnBatch',
  'predict', 'evaluate', 'setWeights', 'getWeights', 'dispose', 'stopTraining', 'layerOutputsView', 'summary',
  // issue 13: the optimizer's state and step records, and the landscape (which moves the weights and puts them back)
  'slots', 'recordingOff', 'optimizerWeights', 'landscape'];
const op = fc.record({ name: fc.constantFrom(...OPS), model: fc.nat(1), epochs: fc.integer({ min: 1, max: 3 }), nested: fc.constantFrom(...OPS), hook: fc.constantFrom('onEpochEnd', 'onBatchEnd', 'onEpochBegin') });

const failures = [];
function checkError(error, where) {
  if (error instanceof WebAssembly.RuntimeError) failures.push(`${where}: a wasm trap: ${error.message}`);
  else if (!(error instanceof Error)) failures.push(`${where}: threw a non-Error: ${String(error)}`);
}

// A fit's history must be its own run's: as many epochs as it asked for unless it says why not.
function checkHistory(h, epochs, where) {
  const n = h.epoch.length;
  if (h.stopReason === 'max_epochs' && n !== epochs) failures.push(`${where}: 'max_epochs' with ${n} epochs of ${epochs}`);
  if (n > epochs) failures.push(`${where}: ${n} epochs for a fit of ${epochs}`);
  if (h.params.epochs !== epochs) failures.push(`${where}: params.epochs ${h.params.epochs}, asked ${epochs}`);
  h.epoch.forEach((e, i) => e !== i && failures.push(`${where}: epoch list ${h.epoch}`));
}

function runner() {
  const models = [fresh(1), fresh(2)];
  const sessions = [];
  const pending = [];
  async function run(o, depth) {
    const m = models[o.model];
    const where = `${o.name}${depth ? ' (in a callback)' : ''}`;
    try {
      switch (o.name) {
        case 'add': m.add(nn.layers.dense({ units: 1, activation: 'tanh' })); break;
        case 'compile': m.compile({ optimizer: nn.optimizers.adam(0.01), loss: 'mse' }); break;
        case 'fit': checkHistory(await m.fit(x, y, { epochs: o.epochs, batchSize: 2 }), o.epochs, where); break;
        case 'fitNoWait': pending.push(m.fit(x, y, { epochs: o.epochs, batchSize: 2 }).then((h) => checkHistory(h, o.epochs, where), (e) => checkError(e, where))); break;
        case 'fitNested': {
          let calls = 0;
          const callbacks = [{ [o.hook]: async () => { if (depth < 1 && calls++ < 2) await run({ ...o, name: o.nested }, depth + 1); } }];
          checkHistory(await m.fit(x, y, { epochs: o.epochs, batchSize: 2, callbacks }), o.epochs, where);
          break;
        }
        case 'beginFit': sessions.push(m.beginFit(x, y, { epochs: o.epochs, batchSize: 2 })); break;
        case 'runBatch': sessions.at(o.model - 2)?.runBatch(); break;
        case 'runEpoch': sessions.at(o.model - 2)?.runEpoch(); break;
        case 'endSession': sessions.at(o.model - 2)?.end(); break;
        case 'trainOnBatch': m.trainOnBatch(x, y); break;
        case 'predict': m.predict(x); break;
        case 'evaluate': m.evaluate(x, y); break;
        case 'setWeights': m.setWeights(m.getWeights()); break;
        case 'getWeights': m.getWeights(); break;
        case 'dispose': m.dispose(); models[o.model] = fresh(3 + o.model); break;
        case 'stopTraining': m.stopTraining = true; break;
        case 'layerOutputsView': m.layerOutputsView(x); break;
        case 'summary': m.summary(null); break;
        case 'slots': m.optimizer.slots(0, 'kernel'); break;
        case 'recordingOff': m.optimizer.recording = false; break;
        case 'optimizerWeights': m.optimizer.getWeights(); break;
        case 'landscape': {
          const w = nn.landscape.snapshot(m);
          nn.landscape(m, x, y, { resolution: 3, seed: o.epochs, directions: o.epochs === 3 ? 'pca' : 'random', trajectory: [w.map((v) => v + 0.1), w.map((v) => v - 0.05 * o.epochs)] });
          if (nn.landscape.snapshot(m).some((v, i) => v !== w[i])) failures.push(`${where}: the weights changed`);
          break;
        }
      }
    } catch (error) {
      checkError(error, where);
    }
  }
  return {
    run,
    async finish() {
      let timer;
      const timeout = new Promise((resolve) => { timer = setTimeout(() => resolve('timeout'), 5000); });
      if (await Promise.race([Promise.all(pending), timeout]) === 'timeout') failures.push('a fit never returned');
      clearTimeout(timer);
      for (const m of models) m.dispose();
    },
  };
}

test(`${RUNS} random operation sequences on two models: no trap, no takeover, the reference run unchanged (seed ${SEED})`, { timeout: 180000 }, async (t) => {
  t.diagnostic(`fuzz seed ${SEED} (FUZZ_SEED=${SEED} repeats it)`);
  const before = await referenceLosses();
  const started = performance.now();
  await fc.assert(fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), async (ops) => {
    failures.length = 0;
    const r = runner();
    for (const o of ops) await r.run(o, 0);
    await r.finish();
    assert.deepEqual(failures, [], ops.map((o) => o.name).join(' → '));
  }), { numRuns: RUNS, seed: SEED, includeErrorInReport: true });
  t.diagnostic(`${RUNS} sequences in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  assert.deepEqual(await referenceLosses(), before, 'the reference run gives the same losses');
});
