// The page's worker bounds its own speed setting (issue 22; web/src/worker/speed.ts): a
// `speed` message of 1e9 epochs per frame no longer keeps it busy for minutes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importPage } from './page-modules.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const m = await importPage("export * from './web/src/worker/speed.ts';");

test("the page's own speeds are taken as they are", () => {
  const speeds = JSON.parse(/export const SPEEDS = (\[[^\]]*\])/.exec(readFileSync(`${root}/web/src/views/controls.ts`, 'utf8'))[1]);
  for (const s of speeds) assert.equal(m.boundedSpeed(s, 1), s, `speed ${s}`);
  assert.ok(Math.max(...speeds) <= m.MAX_EPOCHS_PER_FRAME);
});

test('a larger count is clamped, anything not a whole number >= 0 keeps the current speed', () => {
  assert.equal(m.MAX_EPOCHS_PER_FRAME, 20);
  assert.equal(m.boundedSpeed(1e9, 1), 20);
  assert.equal(m.boundedSpeed(21, 5), 20);
  assert.equal(m.boundedSpeed(Infinity, 5), 20);
  for (const v of [-1, 2.5, NaN, -Infinity, '1e9', '5', null, undefined, {}]) assert.equal(m.boundedSpeed(v, 5), 5, String(v));
});
