// Own data read back from localStorage obeys the page's own limit (issue 22;
// web/src/views/ownDataStorage.ts): capped at 5,000 points with the count it had, and what
// the page did not write is not used (and flagged, so the page can say so).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importPage } from './page-modules.mjs';

const m = await importPage("export * from './web/src/views/ownDataStorage.ts';");

const stored = (n) => m.ownDataText(Array.from({ length: 2 * n }, (_, i) => (i % 12) - 6), Array.from({ length: n }, (_, i) => i % 3));

test('400,000 stored points load as the first 5,000, with the count there was', () => {
  const r = m.readOwnData(stored(400_000), 5000);
  assert.equal(r.classes.length, 5000);
  assert.equal(r.points.length, 10_000);
  assert.equal(r.found, 400_000);
  assert.equal(r.unreadable, false);
  assert.deepEqual(r.points.slice(0, 4), [-6, -5, -4, -3]);
});

test('within the limit, what was saved comes back as it was', () => {
  const r = m.readOwnData(stored(5000), 5000);
  assert.deepEqual(r, { ...JSON.parse(stored(5000)), found: 5000, unreadable: false });
  assert.deepEqual(m.readOwnData(null, 5000), { points: [], classes: [], found: 0, unreadable: false }, 'nothing stored: nothing to say');
});

test('what the page does not write is not used, and is flagged', () => {
  for (const text of ['{', 'null', '[]', '{"points":[1,2],"classes":[]}', '{"points":[9,0],"classes":[1]}', '{"points":[0,0],"classes":[3]}', '{"points":["1",0],"classes":[0]}']) {
    const r = m.readOwnData(text, 5000);
    assert.deepEqual([r.points, r.classes, r.unreadable], [[], [], true], text);
  }
});
