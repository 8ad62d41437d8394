// Step 8's per-class summary and predicted class (web/src/views/testClasses.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importPage } from './page-modules.mjs';

const m = await importPage("export * from './web/src/views/testClasses.ts';");

const row = (output, truth) => ({ x: 0, y: 0, output, truth, fresh: truth !== null });

test('predicted class: the sign of one tanh unit, 0.5 for a sigmoid, the larger softmax unit', () => {
  assert.equal(m.predictedClass([0], 2, 'tanh'), '1');
  assert.equal(m.predictedClass([-0.01], 2, 'tanh'), '-1');
  assert.equal(m.predictedClass([0.4], 2, 'sigmoid'), '-1');
  assert.equal(m.predictedClass([0.3, 0.7], 2, 'softmax'), '1');
  assert.equal(m.predictedClass([0.2, 0.1, 0.7], 3, 'softmax'), '2');
});

test('two classes: per true class the count and the right ones; rows without a truth count only as predicted', () => {
  const rows = [row([0.9], 1), row([-0.2], 1), row([-0.8], -1), row([-0.5], -1), row([0.1], -1), row([0.7], null)];
  assert.deepEqual(m.perClass(rows, 2, 'tanh'), [
    { label: '-1', truth: 3, right: 2, predicted: 3 },
    { label: '1', truth: 2, right: 1, predicted: 3 },
  ]);
});

test('three classes', () => {
  const rows = [row([0.8, 0.1, 0.1], 0), row([0.1, 0.8, 0.1], 2), row([0.1, 0.1, 0.8], 2)];
  assert.deepEqual(m.perClass(rows, 3, 'softmax').map((l) => [l.label, l.truth, l.right, l.predicted]), [['0', 1, 1, 1], ['1', 0, 0, 1], ['2', 2, 1, 1]]);
});
