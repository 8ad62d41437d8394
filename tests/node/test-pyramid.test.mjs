// The test pyramid stands on its base (issue 18 point 4): rules that are functions are tested here,
// in tests/node, in milliseconds; the browser suite keeps the journeys a person takes. This keeps it
// so: every browser test in tests/e2e is one top-level `test('journey: …')` (a story of steps, see
// tests/e2e/journey.mjs), written once at the top of its file — not generated in a loop over
// languages or sizes — and there are at most MAX_JOURNEYS of them. tests/e2e/engines.test.mjs is the
// exception by design: it runs the same core journeys in each of the three browser engines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const E2E = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'e2e');
const MAX_JOURNEYS = 30;
const CROSS_ENGINE = 'engines.test.mjs';

const files = readdirSync(E2E).filter((f) => f.endsWith('.test.mjs') && f !== CROSS_ENGINE).sort();
const calls = (text) => [...text.matchAll(/^([ \t]*)(?:test|it)(?:\.\w+)?\(\s*(['"`])(.*?)\2/gm)]
  .map((m) => ({ indent: m[1].length, name: m[3] }));

test('every browser test is a top-level journey named "journey: …"', () => {
  const wrong = [];
  for (const f of files) {
    const text = readFileSync(join(E2E, f), 'utf8');
    for (const c of calls(text)) {
      if (c.indent !== 0) wrong.push(`${f}: "${c.name}" is not at the top level (in a loop or describe?)`);
      else if (!c.name.startsWith('journey: ')) wrong.push(`${f}: "${c.name}" is not named "journey: …"`);
    }
    if (/\bdescribe\(/.test(text)) wrong.push(`${f}: uses describe(); a file holds journeys, each one story`);
  }
  assert.deepEqual(wrong, []);
});

test(`the browser suite holds at most ${MAX_JOURNEYS} journeys`, () => {
  const names = files.flatMap((f) => calls(readFileSync(join(E2E, f), 'utf8')).map((c) => `${f}: ${c.name}`));
  assert.ok(names.length > 0, 'no journey found: has tests/e2e moved?');
  assert.ok(names.length <= MAX_JOURNEYS, `${names.length} journeys:\n${names.join('\n')}`);
});
