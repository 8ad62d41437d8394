// A first visit to the playground (dist/index.html) in Chromium: the page reads right in Japanese
// before any script runs, paints while its script is still loading, nothing moves and no
// prerendered text is rewritten when the script arrives; the default page has the schema's
// defaults and no problem; the charts' library comes only when the charts come near; the
// default network learns the circle; and on a phone the plot and the network are drawn when
// scrolled into view. Screenshots: test-results/page-default.png, page-trained.png.
//
// Needs /usr/bin/chromium and `npm ci` (playwright-core). Run: node --test tests/e2e/learner-first-visit.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { loadMessages } from '../../scripts/prerender.mjs';
import { journey } from './journey.mjs';
import { PLAYGROUND_DEFAULTS, RESULTS, assertFiniteMetrics, allOutputFinite, playgroundRig } from './playground-steps.mjs';
import { REPO, loadPlayground, newSession, nextFrames, pause, snap, state, step as stepEpochs, until, waitFor, waitForEngine } from './support.mjs';

const rig = playgroundRig();

// Before the page's script: a layout-shift sum (the browser's own CLS input) and a MutationObserver,
// from the end of parsing, of every write to the prerendered texts, their labels and the document's language.
function watchStartUp() {
  window.__shift = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
  window.__writes = [];
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      const el = r.type === 'characterData' ? r.target.parentElement : r.target;
      const tagged = el?.closest?.('[data-i18n],[data-i18n-label],[data-i18n-aria]');
      if (r.target === document.documentElement && r.attributeName === 'lang') window.__writes.push('html lang');
      else if (tagged && el === tagged && (r.type === 'attributes' ? ['aria-label', 'title'].includes(r.attributeName) : tagged.dataset.i18n))  // a text, or a label
        window.__writes.push(`${r.type} ${r.attributeName ?? ''} ${tagged.dataset.i18n ?? tagged.dataset.i18nLabel ?? tagged.dataset.i18nAria}`);
    }
  });
  document.addEventListener('readystatechange', () => {  // the end of parsing: before the deferred app.js runs
    if (document.readyState === 'interactive') observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['lang', 'aria-label', 'title'] });
  });
}

/** Holds app.js until release() is called, so that it arrives after the first paint. */
async function holdScript(page, origin) {
  let release;
  const held = new Promise((r) => (release = r));
  await page.route(`${origin}/app.js`, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

const firstPaint = (page) => waitFor(page, () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime, undefined, { what: 'the first contentful paint' }).then((h) => h.jsonValue());
const uplotRequests = (s, from = 0) => s.requests.slice(from).filter((u) => u.endsWith('/uplot.js')).length;

// The train series' value in the loss chart's hover legend with the cursor at fraction f of the plot.
async function chartTrainValueAt(page, f) {
  const over = page.locator('#lossChart .u-over');
  const box = await over.boundingBox();
  // (the left end is hovered 1 px inside, so that the cursor snaps to the first point however many there are)
  await page.mouse.move(box.x + Math.min(Math.max(1, box.width * f), box.width - 1), box.y + box.height / 2);
  return page.evaluate(() => document.querySelectorAll('#lossChart .u-legend .u-series')[1]?.querySelector('.u-value')?.textContent);
}

const canvasPixels = (page) => page.evaluate(() => {
  const read = (c) => Array.from(c.getContext('2d').getImageData(0, 0, c.width, c.height).data);
  return { heatmap: read(document.getElementById('heatmap')), thumb: read(document.querySelector('.layer.hidden canvas.thumb')) };
});
const blank = (a) => a.every((v) => v === 0);
async function stepTo(page, epoch) {
  const now = (await snap(page)).epoch;
  if (now < epoch) await stepEpochs(page, epoch - now);
}

test('journey: a first visit, from the page without scripts to a trained network, on a desktop and a phone', { timeout: 360_000 }, async (t) => {
  const step = journey(t);
  const { srv, browser, nn } = rig;
  const { ja } = await loadMessages(path.join(REPO, 'web/src/i18n/ja.ts'));

  await step('without scripts, every text and label is there in Japanese', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${srv.origin}/index.html`);
      const { texts, labels } = await page.evaluate(() => ({
        texts: [...document.querySelectorAll('[data-i18n]')].map((el) => [el.dataset.i18n, el.textContent]),
        labels: [...document.querySelectorAll('[data-i18n-label]')].map((el) => [el.dataset.i18nLabel, el.getAttribute('aria-label'), el.title]),
      }));
      assert.ok(texts.length > 50);
      for (const [key, text] of texts) assert.equal(text, ja[key], key);
      for (const [key, label, title] of labels) assert.deepEqual([label, title], [ja[key], ja[key]], key);
      assert.match(await page.innerText('header'), /ニューラルネットワーク Playground/);
    } finally {
      await context.close();
    }
  });

  // The desktop visit: one page, 1280 × 1000, whose problems are checked at each step's end.
  const desk = await newSession(browser, { initScript: watchStartUp, dialogsAreProblems: true });
  const { page } = desk;
  const noProblems = () => assert.deepEqual(desk.problems, [], desk.problems.join(' | '));
  try {
    let release;
    await step('the page paints before its script has arrived', async () => {
      release = await holdScript(page, srv.origin);
      await page.goto(`${srv.origin}/index.html`, { waitUntil: 'commit' });
      assert.ok(await firstPaint(page) > 0);
      assert.equal(await page.evaluate(() => window.__nnplay), undefined, 'app.js has not run yet');
    });

    await step('when the script arrives: no layout shift, the prerendered texts and labels are left alone', async () => {
      release();
      await waitForEngine(page);  // the first snapshot drawn and the dataset thumbnails painted
      await nextFrames(page);     // layout shifts are reported after the frame that made them
      const shift = await page.evaluate(() => window.__shift);
      assert.ok(shift <= 0.05, `cumulative layout shift ${shift.toFixed(3)} > 0.05`);
      assert.deepEqual(await page.evaluate(() => window.__writes), [], 'start-up rewrote prerendered texts');
    });

    await step('the default page: the schema\'s defaults, a normalised URL, no notice, no console error or failed request', async () => {
      const st = await state(page);
      assert.match(st.seed, /^0\.\d{5}$/, 'a random playground seed');
      assert.deepEqual(st, nn.state.defaults(st.seed), 'the schema\'s defaults');
      for (const [k, v] of Object.entries(PLAYGROUND_DEFAULTS)) assert.deepEqual(st[k], v, `default ${k}`);
      const hash = await page.evaluate(() => location.hash);  // normalised to every key in order
      assert.ok(hash.startsWith('#activation=tanh&activspacer=false&loss=mse&batchSize=10&'), hash);
      assert.match(hash, /&networkShape=4,2&seed=0\.\d{5}&/);
      assert.equal(await page.isHidden('#notices'), true, 'no notices for an empty hash');
      assert.equal(await page.isHidden('#status'), true);
      for (const name of ['circle', 'xor', 'gauss', 'spiral', 'gauss3']) assert.equal(await page.locator(`#datasets button[data-name=${name}]`).count(), 1, name);
      assert.equal(await page.getAttribute('#datasets button[data-name=circle]', 'aria-checked'), 'true');
      assert.equal(await page.locator('#layers .node.input').count(), 7, 'all seven input features are shown');
      assert.equal(await page.locator('#layers .node.input.active').count(), 2, 'x and y are active');
      assert.equal(await page.locator('#layers .layer.hidden').count(), 2);
      assert.equal(await page.textContent('#layerCount'), '2');
      assert.equal(await page.locator('#links path.link').count(), 2 * 4 + 4 * 2 + 2 * 1);
      assert.equal(await page.inputValue('#learningRate'), '0.03');
      assert.equal(await page.inputValue('#optimizer'), 'sgd');
      assert.equal(await page.textContent('#epoch'), '000,000');
      assert.equal(await page.getAttribute('#app', 'aria-busy'), 'false');
      // one step, so that anything the first epoch logs is caught too
      assertFiniteMetrics((await stepEpochs(page))[0], 'first epoch');
      assert.equal(await page.textContent('#epoch'), '000,001');
      assert.ok(await allOutputFinite(page));
      await page.screenshot({ path: path.join(RESULTS, 'page-default.png'), fullPage: true });
      noProblems();
    });

    await step('uplot.js is loaded only when the charts come near the screen', async () => {
      // a short window, so that the charts start below it (on a phone they are on the first screen: issue 20 §7)
      await page.setViewportSize({ width: 1280, height: 400 });
      const mark = desk.requests.length;
      await loadPlayground(page, `${srv.origin}/index.html?short#seed=1`);
      await nextFrames(page);  // the IntersectionObserver reports in the frame after the layout
      assert.equal(uplotRequests(desk, mark), 0, 'not at start-up: the charts are below the first screen');
      await page.locator('#lossChart').scrollIntoViewIfNeeded();
      await until(page, () => document.querySelectorAll('#lossChart .u-legend .u-series').length === 3 && document.querySelectorAll('#accChart .u-legend .u-series').length === 3,
        undefined, { what: 'both charts' });
      assert.equal(uplotRequests(desk, mark), 1);
      noProblems();
    });

    await step('switching to English rewrites the prerendered texts (the start-up recorder sees writes)', async () => {
      await page.evaluate(() => { window.__writes = []; });
      await page.click('#language');
      await until(page, () => document.documentElement.lang === 'en', undefined, { what: 'lang=en after the language button' });
      const writes = await page.evaluate(() => window.__writes);
      assert.ok(writes.includes('html lang') && writes.length > 50, `${writes.length} writes after the switch`);
    });

    await step('trains 50 epochs with the loss falling and the accuracy rising; the charts and read-outs show it', async (st) => {
      await page.setViewportSize({ width: 1280, height: 1000 });
      await loadPlayground(page, `${srv.origin}/index.html?train#seed=1`);
      const [first] = await stepEpochs(page);
      assertFiniteMetrics(first, 'epoch 1');
      await page.click('#play');
      await until(page, () => document.getElementById('play').classList.contains('playing'), undefined, { what: 'the play button to show pause' });
      await until(page, () => window.__nnplay.snapshot.epoch >= 50, undefined, { timeout: 40_000, what: 'epoch 50' });
      await pause(page);
      const at50 = await snap(page);
      assert.ok(at50.epoch >= 50);
      assert.equal(at50.diverged, false);
      assertFiniteMetrics(at50.metrics, `epoch ${at50.epoch}`);
      st.diagnostic(`epoch 1: loss ${first.loss.toFixed(4)} acc ${first.acc}; epoch ${at50.epoch}: loss ${at50.metrics.loss.toFixed(4)} acc ${at50.metrics.acc}`);
      assert.ok(at50.metrics.loss < first.loss * 0.5, `loss did not fall: ${first.loss} -> ${at50.metrics.loss}`);
      assert.ok(at50.metrics.valLoss < first.valLoss * 0.5, `val loss did not fall: ${first.valLoss} -> ${at50.metrics.valLoss}`);
      assert.ok(at50.metrics.acc > first.acc + 0.1, `accuracy did not rise: ${first.acc} -> ${at50.metrics.acc}`);
      assert.ok(at50.metrics.valAcc > first.valAcc + 0.1, `val accuracy did not rise: ${first.valAcc} -> ${at50.metrics.valAcc}`);
      // the page shows the snapshot's numbers, and the charts hold the run (exactly one point per epoch: learner-controls.test.mjs)
      assert.equal(await page.textContent('#trainLoss'), at50.metrics.loss.toFixed(3));
      assert.equal(await page.textContent('#validAcc'), at50.metrics.valAcc.toFixed(3));
      assert.equal(await page.textContent('#epoch'), String(at50.epoch).padStart(6, '0').replace(/\B(?=(\d{3})+(?!\d))/g, ','));
      const points = await page.evaluate(() => window.__nnplay.charts.length);
      assert.ok(points >= at50.epoch * 0.9 && points <= at50.epoch, `${points} chart points for ${at50.epoch} epochs`);
      // the chart's own read-out (uPlot's hover legend): the train loss at the left end is higher than at the right end
      await page.locator('#lossChart').scrollIntoViewIfNeeded();
      const left = Number(await chartTrainValueAt(page, 0));
      const right = Number(await chartTrainValueAt(page, 0.99));
      assert.ok(Number.isFinite(left) && Number.isFinite(right), `chart legend values: ${left}, ${right}`);
      const initial = await page.evaluate(() => window.__nnplay.charts.plotted.loss[0]);  // epoch 0: the initial weights (issue 20)
      assert.ok(Math.abs(left - initial) < 1e-3, `the chart starts at epoch 0's loss: ${left} vs ${initial}`);
      assert.ok(right < left * 0.5, `the chart's loss falls: ${left} -> ${right}`);
      await page.mouse.move(0, 0);
      // on to ~100 epochs: a trained network
      await page.click('#play');
      await until(page, () => window.__nnplay.snapshot.epoch >= 100, undefined, { timeout: 40_000, what: 'epoch 100' });
      await pause(page);
      const at100 = await snap(page);
      assert.ok(at100.metrics.loss < at50.metrics.loss, `loss kept falling: ${at50.metrics.loss} -> ${at100.metrics.loss}`);
      assert.ok(at100.metrics.valAcc >= 0.9, `a trained circle classifier: val acc ${at100.metrics.valAcc}`);
      // the heatmap is coloured (not the divergence grey) and shows both classes
      const colours = await page.evaluate(() => {
        const c = document.getElementById('heatmap');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let blue = 0, orange = 0;
        for (let i = 0; i < d.length; i += 4) {
          if (d[i + 2] > d[i] + 40) blue++;
          else if (d[i] > d[i + 2] + 40) orange++;
        }
        return { blue, orange, n: d.length / 4 };
      });
      assert.ok(colours.blue > colours.n * 0.05 && colours.orange > colours.n * 0.05, `heatmap colours: ${JSON.stringify(colours)}`);
      await page.screenshot({ path: path.join(RESULTS, 'page-trained.png'), fullPage: true });
      noProblems();
    });

    // The plot and the network are not drawn while off-screen (the network is below a phone's first
    // screen at start-up: its drawing was the longest start-up task); scrolled into view they show the
    // latest snapshot, pixel for pixel what the desktop page, which always saw them, shows.
    await step('on a phone: no layout shift when the script arrives; the plot and the network are drawn when scrolled into view, with the latest snapshot', async () => {
      const hash = '#seed=1&dataset=xor';
      const phone = await newSession(browser, { context: { viewport: { width: 412, height: 823 } }, initScript: watchStartUp, dialogsAreProblems: true });
      try {
        const releasePhone = await holdScript(phone.page, srv.origin);
        await phone.page.goto(`${srv.origin}/index.html${hash}`, { waitUntil: 'commit' });
        await firstPaint(phone.page);
        releasePhone();
        await waitForEngine(phone.page);
        await nextFrames(phone.page);
        const shift = await phone.page.evaluate(() => window.__shift);
        assert.ok(shift <= 0.05, `cumulative layout shift at 412 px ${shift.toFixed(3)} > 0.05`);
        await stepTo(phone.page, 3);
        const before = await canvasPixels(phone.page);
        assert.ok(blank(before.thumb), 'the network is not drawn while below the first screen');
        assert.ok(!blank(before.heatmap), 'the plot is on a phone\'s first screen (issue 20 §7): drawn at once');
        await phone.page.locator('#heatmap').scrollIntoViewIfNeeded();
        await until(phone.page, () => document.getElementById('heatmap').getContext('2d').getImageData(50, 50, 1, 1).data[3] > 0, undefined, { what: 'the plot drawn' });
        await phone.page.locator('.layer.hidden canvas.thumb').first().scrollIntoViewIfNeeded();
        await until(phone.page, () => document.querySelector('.layer.hidden canvas.thumb').getContext('2d').getImageData(5, 5, 1, 1).data[3] > 0, undefined, { what: 'a thumbnail drawn' });

        await loadPlayground(page, `${srv.origin}/index.html?xor${hash}`);
        await stepTo(page, 3);
        const [a, b] = [await canvasPixels(phone.page), await canvasPixels(page)];
        assert.ok(!blank(b.heatmap), 'the desktop page draws at once');
        assert.ok(a.heatmap.every((v, i) => v === b.heatmap[i]), 'the plot shows epoch 3, as on the desktop');
        assert.ok(a.thumb.every((v, i) => v === b.thumb[i]), 'the thumbnail shows epoch 3, as on the desktop');
        assert.deepEqual([...phone.problems, ...desk.problems], []);
      } finally {
        await phone.context.close();
      }
    });
  } finally {
    await desk.context.close();
  }
});
