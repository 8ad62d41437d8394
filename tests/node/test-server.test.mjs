// The static server the Chromium tests use (tests/e2e/support.mjs: startServer): the MIME types a
// browser insists on (a module script, application/wasm for instantiateStreaming), 404 for a
// missing file, 403 for a path outside its roots, 204 for /favicon.ico. It checks the test
// rig, not the product; no browser needed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { REPO, startServer } from '../e2e/support.mjs';

let tmpDir, srv;

before(async () => {
  tmpDir = await fs.mkdtemp(path.join(os.tmpdir(), 'nnplay-server-'));
  await fs.writeFile(path.join(tmpDir, 'empty.wasm'), new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  srv = await startServer({ '/__tmp/': tmpDir, '/': REPO });
});

after(async () => {
  srv?.server.closeAllConnections();  // fetch keeps its connections alive: close() would wait for them to time out
  await srv?.close();
  if (tmpDir) await fs.rm(tmpDir, { recursive: true, force: true });
});

test('the server serves the right MIME types and nothing outside its roots', async () => {
  const get = (p) => fetch(srv.origin + p);
  const cases = [
    ['/dist/nnplay.mjs', 'text/javascript; charset=utf-8'],
    ['/tests/e2e/fixtures/page.html', 'text/html; charset=utf-8'],
    ['/tests/e2e/fixtures/worker.mjs', 'text/javascript; charset=utf-8'],
    ['/__tmp/empty.wasm', 'application/wasm'],
  ];
  for (const [p, type] of cases) {
    const r = await get(p);
    assert.equal(r.status, 200, p);
    assert.equal(r.headers.get('content-type'), type, p);
    await r.arrayBuffer();
  }
  assert.equal((await get('/dist/nope.mjs')).status, 404);
  // fetch normalizes '/../', but not an encoded slash: this reaches the server as '/..%2F..%2Fetc/passwd'.
  assert.equal((await get('/..%2F..%2Fetc/passwd')).status, 403);
  assert.equal((await get('/__tmp/..%2F..%2Fetc/passwd')).status, 403);
  assert.equal((await get('/favicon.ico')).status, 204);
  assert.equal((await fetch(srv.origin + '/dist/nnplay.mjs', { method: 'POST' })).status, 405);
  assert.ok(srv.served.includes('/dist/nnplay.mjs'), 'every path asked for is recorded');
});
