// Journey: a learner follows the article's numbers (issue 9 point 10, issue 20 points 1-3), at
// 1280 px with a mouse, in Japanese with the English texts checked by the language button:
// epoch 0 is Keras' evaluate; the ½ scale one click away and every loss follows it; every step
// updates every read-out, saying what it is, with batch progress; panels open ready; figure
// 5-10's preset leaves the main run alone and ends near the article's 0.32; Play after early
// stopping says why; invalid optimizer fields are refused. (What depends on a phone's layout is
// in learner-phone.test.mjs.) Screenshots: test-results/numbers-*.png.
// Run: node --test tests/e2e/learner-numbers.test.mjs (after node scripts/build.mjs)
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { init } from 'nnplay';
import { nextFrames, snap, state, step, until } from './support.mjs';
import { journey } from './journey.mjs';
import {
  assertLabelled, cardRows, learnerBrowser, near, number, openPanel, shot, stepBatch, statusAbovePlot, switchLanguage, weightBringsInspector,
} from './learner-steps.mjs';

const open = learnerBrowser();
let nn;  // the module in Node: the state -> model rule and the engine, for cross-checks
before(async () => { nn = await init(); });

test('journey: a learner follows the article\'s numbers', { timeout: 600_000 }, async (t) => {
  const step_ = journey(t);
  const s = await open();
  const { page, press, visit } = s;
  try {
    await step_('epoch 0 shows Keras evaluate() on the initial weights, again after Reset', async () => {
      await visit('#seed=1&lang=ja');
      const shown = await Promise.all(['#trainLoss', '#validLoss', '#trainAcc', '#validAcc'].map((q) => page.textContent(q)));
      for (const v of shown) assert.match(v, /^\d\.\d{3}$/, `a number at epoch 0: ${shown}`);
      const setup = nn.playground.setup(nn.state.defaults('1'));
      const data = nn.playground.prepareData(setup);
      const model = nn.playground.buildModel(setup);
      const train = model.evaluate(data.train.x, data.train.y);
      const valid = model.evaluate(data.valid.x, data.valid.y);
      model.dispose();
      assert.deepEqual(shown, [train.loss, valid.loss, train.tanh_accuracy, valid.tanh_accuracy].map((v) => v.toFixed(3)));
      await step(page, 2);
      await page.click('#reset');
      await until(page, (v) => document.getElementById('trainLoss').textContent === v && window.__nnplay.snapshot.epoch === 0, shown[0], { what: 'the epoch-0 loss after Reset' });
    });

    await step_('the ½ scale is one click away and every loss follows it (ja, the notes in en too)', async () => {
      const note = () => page.textContent('.output .loss-scale .loss-scale-note');
      assert.match(await note(), /Keras の MSE.*½/);
      await switchLanguage(page, 'en');
      assert.match(await note(), /Keras' MSE.*½/);
      await switchLanguage(page, 'ja');
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
      const notes = () => page.$$eval('.loss-scale-note', (ps) => ps.map((p) => p.textContent));
      for (const text of await notes()) assert.match(text, /½ × 二乗誤差/, 'every note says the ½ scale');
      await switchLanguage(page, 'en');
      for (const text of await notes()) assert.match(text, /½ × squared error/, 'every note says the ½ scale (en)');
      await switchLanguage(page, 'ja');
      // the code stays Keras
      await openPanel(page, press, 'codePanel');
      await until(page, () => document.getElementById('code').textContent.length > 0, undefined, { what: 'the code panel\'s code' });
      assert.match(await page.textContent('#code'), /mean_squared_error/);
      await page.evaluate(() => document.getElementById('output-title').scrollIntoView());
      await shot(page, 'numbers-1-scale-ja-1280');
      // another loss: ½ is for squared error only, and the note says so
      await page.selectOption('#loss', 'mae');
      await until(page, () => window.__nnplay.data?.loss === 'mean_absolute_error' && window.__nnplay.snapshot.metrics, undefined, { what: 'the MAE model' });
      await until(page, () => document.querySelector('.loss-scale-note').textContent.includes('MSE'), undefined, { what: 'the MSE-only note' });
      const mae = await page.evaluate(() => window.__nnplay.snapshot.metrics.loss);
      near(await number(page, '#trainLoss'), mae, 0.0006, 'MAE as Keras reports it on the ½ setting');
    });

    await step_('every one-batch step updates every read-out to the current weights, with the batch progress; an epoch shows the epoch mean', async () => {
      await visit('#batchSize=30&learningRate=0.3&seed=1&lang=ja');
      const current = { ja: /現在の重みでの値/, en: /At the current weights/ };
      assert.match(await page.textContent('#readoutKind'), current.ja);
      assert.match(await page.getAttribute('#metrics', 'title'), /evaluate/);
      // epoch 0: the chart's first point is the initial weights' loss
      const initial = await page.evaluate(() => window.__nnplay.snapshot.metrics.loss);
      await until(page, () => window.__nnplay.charts.plotted.epochs.length >= 1, undefined, { what: 'the epoch-0 point' });
      const plotted = await page.evaluate(() => window.__nnplay.charts.plotted);
      assert.deepEqual([plotted.epochs[0], plotted.loss[0]], [0, initial], 'the chart starts at epoch 0 with the initial loss');

      await openPanel(page, press, 'landscapePanel');
      await until(page, () => window.__nnplay.landscape.last !== null, undefined, { what: 'a landscape' });
      let shown = await page.textContent('#trainLoss');
      let acc;
      const seen = new Set([shown]);
      for (let i = 1; i <= 5; i++) {
        const count = await page.evaluate(() => window.__nnplay.landscape.count);
        await stepBatch(page, press);
        await until(page, (c) => window.__nnplay.landscape.count > c, count, { what: `the landscape after batch ${i}` });
        const sn = await page.evaluate(() => ({ loss: window.__nnplay.snapshot.metrics.loss, batch: window.__nnplay.snapshot.batch, centre: window.__nnplay.landscape.last.centerLoss }));
        shown = await page.textContent('#trainLoss');
        acc = await page.textContent('#trainAcc');
        assert.equal(sn.batch, i, `batch ${i} of the epoch`);
        assert.equal(shown, sn.loss.toFixed(3), `the read-out shows batch ${i}'s loss`);
        near(sn.loss, sn.centre, 1e-5, `after batch ${i}, the read-out is the landscape's centre (the current weights)`);
        assert.match(await page.textContent('#readoutKind'), current.ja);
        assert.match(await page.textContent('#landscapeStatus'), /Train loss の表示と同じ定義/);
        assert.match(await page.textContent('#eps'), new RegExp(`^バッチ ${i}/\\d+$`), 'the progress within the epoch');
        seen.add(shown);
      }
      assert.ok(seen.size >= 4, `five single-batch steps change the Train loss read-out: ${[...seen]}`);
      assert.ok(acc !== '–', 'the accuracy read-out is there');
      const total = (await page.textContent('#eps')).split('/')[1];
      assert.ok(Number(total) > 5, `more than five batches per epoch: ${total}`);
      await page.evaluate(() => document.getElementById('output-title').scrollIntoView());
      await shot(page, 'numbers-2-batch-ja-1280');
      // in English: one batch more, the same read-outs in English words
      await switchLanguage(page, 'en');
      await stepBatch(page, press);
      await until(page, (n) => document.getElementById('eps').textContent === `batch 6/${n}`, total, { what: `batch 6/${total} in English` });
      assert.match(await page.textContent('#readoutKind'), current.en);
      assert.match(await page.textContent('#landscapeStatus'), /same definition as the Train loss/);

      // an epoch: Keras' epoch mean, labelled, and the landscape says its centre differs
      await press('#step');
      await until(page, () => window.__nnplay.snapshot.epoch === 1, undefined, { what: 'epoch 1' });
      assert.match(await page.textContent('#readoutKind'), /Epoch 1: train = mean/);
      await until(page, () => /differs/.test(document.getElementById('landscapeStatus').textContent), undefined, { what: 'the landscape saying its centre differs' });
      await switchLanguage(page, 'ja');
      assert.match(await page.textContent('#readoutKind'), /エポック 1 の値.*平均/);
      await until(page, () => /異なる/.test(document.getElementById('landscapeStatus').textContent), undefined, { what: 'the landscape saying its centre differs (ja)' });
      await page.locator('#landscapePanel').scrollIntoViewIfNeeded();
      await shot(page, 'numbers-2-epoch-ja-1280');
    });

    await step_('panels open ready: status above the plot, coordinates inside it, the landscape drawn with axes and scale, the inspector in view, compare on my setup', async () => {
      await visit('#seed=1&lang=ja');
      const heat = await statusAbovePlot(page, press);
      await page.mouse.move(heat.x + heat.width * 0.8, heat.y + heat.height * 0.1);
      await until(page, () => document.getElementById('coords').textContent !== '', undefined, { what: 'the coordinates' });
      const [coords, validAcc] = await Promise.all(['#coords', '#validAcc'].map((q) => page.locator(q).boundingBox()));
      const inside = coords.x >= heat.x && coords.y >= heat.y && coords.x + coords.width <= heat.x + heat.width && coords.y + coords.height <= heat.y + heat.height + 0.5;
      assert.ok(inside, `the coordinates inside the plot: ${JSON.stringify({ coords, heat })}`);
      assert.ok(coords.y >= validAcc.y + validAcc.height, 'the coordinates clear of "Validation acc"');
      await page.mouse.move(0, 0);
      // the landscape: opened, it shows random directions at once
      await openPanel(page, press, 'landscapePanel');
      await until(page, () => window.__nnplay.landscape.last?.directions === 'random' && !document.getElementById('landscapeFigure').hidden, undefined, { what: 'a drawn landscape' });
      assert.equal(await page.inputValue('#landscapeMode'), 'random');
      assert.match(page.url(), /landscape=random/);
      const ticks = await page.$$eval('#landscapeXTicks span, #landscapeYTicks span', (sp) => sp.map((e) => e.textContent));
      assert.deepEqual(ticks, ['1', '0', '-1', '-1', '0', '1'], 'β ticks (top to bottom), then α ticks (left to right)');
      assert.match(await page.textContent('#landscapeUnits'), /単位/);
      const top = Number(await page.textContent('#landscapeScaleTop')), bottom = Number(await page.textContent('#landscapeScaleBottom'));
      assert.ok(top > bottom && bottom > 0, `a colour scale from ${bottom} to ${top}`);
      const centre = await page.evaluate(() => window.__nnplay.landscape.last.centerLoss);
      assert.ok(centre >= bottom - 1e-6 && centre <= top + 1e-6, 'the centre loss lies on the scale');
      await switchLanguage(page, 'en');
      assert.match(await page.textContent('#landscapeUnits'), /unit/);
      await switchLanguage(page, 'ja');
      await page.locator('#landscapeFigure').scrollIntoViewIfNeeded();
      await shot(page, 'numbers-3-landscape-ja-1280');
      // closing it turns it off
      await press('#landscapePanel > summary');
      await until(page, () => window.__nnplay.state.landscape === 'off', undefined, { what: 'landscape off after closing' });
      // a weight clicked in the network brings the inspector into view
      await weightBringsInspector(page, 'click');
      await shot(page, 'numbers-3-inspector-ja-1280');
      // compare: my current setup, train and validation labelled
      await openPanel(page, press, 'comparePanel');
      assert.equal(await page.isChecked('input[name=compareBase][value=mine]'), true, 'my current setup is the base by default');
      assert.match(await page.textContent('#compareNote'), /いまのメインの設定/);
      await page.fill('#compareEpochs', '5');
      await press('#compareRun');
      await until(page, () => !window.__nnplay.compare.running && window.__nnplay.compare.series.epochs.at(-1) === 5, undefined, { what: '5 epochs of the comparison' });
      assert.equal(await page.locator('.compare-metrics').count(), 4);
      for (let i = 0; i < 4; i++) assertLabelled(await cardRows(page, i), 'ja');
      // on my setup: every run starts where the main model started (the same data and initial weights)
      const starts = await page.evaluate(() => ({ main: window.__nnplay.charts.plotted.loss[0], runs: window.__nnplay.compare.series.initial.loss }));
      for (const r of starts.runs) near(r, starts.main, 1e-6, 'a run\'s epoch-0 loss is the main model\'s initial loss');
      await switchLanguage(page, 'en');
      for (let i = 0; i < 4; i++) assertLabelled(await cardRows(page, i), 'en');
      assert.match(await page.textContent('#compareNote'), /your current main setup/);
      await switchLanguage(page, 'ja');
      await page.locator('#compareRuns').scrollIntoViewIfNeeded();
      await shot(page, 'numbers-3-compare-ja-1280');
      // the preset switches the base to the figure's and says so; the radio goes back
      await press('#comparePreset');
      assert.equal(await page.isChecked('input[name=compareBase][value=figure]'), true);
      await press('input[name=compareBase][value=mine]');
      assert.match(await page.textContent('#compareNote'), /いまのメインの設定/);
    });

    await step_('figure 5-10\'s preset leaves the main setup and its trained epochs alone, runs the figure\'s setup as the module does, and ends near the article\'s 0.32 on the ½ scale', async () => {
      await visit('#seed=3&batchSize=1&lossScale=half&lang=ja');
      await step(page, 3);
      const before = await state(page);
      const hashBefore = await page.evaluate(() => location.hash);
      await openPanel(page, press, 'comparePanel');
      await press('#comparePreset');
      const note = await page.textContent('#compareNote');
      assert.match(note, /メインの設定と学習中のモデルはそのまま/);
      for (const what of ['circle', '4-2', '30', '1', '5-10', '0.003']) assert.ok(note.includes(what), `the preset note names ${what}: ${note}`);
      assert.equal(await page.isChecked('input[name=compareBase][value=figure]'), true, 'the figure\'s setup is the chosen base');
      const after = await state(page);
      assert.deepEqual({ ...after, compare: null }, { ...before, compare: null }, 'only the comparison changed');
      const hashAfter = await page.evaluate(() => location.hash);
      const withoutCompare = (h) => h.replace(/&?compare=[^&]*/, '');
      assert.ok(hashAfter.includes('compare=learningRate:0.003,0.03,0.3,3'), hashAfter);
      assert.equal(withoutCompare(hashAfter), withoutCompare(hashBefore), 'the URL adds the comparison only');
      assert.equal((await snap(page)).epoch, 3, 'the trained epochs stay');
      assert.equal(await page.inputValue('#batchSize'), '1');
      // 5 epochs: the runs used the figure's setup (seed 1, batch 30, circle 4-2), checked against the module
      await page.fill('#compareEpochs', '5');
      await press('#compareRun');
      await until(page, () => !window.__nnplay.compare.running && window.__nnplay.compare.series.epochs.at(-1) === 5, undefined, { timeout: 30_000, what: 'the comparison' });
      const node = [0.003, 0.03, 0.3, 3].map((lr) => {
        const setup = nn.playground.setup({ ...nn.state.defaults('1'), batchSize: 30, learningRate: lr });
        const data = nn.playground.prepareData(setup);
        const model = nn.playground.buildModel(setup);
        const session = model.beginFit(data.train.x, data.train.y, { batchSize: 30, epochs: 5, validationData: [data.valid.x, data.valid.y], seed: setup.modelSeed });
        let loss;
        while (!session.done) loss = session.runEpoch().logs.loss;
        session.end();
        model.dispose();
        return loss;
      });
      const page5 = await page.evaluate(() => window.__nnplay.compare.losses);
      page5.forEach((l, i) => assert.ok(Math.abs(l - node[i]) <= 1e-5 * Math.abs(node[i]), `run ${i}: ${l} vs ${node[i]}`));
      // 100 epochs: the 0.003 run ends near the article's 0.319 on the ½ scale
      await page.fill('#compareEpochs', '100');
      await press('#compareRun');
      await until(page, () => !window.__nnplay.compare.running && window.__nnplay.compare.series.epochs.at(-1) === 100, undefined, { timeout: 200_000, what: '100 epochs of the 4 runs' });
      const series = await page.evaluate(() => window.__nnplay.compare.series);
      assert.equal(series.initial.loss.length, 4, 'the curves start at epoch 0: the initial losses');
      assert.equal(series.epochs[0], 1);
      const card = await cardRows(page, 0);
      const shown = Number(card[1][1]);
      near(shown, series.loss[0].at(-1) / 2, 0.0006, 'the 0.003 card shows half the Keras loss');
      assert.ok(shown > 0.25 && shown < 0.4, `the 0.003 run ends near the article's 0.319: ${shown}`);
      assertLabelled(card, 'ja');
      assert.ok(series.valLoss[0].every((v) => v !== null), 'a validation curve per run');
      assert.equal((await snap(page)).epoch, 3, 'the main run is untouched after the comparison');
      await page.locator('#compareRuns').scrollIntoViewIfNeeded();
      await shot(page, 'numbers-1-figure-5-10-ja-1280');
      // the learner's own comparison runs on the main setup, and the note says so (issue 20)
      await page.fill('#compareValues', '0.01,0.1');
      await page.dispatchEvent('#compareValues', 'change');
      assert.match(await page.textContent('#compareNote'), /いまのメインの設定/);
    });

    await step_('Play after early stopping says why nothing happens', async () => {
      await visit('#seed=1&learningRate=3&patience=0');
      await page.selectOption('#speed', '0');
      await page.click('#play');
      await until(page, () => window.__nnplay.snapshot.stopped !== null && !window.__nnplay.snapshot.playing, undefined, { timeout: 30_000, what: 'early stopping' });
      const epoch = (await snap(page)).epoch;
      await page.click('#play');
      await until(page, () => /早期終了したため/.test(document.getElementById('status').textContent), undefined, { what: 'the reason' });
      await nextFrames(page, 5);
      assert.equal((await snap(page)).epoch, epoch, 'nothing trained');
      assert.equal(await page.evaluate(() => document.getElementById('play').classList.contains('playing')), false);
    });

    await step_('invalid optimizer fields (momentum 2, -1) are refused with a message; a valid one is taken', async () => {
      for (const bad of ['2', '-1']) {
        await page.fill('#hyper-momentum', bad);
        await page.dispatchEvent('#hyper-momentum', 'change');
        const msg = await page.textContent('#hyperError');
        assert.ok(msg.includes(bad) && msg.includes('momentum') && /0 ≤ momentum ≤ 1/.test(msg), `a message: ${msg}`);
        assert.equal(await page.isVisible('#hyperError'), true);
        assert.equal((await state(page)).momentum, null);
        assert.equal(await page.inputValue('#hyper-momentum'), '', 'the field shows the value in use');
        assert.ok(!(await page.evaluate(() => location.hash)).includes(`momentum=${bad}`));
      }
      await page.fill('#hyper-momentum', '0.9');
      await page.dispatchEvent('#hyper-momentum', 'change');
      assert.equal((await state(page)).momentum, 0.9);
      assert.equal(await page.textContent('#hyperError'), '');
    });
  } finally {
    await s.close();
  }
});
