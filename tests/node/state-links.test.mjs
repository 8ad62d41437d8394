// The page's "Copy link" copies the whole URL: `nnplay --state` and nn.state.parse take it
// as they take its hash.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { nn } from './helpers.mjs';

const cli = fileURLToPath(new URL('../../dist/cli.mjs', import.meta.url));
const run = (...args) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });

test('state.parse takes a whole page link (http, https, file, a path to an .html file) as its hash', () => {
  const hash = '#activation=relu&networkShape=5,2&learningRate=0.3';
  const expected = nn.state.parse(hash, '1');
  assert.equal(expected.state.activation, 'relu');
  for (const link of [
    `http://127.0.0.1:8080/index.html${hash}`,
    `https://example.org/nnplay/?lang=ja${hash}`,
    `file:///home/me/nnplay/dist/index.html${hash}`,
    `dist/index.html${hash}`,
    `index.html${hash}`,
  ]) {
    const parsed = nn.state.parse(link, '1');
    assert.deepEqual(parsed.notices, [], link);
    assert.deepEqual(parsed.state, expected.state, link);
  }
  // a link without a hash is the defaults; a bare list and a query stay what they were
  assert.deepEqual(nn.state.parse('http://127.0.0.1:8080/index.html', '1'), nn.state.parse('', '1'));
  assert.equal(nn.state.parse('activation=relu', '1').state.activation, 'relu');
  assert.equal(nn.state.parse('?activation=relu', '1').state.activation, 'relu');
  // not a link: still an unknown setting, named
  assert.match(nn.state.parse('mailto:me#activation=relu', '1').notices.join(' '), /mailto/);
});

test('nnplay --state takes the link the page copies, and flags still override it', () => {
  const link = 'http://127.0.0.1:8080/index.html#activation=relu&networkShape=5,2&dataset=xor';
  const r = run('state', '--state', link, '--layers', '4');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /activation=relu/);
  assert.match(r.stdout, /dataset=xor/);
  assert.match(r.stdout, /networkShape=4(&|$)/);
  const same = run('state', '--state', '#activation=relu&networkShape=5,2&dataset=xor', '--layers', '4');
  assert.equal(r.stdout, same.stdout);
  const bad = run('state', '--state', 'http://127.0.0.1:8080/index.html#activation=sigmoidal');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--state: .*activation.*sigmoidal/);
});
