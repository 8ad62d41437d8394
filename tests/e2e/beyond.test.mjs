// Issue 13 in Chromium, against dist/ over http: the optimizer inspector (pick a weight by a
// click on its line in the network, step one batch at a time, the numbers change as the
// tf.keras 2.x formula says, for Adam and SGD with momentum) and the loss landscape (it
// appears, its centre is the loss, and the path moves as training goes on); both in the URL.
//
// Needs /usr/bin/chromium and playwright-core; run `node scripts/build.mjs` first.
// Run: node --test tests/e2e/beyond.test.mjs
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DIST, launchChromium, openPlayground, playgroundUrl, startServer, state, until } from './support.mjs';

let srv;
let browser;

before(async () => {
  assert.ok(existsSync(path.join(DIST, 'index.html')), 'dist/ is missing: run `node scripts/build.mjs` first');
  srv = await startServer({ '/': DIST });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await srv?.close();
});

const inspectorNumbers = (page) => page.evaluate(() => {
  const out = {};
  for (const td of document.querySelectorAll('#inspectValues td')) out[td.dataset.name] = Number(td.dataset.value);
  const f = document.getElementById('inspectFormula');
  return { values: out, formula: f.textContent, predicted: Number(f.dataset.predicted), t: window.__nnplay.inspector.last?.iterations ?? 0 };
});

async function stepBatch(page) {
  const before = await page.evaluate(() => window.__nnplay.inspector.last?.iterations ?? 0);
  await page.click('#inspectStep');
  await until(page, (b) => (window.__nnplay.inspector.last?.iterations ?? 0) > b, before, { what: 'the inspector after one batch' });
  return inspectorNumbers(page);
}

test('inspector: click a weight line, step batches; Adam\'s numbers follow its formula', { timeout: 60_000 }, async () => {
  const { page, context, problems } = await openPlayground(browser, playgroundUrl(srv.origin, '#optimizer=adam&learningRate=0.03&seed=0.5&lang=en'));
  try {
    // a click on the line from input 1 to hidden unit 2 of the first layer picks that weight
    const hit = page.locator('#links path.link-hover').nth(1);
    await hit.dispatchEvent('click');
    await until(page, () => window.__nnplay.state.inspect?.join(',') === '0,0,1', undefined, { what: 'inspect=0,0,1 in the state' });
    assert.match(page.url(), /inspect=0,0,1/);
    assert.equal(await page.evaluate(() => document.getElementById('inspectorPanel').open), true);
    let prev = null;
    for (let i = 1; i <= 3; i++) {
      const n = await stepBatch(page);
      assert.equal(n.t, i);
      const { w, g, m, v } = n.values;
      const dw = n.values['Δw'];
      assert.ok(Number.isFinite(g) && g !== 0, `a gradient: ${g}`);
      // m and v follow from the previous ones and g (β₁ 0.9, β₂ 0.999), Δw from them
      const m0 = prev ? prev.values.m : 0, v0 = prev ? prev.values.v : 0;
      assert.ok(Math.abs(m - (m0 + (g - m0) * 0.1)) <= 1e-6 * Math.abs(m) + 1e-9, `m at t=${i}`);
      assert.ok(Math.abs(v - (v0 + (g * g - v0) * 0.001)) <= 1e-4 * Math.abs(v) + 1e-12, `v at t=${i}`);  // float's 1 − β₂ is 1.3e-5 off
      const alpha = (0.03 * Math.sqrt(1 - 0.999 ** i)) / (1 - 0.9 ** i);
      const expected = (-alpha * m) / (Math.sqrt(v) + 1e-7);
      assert.ok(Math.abs(dw - expected) <= 1e-4 * Math.abs(expected) + 1e-7, `Δw at t=${i}: ${dw} vs ${expected}`);
      assert.ok(Math.abs(n.predicted - dw) <= 1e-4 * Math.abs(dw) + 1e-7, 'the page\'s filled-in formula gives the engine\'s Δw');
      assert.match(n.formula, /α = lr·√\(1−β₂ᵗ\)/);
      if (prev) assert.ok(Math.abs(w - (prev.values.w + dw)) <= 1e-6, 'w moved by Δw');
      prev = n;
    }
    const history = await page.evaluate(() => window.__nnplay.inspector.last.history.w.length);
    assert.equal(history, 3, 'the sparklines hold every batch stepped');
    assert.deepEqual(problems, [], problems.join(" | "));
  } finally {
    await context.close();
  }
});

test('inspector: a link opens it; SGD momentum and a bias picked with the keyboard', { timeout: 60_000 }, async () => {
  const { page, context, problems } = await openPlayground(browser, playgroundUrl(srv.origin, '#optimizer=sgd&momentum=0.9&learningRate=0.1&seed=0.5&inspect=1,1&lang=ja'));
  try {
    assert.deepEqual((await state(page)).inspect, [1, 1]);
    await page.click('#inspectorPanel > summary');
    const a = await stepBatch(page);
    const b = await stepBatch(page);
    // v ← 0.9·v − 0.1·g, Δw = v
    assert.ok(Math.abs(b.values.momentum - (0.9 * a.values.momentum - 0.1 * b.values.g)) <= 1e-6, 'velocity');
    assert.ok(Math.abs(b.values['Δw'] - b.values.momentum) <= 1e-6, 'Δw = v');
    // keyboard: focus the select and choose another weight
    await page.focus('#inspectTarget');
    await page.keyboard.press('ArrowDown');
    await until(page, () => window.__nnplay.state.inspect?.join(',') !== '1,1', undefined, { what: 'a new pick by keyboard' });
    assert.deepEqual(problems, [], problems.join(" | "));
  } finally {
    await context.close();
  }
});

test('landscape: appears from the URL, its centre is the loss, the path moves while training', { timeout: 90_000 }, async () => {
  const { page, context, problems } = await openPlayground(browser, playgroundUrl(srv.origin, '#landscape=pca&seed=0.5&learningRate=0.1&lang=en'));
  try {
    await page.click('#landscapePanel > summary');
    await until(page, () => window.__nnplay.landscape.count > 0, undefined, { what: 'a first landscape' });
    const first = await page.evaluate(() => ({ ...window.__nnplay.landscape.last, loss: null }));
    assert.equal(first.alpha.length, 41);
    assert.equal(await page.locator('#landscapeFigure').isVisible(), true);
    for (let i = 0; i < 5; i++) await page.click('#step');
    await until(page, () => window.__nnplay.snapshot.epoch >= 5 && window.__nnplay.landscape.last.path.length >= 5, undefined, { what: 'a path of 5 epochs' });
    const later = await page.evaluate(() => {
      const l = window.__nnplay.landscape.last;
      return { path: l.path, directions: l.directions, centerLoss: l.centerLoss, ms: l.ms, count: window.__nnplay.landscape.count };
    });
    assert.equal(later.directions, 'pca');
    assert.ok(later.count > 1);
    const start = later.path[0];
    assert.ok(Math.hypot(start[0], start[1]) > 0, 'the path starts away from the current weights');
    const loss = await page.evaluate(() => window.__nnplay.snapshot.metrics.loss);
    assert.ok(Number.isFinite(later.centerLoss) && later.centerLoss < 1.5, `centre loss ${later.centerLoss} (epoch loss ${loss})`);
    console.log(`# landscape 41×41 in Chromium: ${later.ms.toFixed(1)} ms`);
    assert.ok(later.ms < 1000, `a 41×41 slice in under 1 s: ${later.ms} ms`);
    // switching to random directions is in the URL
    await page.selectOption('#landscapeMode', 'random');
    await until(page, () => window.__nnplay.landscape.last.directions === 'random', undefined, { what: 'random directions' });
    assert.match(page.url(), /landscape=random/);
    assert.deepEqual(problems, [], problems.join(" | "));
  } finally {
    await context.close();
  }
});
