// A CSV import into own data (web/src/views/importMerge.ts): replace or add, the cap, bad
// labels reported by row, and coordinates put on the link's grid.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importPage } from './page-modules.mjs';

const m = await importPage("export * from './web/src/views/importMerge.ts';");

const existing = { points: [1, 1, -1, -1], classes: [0, 1] };
const file = { points: [0.5, -1.25, -2.5, 3, 1, 1], labels: [1, 0, 2], rows: [2, 3, 4] };

test('replace drops the points already there; add keeps them first', () => {
  const replaced = m.mergeImport(existing, file, 'replace', 5000);
  assert.deepEqual({ points: replaced.points, classes: replaced.classes, added: replaced.added }, { points: [0.5, -1.25, -2.5, 3, 1, 1], classes: [1, 0, 2], added: 3 });
  const added = m.mergeImport(existing, file, 'add', 5000);
  assert.deepEqual(added.points, [1, 1, -1, -1, 0.5, -1.25, -2.5, 3, 1, 1]);
  assert.deepEqual(added.classes, [0, 1, 1, 0, 2]);
  assert.deepEqual(existing, { points: [1, 1, -1, -1], classes: [0, 1] }, 'the existing points are not changed in place');
});

test('the cap holds: add stops at the room left, replace has the whole cap', () => {
  assert.equal(m.mergeImport(existing, file, 'add', 3).classes.length, 3);
  assert.equal(m.mergeImport(existing, file, 'replace', 3).classes.length, 3);
  assert.equal(m.importRoom('add', 4990, 5000), 10);
  assert.equal(m.importRoom('add', 5000, 5000), 0);
  assert.equal(m.importRoom('replace', 5000, 5000), 5000);
});

test('labels: -1 and 0 orange, 1 blue, 2 green; any other is a message naming its row, not a point', () => {
  const r = m.mergeImport({ points: [], classes: [] }, { points: [0, 0, 1, 1, 2, 2, 3, 3], labels: [-1, 7, 1, 0.5], rows: [1, 2, 3, 9] }, 'add', 5000);
  assert.deepEqual(r.classes, [0, 1]);
  assert.deepEqual(r.errors.map((e) => [e.code, e.params.row, e.params.label]), [['csv.badLabel', 2, 7], ['csv.badLabel', 9, 0.5]]);
});

test('imported coordinates go on the 0.005 grid of links', () => {
  const r = m.mergeImport({ points: [], classes: [] }, { points: [1.23456, -0.0001], labels: [1], rows: [1] }, 'replace', 5000);
  assert.deepEqual(r.points, [1.235, 0]);
});
