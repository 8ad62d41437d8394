// The wasm build and the native build compute the same losses for the same seed (to
// float noise), and the same seed gives identical results twice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { nn } from './helpers.mjs';

const reference = fileURLToPath(new URL('../../build/native/tests/node/nnplay_native_reference', import.meta.url));

async function wasmRun(dataset, seed, layers, activation, optimizer, lr, batchSize, epochs) {
  const data = nn.datasets.generate({ type: dataset, noise: 0.1, seed });
  const s = nn.datasets.split(data, { trainingRatio: 0.5, seed });
  const model = nn.sequential([
    ...layers.map((units, i) => nn.layers.dense({ units, activation, ...(i === 0 ? { inputShape: [2] } : {}) })),
    nn.layers.dense({ units: 1, activation: 'tanh' }),
  ], { seed });
  model.compile({ optimizer: nn.optimizers.get(optimizer, { learningRate: lr }), loss: 'mse', metrics: ['tanh_accuracy'] });
  const h = await model.fit(s.xTrain, s.yTrain, { batchSize, epochs, validationData: [s.xValid, s.yValid], yieldEvery: 'never' });
  model.dispose();
  return h.history;
}

const configs = [
  ['gauss', 1, [3, 3], 'tanh', 'sgd', 0.03, 15, 10],
  ['circle', 7, [8, 8], 'relu', 'adam', 0.01, 10, 5],
  ['xor', 3, [4, 2], 'sigmoid', 'rmsprop', 0.01, 10, 5],
  ['spiral', 5, [6, 6, 6], 'tanh', 'nadam', 0.003, 20, 5],
];

test('wasm and native give the same losses for the same seed', async () => {
  assert.ok(existsSync(reference), `${reference} is missing: build the native tree first (scripts/test.sh does)`);
  for (const c of configs) {
    const native = JSON.parse(execFileSync(reference, c.map((v) => (Array.isArray(v) ? v.join(',') : String(v))), { encoding: 'utf8' }));
    const wasm = await wasmRun(...c);
    for (const key of ['loss', 'val_loss', 'tanh_accuracy']) {
      assert.equal(wasm[key].length, native[key].length);
      wasm[key].forEach((v, i) => {
        const tolerance = 1e-5 * Math.max(1, Math.abs(native[key][i]));
        assert.ok(Math.abs(v - native[key][i]) <= tolerance, `${c.slice(0, 5).join(' ')}: ${key}[${i}] wasm ${v} native ${native[key][i]}`);
      });
    }
  }
});

test('the same seed gives identical results twice', async () => {
  const a = await wasmRun(...configs[1]);
  const b = await wasmRun(...configs[1]);
  assert.deepEqual(a, b);
  const other = await wasmRun('circle', 8, [8, 8], 'relu', 'adam', 0.01, 10, 5);
  assert.notDeepEqual(a.loss, other.loss);
});
