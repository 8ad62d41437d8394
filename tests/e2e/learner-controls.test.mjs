// A learner drives the playground's training controls (dist/index.html) in Chromium: one batch at
// a time, the charts one point per epoch across display-only changes and pauses, the learning
// rate live, the #optimizer/#loss menus (the page trains as the module does), test points, and
// divergence at learning rate 10 then recovery with a lower rate and Reset.
// (That every optimizer × loss trains without NaN is the module's rule: tests/node/optimizer-loss-grid.test.mjs.)
//
// Needs /usr/bin/chromium and `npm ci` (playwright-core). Run: node --test tests/e2e/learner-controls.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { trainLikePage } from '../node/page-run.mjs';
import { journey } from './journey.mjs';
import {
  DIVERGING, assertFiniteMetrics, assertSameLosses, allOutputFinite, diverge, heatmapColours, playgroundRig,
} from './playground-steps.mjs';
import { loadPlayground, newSession, pause, playgroundUrl, snap, state, step as stepEpochs, until } from './support.mjs';

const rig = playgroundRig();

const chartPoints = (page) => page.evaluate(() => window.__nnplay.charts.length);

// (~90 s on a loaded 2-core machine; ~280 s with a CPU hog beside it: each click is a round trip to the worker)
test('journey: a learner drives the controls, from single batches to divergence and back', { timeout: 480_000 }, async (t) => {
  const step = journey(t);
  const { srv, browser, nn } = rig;
  const s = await newSession(browser, { dialogsAreProblems: true });
  const { page } = s;
  const load = (hash) => loadPlayground(page, playgroundUrl(srv.origin, hash));
  const noProblems = () => assert.deepEqual(s.problems, [], s.problems.join(' | '));
  try {
    await step('one batch at a time: the snapshot counts the batches of the epoch in progress; the last batch completes the epoch', async () => {
      await load('#seed=1');
      // the defaults: 500 circle points, half for training, batch size 10 -> 25 batches per epoch
      const batchesPerEpoch = 25;
      for (let b = 1; b <= batchesPerEpoch; b++) {
        await page.click('#stepBatch');
        const expected = b % batchesPerEpoch;
        await until(page, (e) => window.__nnplay.snapshot.batch === e.batch && window.__nnplay.snapshot.epoch === e.epoch,
          { batch: expected, epoch: b === batchesPerEpoch ? 1 : 0 }, { what: `batch ${expected} after ${b} × #stepBatch` });
      }
      const { metrics, charted } = await page.evaluate(() => ({ metrics: window.__nnplay.snapshot.metrics, charted: window.__nnplay.charts.length }));
      assertFiniteMetrics(metrics, 'after one epoch of single batches');
      assert.equal(charted, 1, 'the completed epoch is charted once');
      await stepEpochs(page);  // a whole epoch starts and ends at batch 0
      assert.equal(await page.evaluate(() => window.__nnplay.snapshot.batch), 0);
      noProblems();
    });

    await step('the charts keep exactly one point per epoch when display-only settings change', async () => {
      assert.equal(await chartPoints(page), 2);
      await page.check('#discretize');
      await page.uncheck('#discretize');
      await page.selectOption('#learningRate', '0.1');
      await page.uncheck('#showTrainData');
      assert.equal(await chartPoints(page), 2, 'display-only changes added chart points');
    });

    await step('the charts keep exactly one point per epoch across pauses', async () => {
      // play and pause as a user would, at moments not tied to the page's frames (the pause between
      // the clicks is the user's input, not a wait: what the step waits for is the paused snapshot).
      // Each round trains at least one epoch (waited for), so that 20 rounds are 20 epochs more on any machine.
      const start = (await snap(page)).epoch;
      for (let i = 0; i < 20; i++) {
        const e = await page.evaluate(() => window.__nnplay.snapshot.epoch);
        await page.evaluate(() => document.getElementById('play').click());
        await until(page, (n) => window.__nnplay.snapshot.epoch > n, e, { what: `round ${i + 1}: an epoch after play` });
        await page.evaluate((ms) => new Promise((r) => setTimeout(r, ms)), 40 + ((i * 7) % 60));
        await page.evaluate(() => document.getElementById('play').click());
        await until(page, () => !window.__nnplay.snapshot.playing, undefined, { what: 'pause' });
      }
      // (the paused snapshot is the last one: the snapshot shown and the charts are read together)
      const { epoch, points } = await page.evaluate(() => ({ epoch: window.__nnplay.snapshot.epoch, points: window.__nnplay.charts.length }));
      assert.ok(epoch >= start + 20, `${epoch - start} epochs in 20 rounds`);
      assert.equal(points, epoch, `${epoch - points} of ${epoch} epochs are missing from the charts`);
    });

    await step('the learning rate changes live while playing: training continues, the state, the URL and the charts follow', async () => {
      await page.click('#play');
      await until(page, (e) => window.__nnplay.snapshot.epoch >= e, (await snap(page)).epoch + 5, { what: 'five more epochs' });
      await page.evaluate(() => {
        window.__epochs = [];
        window.__recording = true;
        const rec = () => {
          window.__epochs.push(window.__nnplay.snapshot.epoch);
          if (window.__recording) requestAnimationFrame(rec);
        };
        rec();
      });
      // the epoch and the chart's points at one moment (training goes on between two page.evaluate calls)
      const { before, pointsBefore } = await page.evaluate(() => ({ before: window.__nnplay.snapshot.epoch, pointsBefore: window.__nnplay.charts.length }));
      await page.selectOption('#learningRate', '0.03');
      assert.equal((await state(page)).learningRate, 0.03);
      assert.match(await page.evaluate(() => location.hash), /[#&]learningRate=0\.03&/);
      await until(page, (e) => window.__nnplay.snapshot.epoch >= e + 10, before, { what: 'ten more epochs after the change' });
      const seen = await page.evaluate(() => { window.__recording = false; return window.__epochs; });
      for (let i = 1; i < seen.length; i++) assert.ok(seen[i] >= seen[i - 1], `the epoch went back from ${seen[i - 1]} to ${seen[i]}: training was reset`);
      assert.ok(seen.at(-1) > before, 'training went on');
      assert.equal(await page.evaluate(() => document.getElementById('play').classList.contains('playing')), true, 'still playing');
      await pause(page);
      const { paused, points } = await page.evaluate(() => ({ paused: window.__nnplay.snapshot.epoch, points: window.__nnplay.charts.length }));
      assert.ok(points >= pointsBefore + (paused - before) - 2, `the charts were cleared: ${points} points at epoch ${paused}; before the change ${pointsBefore} at epoch ${before}`);
      assert.equal(await page.inputValue('#learningRate'), '0.03');
      noProblems();
    });

    await step('the worker trains with the new rate from the next epoch on', async () => {
      // the same seed: three epochs at 0.03, then 0.3 from epoch 4 on, against the module's five epochs at 0.03
      await load('?rate#seed=1');
      const a = await stepEpochs(page, 3);
      await page.selectOption('#learningRate', '0.3');
      a.push(...await stepEpochs(page, 2));
      a.forEach((m, i) => assertFiniteMetrics(m, `epoch ${i + 1}`));
      const b = trainLikePage(nn, '#seed=1', 5);
      assertSameLosses(a.slice(0, 3), b, 'before the change');
      assert.notEqual(a[3].loss, b[3].loss, 'epoch 4 trained with the new learning rate');
      noProblems();
    });

    await step('the #optimizer and #loss menus rebuild the model, which trains as the module does; the same combination from its URL trains identically', async (st) => {
      await load('?menus#seed=1');
      for (const label of ['adam × binary_crossentropy', 'adadelta × mae', 'nadam × categorical_crossentropy']) {
        const [optimizer, loss] = label.split(' × ');
        await page.evaluate(() => { window.__before = window.__nnplay.snapshot; });
        await page.selectOption('#optimizer', optimizer);
        await page.selectOption('#loss', loss);
        const s1 = await state(page);
        assert.deepEqual([s1.optimizer, s1.loss], [optimizer, loss], label);
        assert.deepEqual([s1.momentum, s1.rho, s1.beta1, s1.beta2], [null, null, null, null], `${label}: the optimizer's defaults`);
        const hash = await page.evaluate(() => location.hash);
        assert.ok(hash.includes(`&optimizer=${optimizer}&`) && hash.includes(`&loss=${loss}&`), `${label}: ${hash}`);
        await until(page, () => window.__nnplay.snapshot !== window.__before && window.__nnplay.snapshot.epoch === 0, undefined, { what: `${label}: the rebuilt model` });
        const metrics = await stepEpochs(page, 3);  // (each epoch is a round trip: three show the same rule as more)
        metrics.forEach((m, i) => assertFiniteMetrics(m, `${label}, epoch ${i + 1}`));
        const last = await snap(page);
        assert.deepEqual([last.epoch, last.diverged, last.stopped], [3, false, null], label);
        assert.ok(await allOutputFinite(page), `${label}: non-finite output on the grid`);
        const node = trainLikePage(nn, `#seed=1&optimizer=${optimizer}&loss=${loss}`, 3);
        metrics.forEach((m, i) => assert.ok(Math.abs(m.loss - node[i].loss) <= 1e-5 * Math.abs(node[i].loss), `${label}, epoch ${i + 1}: page ${m.loss}, module ${node[i].loss}`));
        st.diagnostic(`${label}: loss at epoch 3 ${metrics[2].loss.toFixed(4)}`);
        // the same combination opened from its URL
        await load(`?${optimizer}#optimizer=${optimizer}&loss=${loss}&seed=1`);
        assert.deepEqual((await stepEpochs(page, 3)).map((m) => m.loss), metrics.map((m) => m.loss), `${label}: from the URL`);
      }
      noProblems();
    });

    await step('test points: a click on the plot and the test button add rows with the true label; clear; showTestData off', async () => {
      await load('?points#seed=1');
      await stepEpochs(page, 3);
      const box = await page.locator('#points').boundingBox();
      assert.ok(box.width > 100 && Math.abs(box.width - box.height) < 1, `a square plot: ${JSON.stringify(box)}`);
      const rows = () => page.locator('#testTable tbody tr');
      const cells = async (i) => rows().nth(i).locator('td').allTextContents();
      const clickAt = async (x, y) => {
        const px = ((x + 6) / 12) * box.width, py = ((6 - y) / 12) * box.height;
        await page.click('#points', { position: { x: px, y: py } });
        return [-6 + (12 * px) / box.width, 6 - (12 * py) / box.height];
      };
      // inside the circle (radius 2.5): label 1
      const [x1, y1] = await clickAt(1, -2);
      await until(page, () => document.querySelectorAll('#testTable tbody tr').length === 1, undefined, { what: 'the first row' });
      let [cx, cy, predicted, output, truth] = await cells(0);
      assert.ok(Math.abs(Number(cx) - x1) < 0.06 && Math.abs(Number(cy) - y1) < 0.06, `row (${cx}, ${cy}) vs click (${x1}, ${y1})`);
      assert.equal(truth, '1');
      assert.ok(['1', '-1'].includes(predicted));
      assert.ok(Math.abs(Number(output)) <= 1, output);
      assert.equal(predicted, Number(output) >= 0 ? '1' : '-1', 'the class follows the tanh output');
      // the button: a random point
      await page.click('#testButton');
      await until(page, () => document.querySelectorAll('#testTable tbody tr').length === 2, undefined, { what: 'the second row' });
      [cx, cy, , , truth] = await cells(1);
      assert.ok(Math.abs(Number(cx)) <= 6 && Math.abs(Number(cy)) <= 6);
      const r = Math.hypot(Number(cx), Number(cy));
      if (Math.abs(r - 2.5) > 0.02) assert.equal(truth, r < 2.5 ? '1' : '-1', `circle label at (${cx}, ${cy})`);
      // outside the circle: label -1; the first row is unchanged
      const [x3, y3] = await clickAt(5, 4.5);
      await until(page, () => document.querySelectorAll('#testTable tbody tr').length === 3, undefined, { what: 'the third row' });
      [cx, cy, , , truth] = await cells(2);
      assert.ok(Math.abs(Number(cx) - x3) < 0.06 && Math.abs(Number(cy) - y3) < 0.06, `row (${cx}, ${cy}) vs click (${x3}, ${y3})`);
      assert.equal(truth, '-1');
      assert.equal((await cells(0))[4], '1');
      assert.match(await page.textContent('#testSummary'), /\d\.\d{3}.*\d\.\d{3}/, 'test loss and accuracy');
      await page.click('#clearTests');
      assert.equal(await rows().count(), 0);
      assert.equal(await page.textContent('#testSummary'), '');
      // with the test data hidden, a click turns it on (as the fresh test does) and says so (issue 20 §5)
      await page.uncheck('#showTestData');
      assert.equal((await state(page)).showTestData, false);
      await clickAt(0, 0);
      await until(page, () => !document.getElementById('status').hidden, undefined, { what: 'the status message' });
      assert.equal(await page.textContent('#status'), '［☑ テストデータ表示］をオンにしました。');
      assert.equal(await page.evaluate(() => document.getElementById('status').classList.contains('alarm')), false);
      assert.equal((await state(page)).showTestData, true);
      await until(page, () => document.querySelectorAll('#testTable tbody tr').length === 1, undefined, { what: 'the clicked row' });
      noProblems();
    });

    await step('divergence at learning rate 10 is shown: an alarm, a grey heatmap, play does not restart', async () => {
      await load(DIVERGING);
      await diverge(page);
      const snapshot = await snap(page);
      assert.equal(snapshot.diverged, true);
      assert.equal(snapshot.playing, false);
      assert.match(snapshot.stopped.reason, /^(diverged|non_finite_weights)$/);
      assert.ok(!Number.isFinite(snapshot.stopped.loss) || snapshot.stopped.reason === 'non_finite_weights', `the last loss: ${snapshot.stopped.loss}`);
      assert.equal(await page.isVisible('#status'), true);
      assert.equal(await page.evaluate(() => document.getElementById('status').classList.contains('alarm')), true);
      const text = await page.textContent('#status');
      assert.match(text, /学習が発散しました/);
      assert.match(text, /学習率を下げて［リセット］してください。/);
      assert.deepEqual(await heatmapColours(page), ['158,158,158'], 'the heatmap is all grey');
      const thumbs = await page.evaluate(() => [...document.querySelectorAll('#layers .layer.hidden canvas.thumb')].map((c) => {
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        return d.every((v, i) => (i % 4 === 3 ? v === 255 : v === 158));
      }));
      assert.equal(thumbs.length, 16);
      assert.ok(thumbs.every(Boolean), 'grey neuron thumbnails');
      // play and step do nothing while diverged
      await page.click('#play');
      assert.equal(await page.evaluate(() => document.getElementById('play').classList.contains('playing')), false);
      await page.click('#step');
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      assert.equal((await snap(page)).epoch, snapshot.epoch, 'no training after divergence');
      noProblems();
    });

    await step('after divergence, a lower learning rate and Reset recover: the training of a fresh page at that rate', async () => {
      await page.selectOption('#learningRate', '0.01');
      assert.equal((await state(page)).learningRate, 0.01);
      await page.click('#reset');
      await until(page, () => !window.__nnplay.snapshot.diverged && window.__nnplay.snapshot.epoch === 0, undefined, { what: 'a reset, undiverged model' });
      assert.equal(await page.isHidden('#status'), true, `status: ${await page.textContent('#status')}`);
      assert.equal(await page.textContent('#epoch'), '000,000');
      assert.equal(await chartPoints(page), 0);
      const metrics = await stepEpochs(page, 3);
      metrics.forEach((m, i) => assertFiniteMetrics(m, `epoch ${i + 1} after reset`, { classification: false }));
      assert.equal((await snap(page)).diverged, false);
      assert.ok((await heatmapColours(page)).length > 1, 'the heatmap is coloured again');
      // (a fresh page trains as the module does for its URL: the menus step above)
      assertSameLosses(metrics, trainLikePage(nn, DIVERGING.replace('learningRate=10', 'learningRate=0.01'), 3), 'Reset at 0.01 vs a fresh run at 0.01');
      noProblems();
    });
  } finally {
    await s.context.close();
  }
});
