// `nnplay copy-page DIR`: the page's files land in DIR, everything index.html and app.js
// load is among them, and bad folders are refused with the reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'dist/cli.mjs');
const run = (...args) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });

test('copy-page copies every nnplay/page/ export (and its source map) into a new folder', () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'nnplay-copy-')), 'public', 'nnplay');
  const r = run('copy-page', dir);
  assert.equal(r.status, 0, r.stderr);
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const pageExports = Object.keys(pkg.exports).filter((k) => k.startsWith('./page/')).map((k) => k.slice('./page/'.length));
  const copied = readdirSync(dir);
  for (const name of pageExports) {
    assert.ok(copied.includes(name), `${name} copied`);
    assert.deepEqual(readFileSync(join(dir, name)), readFileSync(join(root, 'dist', name)), name);
  }
  assert.ok(copied.includes('app.js.map'), 'source maps come along');
  // what the page itself loads by name is there: scripts, styles, the worker, the wasm
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const app = readFileSync(join(dir, 'app.js'), 'utf8');
  const referenced = new Set([...html.matchAll(/(?:src|href)="([^":#?]+)"/g)].map((m) => m[1]));
  for (const name of ['nnplay-worker.js', 'nnplay-worker.src.js', 'nnplay-engine.wasm', 'nnplay-engine.wasm.js', 'uplot.js']) {
    if (app.includes(name)) referenced.add(name);
  }
  assert.ok(referenced.has('app.js') && referenced.has('styles.css') && referenced.has('nnplay-engine.wasm'), [...referenced].join(', '));
  for (const name of referenced) assert.ok(existsSync(join(dir, name)), `${name}, loaded by the page, is copied`);
  assert.match(r.stdout, new RegExp(`copied ${copied.length} files to `));
  assert.match(r.stdout, /<nnplay-playground src="…\/nnplay\/index\.html">/);
  // again into the same folder: replaced, same files
  assert.equal(run('copy-page', dir).status, 0);
  assert.deepEqual(readdirSync(dir), copied);
});

test('copy-page refuses no folder, two folders, a file, and the package\'s own dist', () => {
  const none = run('copy-page');
  assert.equal(none.status, 2);
  assert.match(none.stderr, /copy-page needs exactly one folder, got none\nUsage: nnplay copy-page DIR/);
  const two = run('copy-page', 'a', 'b');
  assert.equal(two.status, 2);
  assert.match(two.stderr, /got "a" "b"/);
  const file = join(mkdtempSync(join(tmpdir(), 'nnplay-copy-')), 'page.txt');
  writeFileSync(file, 'x');
  const onFile = run('copy-page', file);
  assert.equal(onFile.status, 1);
  assert.match(onFile.stderr, /copy-page: ".*page\.txt" is a file; give a folder/);
  const own = run('copy-page', join(root, 'dist'));
  assert.equal(own.status, 1);
  assert.match(own.stderr, /is the package's own folder/);
  assert.match(run('--help').stdout, /nnplay copy-page DIR +copy the page's files/);
});
