// "Download notebook" and the code panel's trained weights, as a learner uses them (issue 21),
// in Chromium against dist/ over http: train a few epochs, download the notebook, and check that
// its weights, losses and data are what the page's run used (in Japanese and in English), that
// a run changed mid-way is replayed up to the change, and that "with the trained weights" writes
// the weights on screen. Python's nbformat and ast check the downloads (tests/node/notebook-read.mjs).
//
// Needs /usr/bin/chromium, python3-nbformat and `npm ci` (playwright-core); dist/ is rebuilt
// first when web/ or bindings/src/ is newer. Run: node --test tests/e2e/notebook.test.mjs
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { init } from 'nnplay';
import { DIST, WAIT, ensureFreshDist, launchChromium, openPlayground, playgroundUrl, startServer, state, step, until } from './support.mjs';
import { readNotebook, replayInEngine, rowsOf, runWithFakeKeras, validateWithPython } from '../node/notebook-read.mjs';

let srv;
let browser;
let nn;

before(async () => {
  ensureFreshDist();
  srv = await startServer({ '/': DIST });
  nn = await init();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await srv?.close();
});

const SESSION = { context: { acceptDownloads: true }, ignoreBlobFailures: true, dialogsAreProblems: true };

async function withPage(hash, body) {
  const s = await openPlayground(browser, playgroundUrl(srv.origin, hash), SESSION);
  try {
    await body(s.page);
    assert.deepEqual(s.problems, [], s.problems.join(' | '));
  } finally {
    await s.context.close();
  }
}

// The weights on screen (the snapshot's kernels and biases), in getWeights() order.
const shownWeights = (page) => page.evaluate(() => {
  const s = window.__nnplay.snapshot;
  return s.weights.flatMap((k, i) => [Array.from(k), Array.from(s.biases[i])]);
});

async function downloadNotebook(page) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: WAIT }), page.click('#exportNotebook')]);
  return { name: dl.suggestedFilename(), text: await fs.readFile(await dl.path(), 'utf8') };
}

const markdownOf = (book) => book.nb.cells.filter((c) => c.cell_type === 'markdown').map((c) => c.source.join('')).join('\n');

for (const [lang, label, title] of [['ja', 'ノートブックをダウンロード', /nnplay の学習をもう一度 tf\.keras で/], ['en', 'Download notebook', /An nnplay run, replayed in tf\.keras/]]) {
  test(`${lang}: train 3 epochs, Download notebook: the run's initial weights, data and losses, replayed exactly`, { timeout: 90_000 }, async () => {
    await withPage(`#seed=1&dataset=xor&batchSize=16&lang=${lang}`, async (page) => {
      assert.equal((await page.textContent('#exportNotebook')).trim(), label);
      const initial = await shownWeights(page);
      const metrics = await step(page, 3);
      if (lang === 'en') {  // step 8's fresh points on the page become the notebook's test rows
        await page.selectOption('#testFreshCount', '50');
        await page.click('#testFresh');
        await until(page, () => document.querySelectorAll('#testTable tbody tr').length === 50, undefined, { what: '50 fresh test rows in the table' });
      }
      const file = await downloadNotebook(page);
      assert.equal(file.name, 'nnplay-run.ipynb');
      assert.ok(validateWithPython(file.text).cells > 10);
      const book = readNotebook(file.text);
      assert.match(markdownOf(book), title);
      if (lang === 'en') assert.doesNotMatch(markdownOf(book) + book.code, /[\u3040-\u30ff\u4e00-\u9fff]/, 'English page: no Japanese in the notebook');

      assert.deepEqual(book.weights.map((w) => w.flat()), initial, 'the initial weights are those the page showed before training');
      assert.deepEqual(book.history.loss, metrics.map((m) => m.loss), "the page's loss per epoch");
      assert.deepEqual(book.history.val_loss, metrics.map((m) => m.valLoss));
      assert.deepEqual(book.history.tanh_accuracy, metrics.map((m) => m.acc));
      const st = await state(page);
      const data = nn.playground.prepareData(nn.playground.setup(st));
      assert.deepEqual(book.data.X_train, rowsOf(data.train.x), "the page's training rows");
      assert.deepEqual(book.data.y_valid, rowsOf(data.valid.y), "the page's validation labels");
      if (lang === 'en') {
        const shownRows = await page.$$eval('#testTable tbody tr', (trs) => trs.map((tr) => [...tr.cells].slice(0, 2).map((c) => Number(c.textContent))));
        assert.equal(book.data.X_test.length, 50, "the page's 50 fresh test points");
        book.data.X_test.forEach(([x, y], i) => assert.ok(Math.abs(x - shownRows[i][0]) < 0.01 && Math.abs(y - shownRows[i][1]) < 0.01, `test row ${i}: ${x}, ${y} shown as ${shownRows[i]}`));
      } else {
        const fresh = nn.playground.testData(nn.playground.setup(st), (nn.playground.setup(st).dataSeed ^ 0x27d4eb2d) >>> 0);
        assert.deepEqual(book.data.X_test, rowsOf(fresh.x), 'no test points on the page: nnplay train\'s fresh points');
      }
      // the recipe, in the engine: the page's losses exactly
      assert.deepEqual((await replayInEngine(nn, st, book)).loss, metrics.map((m) => m.loss));
      // and the notebook's own cells, against a numpy stand-in for tf.keras 2.x: float32 noise
      const keras = runWithFakeKeras(file.text);
      assert.ok(Math.max(...keras.relative) < 1e-5, `relative loss differences ${keras.relative}`);
    });
  });
}

test('a run changed while it trains (the learning rate) is replayed up to the change, and says so', { timeout: 90_000 }, async () => {
  await withPage('#seed=2&lang=en&networkShape=3', async (page) => {
    const initial = await shownWeights(page);
    const before = await step(page, 2);
    await page.selectOption('#learningRate', '0.3');
    await step(page, 1);
    const book = readNotebook((await downloadNotebook(page)).text);
    assert.deepEqual(book.weights.map((w) => w.flat()), initial);
    assert.deepEqual(book.history.loss, before.map((m) => m.loss), 'the two epochs before the change');
    assert.match(markdownOf(book), /had its learning rate changed after these epochs/);
    assert.match(book.code, /^LEARNING_RATE = 0\.03 /m, "the run's learning rate at its start");
  });
  // a change before the first batch (here the learning rate) is the run's start, not a change
  await withPage('#seed=2&lang=en&networkShape=3&learningRate=0.1', async (page) => {
    await page.selectOption('#learningRate', '0.01');
    const metrics = await step(page, 2);
    const book = readNotebook((await downloadNotebook(page)).text);
    assert.deepEqual(book.history.loss, metrics.map((m) => m.loss));
    assert.doesNotMatch(markdownOf(book), /changed/);
    assert.match(book.code, /^LEARNING_RATE = 0\.01 /m);
  });
});

test('the code panel: "with the trained weights" writes the weights on screen (set_weights)', { timeout: 60_000 }, async () => {
  await withPage('#seed=1&lang=en', async (page) => {
    await step(page, 2);
    await page.click('#codePanel > summary');
    await page.check('#codeWithWeights');
    await until(page, () => document.getElementById('code').textContent.includes('model.set_weights(['), undefined, { what: 'set_weights in the code panel' });
    const code = await page.textContent('#code');
    const weights = await page.evaluate(() => {
      const s = window.__nnplay.snapshot;
      return s.weights.flatMap((k, i) => [{ shape: [s.weights[i].length / s.biases[i].length, s.biases[i].length], data: Array.from(k) }, { shape: [s.biases[i].length], data: Array.from(s.biases[i]) }]);
    });
    const st = await state(page);
    assert.equal(code, nn.codegen.keras(st, undefined, { weights: weights.map((w) => ({ shape: w.shape, data: Float32Array.from(w.data) })) }));
    assert.match(code, /^# The trained weights \(the page's values\)/m);
    // one more epoch: the code follows
    await step(page, 1);
    await until(page, (before) => document.getElementById('code').textContent !== before, code, { what: 'the code to show the new weights' });
    await page.uncheck('#codeWithWeights');
    assert.doesNotMatch(await page.textContent('#code'), /set_weights/);
  });
});
