// <nnplay-playground> trusts its frame's `size` message no more than its height attribute
// (issue 22; web/src/frameHeight.ts): only a finite number, clamped to the attribute's bounds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importPage } from './page-modules.mjs';

const m = await importPage("export * from './web/src/frameHeight.ts'; export { MIN_HEIGHT, MAX_HEIGHT } from './web/src/embed-events.ts';");

test("a frame's reported height is clamped to the height attribute's bounds (200 to 20,000 px)", () => {
  assert.equal(m.MIN_HEIGHT, 200);
  assert.equal(m.MAX_HEIGHT, 20000);
  assert.equal(m.frameHeight(1e9), 20000);
  assert.equal(m.frameHeight(1e308), 20000);
  assert.equal(m.frameHeight(20001), 20000);
  assert.equal(m.frameHeight(-5), 200);
  assert.equal(m.frameHeight(0), 200);
  assert.equal(m.frameHeight(1234.2), 1235, 'rounded up: no inner scrollbar');
  assert.equal(m.frameHeight(900), 900);
});

test('only a finite number is taken: strings, NaN, infinities and others are ignored (null)', () => {
  for (const v of ['1e9', '900', NaN, Infinity, -Infinity, null, undefined, {}, [900], true, 10n]) {
    assert.equal(m.frameHeight(v), null, String(v));
  }
});
