// <nnplay-playground>: attributes become the page's URL state; the page's postMessage
// events come out as DOM events on the element.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css' };
let server, origin, browser;

before(async () => {
  server = http.createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = path.resolve(REPO, `./${pathname}`);
    const body = file.startsWith(REPO + path.sep) ? await fs.readFile(file).catch(() => null) : null;
    if (!body) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(body);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
});

after(async () => {
  await browser?.close();
  server?.close();
});

test('the web component passes its attributes as URL state and re-dispatches epoch events', async () => {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  await page.goto(`${origin}/tests/e2e/fixtures/component.html`);
  const src = await page.evaluate(() => document.getElementById('pg').shadowRoot.querySelector('iframe').src);
  assert.match(src, /\/dist\/index\.html#/);
  assert.match(src, /learningRate=0\.3/);
  assert.match(src, /networkShape=3%2C3|networkShape=3,3/);
  assert.match(src, /hideText=true/);
  assert.match(src, /xSquared_hide=true/);
  assert.doesNotMatch(src, /bogus/, 'attributes that are not state keys stay out of the URL');
  const frame = page.frames().find((f) => f.url().includes('/dist/index.html'));
  assert.ok(frame);
  await frame.waitForFunction(() => window.__nnplay?.snapshot, null, { timeout: 20000 });
  const state = await frame.evaluate(() => window.__nnplay.state);
  assert.equal(state.learningRate, 0.3);
  assert.deepEqual(state.networkShape, [3, 3]);
  assert.equal(state.dataset, 'xor');
  assert.ok(await frame.evaluate(() => getComputedStyle(document.querySelector('header')).display === 'none'), 'hideText hides the header');
  await frame.click('#step');
  await frame.click('#step');
  await page.waitForFunction(() => window.epochs.length >= 2, null, { timeout: 20000 });
  const events = await page.evaluate(() => window.epochs);
  assert.equal(events[0].type, 'epoch');
  assert.equal(events[0].source, 'nnplay');
  assert.ok(Number.isFinite(events[1].loss));
  assert.equal(events[1].epoch, 2);
  // changing an attribute reloads the page with the new state
  await page.evaluate(() => document.getElementById('pg').setAttribute('learningrate', '0.01'));
  await page.waitForFunction(() => document.getElementById('pg').shadowRoot.querySelector('iframe').src.includes('learningRate=0.01'));
  assert.deepEqual(problems, []);
  await page.close();
});
