// Journey: an engineer takes the code and the data away (issue 5), in Chromium against dist/
// over http. They download the data, the history and the weights; set the stop rules (max
// epochs, patience) and see them work and come back from the URL; then read the tf.keras code
// of that state in the code panel and watch it follow their changes. The files' formats and the
// code's text are the module's (tests/node/exports.test.mjs, tests/node/codegen.test.mjs); here:
// the page hands out exactly those for what it shows.
//
// Needs /usr/bin/chromium and playwright-core; dist/ is built first when missing or stale.
// Run: node --test tests/e2e/engineer-code-and-data.test.mjs
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { init } from 'nnplay';
import {
  loadPlayground, newSession, nextFrames, pause, playgroundUrl, servedChromium, snap, state, step as stepEpochs, until, WAIT, waitForEngine,
} from './support.mjs';
import { journey } from './journey.mjs';

const env = servedChromium();  // dist/ (built when stale), one server, one Chromium
let nn;  // the module in Node: the same engine, to compare the page's files and code with

before(async () => {
  nn = await init();
});

// The name and text of the download a click on selector starts.
async function download(page, selector) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: WAIT }), page.click(selector)]);
  return { name: dl.suggestedFilename(), text: await fs.readFile(await dl.path(), 'utf8') };
}

test('journey: an engineer takes the code and the data away', { timeout: 150_000 }, async (t) => {
  const step = journey(t);
  const { page, context, problems } = await newSession(env.browser, { context: { acceptDownloads: true }, ignoreBlobFailures: true, dialogsAreProblems: true });
  const hash = () => page.evaluate(() => location.hash);
  const code = () => page.textContent('#code');

  try {
    await step('downloads the data: the module\'s 500 circle points for this seed, as x,y,label', async () => {
      await loadPlayground(page, playgroundUrl(env.origin, '#seed=1'));
      const data = await download(page, '#exportData');
      assert.equal(data.name, 'nnplay-data.csv');
      const lines = data.text.trimEnd().split('\n');
      assert.equal(lines[0], 'x,y,label');
      assert.equal(lines.length, 501, '500 rows for circle');
      const rows = lines.slice(1).map((l) => l.split(',').map(Number));
      assert.ok(rows.every((r) => r.length === 3 && r.every(Number.isFinite) && (r[2] === 1 || r[2] === -1)), 'x, y and a ±1 label per row');
      const setup = nn.playground.setup(await state(page));
      const d = nn.datasets.generate({ type: 'circle', noise: setup.noise, seed: setup.dataSeed });
      assert.equal(data.text, nn.exports.datasetCsv(d.points, d.labels), 'the page\'s data: the module\'s circle for this seed');
    });

    await step('trains 3 epochs and downloads the history (one row per epoch, the numbers shown) and the weights of the model shown', async () => {
      const metrics = await stepEpochs(page, 3);
      const history = await download(page, '#exportHistory');
      assert.equal(history.name, 'nnplay-history.csv');
      const hl = history.text.trimEnd().split(/\r?\n/);
      assert.equal(hl[0], 'epoch,loss,tanh_accuracy,val_loss,val_tanh_accuracy');
      assert.equal(hl.length, 4, 'one row per epoch');
      hl.slice(1).forEach((line, i) => {
        const [epoch, loss, acc, valLoss, valAcc] = line.split(',').map(Number);
        assert.equal(epoch, i);
        assert.deepEqual([loss, acc, valLoss, valAcc], [metrics[i].loss, metrics[i].acc, metrics[i].valLoss, metrics[i].valAcc], `epoch ${i}`);
      });
      const weights = await download(page, '#exportWeights');
      assert.equal(weights.name, 'nnplay-weights.json');
      const w = JSON.parse(weights.text);
      assert.ok(Array.isArray(w));
      assert.deepEqual(w.map((x) => x.shape), [[2, 4], [4], [4, 2], [2], [2, 1], [1]]);
      for (const x of w) {
        assert.deepEqual(Object.keys(x).sort(), ['data', 'name', 'shape']);
        assert.equal(typeof x.name, 'string');
        assert.equal(x.data.length, x.shape.reduce((a, b) => a * b, 1), x.name);
      }
      const shown = await page.evaluate(() => {
        const s = window.__nnplay.snapshot;
        return s.weights.flatMap((k, i) => [Array.from(k), Array.from(s.biases[i])]);
      });
      assert.deepEqual(w.map((x) => x.data), shown, 'the weights of the model shown (after 3 epochs)');
    });

    await step('max epochs 20 (in the URL) stops playing at epoch 20; Play again says why it does nothing', async () => {
      await page.click('#reset');
      await until(page, () => window.__nnplay.snapshot.epoch === 0, undefined, { what: 'reset' });
      await page.fill('#maxEpochs', '20');
      await page.dispatchEvent('#maxEpochs', 'change');
      assert.equal((await state(page)).maxEpochs, 20);
      assert.ok((await hash()).includes('&maxEpochs=20&'), await hash());
      await page.click('#play');
      await until(page, () => !window.__nnplay.snapshot.playing && window.__nnplay.snapshot.epoch > 0
        && !document.getElementById('play').classList.contains('playing'), undefined, { timeout: 30_000, what: 'playing to stop' });
      const s = await snap(page);
      assert.equal(s.epoch, 20);
      assert.deepEqual(s.stopped, { reason: 'max_epochs', epoch: 20, maxEpochs: 20 });
      assert.equal(await page.isVisible('#status'), true);
      assert.match(await page.textContent('#status'), /最大エポック数に達しました \(20\)/);
      assert.equal(await page.textContent('#epoch'), '000,020');
      await page.click('#play');
      await until(page, () => /最大エポック数に達したため/.test(document.getElementById('status').textContent) && !document.getElementById('play').classList.contains('playing'),
        undefined, { what: 'the page to say why Play does nothing' });
      await nextFrames(page, 5);
      assert.equal((await snap(page)).epoch, 20, 'no epoch past the maximum');
      await pause(page);
    });

    await step('patience 0 (in the URL) stops early on val_loss at learning rate 3, the reason in the page\'s language', async (st) => {
      await page.fill('#maxEpochs', '');
      await page.dispatchEvent('#maxEpochs', 'change');
      await page.selectOption('#learningRate', '3');
      await page.click('#reset');
      await until(page, () => window.__nnplay.snapshot.epoch === 0, undefined, { what: 'reset' });
      await page.fill('#patience', '0');
      await page.dispatchEvent('#patience', 'change');
      const s = await state(page);
      assert.equal(s.patience, 0);
      assert.equal(s.maxEpochs, null);
      const h = await hash();
      assert.ok(h.includes('&patience=0&') && !h.includes('maxEpochs='), h);
      await page.click('#play');
      await until(page, () => window.__nnplay.snapshot.stopped !== null && !window.__nnplay.snapshot.playing, undefined, { timeout: 30_000, what: 'early stopping' });
      const e = await snap(page);
      st.diagnostic(`early stopping at epoch ${e.epoch}: ${JSON.stringify(e.stopped)}`);
      assert.equal(e.diverged, false);
      assert.equal(e.stopped.reason, 'early_stopping');
      assert.ok(e.epoch >= 2 && e.epoch < 200, `stopped at epoch ${e.epoch}`);
      assert.match(await page.textContent('#status'), /^早期終了しました: /);
      const stop = await page.evaluate(() => window.__nnplay.snapshot.stop);
      assert.equal(stop.code, 'stop.early', 'the stop reaches the page as a code');
      assert.ok((await page.textContent('#status')).includes(`val_loss が ${stop.params.patience} エポック改善しなかった`), 'the reason is shown in the page language');
      assert.equal(await page.evaluate(() => document.getElementById('play').classList.contains('playing')), false);
    });

    await step('a reload restores both stop rules from the URL', async () => {
      await page.fill('#maxEpochs', '20');
      await page.dispatchEvent('#maxEpochs', 'change');
      await page.reload();
      await waitForEngine(page);
      assert.equal(await page.inputValue('#maxEpochs'), '20');
      assert.equal(await page.inputValue('#patience'), '0');
      const s = await state(page);
      assert.deepEqual([s.maxEpochs, s.patience], [20, 0]);
    });

    await step('the code panel shows this state\'s tf.keras code (the module\'s) and follows each change', async () => {
      assert.equal(await page.evaluate(() => document.getElementById('codePanel').open), false);
      await page.click('#codePanel > summary');
      await until(page, () => document.getElementById('code').textContent.length > 100, undefined, { what: 'the code' });
      assert.equal(await code(), nn.codegen.keras(await state(page)), 'the module\'s code for the state');
      // the state restored from the URL: SGD at learning rate 3, 20 epochs
      assert.match(await code(), /^OPTIMIZER = tf\.keras\.optimizers\.SGD\b/m);
      assert.match(await code(), /^LEARNING_RATE = 3\b/m);
      assert.match(await code(), /^EPOCHS = 20\b/m);
      await page.selectOption('#optimizer', 'adam');
      await page.selectOption('#learningRate', '0.3');
      assert.match(await code(), /^OPTIMIZER = tf\.keras\.optimizers\.Adam\b/m);
      assert.match(await code(), /^LEARNING_RATE = 0\.3\b/m);
      await page.click('#addLayer');
      assert.match(await code(), /^LAYER3_NEURONS = 2\b/m);
      await page.fill('#maxEpochs', '40');
      await page.dispatchEvent('#maxEpochs', 'change');
      assert.match(await code(), /^EPOCHS = 40\b/m);
      assert.equal(await code(), nn.codegen.keras(await state(page)), 'still the module\'s code for the state');
    });

    await step('closed, the code panel is not kept up to date; reopened, it is current', async () => {
      await page.click('#codePanel > summary');
      await page.selectOption('#optimizer', 'rmsprop');
      await page.click('#codePanel > summary');
      await until(page, () => /^OPTIMIZER = tf\.keras\.optimizers\.RMSprop\b/m.test(document.getElementById('code').textContent), undefined, { what: 'the reopened panel to show RMSprop' });
      assert.equal(await code(), nn.codegen.keras(await state(page)));
    });

    await step('nothing went wrong on the page (console, requests, crashes, dialogs)', () => {
      assert.deepEqual(problems, [], problems.join(' | '));
    });
  } finally {
    await context.close();
  }
});
