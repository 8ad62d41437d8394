// Journey: a learner watches gradient descent roll down a curve, then trains three classes
// (issue 5), in Chromium against dist/ over http. The descent view draws the engine's own SGD
// path step by step at the four rates of figures 5-5 … 5-8 (what each rate does and the
// verdicts are rules: tests/node/descent.test.mjs); the gauss3 dataset gets a softmax output
// whose heatmap shows each class's colour at its cluster.
//
// Needs /usr/bin/chromium and playwright-core; dist/ is built first when missing or stale.
// Run: node --test tests/e2e/learner-descent-classes.test.mjs
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { init } from 'nnplay';
import { loadPlayground, newSession, playgroundUrl, REPO, servedChromium, until } from './support.mjs';
import { journey } from './journey.mjs';
import { heatmapColours, hue, hueDistance, playUntil, recordDescentStatus } from './views-steps.mjs';

const GRID = 100;     // the heatmap's resolution (web/src/protocol.ts)
const DOMAIN = 6;     // the plot shows [-6, 6]²
const curveGradient = (w) => 0.72 * w ** 3 - 2.88 * w - 0.72;  // web/src/descent/curve.ts, restated
const START = 2.8;    // the view's default start (web/src/descent/curve.ts)
const STEPS = 60;     // web/src/views/descent.ts

const env = servedChromium();  // dist/ (built when stale), one server, one Chromium
let nn;  // the module in Node: the same engine, to compare the page's numbers with

before(async () => {
  nn = await init();
});

test('journey: a learner watches gradient descent roll, then trains three classes', { timeout: 150_000 }, async (t) => {
  const step = journey(t);
  const { page, context, problems } = await newSession(env.browser, { dialogsAreProblems: true });
  const engine = (optimizer, rate) => nn.optimizers.descend(nn.optimizers.get(optimizer, { learningRate: rate }), START, curveGradient, STEPS);
  // picks a rate, runs, and returns the path the page draws (after the animation's end with waitForEnd)
  const roll = async (rate, { waitForEnd }) => {
    await page.selectOption('#descentRate', String(rate));
    assert.deepEqual(await page.evaluate(() => window.__nnplay.descent.path), [START], `${rate}: a new rate resets the ball`);
    await recordDescentStatus(page);
    await page.click('#descentRun');
    await until(page, () => window.__nnplay.descent.path.length > 1, undefined, { what: `the path for ${rate}` });
    const drawn = await page.evaluate(() => window.__nnplay.descent.path);
    if (waitForEnd) {
      const steps = drawn.length - 1;
      await until(page, (n) => document.getElementById('descentStatus').textContent.match(/\d+/)?.[0] === String(n), steps, { what: `the animation to reach step ${steps}` });
    }
    assert.deepEqual(drawn, engine('sgd', rate), `${rate}: the page's path is the engine's SGD`);
    // not a JavaScript re-implementation in doubles (the engine steps in float32)
    assert.notEqual(drawn[1], START - rate * curveGradient(START), `${rate}: the first step is the engine's float32 step`);
    return drawn;
  };

  try {
    await step('opens the descent view: SGD (the registry\'s display names), rate 0.03, start 2.8', async () => {
      await loadPlayground(page, playgroundUrl(env.origin, ''));
      await page.click('#descentPanel > summary');
      assert.equal(await page.inputValue('#descentOptimizer'), 'sgd');
      const registry = JSON.parse(await fs.readFile(path.join(REPO, 'core/registry.json'), 'utf8'));
      assert.deepEqual(await page.$$eval('#descentOptimizer option', (os) => os.map((o) => o.textContent)), registry.optimizers.map((o) => o.className), 'display names: RMSprop, not Rmsprop');
      assert.equal(await page.inputValue('#descentRate'), '0.03');
      assert.equal(Number(await page.inputValue('#descentStart')), START);
    });

    await step('0.03 rolls the engine\'s path to its end: 60 steps, w and a loss (never negative) at each, the verdict in Japanese', async () => {
      const p03 = await roll(0.03, { waitForEnd: true });
      assert.equal(p03.length, STEPS + 1, '60 steps');
      assert.match(await page.textContent('#descentStatus'), new RegExp(`60: w = ${p03.at(-1).toFixed(3).replace('.', '\\.')}, loss = `));
      assert.match(await page.textContent('#descentStatus'), /谷底（最適解）にたどり着いた/, 'the verdict, in the page language');
      const shown = await page.evaluate(() => window.__descentTexts);
      const losses = shown.map((text) => text.match(/loss = (-?[\d.]+)/)).filter(Boolean).map((l) => Number(l[1]));
      assert.ok(losses.length >= STEPS && losses.every((l) => l >= 0), `a loss at every step, never negative: ${losses.length} shown, ${losses.filter((l) => l < 0)}`);
      await page.locator('#descentPanel').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(REPO, 'test-results', 'learner-descent-1280.png') });
    });

    await step('0.3 and 0.003: each new rate resets the ball and draws the engine\'s path', async () => {
      await roll(0.3, { waitForEnd: false });
      assert.equal((await roll(0.003, { waitForEnd: false })).length, STEPS + 1);
    });

    await step('3 flies off: the path ends early and the status says so at its last step', async () => {
      const p30 = await roll(3, { waitForEnd: true });
      assert.ok(p30.length < STEPS + 1 && Math.abs(p30.at(-1)) > 1e6, `3 flies off: ${p30}`);
      assert.match(await page.textContent('#descentStatus'), /飛び出した|flew off/, 'the status says it diverged');
      assert.match(await page.textContent('#descentStatus'), new RegExp(`${p30.length - 1}`));
    });

    await step('Adam goes through the same engine', async () => {
      await page.selectOption('#descentOptimizer', 'adam');
      await page.selectOption('#descentRate', '0.3');
      await page.click('#descentRun');
      await until(page, () => window.__nnplay.descent.path.length > 1, undefined, { what: 'the adam path' });
      assert.deepEqual(await page.evaluate(() => window.__nnplay.descent.path), engine('adam', 0.3), 'adam 0.3');
    });

    await step('gauss3: a softmax of three units trains to accuracy > 0.9; the heatmap shows each class\'s colour at its cluster', async (st) => {
      await page.goto('about:blank');
      await loadPlayground(page, playgroundUrl(env.origin, '#dataset=gauss3&seed=1'));
      assert.match(await page.textContent('#loss-note'), /softmax/i);
      assert.equal(await page.inputValue('#outputActivation'), 'softmax');
      assert.equal(await page.locator('#layers .layer.output-layer .node').count(), 3);
      const trained = await playUntil(page, (m) => m.acc > 0.95 && m.valAcc > 0.95, { epochs: 1500, what: 'gauss3 accuracy > 0.95' });
      st.diagnostic(`gauss3: epoch ${trained.epoch}, ${JSON.stringify(trained.metrics)}`);
      assert.equal(trained.outputLength, GRID * GRID * 3);
      assert.ok(trained.metrics.acc > 0.9 && trained.metrics.valAcc > 0.9, JSON.stringify(trained.metrics));
      // the cluster centres: radius 3 at 90°, 210°, 330° (classes 0, 1, 2)
      const centres = [90, 210, 330].map((deg) => [3 * Math.cos((deg * Math.PI) / 180), 3 * Math.sin((deg * Math.PI) / 180)]);
      const samples = await heatmapColours(page, centres, GRID, DOMAIN);
      const hues = samples.map(hue);
      st.diagnostic(`cluster pixels ${JSON.stringify(samples.map((p) => p.map(Math.round)))}, hues ${hues.map((h) => h?.toFixed(0))}`);
      samples.forEach((p, k) => assert.ok(Math.max(...p) - Math.min(...p) > 40, `cluster ${k} is coloured, not grey: ${p}`));
      for (const [a, b] of [[0, 1], [0, 2], [1, 2]]) assert.ok(hueDistance(hues[a], hues[b]) > 60, `clusters ${a} and ${b} differ in hue: ${hues[a]} vs ${hues[b]}`);
      // the classes' own colours: orange (#f59322), blue (#0877bd), green (#2ca02c)
      [32, 203, 120].forEach((h, k) => assert.ok(hueDistance(hues[k], h) < 20, `cluster ${k}: hue ${hues[k]}, expected about ${h}`));
    });

    await step('nothing went wrong on the page (console, requests, crashes, dialogs)', () => {
      assert.deepEqual(problems, [], problems.join(' | '));
    });
  } finally {
    await context.close();
  }
});
