// A learner takes the model and the notebook away, and brings a model back (issue 21), in
// Chromium against dist/: trains, downloads the notebook (its weights, data and losses are the
// page's run, replayed exactly in the engine and in a numpy stand-in for tf.keras), reads the
// code panel "with the trained weights" and downloads the same notebook from there, downloads
// the model (tfjs: two files the module in Node reads), reloads on another network and loads
// the model back (the same network, the same heatmap pixels), is told why a model that does
// not fit is refused (the page keeps its network), drops model files on the page, and finally
// downloads the notebook of a run changed while it trained (replayed up to the change).
// Wording in both languages: tests/node/own-data-wording.test.mjs and tests/node/notebook.test.mjs.
//
// Needs /usr/bin/chromium, python3-nbformat and `npm ci` (playwright-core); dist/ is rebuilt
// first when web/ or bindings/src/ is newer. Run: node --test tests/e2e/learner-model-notebook.test.mjs
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { init } from 'nnplay';
import { loadPlayground, openPlayground, playgroundUrl, servedChromium, state, step as epochs, until } from './support.mjs';
import { journey } from './journey.mjs';
import { chooseFiles, downloadModel, downloadText, heatmapPixels, markdownOf, modelStatus, shownWeights } from './modelFiles-steps.mjs';
import { readNotebook, replayInEngine, rowsOf, runWithFakeKeras, validateWithPython } from '../node/notebook-read.mjs';

const SESSION = { context: { acceptDownloads: true }, ignoreBlobFailures: true, dialogsAreProblems: true };
const env = servedChromium();  // dist/ (built when stale), one server, one Chromium
let dir;
let nn;

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'nnplay-model-notebook-'));
  nn = await init();
});
after(async () => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});


// A new document at hash (the query makes it a load, not a hash change of the same document).
let loads = 0;
const reload = (page, hash) => loadPlayground(page, playgroundUrl(env.origin, `?load${++loads}${hash}`));

const heatmapIs = (page, pixels, what) => until(page, (p) => {
  const c = document.getElementById('heatmap');
  return window.__nnplay.snapshot.epoch === 0 && Array.from(c.getContext('2d').getImageData(0, 0, c.width, c.height).data).join(',') === p;
}, pixels, { what });

test('journey: a learner takes the model and the notebook away and brings a model back', { timeout: 300_000 }, async (t) => {
  const step = journey(t);
  const s = await openPlayground(env.browser, playgroundUrl(env.origin, '#seed=1&dataset=xor&batchSize=16&networkShape=5,3&learningRate=0.03&lang=en'), SESSION);
  const { page } = s;
  let initial, metrics, notebook, trained, pixels, files;
  try {
    await step('trains 3 epochs and asks for 50 fresh test points', async () => {
      assert.equal((await page.textContent('#exportNotebook')).trim(), 'Download notebook');
      initial = await shownWeights(page);
      metrics = await epochs(page, 3);
      // step 8's fresh points on the page become the notebook's test rows
      await page.selectOption('#testFreshCount', '50');
      await page.click('#testFresh');
      await until(page, () => document.querySelectorAll('#testTable tbody tr').length === 50, undefined, { what: '50 fresh test rows in the table' });
    });

    await step('"Download notebook": the run\'s initial weights, data and losses, replayed exactly', async () => {
      notebook = await downloadText(page, '#exportNotebook');
      assert.equal(notebook.name, 'nnplay-run.ipynb');
      assert.ok(validateWithPython(notebook.text).cells > 10, 'nbformat.validate accepts the notebook');
      const book = readNotebook(notebook.text);
      assert.match(markdownOf(book), /An nnplay run, replayed in tf\.keras/);
      assert.doesNotMatch(markdownOf(book) + book.code, /[\u3040-\u30ff\u4e00-\u9fff]/, 'English page: no Japanese in the notebook');
      assert.match(book.code, /^LAYER2_NEURONS = 3 /m, 'the listings of this network');
      assert.deepEqual(book.weights.map((w) => w.flat()), initial, 'the initial weights are those the page showed before training');
      assert.deepEqual(book.history.loss, metrics.map((m) => m.loss), "the page's loss per epoch");
      assert.deepEqual(book.history.val_loss, metrics.map((m) => m.valLoss));
      assert.deepEqual(book.history.tanh_accuracy, metrics.map((m) => m.acc));
      const st = await state(page);
      const data = nn.playground.prepareData(nn.playground.setup(st));
      assert.deepEqual(book.data.X_train, rowsOf(data.train.x), "the page's training rows");
      assert.deepEqual(book.data.y_valid, rowsOf(data.valid.y), "the page's validation labels");
      const shownRows = await page.$$eval('#testTable tbody tr', (trs) => trs.map((tr) => [...tr.cells].slice(0, 2).map((c) => Number(c.textContent))));
      assert.equal(book.data.X_test.length, 50, "the page's 50 fresh test points");
      book.data.X_test.forEach(([x, y], i) => assert.ok(Math.abs(x - shownRows[i][0]) < 0.01 && Math.abs(y - shownRows[i][1]) < 0.01, `test row ${i}: ${x}, ${y} shown as ${shownRows[i]}`));
      // the recipe, in the engine: the page's losses exactly
      assert.deepEqual((await replayInEngine(nn, st, book)).loss, metrics.map((m) => m.loss));
      // and the notebook's own cells, against a numpy stand-in for tf.keras 2.x: float32 noise
      const keras = runWithFakeKeras(notebook.text);
      assert.ok(Math.max(...keras.relative) < 1e-5, `relative loss differences ${keras.relative}`);
    });

    await step('the code panel: its "Download notebook" beside "copy" gives the same notebook', async () => {
      await page.click('#codePanel > summary');
      const button = page.locator('#codePanel #codeNotebook');
      assert.equal((await button.textContent()).trim(), 'Download notebook');
      assert.ok(await button.isVisible(), 'the button shows in the open code panel');
      const fromPanel = await downloadText(page, '#codeNotebook');
      assert.equal(fromPanel.name, 'nnplay-run.ipynb');
      assert.equal(fromPanel.text, notebook.text, 'the same notebook as the export group writes');
    });

    await step('the code panel "with the trained weights" writes the weights on screen, and follows one more epoch', async () => {
      await page.check('#codeWithWeights');
      await until(page, () => document.getElementById('code').textContent.includes('model.set_weights(['), undefined, { what: 'set_weights in the code panel' });
      const code = await page.textContent('#code');
      const weights = await page.evaluate(() => {
        const sn = window.__nnplay.snapshot;
        return sn.weights.flatMap((k, i) => [{ shape: [sn.weights[i].length / sn.biases[i].length, sn.biases[i].length], data: Array.from(k) }, { shape: [sn.biases[i].length], data: Array.from(sn.biases[i]) }]);
      });
      assert.equal(code, nn.codegen.keras(await state(page), undefined, { weights: weights.map((w) => ({ shape: w.shape, data: Float32Array.from(w.data) })) }));
      assert.match(code, /^# The trained weights \(the page's values\)/m);
      await epochs(page, 1);
      await until(page, (before) => document.getElementById('code').textContent !== before, code, { what: 'the code to show the new weights' });
      await page.uncheck('#codeWithWeights');
      assert.doesNotMatch(await page.textContent('#code'), /set_weights/);
      await page.click('#codePanel > summary');
    });

    await step('"Download model (tfjs)": two files with the network, which the module in Node reads with the page\'s weights', async () => {
      trained = await page.evaluate(() => {
        const sn = window.__nnplay.snapshot;
        return { epoch: sn.epoch, weights: sn.weights.map((w) => Array.from(w)), biases: sn.biases.map((b) => Array.from(b)) };
      });
      assert.equal(trained.epoch, 4);
      pixels = await heatmapPixels(page);
      files = await downloadModel(page, dir);
      assert.deepEqual(Object.keys(files).sort(), ['nnplay-model.json', 'nnplay-model.weights.bin']);
      const json = JSON.parse(readFileSync(files['nnplay-model.json'], 'utf8'));
      assert.equal(json.format, 'layers-model');
      assert.deepEqual(json.weightsManifest[0].paths, ['./nnplay-model.weights.bin']);
      assert.deepEqual(json.modelTopology.config.layers.map((l) => [l.config.units, l.config.activation]), [[5, 'tanh'], [3, 'tanh'], [1, 'tanh']]);
      const model = await nn.loadLayersModel(`file://${files['nnplay-model.json']}`);
      assert.deepEqual(model.getWeights().filter((_, i) => i % 2 === 0).map((w) => Array.from(w.data)), trained.weights);
      model.dispose();
    });

    await step('reloads on another network (4, 2, relu) and loads the model back: the same network and the same heatmap pixels', async () => {
      await reload(page, '#activation=relu&lang=en');
      const other = await state(page);
      assert.deepEqual([other.networkShape, other.activation], [[4, 2], 'relu']);
      await chooseFiles(page, [files['nnplay-model.json'], files['nnplay-model.weights.bin']]);
      await until(page, (w) => {
        const sn = window.__nnplay.snapshot;
        return sn.epoch === 0 && sn.weights.length === w.length && sn.weights.every((k, i) => k.length === w[i].length && k.every((v, j) => v === w[i][j]));
      }, trained.weights, { what: 'a snapshot at epoch 0 with the downloaded weights' });
      const after = await state(page);
      assert.deepEqual(after.networkShape, [5, 3]);
      assert.equal(after.activation, 'tanh', 'the model\'s activation, not the page\'s relu');
      assert.match(decodeURIComponent(await page.evaluate(() => location.hash)), /networkShape=5,3/);
      assert.deepEqual(await page.evaluate(() => window.__nnplay.snapshot.biases.map((b) => Array.from(b))), trained.biases);
      await heatmapIs(page, pixels, 'the heatmap drawn from the loaded weights, pixel for pixel as before the download');
      const said = await modelStatus(page);
      assert.equal(said.alarm, false);
      assert.match(said.text, /Loaded nnplay-model\.json: 2 inputs, hidden layers \[5, 3\] \(tanh\), output 1 \(tanh\)/);
    });

    await step('trains on from the loaded model, and Reset returns to it', async () => {
      await epochs(page, 2);
      await page.click('#reset');
      await heatmapIs(page, pixels, 'after Reset: epoch 0 and the loaded model\'s heatmap again');
    });

    await step('a model that does not fit says exactly why, and the page keeps its network', async () => {
      // the page now feeds 3 features: the 2-input model does not fit
      await reload(page, '#networkShape=2,2&xSquared=true&lang=en');
      await chooseFiles(page, [files['nnplay-model.json'], files['nnplay-model.weights.bin']]);
      await until(page, () => !document.getElementById('modelFileStatus').hidden, undefined, { what: 'the model file status' });
      let said = await modelStatus(page);
      assert.equal(said.alarm, true);
      assert.match(said.text, /The model takes 2 input\(s\) but the page feeds it 3 feature\(s\) \(x, y, xSquared\); choose 2 input feature\(s\)/);
      assert.deepEqual((await state(page)).networkShape, [2, 2]);
      // only the model.json: the weights file is named
      await chooseFiles(page, [files['nnplay-model.json']]);
      await until(page, (before) => document.getElementById('modelFileStatus').textContent !== before, said.text, { what: 'a new status' });
      said = await modelStatus(page);
      assert.match(said.text, /The model files could not be loaded: nnplay-model\.json needs the weights file 'nnplay-model\.weights\.bin'/);
      // a model with 9 units in a hidden layer (the page shows at most 8), in Japanese
      const wide = nn.sequential([nn.layers.dense({ inputShape: [3], units: 9, activation: 'tanh' }), nn.layers.dense({ units: 1, activation: 'tanh' })]);
      await wide.save(`file://${path.join(dir, 'wide')}`);
      wide.dispose();
      await page.click('#language');
      await until(page, () => document.documentElement.lang === 'ja' || window.__nnplay.state.lang === 'ja', undefined, { what: 'the page in Japanese' });
      await chooseFiles(page, [path.join(dir, 'wide', 'model.json'), path.join(dir, 'wide', 'weights.bin')]);
      await until(page, () => /隠れ層 1 のニューロンは 9 個です。ページで扱えるのは 1 層あたり 8 個までです。/.test(document.getElementById('modelFileStatus').textContent), undefined, { what: 'the refusal in Japanese' });
      assert.deepEqual((await state(page)).networkShape, [2, 2]);
      await epochs(page, 1);  // the page still trains
    });

    await step('model files dropped on the page load like chosen ones', async () => {
      const m = nn.sequential([nn.layers.dense({ inputShape: [2], units: 3, activation: 'sigmoid' }), nn.layers.dense({ units: 1, activation: 'sigmoid' })], { seed: 3 });
      await m.save(`file://${path.join(dir, 'dropped')}`);
      const weights = m.getWeights().filter((_, i) => i % 2 === 0).map((w) => Array.from(w.data));
      m.dispose();
      await reload(page, '#lang=en');
      const dropped = ['model.json', 'weights.bin'].map((n) => ({ name: n, bytes: Array.from(readFileSync(path.join(dir, 'dropped', n))) }));
      const transfer = await page.evaluateHandle((list) => {
        const dt = new DataTransfer();
        for (const f of list) dt.items.add(new File([new Uint8Array(f.bytes)], f.name));
        return dt;
      }, dropped);
      await page.dispatchEvent('#heatmap', 'dragover', { dataTransfer: transfer });
      assert.equal(await page.evaluate(() => document.getElementById('exports').classList.contains('dropping')), true, 'the export group shows where files go');
      await page.dispatchEvent('#heatmap', 'drop', { dataTransfer: transfer });
      await until(page, (w) => window.__nnplay.snapshot.weights.length === w.length && window.__nnplay.snapshot.weights[0].every((v, j) => v === w[0][j]), weights, { what: 'the dropped model\'s weights in a snapshot' });
      const st = await state(page);
      assert.deepEqual(st.networkShape, [3]);
      assert.equal(st.activation, 'sigmoid');
      assert.equal(st.loss, 'binary_crossentropy', 'a sigmoid output trains with binary cross entropy, as the page pairs them');
    });

    await step('a run changed while it trains (the learning rate) is replayed up to the change, and says so', async () => {
      await reload(page, '#seed=2&lang=en&networkShape=3');
      const start = await shownWeights(page);
      const before = await epochs(page, 2);
      await page.selectOption('#learningRate', '0.3');
      await epochs(page, 1);
      const book = readNotebook((await downloadText(page, '#exportNotebook')).text);
      assert.deepEqual(book.weights.map((w) => w.flat()), start);
      assert.deepEqual(book.history.loss, before.map((m) => m.loss), 'the two epochs before the change');
      assert.match(markdownOf(book), /had its learning rate changed after these epochs/);
      assert.match(book.code, /^LEARNING_RATE = 0\.03 /m, "the run's learning rate at its start");
      // no test points on the page: the notebook's test rows are nnplay train's fresh points
      const setup = nn.playground.setup(await state(page));
      assert.deepEqual(book.data.X_test, rowsOf(nn.playground.testData(setup, (setup.dataSeed ^ 0x27d4eb2d) >>> 0).x));
    });

    await step('a change before the first batch is the run\'s start, not a change', async () => {
      await reload(page, '#seed=2&lang=en&networkShape=3&learningRate=0.1');
      await page.selectOption('#learningRate', '0.01');
      const trainedEpochs = await epochs(page, 2);
      const book = readNotebook((await downloadText(page, '#exportNotebook')).text);
      assert.deepEqual(book.history.loss, trainedEpochs.map((m) => m.loss));
      assert.doesNotMatch(markdownOf(book), /changed/);
      assert.match(book.code, /^LEARNING_RATE = 0\.01 /m);
      assert.deepEqual(s.problems, [], s.problems.join(' | '));
    });
  } finally {
    await s.context.close();
  }
});
