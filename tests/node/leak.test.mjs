// 10,000 create / fit / dispose cycles leave the wasm heap flat.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nn } from './helpers.mjs';

test('create / compile / fit / predict / dispose 10,000 times: no growth', async () => {
  const x = [[0.5, -1], [1, 2], [-2, 0.3], [3, 3]];
  const y = [[1], [-1], [1], [-1]];
  const cycle = async (i) => {
    const model = nn.sequential([nn.layers.dense({ inputShape: [2], units: 3, activation: 'tanh' }), nn.layers.dense({ units: 1, activation: 'tanh' })], { seed: i });
    model.compile({ optimizer: i % 2 ? 'adam' : nn.optimizers.sgd({ learningRate: 0.1 }), loss: 'mse', metrics: ['tanh_accuracy'] });
    await model.fit(x, y, { epochs: 1, batchSize: 2, validationData: [x, y], yieldEvery: 'never' });
    model.predict(x);
    model.getWeights();
    model.dispose();
  };
  for (let i = 0; i < 200; i++) await cycle(i);  // warm up the allocator
  const bytes = nn.memory.bytesInUse();
  const heap = nn.memory.heapSize();
  for (let i = 0; i < 10000; i++) await cycle(i);
  const grown = nn.memory.bytesInUse() - bytes;
  assert.ok(grown < 16 * 1024, `malloc'd bytes grew by ${grown}`);
  assert.equal(nn.memory.heapSize(), heap, 'the wasm memory did not grow');
});
