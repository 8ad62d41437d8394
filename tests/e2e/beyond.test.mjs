// Issue 13 in Chromium, against dist/ over http: the optimizer inspector (pick a weight by a
// click on its line in the network or by the keyboard, step one batch at a time, the numbers
// change as the tf.keras 2.x formula says, for all seven optimizers, in Japanese and English)
// and the loss landscape (it appears, its centre is the loss, and the path moves as training
// goes on); both in the URL. The side-by-side runs of figure 5-10 over one shared landscape.
// Bad states: a diverged run, a stale weight in a link, a network that changes under a pick.
//
// Needs /usr/bin/chromium and playwright-core; run `node scripts/build.mjs` first.
// Run: node --test tests/e2e/beyond.test.mjs
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DIST, launchChromium, openPlayground, pause, playgroundUrl, startServer, state, until } from './support.mjs';

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
    // another optimizer is a new model: the inspector starts again at t = 0 on the same weight
    await page.selectOption('#optimizer', 'rmsprop');
    await until(page, () => window.__nnplay.inspector.last?.optimizer === 'RMSprop' && window.__nnplay.inspector.last.iterations === 0, undefined, { what: 'the inspector on the new RMSprop model' });
    assert.equal(await page.evaluate(() => window.__nnplay.inspector.last.history.w.length), 0, 'no history of the old model');
    assert.match(await page.textContent('#inspectStatus'), /No update yet/);
    assert.equal(await page.textContent('#inspectFormula'), '');
    const r = await stepBatch(page);
    assert.ok('rms' in r.values && Math.abs(r.values.rms - 0.1 * r.values.g ** 2) <= 1e-6 * r.values.rms + 1e-12, 'RMSprop\'s ms after one step');
    assert.deepEqual(problems, [], problems.join(" | "));
  } finally {
    await context.close();
  }
});

test('inspector: a link opens it; SGD momentum and a bias picked with the keyboard', { timeout: 60_000 }, async () => {
  const { page, context, problems } = await openPlayground(browser, playgroundUrl(srv.origin, '#optimizer=sgd&momentum=0.9&learningRate=0.1&seed=0.5&inspect=1,1&lang=ja'));
  try {
    assert.deepEqual((await state(page)).inspect, [1, 1]);
    await until(page, () => document.getElementById('inspectorPanel').open && document.getElementById('inspectTarget').value === '1,1', undefined, { what: 'the link opens the inspector on 1,1' });
    const a = await stepBatch(page);
    const b = await stepBatch(page);
    // v ← 0.9·v − 0.1·g, Δw = v
    assert.ok(Math.abs(b.values.momentum - (0.9 * a.values.momentum - 0.1 * b.values.g)) <= 1e-6, 'velocity');
    assert.ok(Math.abs(b.values['Δw'] - b.values.momentum) <= 1e-6, 'Δw = v');
    // keyboard: focus the select and choose another weight
    await page.focus('#inspectTarget');
    await page.keyboard.press('ArrowDown');
    await until(page, () => window.__nnplay.state.inspect?.join(',') !== '1,1', undefined, { what: 'a new pick by keyboard' });
    // keyboard on the network: Enter on a bias square, Space on a weight line (after an arrow key)
    await page.locator('#network .bias').nth(1).focus();
    await page.keyboard.press('Enter');
    await until(page, () => window.__nnplay.state.inspect?.join(',') === '0,1', undefined, { what: 'Enter on the second bias square picks 0,1' });
    await page.keyboard.press('Escape');
    await page.locator('#links path.link-hover').first().focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press(' ');
    await until(page, () => window.__nnplay.state.inspect?.join(',') === '0,0,1', undefined, { what: 'Space on the second weight line picks 0,0,1' });
    await until(page, () => document.getElementById('inspectTarget').value === '0,0,1', undefined, { what: 'the list follows the pick' });
    // Japanese throughout: the panel's words are Japanese
    const texts = await page.evaluate(() => ['#inspectorPanel > summary', '#inspectorPanel .hint', '#inspectStep', '#inspectStatus']
      .map((q) => document.querySelector(q).textContent));
    for (const text of texts) assert.match(text, /[\u3040-\u30ff\u4e00-\u9fff]/, `Japanese: ${text}`);
    assert.deepEqual(problems, [], problems.join(" | "));
  } finally {
    await context.close();
  }
});

test('landscape: appears from the URL, its centre is the loss, the path moves while training', { timeout: 90_000 }, async () => {
  const { page, context, problems } = await openPlayground(browser, playgroundUrl(srv.origin, '#landscape=pca&seed=0.5&learningRate=0.1&lang=en'));
  try {
    await until(page, () => document.getElementById('landscapePanel').open, undefined, { what: 'the link opens the landscape panel' });
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
    // it follows training while it plays
    const playedFrom = await page.evaluate(() => window.__nnplay.landscape.count);
    await page.click('#play');
    await until(page, (n) => window.__nnplay.snapshot.playing && window.__nnplay.landscape.count >= n + 2, playedFrom, { what: 'two more landscapes while playing' });
    await pause(page);
    // switching to random directions (with the keyboard) is in the URL
    await page.focus('#landscapeMode');
    await page.keyboard.press('ArrowUp');
    await until(page, () => window.__nnplay.landscape.last.directions === 'random', undefined, { what: 'random directions' });
    assert.match(page.url(), /landscape=random/);
    assert.deepEqual(problems, [], problems.join(" | "));
  } finally {
    await context.close();
  }
});

// Every optimizer's update, recomputed here in double from the gradients the page shows
// (tf.keras 2.x, docs/KERAS_SEMANTICS.md §1): slots start at 0 (Adagrad's accumulator at 0.1).
const EPS = 1e-7;
function reference(optimizer, lr, gs, momentum = 0) {
  let a = optimizer === 'adagrad' ? 0.1 : 0, b = 0, prod = 1;
  const dws = [];
  gs.forEach((g, i) => {
    const t = i + 1;
    let d;
    switch (optimizer) {
      case 'sgd': a = momentum * a - lr * g; d = a; break;
      case 'adagrad': a += g * g; d = (-lr * g) / (Math.sqrt(a) + EPS); break;
      case 'rmsprop':
        a = 0.9 * a + 0.1 * g * g;
        if (momentum) { b = momentum * b + (lr * g) / Math.sqrt(a + EPS); d = -b; } else d = (-lr * g) / (Math.sqrt(a) + EPS);
        break;
      case 'adadelta': {
        a = 0.95 * a + 0.05 * g * g;
        const u = (Math.sqrt(b + EPS) / Math.sqrt(a + EPS)) * g;
        b = 0.95 * b + 0.05 * u * u;
        d = -lr * u;
        break;
      }
      case 'adam':
        a = 0.9 * a + 0.1 * g; b = 0.999 * b + 0.001 * g * g;
        d = (-(lr * Math.sqrt(1 - 0.999 ** t)) / (1 - 0.9 ** t) * a) / (Math.sqrt(b) + EPS);
        break;
      case 'adamax':
        a = 0.9 * a + 0.1 * g; b = Math.max(0.999 * b, Math.abs(g));
        d = ((-lr / (1 - 0.9 ** t)) * a) / (b + EPS);
        break;
      case 'nadam': {
        const mu = 0.9 * (1 - 0.5 * 0.96 ** (0.004 * t)), next = 0.9 * (1 - 0.5 * 0.96 ** (0.004 * (t + 1)));
        prod *= mu;
        a = 0.9 * a + 0.1 * g; b = 0.999 * b + 0.001 * g * g;
        const mBar = ((1 - mu) * g) / (1 - prod) + (next * a) / (1 - prod * next);
        d = (-lr * mBar) / (Math.sqrt(b / (1 - 0.999 ** t)) + EPS);
        break;
      }
    }
    dws.push(d);
  });
  return dws;
}

const close = (a, b, rel = 2e-3, abs = 1e-7) => Math.abs(a - b) <= rel * Math.abs(b) + abs;

const OPTIMIZER_CASES = [
  { optimizer: 'sgd', extra: '&momentum=0.9', lr: 0.1, momentum: 0.9, slots: ['momentum'] },
  { optimizer: 'adagrad', lr: 0.1, slots: ['accumulator'] },
  { optimizer: 'rmsprop', extra: '&momentum=0.5', lr: 0.01, momentum: 0.5, slots: ['rms', 'momentum'] },
  { optimizer: 'adadelta', lr: 1, slots: ['accum_grad', 'accum_var'] },
  { optimizer: 'adam', lr: 0.03, slots: ['m', 'v'] },
  { optimizer: 'adamax', lr: 0.03, slots: ['m', 'v'] },
  { optimizer: 'nadam', lr: 0.03, slots: ['m', 'v', 'momentum_cache'] },
];

test('inspector: all 7 optimizers (a different loss each), stepped batch by batch, move w as their formulas say', { timeout: 180_000 }, async () => {
  for (const [k, c] of OPTIMIZER_CASES.entries()) {
    const lang = k % 2 ? 'ja' : 'en';
    const { page, context, problems } = await openPlayground(browser, playgroundUrl(srv.origin, `#optimizer=${c.optimizer}${c.extra ?? ''}&learningRate=${c.lr}&seed=0.5&lang=${lang}`));
    try {
      const losses = await page.evaluate(() => [...document.querySelectorAll('#loss option')].map((o) => o.value));
      const loss = losses[k % losses.length];
      await page.selectOption('#loss', loss);
      await until(page, (l) => window.__nnplay.state.loss === l, loss, { what: `loss ${loss}` });
      // pick the weight from input 2 to hidden unit 1 with a click on its line
      await page.locator('#links path.link-hover').nth(4).dispatchEvent('click');
      await until(page, () => document.getElementById('inspectTarget').value === '0,1,0', undefined, { what: 'the pick in the list' });
      const steps = [];
      for (let i = 0; i < 4; i++) steps.push(await stepBatch(page));
      const what = `${c.optimizer} with ${loss} (${lang})`;
      const gs = steps.map((n) => n.values.g);
      assert.ok(gs.every((g) => Number.isFinite(g) && g !== 0), `${what}: gradients ${gs}`);
      const expected = reference(c.optimizer, c.lr, gs, c.momentum);
      steps.forEach((n, i) => {
        const dw = n.values['Δw'];
        assert.equal(n.t, i + 1, `${what}: t`);
        for (const slot of c.slots) assert.ok(slot in n.values, `${what}: the ${slot} slot is shown (${Object.keys(n.values)})`);
        assert.ok(close(dw, expected[i]), `${what}: Δw at t=${i + 1} is ${dw}, the formula gives ${expected[i]}`);
        assert.ok(close(n.predicted, dw), `${what}: the page's filled-in formula gives ${n.predicted}, the engine ${dw}`);
        if (i > 0) assert.ok(Math.abs(n.values.w - steps[i - 1].values.w - dw) <= 1e-6, `${what}: w moved by Δw at t=${i + 1}`);
        assert.ok(n.formula.split('\n').length >= 2 && /Δw = /.test(n.formula), `${what}: the formula is written out`);
        assert.doesNotMatch(n.formula, /NaN|undefined/, `${what}: the formula is filled in`);
      });
      assert.equal(await page.evaluate(() => window.__nnplay.inspector.last.history.dw.length), 4, `${what}: the sparklines hold every batch`);
      const panel = await page.evaluate(() => document.getElementById('inspectorPanel').innerText);
      if (lang === 'en') assert.doesNotMatch(panel, /[\u3040-\u30ff\u4e00-\u9fff]/, `${what}: no Japanese in the English panel`);
      else assert.match(panel, /1バッチ進める/, `${what}: the Japanese panel`);
      assert.deepEqual(problems, [], problems.join(' | '));
    } finally {
      await context.close();
    }
  }
});

test('inspector: a stale weight in a link is ignored; a smaller network clears the pick; a diverged run shows no NaN', { timeout: 90_000 }, async () => {
  const { page, context, problems } = await openPlayground(browser, playgroundUrl(srv.origin, '#seed=0.5&inspect=5,0,0&landscape=random&lang=en'));
  try {
    await until(page, () => document.getElementById('inspectorPanel').open && /not in this network/.test(document.getElementById('inspectStatus').textContent), undefined, { what: 'the stale weight said to be gone' });
    assert.equal(await page.evaluate(() => document.getElementById('inspectTarget').value), '');
    // pick the second hidden layer's weight 4 → 2, then take that layer away
    await page.selectOption('#inspectTarget', '1,3,1');
    await until(page, () => window.__nnplay.inspector.last?.target.join(',') === '1,3,1', undefined, { what: 'the inspector on 1,3,1' });
    await page.click('#removeLayer');
    await until(page, () => window.__nnplay.data?.layers.length === 3 && /not in this network/.test(document.getElementById('inspectStatus').textContent), undefined, { what: 'the pick gone with its layer' });
    assert.equal(await page.evaluate(() => document.getElementById('inspectValues').children.length), 0, 'no numbers of a weight that is gone');
    // a run that blows up: the panels say so, with no NaN printed
    await page.evaluate(() => { location.hash = '#seed=0.5&problem=regression&regDataset=reg-plane&activation=relu&learningRate=10&inspect=0,0,0&landscape=random&lang=en'; });
    await until(page, () => window.__nnplay.state.learningRate === 10 && window.__nnplay.state.problem === 'regression', undefined, { what: 'the new link applied' });
    await page.click('#play');
    await until(page, () => window.__nnplay.snapshot.diverged, undefined, { what: 'divergence', timeout: 60_000 });
    await until(page, () => window.__nnplay.landscape.last?.diverged && /diverged/.test(document.getElementById('landscapeStatus').textContent), undefined, { what: 'the landscape says it diverged' });
    await page.click('#inspectStep');
    await until(page, () => /diverged/.test(document.getElementById('inspectStatus').textContent), undefined, { what: 'the inspector says it diverged' });
    const text = await page.evaluate(() => document.getElementById('inspectorPanel').innerText + document.getElementById('landscapePanel').innerText);
    assert.doesNotMatch(text, /NaN|Infinity/, 'no NaN in the panels');
    // a lower learning rate and Reset bring it all back
    await page.selectOption('#learningRate', '0.03');
    await page.click('#reset');
    await until(page, () => !window.__nnplay.landscape.last.diverged && Number.isFinite(window.__nnplay.landscape.last.centerLoss) && /loss at the centre/.test(document.getElementById('landscapeStatus').textContent), undefined, { what: 'a finite landscape after the change' });
    await until(page, () => !window.__nnplay.inspector.last.diverged && /No update yet/.test(document.getElementById('inspectStatus').textContent), undefined, { what: 'the inspector starts again' });
    assert.deepEqual(problems, [], problems.join(' | '));
  } finally {
    await context.close();
  }
});

test('side by side: figure 5-10\'s four rates trace their paths over one shared landscape', { timeout: 120_000 }, async () => {
  const { page, context, problems } = await openPlayground(browser, playgroundUrl(srv.origin, '#seed=0.5&lang=en'));
  try {
    await page.click('#comparePanel > summary');
    await page.click('#comparePreset');
    await page.fill('#compareEpochs', '30');
    await page.click('#compareRun');
    await until(page, () => !window.__nnplay.compare.running && document.getElementById('compareEpoch').textContent === '30', undefined, { what: '30 epochs of the four runs', timeout: 90_000 });
    await until(page, () => window.__nnplay.compare.landscape?.paths.every((p) => p.length === 31), undefined, { what: 'the final shared landscape' });
    const l = await page.evaluate(() => {
      const s = window.__nnplay.compare.landscape;
      return { paths: s.paths, alpha: s.alpha, leaving: s.leaving, directions: s.directions, legend: [...document.querySelectorAll('#compareLandscapeLegend li')].map((li) => li.textContent), visible: !document.getElementById('compareLandscapeFigure').hidden };
    });
    assert.ok(l.visible);
    assert.equal(l.directions, 'pca');
    assert.equal(l.alpha.length, 41);
    assert.equal(l.paths.length, 4);
    // every path starts at the shared initial weights, the centre of the slice
    for (const p of l.paths) assert.ok(Math.hypot(...p[0]) < 1e-3, `a path starts at the centre: ${p[0]}`);
    // how far each run went: 0.003 creeps, the larger rates go further
    const reach = l.paths.map((p) => Math.max(...p.map(([a, b]) => Math.hypot(a, b))));
    assert.ok(reach[0] < reach[1] && reach[1] < reach[3], `reaches ${reach}`);
    assert.deepEqual(l.legend.map((t) => t.split(' —')[0]), ['Learning rate 0.003', 'Learning rate 0.03', 'Learning rate 0.3', 'Learning rate 3']);
    // the four colours are on the canvas
    const colours = await page.evaluate(() => {
      const c = document.getElementById('compareLandscape');
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      const want = [[0xe6, 0x55, 0x0d], [0x31, 0x82, 0xbd], [0x31, 0xa3, 0x54], [0x75, 0x6b, 0xb1]];
      return want.map(([r, g, b]) => { let n = 0; for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - r) < 8 && Math.abs(d[i + 1] - g) < 8 && Math.abs(d[i + 2] - b) < 8) n++; return n; });
    });
    assert.ok(colours.every((n) => n > 0), `each run's colour is drawn: ${colours}`);
    // a comparison of losses has no one landscape: the panel says why
    await page.selectOption('#compareSetting', 'loss');
    await page.fill('#compareValues', 'mse,mae');
    await page.press('#compareValues', 'Enter');
    await page.locator('#compareValues').blur();
    await until(page, () => window.__nnplay.state.compare?.setting === 'loss', undefined, { what: 'compare=loss' });
    await page.fill('#compareEpochs', '2');
    await page.click('#compareRun');
    await until(page, () => !window.__nnplay.compare.running && /needs the same network, data and loss/.test(document.getElementById('compareLandscapeStatus').textContent), undefined, { what: 'the note on no shared landscape', timeout: 60_000 });
    assert.equal(await page.locator('#compareLandscape').isVisible(), false);
    assert.deepEqual(problems, [], problems.join(' | '));
  } finally {
    await context.close();
  }
});

test('an embedding page may hide both panels (inspector_hide, landscape_hide)', { timeout: 60_000 }, async () => {
  const { page, context, problems } = await openPlayground(browser, playgroundUrl(srv.origin, '#seed=0.5&inspect=0,0,0&landscape=pca&inspector_hide=true&landscape_hide=true&lang=en'));
  try {
    assert.equal(await page.locator('#inspectorPanel').isVisible(), false);
    assert.equal(await page.locator('#landscapePanel').isVisible(), false);
    assert.equal(await page.locator('#notices').isVisible(), false, 'both part names are known');
    assert.match(page.url(), /inspector_hide=true/);
    assert.deepEqual(problems, [], problems.join(' | '));
  } finally {
    await context.close();
  }
});

test('side by side: a run that diverges ends its path on the shared landscape and the legend says so, in Japanese', { timeout: 90_000 }, async () => {
  const { page, context, problems } = await openPlayground(browser, playgroundUrl(srv.origin, '#seed=0.5&problem=regression&activation=relu&compare=learningRate:0.03,10&lang=ja'));
  try {
    await page.fill('#compareEpochs', '5');
    await page.click('#compareRun');
    await until(page, () => !window.__nnplay.compare.running && window.__nnplay.compare.landscape?.paths[0].length === 6, undefined, { what: 'the two runs done', timeout: 60_000 });
    const legend = await page.evaluate(() => [...document.querySelectorAll('#compareLandscapeLegend li')].map((li) => li.textContent));
    assert.equal(legend.length, 2);
    assert.doesNotMatch(legend[0], /発散/);
    assert.match(legend[1], /学習率 10 — 発散した/);
    const paths = await page.evaluate(() => window.__nnplay.compare.landscape.paths);
    assert.ok(paths[1].length < 6 && paths[1].flat().every(Number.isFinite), `the diverged run's path stops, finite: ${JSON.stringify(paths[1])}`);
    const text = await page.evaluate(() => document.getElementById('compareLandscapeFigure').innerText);
    assert.doesNotMatch(text, /NaN|Infinity|Learning rate|diverged/, 'Japanese only, no NaN');
    assert.deepEqual(problems, [], problems.join(' | '));
  } finally {
    await context.close();
  }
});
