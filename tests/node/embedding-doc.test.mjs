// docs/EMBEDDING.md is generated from the state schema and the page's messages
// (scripts/embedding-doc.mjs): it must match what the generator writes today.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

test('docs/EMBEDDING.md is up to date with the schema, the hidable parts and the events', () => {
  const r = spawnSync(process.execPath, ['scripts/embedding-doc.mjs', '--check'], { cwd: root, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
});
