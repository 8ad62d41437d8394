// Issue 20 points 1-3 as a learner does them, in Chromium against dist/, in Japanese and
// English, at 1280 px (mouse) and at 390 px (a touch phone): clicks and taps, checked by what
// the page shows (window.__nnplay is read only to cross-check a number afterwards).
//  1. the article's scale one click away: the ½ check box halves every squared-error loss
//     (read-outs, chart, test summary, figure 5-10's cards), the URL says lossScale=half, a
//     note says which scale; MAE stays as Keras reports it and the note says why
//  2. one meaning per number: epoch 0 read-out and chart point at the initial weights; every
//     one-batch step updates the read-outs to the loss at the current weights (= the
//     landscape's centre), labelled so; an epoch step shows Keras' epoch mean, labelled so,
//     and the landscape says its centre differs
//  3. panels open ready: the landscape drawn with axes, unit and colour scale; a weight's
//     click brings the inspector into view; the compare cards labelled train/validation with
//     validation curves, "my current setup", and the preset saying what it sets and why
//     (and two of point 9's small things: the status line above the plot, not over it; the
//     pointer's coordinates inside the plot, clear of "Validation acc")
// Screenshots go to test-results/numbers-<point>-<lang>-<width>.png.
//
// Needs /usr/bin/chromium and `npm ci` (playwright-core); dist/ is rebuilt first when web/ or
// bindings/src/ is newer. Run: node --test tests/e2e/numbers.test.mjs
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { DIST, REPO, launchChromium, newestSourceMtime, openPlayground, playgroundUrl, startServer, until } from './support.mjs';

const RESULTS = path.join(REPO, 'test-results');
const SCREENS = [
  { name: '1280', viewport: { width: 1280, height: 900 } },
  { name: '390', viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true },
];
const LANGS = ['ja', 'en'];

let srv;
let browser;

before(async () => {
  const app = path.join(DIST, 'app.js');
  if (!existsSync(app) || newestSourceMtime() > statSync(app).mtimeMs) {
    console.log('# dist/ is missing or older than web/ or bindings/src/: running node scripts/build.mjs');
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  await fs.mkdir(RESULTS, { recursive: true });
  srv = await startServer({ '/': DIST });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await srv?.close();
});

// A fresh page at hash on a screen; body runs with a press(selector) that clicks (mouse) or
// taps (touch) as that screen's learner would; then no problem may be recorded.
async function withPage(screen, hash, body) {
  const context = { viewport: screen.viewport, hasTouch: !!screen.hasTouch, isMobile: !!screen.isMobile };
  const s = await openPlayground(browser, playgroundUrl(srv.origin, hash), { context, dialogsAreProblems: true });
  const press = async (selector) => {
    const el = s.page.locator(selector).first();
    await el.scrollIntoViewIfNeeded();
    if (screen.hasTouch) await el.tap();
    else await el.click();
  };
  try {
    await body({ ...s, press });
    assert.deepEqual(s.problems, [], s.problems.join(' | '));
  } finally {
    await s.context.close();
  }
}

const shot = (page, name) => page.screenshot({ path: path.join(RESULTS, `numbers-${name}.png`) });
const number = async (page, selector) => Number(await page.textContent(selector));

// One-batch step: waits for the snapshot that has one more batch (or a new epoch).
async function stepBatch(page, press) {
  const before = await page.evaluate(() => [window.__nnplay.snapshot.epoch, window.__nnplay.snapshot.batch]);
  await press('#stepBatch');
  await until(page, ([e, b]) => {
    const s = window.__nnplay.snapshot;
    return s.epoch > e || s.batch > b;
  }, before, { what: `the snapshot after one batch (was epoch ${before[0]}, batch ${before[1]})` });
}

// Opens a <details> panel by its summary, as a learner does.
async function openPanel(page, press, id) {
  if (!(await page.evaluate((i) => document.getElementById(i).open, id))) await press(`#${id} > summary`);
  await until(page, (i) => document.getElementById(i).open, id, { what: `#${id} open` });
}

// A compare card's table as the learner reads it: rows of cell texts.
const cardRows = (page, i) => page.$eval(`.compare-run:nth-child(${i + 1}) .compare-metrics`, (t) => [...t.rows].map((r) => [...r.cells].map((c) => c.textContent)));
// Train and validation columns, loss and accuracy rows, each with a number.
function assertLabelled(rows, lang) {
  const [train, valid, loss, acc] = lang === 'ja' ? ['訓練', '精度検証', '損失', '正解率'] : ['Train', 'Validation', 'loss', 'accuracy'];
  assert.deepEqual(rows[0], ['', train, valid], 'the columns say train and validation');
  assert.deepEqual([rows[1][0], rows[2][0]], [loss, acc], 'the rows say loss and accuracy');
  for (const r of rows.slice(1, 3)) for (const v of r.slice(1)) assert.match(v, /^\d+\.\d{3}$/, `a number in ${r}`);
}

const near = (a, b, tol, what) => assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b} (±${tol})`);

for (const screen of SCREENS) {
  for (const lang of LANGS) {
    const where = `${lang}, ${screen.name} px`;

    test(`1: the ½ scale is one click away and every loss follows it (${where})`, { timeout: 180_000 }, async () => {
      await withPage(screen, `#seed=1&lang=${lang}`, async ({ page, press }) => {
        // the note beside the read-outs says Keras' MSE, and that the article's is half
        const note = () => page.textContent('.output .loss-scale .loss-scale-note');
        assert.match(await note(), lang === 'ja' ? /Keras の MSE.*½/ : /Keras' MSE.*½/);
        await press('#step');
        await until(page, () => window.__nnplay.snapshot.epoch === 1, undefined, { what: 'epoch 1' });
        const kerasTrain = await number(page, '#trainLoss');
        const kerasValid = await number(page, '#validLoss');
        await press('#testFresh');
        await until(page, () => /\d/.test(document.getElementById('testSummary').textContent), undefined, { what: 'the test summary' });
        const kerasTest = Number((await page.textContent('#testSummary')).match(/([\d.]+)/)[1]);
        const chartBefore = await page.evaluate(() => window.__nnplay.charts.plotted.loss);

        await press('#lossScale');
        await until(page, () => window.__nnplay.state.lossScale === 'half', undefined, { what: 'lossScale=half in the state' });
        assert.match(page.url(), /lossScale=half/);
        near(await number(page, '#trainLoss'), kerasTrain / 2, 0.0011, 'Train loss on the ½ scale');
        near(await number(page, '#validLoss'), kerasValid / 2, 0.0011, 'Validation loss on the ½ scale');
        const halfTest = Number((await page.textContent('#testSummary')).match(/([\d.]+)/)[1]);
        near(halfTest, kerasTest / 2, 0.00011, 'the test loss on the ½ scale');
        const chartAfter = await page.evaluate(() => window.__nnplay.charts.plotted.loss);
        assert.deepEqual(chartAfter, chartBefore.map((v) => v / 2), 'the chart on the ½ scale');
        for (const text of await page.$$eval('.loss-scale-note', (ps) => ps.map((p) => p.textContent))) {
          assert.match(text, lang === 'ja' ? /½ × 二乗誤差/ : /½ × squared error/, 'every note says the ½ scale');
        }
        // the code stays Keras
        await openPanel(page, press, 'codePanel');
        await until(page, () => document.getElementById('code').textContent.length > 0, undefined, { what: 'the code panel\'s code' });
        assert.match(await page.textContent('#code'), /mean_squared_error/);
        await page.evaluate(() => document.getElementById('output-title').scrollIntoView());
        await shot(page, `1-scale-${lang}-${screen.name}`);

        // another loss: ½ is for squared error only, and the note says so
        await page.selectOption('#loss', 'mae');
        await until(page, () => window.__nnplay.data?.loss === 'mean_absolute_error' && window.__nnplay.snapshot.metrics, undefined, { what: 'the MAE model' });
        await until(page, () => document.querySelector('.loss-scale-note').textContent.includes('MSE'), undefined, { what: 'the MSE-only note' });
        const mae = await page.evaluate(() => window.__nnplay.snapshot.metrics.loss);
        near(await number(page, '#trainLoss'), mae, 0.0006, 'MAE as Keras reports it on the ½ setting');
      });
    });

    test(`1: figure 5-10's preset on the article's scale: 0.003 ends near the article's 0.32 (${where})`, { timeout: 240_000 }, async () => {
      await withPage(screen, `#seed=1&lang=${lang}&lossScale=half`, async ({ page, press }) => {
        await openPanel(page, press, 'comparePanel');
        await press('#comparePreset');
        // the preset says what it sets and why
        const note = await page.textContent('#compareNote');
        for (const what of ['circle', '4-2', '30', '1', '5-10', '0.003']) assert.ok(note.includes(what), `the preset note names ${what}: ${note}`);
        assert.equal(await page.isChecked('input[name=compareBase][value=figure]'), true, 'the figure\'s setup is the chosen base');
        await press('#compareRun');
        await until(page, () => !window.__nnplay.compare.running && window.__nnplay.compare.series.epochs.at(-1) === 100, undefined, { timeout: 200_000, what: '100 epochs of the 4 runs' });
        const series = await page.evaluate(() => window.__nnplay.compare.series);
        assert.equal(series.initial.loss.length, 4, 'the curves start at epoch 0: the initial losses');
        assert.equal(series.epochs[0], 1);
        const card = await cardRows(page, 0);
        const shown = Number(card[1][1]);
        near(shown, series.loss[0].at(-1) / 2, 0.0006, 'the 0.003 card shows half the Keras loss');
        assert.ok(shown > 0.25 && shown < 0.4, `the 0.003 run ends near the article's 0.319: ${shown}`);
        // both train and validation, labelled
        assertLabelled(card, lang);
        assert.ok(series.valLoss[0].every((v) => v !== null), 'a validation curve per run');
        await page.locator('#compareRuns').scrollIntoViewIfNeeded();
        await shot(page, `1-figure-5-10-${lang}-${screen.name}`);
      });
    });

    test(`2: every step updates every read-out, saying what it is (${where})`, { timeout: 120_000 }, async () => {
      await withPage(screen, `#batchSize=30&learningRate=0.3&seed=1&lang=${lang}`, async ({ page, press }) => {
        const current = lang === 'ja' ? /現在の重みでの値/ : /At the current weights/;
        const epochMean = lang === 'ja' ? /エポック 1 の値.*平均/ : /Epoch 1: train = mean/;
        // epoch 0: the read-outs and the chart's first point are the initial weights' loss
        assert.match(await page.textContent('#readoutKind'), current);
        assert.match(await page.getAttribute('#metrics', 'title'), lang === 'ja' ? /evaluate/ : /evaluate/);
        const initial = await page.evaluate(() => window.__nnplay.snapshot.metrics.loss);
        await until(page, () => window.__nnplay.charts.plotted.epochs.length >= 1, undefined, { what: 'the epoch-0 point' });
        const plotted = await page.evaluate(() => window.__nnplay.charts.plotted);
        assert.deepEqual([plotted.epochs[0], plotted.loss[0]], [0, initial], 'the chart starts at epoch 0 with the initial loss');

        await openPanel(page, press, 'landscapePanel');
        await until(page, () => window.__nnplay.landscape.last !== null, undefined, { what: 'a landscape' });
        let shown = await page.textContent('#trainLoss');
        let acc = await page.textContent('#trainAcc');
        const seen = new Set([shown]);
        for (let i = 1; i <= 5; i++) {
          const count = await page.evaluate(() => window.__nnplay.landscape.count);
          await stepBatch(page, press);
          await until(page, (c) => window.__nnplay.landscape.count > c, count, { what: `the landscape after batch ${i}` });
          const s = await page.evaluate(() => ({ loss: window.__nnplay.snapshot.metrics.loss, batch: window.__nnplay.snapshot.batch, centre: window.__nnplay.landscape.last.centerLoss }));
          shown = await page.textContent('#trainLoss');
          acc = await page.textContent('#trainAcc');
          assert.equal(s.batch, i, `batch ${i} of the epoch`);
          assert.equal(shown, s.loss.toFixed(3), `the read-out shows batch ${i}'s loss`);
          near(s.loss, s.centre, 1e-5, `after batch ${i}, the read-out is the landscape's centre (the current weights)`);
          assert.match(await page.textContent('#readoutKind'), current);
          assert.match(await page.textContent('#landscapeStatus'), lang === 'ja' ? /Train loss の表示と同じ定義/ : /same definition as the Train loss/);
          seen.add(shown);
        }
        assert.ok(seen.size >= 4, `five single-batch steps change the Train loss read-out: ${[...seen]}`);
        assert.ok(acc !== '–', 'the accuracy read-out is there');
        await page.evaluate(() => document.getElementById('output-title').scrollIntoView());
        await shot(page, `2-batch-${lang}-${screen.name}`);

        // an epoch: Keras' epoch mean, labelled, and the landscape says its centre differs
        await press('#step');
        await until(page, () => window.__nnplay.snapshot.epoch === 1, undefined, { what: 'epoch 1' });
        assert.match(await page.textContent('#readoutKind'), epochMean);
        await until(page, () => /differs|異なる/.test(document.getElementById('landscapeStatus').textContent), undefined, { what: 'the landscape saying its centre differs' });
        await page.locator('#landscapePanel').scrollIntoViewIfNeeded();
        await shot(page, `2-epoch-${lang}-${screen.name}`);
      });
    });

    test(`3: panels open ready: landscape drawn with axes and scale, inspector in view, compare on my setup (${where})`, { timeout: 180_000 }, async () => {
      await withPage(screen, `#seed=1&lang=${lang}`, async ({ page, press }) => {
        // (issue 20's small things) the status line sits above the plot, not over it; the
        // pointer's coordinates sit inside the plot, clear of the read-outs
        await press('#showTestData');
        await until(page, () => !window.__nnplay.state.showTestData, undefined, { what: 'showTestData off' });
        await press('#points');
        await until(page, () => !document.getElementById('status').hidden, undefined, { what: 'the status line (turn on test data first)' });
        const [status, heat] = await Promise.all(['#status', '#heatmap'].map((q) => page.locator(q).boundingBox()));
        assert.ok(status.y + status.height <= heat.y + 0.5, `the status line ends above the plot: ${JSON.stringify({ status, heat })}`);
        if (!screen.hasTouch) {
          await page.mouse.move(heat.x + heat.width * 0.8, heat.y + heat.height * 0.1);
          await until(page, () => document.getElementById('coords').textContent !== '', undefined, { what: 'the coordinates' });
          const [coords, validAcc] = await Promise.all(['#coords', '#validAcc'].map((q) => page.locator(q).boundingBox()));
          const inside = coords.x >= heat.x && coords.y >= heat.y && coords.x + coords.width <= heat.x + heat.width && coords.y + coords.height <= heat.y + heat.height + 0.5;
          assert.ok(inside, `the coordinates inside the plot: ${JSON.stringify({ coords, heat })}`);
          assert.ok(coords.y >= validAcc.y + validAcc.height, 'the coordinates clear of "Validation acc"');
          await page.mouse.move(0, 0);
        }
        // the landscape: opened, it shows random directions at once
        await openPanel(page, press, 'landscapePanel');
        await until(page, () => window.__nnplay.landscape.last?.directions === 'random' && !document.getElementById('landscapeFigure').hidden, undefined, { what: 'a drawn landscape' });
        assert.equal(await page.inputValue('#landscapeMode'), 'random');
        assert.match(page.url(), /landscape=random/);
        const ticks = await page.$$eval('#landscapeXTicks span, #landscapeYTicks span', (s) => s.map((e) => e.textContent));
        assert.deepEqual(ticks, ['1', '0', '-1', '-1', '0', '1'], 'β ticks (top to bottom), then α ticks (left to right)');
        assert.match(await page.textContent('#landscapeUnits'), lang === 'ja' ? /単位/ : /unit/);
        const top = Number(await page.textContent('#landscapeScaleTop')), bottom = Number(await page.textContent('#landscapeScaleBottom'));
        assert.ok(top > bottom && bottom > 0, `a colour scale from ${bottom} to ${top}`);
        const centre = await page.evaluate(() => window.__nnplay.landscape.last.centerLoss);
        assert.ok(centre >= bottom - 1e-6 && centre <= top + 1e-6, 'the centre loss lies on the scale');
        await page.locator('#landscapeFigure').scrollIntoViewIfNeeded();
        await shot(page, `3-landscape-${lang}-${screen.name}`);
        // closing it turns it off
        await press('#landscapePanel > summary');
        await until(page, () => window.__nnplay.state.landscape === 'off', undefined, { what: 'landscape off after closing' });

        // a weight clicked in the network brings the inspector into view
        await page.evaluate(() => window.scrollTo(0, 0));
        const hit = page.locator('#links path.link-hover').nth(1);
        await hit.scrollIntoViewIfNeeded();
        if (screen.hasTouch) await hit.tap({ force: true });
        else await hit.click({ force: true });
        await until(page, () => {
          const r = document.getElementById('inspectorPanel').getBoundingClientRect();
          return document.getElementById('inspectorPanel').open && r.top >= 0 && r.top < innerHeight - 100;
        }, undefined, { what: 'the inspector panel in view after a weight click' });
        await shot(page, `3-inspector-${lang}-${screen.name}`);

        // compare: my current setup, train and validation labelled
        await openPanel(page, press, 'comparePanel');
        assert.equal(await page.isChecked('input[name=compareBase][value=mine]'), true, 'my current setup is the base by default');
        assert.match(await page.textContent('#compareNote'), lang === 'ja' ? /いまのメインの設定/ : /your current main setup/);
        await page.fill('#compareEpochs', '5');
        await press('#compareRun');
        await until(page, () => !window.__nnplay.compare.running && window.__nnplay.compare.series.epochs.at(-1) === 5, undefined, { what: '5 epochs of the comparison' });
        assert.equal(await page.locator('.compare-metrics').count(), 4);
        for (let i = 0; i < 4; i++) assertLabelled(await cardRows(page, i), lang);
        // on my setup: every run starts where the main model started (the same data and initial weights)
        const starts = await page.evaluate(() => ({ main: window.__nnplay.charts.plotted.loss[0], runs: window.__nnplay.compare.series.initial.loss }));
        for (const r of starts.runs) near(r, starts.main, 1e-6, 'a run\'s epoch-0 loss is the main model\'s initial loss');
        await page.locator('#compareRuns').scrollIntoViewIfNeeded();
        await shot(page, `3-compare-${lang}-${screen.name}`);
        // the preset switches the base to the figure's and says so; the radio goes back
        await press('#comparePreset');
        assert.equal(await page.isChecked('input[name=compareBase][value=figure]'), true);
        await press('input[name=compareBase][value=mine]');
        assert.match(await page.textContent('#compareNote'), lang === 'ja' ? /いまのメインの設定/ : /your current main setup/);
      });
    });
  }
}
