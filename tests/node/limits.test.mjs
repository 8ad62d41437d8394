// Memory stays bounded and errors leak nothing: oversized requests are refused at once,
// naming the argument; every error path, run 1,000 times, leaves the wasm heap flat.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nn, tutorialModel } from './helpers.mjs';

test('oversized requests are refused at once, naming the argument', () => {
  const t0 = performance.now();
  assert.throws(() => nn.datasets.generate({ type: 'circle', samples: 5e7 }), /dataset: samples must be a whole number from 0 to 1000000, got 5e\+07/);
  assert.throws(() => nn.sequential([nn.layers.dense({ inputShape: [2], units: 1e8 })]), /units must be at most 65536, got 100000000/);
  assert.throws(() => nn.sequential([nn.layers.dense({ inputShape: [5000], units: 5000 })]), /5000 x 5000 weights; at most 16777216/);
  assert.ok(performance.now() - t0 < 1000, 'refused without trying');
  assert.ok(nn.memory.heapSize() < 256 * 2 ** 20, 'the heap did not grow toward the request');
});

test('predict of many rows with a huge batchSize gives the same values and keeps no batch-sized buffers', () => {
  const model = tutorialModel();
  const rows = 200_000;
  const x = { data: Float32Array.from({ length: rows * 2 }, (_, i) => Math.sin(i)), shape: [rows, 2] };
  const small = model.predict(x, { batchSize: 32 });
  const before = nn.memory.bytesInUse();
  const big = model.predict(x, { batchSize: rows });
  assert.deepEqual(big.data, small.data);
  model.evaluate(x, { data: new Float32Array(rows), shape: [rows, 1] }, { batchSize: rows });
  assert.ok(nn.memory.bytesInUse() - before < 4 * 2 ** 20, `kept ${nn.memory.bytesInUse() - before} bytes`);
  model.dispose();
});

test('every error path, 1,000 times: bytesInUse stays flat', () => {
  const model = tutorialModel();
  const longName = 'x'.repeat(65536);
  const paths = {
    'bad activation': () => nn.sequential([nn.layers.dense({ inputShape: [2], units: 2, activation: 'nope' })]),
    'long bad dataset name': () => nn.datasets.generate({ type: longName }),
    'bad samples': () => nn.datasets.generate({ type: 'circle', samples: 5e7 }),
    'bad optimizer': () => model.compile({ optimizer: longName, loss: 'mse' }),
    'bad fit data': () => model.beginFit([[1, 2, 3]], [[1]]),
    'bad predict data': () => model.predict([[1, 2, 3]]),
    'bad weights': () => model.setWeights([{ shape: [1], data: [1] }]),
  };
  for (const [name, path] of Object.entries(paths)) {
    const run = () => {
      for (let i = 0; i < 1000; i++) {
        try {
          path();
        } catch {
          continue;
        }
        assert.fail(`${name}: no error`);
      }
    };
    run();  // warm up the allocator
    const bytes = nn.memory.bytesInUse();
    run();
    const grown = nn.memory.bytesInUse() - bytes;
    assert.ok(grown < 4096, `${name}: bytesInUse grew by ${grown}`);
  }
  model.dispose();
});
