// The memory and time budgets (issue 22; core/include/nnplay/limits.hpp, README "Limits"):
// requests that allocate in proportion to their inputs run in passes within 128 MB of
// activations or are refused by name before anything is allocated, and the wasm heap —
// which never shrinks — stays within 512 MB throughout; a loss landscape beyond its time
// budget is refused at once instead of running for minutes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nn, tutorialModel } from './helpers.mjs';

const MB = 2 ** 20;
const HEAP_LIMIT = 512 * MB;

function heapWithinLimit(what) {
  const heap = nn.memory.heapSize();
  assert.ok(heap <= HEAP_LIMIT, `${what}: the wasm heap is ${heap / MB} MB, more than 512 MB`);
  return heap;
}

function points(n) {
  const data = new Float32Array(n * 2);
  for (let i = 0; i < n; i++) {
    data[2 * i] = 5 * Math.sin(i * 0.37);
    data[2 * i + 1] = 5 * Math.cos(i * 0.11);
  }
  return { data, shape: [n, 2] };
}
const targets = (n) => ({ data: new Float32Array(n).map((_, i) => (i % 2 ? 1 : -1)), shape: [n, 1] });

// 2 → Dense(units) → Dense(1), compiled: activations of 2 + 1 + 2·(units + 1) floats per row,
// values and gradients.
function wideModel(units) {
  const model = nn.sequential([nn.layers.dense({ inputShape: [2], units, activation: 'tanh' }), nn.layers.dense({ units: 1 })], { seed: 3 });
  model.compile({ optimizer: 'sgd', loss: 'mean_squared_error' });
  return model;
}

test.after(() => console.log(`# wasm heap at the end: ${nn.memory.heapSize() / MB} MB`));

test('memory.heapSize() reports the wasm heap in bytes', () => {
  assert.equal(typeof nn.memory.heapSize(), 'number');
  assert.ok(nn.memory.heapSize() >= 16 * MB, 'at least the initial 16 MB');
  heapWithinLimit('at start');
});

test('predict with batchSize 16384 over 16,384 rows, 125 KB of activations per row (as 2→4000→4000→1), runs in passes', () => {
  // 2 → 8000 → 1 has the activation width of 2 → 4000 → 4000 → 1 (16,005 floats per row,
  // 2 GB for 16,384 rows at once: the std::bad_alloc of the issue) at 1/700 of its arithmetic.
  const model = wideModel(8000);
  const x = points(16_384);
  const all = model.predict(x, { batchSize: 16_384 });
  heapWithinLimit('after predict, batchSize 16384');
  assert.deepEqual(all.shape, [16_384, 1]);
  const small = model.predict(x, { batchSize: 1000 });
  assert.deepEqual(all.data, small.data, 'the same values whatever the batchSize (rows are independent)');
  const logs = model.evaluate(x, targets(16_384), { batchSize: 16_384 });
  assert.ok(Number.isFinite(logs.loss));
  const smallLogs = model.evaluate(x, targets(16_384), { batchSize: 1000 });
  assert.ok(Math.abs(logs.loss - smallLogs.loss) <= 1e-5 * Math.abs(smallLogs.loss), `evaluate: ${logs.loss} vs ${smallLogs.loss}`);
  heapWithinLimit('after evaluate, batchSize 16384');
  model.dispose();
});

test('2→4000→4000→1 itself: a fit batch of 16,384 rows is refused by name, predict with batchSize 16384 runs', async () => {
  const model = nn.sequential([
    nn.layers.dense({ inputShape: [2], units: 4000, activation: 'tanh' }),
    nn.layers.dense({ units: 4000, activation: 'tanh' }),
    nn.layers.dense({ units: 1 }),
  ], { seed: 1 });
  model.compile({ optimizer: 'sgd', loss: 'mean_squared_error' });
  const before = nn.memory.heapSize();
  await assert.rejects(model.fit(points(16_384), targets(16_384), { batchSize: 16_384 }),
    /fit: batch_size \(batchSize\) = 16384 needs 2000\.6 MB of activations \(125\.0 KB per row for this model\), more than the memory budget of 128\.0 MB; use at most 1048 rows per batch/);
  assert.equal(nn.memory.heapSize(), before, 'refused before anything grew');
  // 16,384 rows of it are 2.7e11 multiply-adds (minutes): a few rows show the passes' set-up
  const p = model.predict(points(64), { batchSize: 16_384 });
  assert.deepEqual(p.shape, [64, 1]);
  heapWithinLimit('after predict with batchSize 16384 on 2→4000→4000→1');
  model.dispose();
});

test('one 65,536-unit layer: predict over 4,096 rows (8 times the budget\'s rows) succeeds; what cannot fit is refused by name', async () => {
  const model = wideModel(65_536);
  // 4,096 rows of this layer are 1 GB of activations: predict must split them into passes
  const p = model.predict(points(4096), { batchSize: 4096 });
  assert.deepEqual(p.shape, [4096, 1]);
  assert.ok(p.data.every(Number.isFinite));
  heapWithinLimit('after predict over 4,096 rows');
  const before = nn.memory.heapSize();
  // every unit of every layer for 4,096 rows is 1 GB of results: refused before allocating
  assert.throws(() => model.layerOutputs(points(4096)),
    /^Error: layerOutputs: every unit of every layer for x needs 1024\.0 MB, more than the memory budget of 128\.0 MB; pass fewer rows per call$/);
  assert.throws(() => model.layerOutputs(points(16_384)), /layerOutputs: .* needs 4096\.1 MB, more than the memory budget of 128\.0 MB/);
  // a batch must run at once in fit and trainOnBatch: refused, naming batchSize, the value, the budget, what fits
  await assert.rejects(model.fit(points(16_384), targets(16_384), { batchSize: 16_384 }),
    /fit: batch_size \(batchSize\) = 16384 needs 16384\.6 MB of activations \(1\.0 MB per row for this model\), more than the memory budget of 128\.0 MB; use at most 127 rows per batch/);
  assert.throws(() => model.trainOnBatch(points(4096), targets(4096)), /train_on_batch: rows of x = 4096 needs .* memory budget of 128\.0 MB; use at most 127 rows/);
  assert.throws(() => model.computeGradients(points(4096), targets(4096)), /compute_gradients: rows of x = 4096/);
  assert.equal(nn.memory.heapSize(), before, 'the refusals allocated nothing the heap had to grow for');
  // layerOutputs of more rows than one pass holds (127 here): the engine's passes, the same values as predict
  const x = points(300);
  const outs = model.layerOutputs(x);
  assert.deepEqual(outs.map((o) => o.shape), [[300, 65_536], [300, 1]]);
  assert.deepEqual(outs[1].data, model.predict(x).data);
  // within the budget, fit trains
  const h = await model.fit(points(127), targets(127), { batchSize: 127, epochs: 1 });
  assert.equal(h.history.loss.length, 1);
  heapWithinLimit('after the 65,536-unit requests');
  model.dispose();
});

test('an argument beyond 128 MB is refused before the engine copies it', () => {
  const model = nn.sequential([nn.layers.dense({ inputShape: [1], units: 1 })], { seed: 1 });
  const before = nn.memory.heapSize();
  const x = { data: new Float32Array(40_000_000), shape: [40_000_000, 1] };  // 152.6 MB
  assert.throws(() => model.predict(x), /^Error: predict: x needs 152\.6 MB, more than the memory budget of 128\.0 MB; pass fewer rows per call$/);
  assert.equal(nn.memory.heapSize(), before, 'nothing was copied into the wasm heap');
  model.dispose();
});

test('a landscape beyond the time budget is refused at once; within it, it runs', (t) => {
  const model = tutorialModel();
  const x = points(16_384), y = targets(16_384);
  const started = performance.now();
  // 40,401 cells × 16,384 rows × (25 weights + 64) ≈ 5.9e10: ran 127 s in one synchronous call before
  assert.throws(() => nn.landscape(model, x, y, { resolution: 201 }),
    /landscape: resolution 201 \(40401 cells\) over 16384 rows of x with 25 weights costs 5\.8\d*e\+10 \(cells x rows x \(weights \+ 64\)\), more than the time budget of 1e\+10; use a lower resolution, fewer rows \(a sample of x\) or a smaller model/);
  const refusedIn = performance.now() - started;
  t.diagnostic(`refused in ${refusedIn.toFixed(1)} ms`);
  assert.ok(refusedIn < 2000, `refused at once (took ${refusedIn.toFixed(0)} ms; the request itself takes minutes)`);
  const l = nn.landscape(model, points(250), targets(250), { resolution: 41 });  // the page's: 1681 × 250 × 89 ≈ 3.7e7
  assert.deepEqual(l.loss.shape, [41, 41]);
  model.dispose();
});
