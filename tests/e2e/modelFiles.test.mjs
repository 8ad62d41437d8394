// The model leaves the page and comes back (issue 21): train, "Download model (tfjs)" (two
// downloads, as tfjs' 'downloads://' saves them), reload the page on another network, choose
// the two files with the file chooser: the page takes the model's shape, activation and
// weights and draws the same heatmap, pixel for pixel. A model that does not fit the page is
// refused with the reason shown, and the page keeps its network. The files are also checked
// with the module in Node (nn.loadLayersModel has what the page trained), and the module's
// browser targets in a page: 'downloads://NAME', a URL, File objects.
//
// Needs /usr/bin/chromium and `npm ci` (playwright-core); dist/ is rebuilt first when web/
// or bindings/src/ is newer. Run: node --test tests/e2e/modelFiles.test.mjs
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { init } from 'nnplay';
import { DIST, WAIT, ensureFreshDist, launchChromium, loadPlayground, newSession, openPlayground, playgroundUrl, startServer, state, step, until } from './support.mjs';
import { readNotebook, validateWithPython } from '../node/notebook-read.mjs';

const SESSION = { context: { acceptDownloads: true }, ignoreBlobFailures: true, dialogsAreProblems: true };
let srv;
let browser;
let dir;

before(async () => {
  ensureFreshDist();
  dir = mkdtempSync(path.join(tmpdir(), 'nnplay-model-files-'));
  writeFileSync(path.join(dir, 'blank.html'), '<!doctype html><meta charset="utf-8"><title>module</title>');
  srv = await startServer({ '/__tmp/': dir, '/': DIST });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await srv?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// The heatmap canvas' pixels, as one string (compared whole).
const heatmapPixels = (page) => page.evaluate(() => {
  const c = document.getElementById('heatmap');
  return Array.from(c.getContext('2d').getImageData(0, 0, c.width, c.height).data).join(',');
});

// The next n downloads of page (rejects after WAIT, saying what was awaited and what came).
function downloads(page, n, what) {
  const seen = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`waited for ${n} downloads (${what}), got ${seen.length}: ${seen.map((d) => d.suggestedFilename())}`)), WAIT);
    page.on('download', (d) => {
      seen.push(d);
      if (seen.length === n) {
        clearTimeout(timer);
        resolve(seen);
      }
    });
  });
}

// The two downloads one click on #exportModel starts, saved under their suggested names.
async function downloadModel(page) {
  const both = downloads(page, 2, 'after a click on #exportModel');
  await page.click('#exportModel');
  const files = {};
  for (const d of await both) {
    const file = path.join(dir, d.suggestedFilename());
    await d.saveAs(file);
    files[d.suggestedFilename()] = file;
  }
  return files;
}

// Chooses files through the page's file chooser (a click on the "Load model" button).
async function chooseFiles(page, files) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: WAIT }), page.click('label.file-button')]);
  await chooser.setFiles(files);
}

const statusText = (page) => page.evaluate(() => {
  const el = document.getElementById('modelFileStatus');
  return { hidden: el.hidden, text: el.textContent, alarm: el.classList.contains('alarm') };
});

test('train, download both (the model (tfjs) and the notebook), reload the page, load the model back: the same network and the same heatmap pixels', async () => {
  const trainedHash = '#activation=relu&networkShape=5,3&learningRate=0.03&lang=en';
  const s = await openPlayground(browser, playgroundUrl(srv.origin, trainedHash), SESSION);
  const { page } = s;
  try {
    const metrics = await step(page, 8);
    const before = await page.evaluate(() => {
      const snap = window.__nnplay.snapshot;
      return { epoch: snap.epoch, weights: snap.weights.map((w) => Array.from(w)), biases: snap.biases.map((b) => Array.from(b)) };
    });
    assert.equal(before.epoch, 8);
    const pixels = await heatmapPixels(page);

    const files = await downloadModel(page);
    assert.deepEqual(Object.keys(files).sort(), ['nnplay-model.json', 'nnplay-model.weights.bin']);
    const json = JSON.parse(readFileSync(files['nnplay-model.json'], 'utf8'));
    assert.equal(json.format, 'layers-model');
    assert.deepEqual(json.weightsManifest[0].paths, ['./nnplay-model.weights.bin']);
    assert.deepEqual(json.modelTopology.config.layers.map((l) => [l.config.units, l.config.activation]), [[5, 'relu'], [3, 'relu'], [1, 'tanh']]);
    // the module reads the files and has the page's trained weights
    const nn = await init();
    const model = await nn.loadLayersModel(`file://${files['nnplay-model.json']}`);
    assert.deepEqual(model.getWeights().filter((_, i) => i % 2 === 0).map((w) => Array.from(w.data)), before.weights);
    model.dispose();
    // and the notebook of the same run: its eight epochs' losses, for the listings of this network
    const [notebook] = await Promise.all([page.waitForEvent('download', { timeout: WAIT }), page.click('#exportNotebook')]);
    const text = readFileSync(await notebook.path(), 'utf8');
    assert.ok(validateWithPython(text).cells > 10, 'nbformat.validate accepts the notebook');
    const book = readNotebook(text);
    assert.deepEqual(book.history.loss, metrics.map((m) => m.loss), "the notebook's expected losses are the page's 8 epochs");
    assert.match(book.code, /^LAYER2_NEURONS = 3 /m);

    // the page reloaded (a new document) on another network: the default one (tanh, 4,2)
    await loadPlayground(page, playgroundUrl(srv.origin, '?reloaded#lang=en'));
    assert.deepEqual((await state(page)).networkShape, [4, 2]);
    await chooseFiles(page, [files['nnplay-model.json'], files['nnplay-model.weights.bin']]);
    await until(page, (w) => {
      const snap = window.__nnplay.snapshot;
      return snap.epoch === 0 && snap.weights.length === w.length && snap.weights.every((k, i) => k.length === w[i].length && k.every((v, j) => v === w[i][j]));
    }, before.weights, { what: 'a snapshot at epoch 0 with the downloaded weights' });
    const after = await state(page);
    assert.deepEqual(after.networkShape, [5, 3]);
    assert.equal(after.activation, 'relu');
    assert.match(location(await page.evaluate(() => location.hash)), /networkShape=5,3/);
    assert.deepEqual(await page.evaluate(() => window.__nnplay.snapshot.biases.map((b) => Array.from(b))), before.biases);
    await until(page, (p) => {
      const c = document.getElementById('heatmap');
      return Array.from(c.getContext('2d').getImageData(0, 0, c.width, c.height).data).join(',') === p;
    }, pixels, { what: 'the heatmap drawn from the loaded weights, pixel for pixel as before the download' });
    const said = await statusText(page);
    assert.equal(said.alarm, false);
    assert.match(said.text, /Loaded nnplay-model\.json: 2 inputs, hidden layers \[5, 3\] \(relu\), output 1 \(tanh\)/);
    // it trains on from there, and Reset returns to the loaded weights
    await step(page, 2);
    await page.click('#reset');
    await until(page, (p) => {
      const c = document.getElementById('heatmap');
      return window.__nnplay.snapshot.epoch === 0 && Array.from(c.getContext('2d').getImageData(0, 0, c.width, c.height).data).join(',') === p;
    }, pixels, { what: 'after Reset: epoch 0 and the loaded model\'s heatmap again' });
    assert.deepEqual(s.problems, [], s.problems.join(' | '));
  } finally {
    await s.context.close();
  }
});

const location = (hash) => decodeURIComponent(hash);

test('a model that does not fit says exactly why (in the page language) and the page keeps its network', async () => {
  const s = await openPlayground(browser, playgroundUrl(srv.origin, '#networkShape=3&lang=en'), SESSION);
  const { page } = s;
  try {
    const files = await downloadModel(page);
    // the page now feeds 3 features: the 2-input model does not fit
    await loadPlayground(page, playgroundUrl(srv.origin, '?reloaded#networkShape=2,2&xSquared=true&lang=en'));
    await chooseFiles(page, [files['nnplay-model.json'], files['nnplay-model.weights.bin']]);
    await until(page, () => !document.getElementById('modelFileStatus').hidden, undefined, { what: 'the model file status' });
    let said = await statusText(page);
    assert.equal(said.alarm, true);
    assert.match(said.text, /The model takes 2 input\(s\) but the page feeds it 3 feature\(s\) \(x, y, xSquared\); choose 2 input feature\(s\)/);
    assert.deepEqual((await state(page)).networkShape, [2, 2]);

    // only the model.json: the weights file is named
    await chooseFiles(page, [files['nnplay-model.json']]);
    await until(page, (before) => document.getElementById('modelFileStatus').textContent !== before, said.text, { what: 'a new status' });
    said = await statusText(page);
    assert.match(said.text, /The model files could not be loaded: nnplay-model\.json needs the weights file 'nnplay-model\.weights\.bin'/);

    // a model with 9 units in a hidden layer (the page shows at most 8), in Japanese
    const nn = await init();
    const wide = nn.sequential([nn.layers.dense({ inputShape: [3], units: 9, activation: 'tanh' }), nn.layers.dense({ units: 1, activation: 'tanh' })]);
    await wide.save(`file://${path.join(dir, 'wide')}`);
    wide.dispose();
    await page.click('#language');
    await until(page, () => document.documentElement.lang === 'ja' || window.__nnplay.state.lang === 'ja', undefined, { what: 'the page in Japanese' });
    await chooseFiles(page, [path.join(dir, 'wide', 'model.json'), path.join(dir, 'wide', 'weights.bin')]);
    await until(page, () => /隠れ層 1 のニューロンは 9 個です。ページで扱えるのは 1 層あたり 8 個までです。/.test(document.getElementById('modelFileStatus').textContent), undefined, { what: 'the refusal in Japanese' });
    assert.deepEqual((await state(page)).networkShape, [2, 2]);
    // the page still trains
    await step(page, 1);
    assert.deepEqual(s.problems, [], s.problems.join(' | '));
  } finally {
    await s.context.close();
  }
});

test('model files dropped on the page load like chosen ones', async () => {
  const nn = await init();
  const m = nn.sequential([nn.layers.dense({ inputShape: [2], units: 3, activation: 'sigmoid' }), nn.layers.dense({ units: 1, activation: 'sigmoid' })], { seed: 3 });
  await m.save(`file://${path.join(dir, 'dropped')}`);
  const weights = m.getWeights().filter((_, i) => i % 2 === 0).map((w) => Array.from(w.data));
  m.dispose();
  const s = await openPlayground(browser, playgroundUrl(srv.origin, '#lang=en'), SESSION);
  const { page } = s;
  try {
    const files = ['model.json', 'weights.bin'].map((n) => ({ name: n, bytes: Array.from(readFileSync(path.join(dir, 'dropped', n))) }));
    const transfer = await page.evaluateHandle((list) => {
      const dt = new DataTransfer();
      for (const f of list) dt.items.add(new File([new Uint8Array(f.bytes)], f.name));
      return dt;
    }, files);
    await page.dispatchEvent('#heatmap', 'dragover', { dataTransfer: transfer });
    assert.equal(await page.evaluate(() => document.getElementById('exports').classList.contains('dropping')), true, 'the export group shows where files go');
    await page.dispatchEvent('#heatmap', 'drop', { dataTransfer: transfer });
    await until(page, (w) => window.__nnplay.snapshot.weights.length === w.length && window.__nnplay.snapshot.weights[0].every((v, j) => v === w[0][j]), weights, { what: 'the dropped model\'s weights in a snapshot' });
    const st = await state(page);
    assert.deepEqual(st.networkShape, [3]);
    assert.equal(st.activation, 'sigmoid');
    assert.equal(st.loss, 'binary_crossentropy', 'a sigmoid output trains with binary cross entropy, as the page pairs them');
    assert.deepEqual(s.problems, [], s.problems.join(' | '));
  } finally {
    await s.context.close();
  }
});


test('the module in a browser page: save("downloads://NAME") downloads NAME.json and NAME.weights.bin; loadLayersModel reads a URL and File objects', async () => {
  const nn = await init();
  const model = nn.sequential([nn.layers.dense({ inputShape: [2], units: 4, activation: 'elu' }), nn.layers.dense({ units: 1, activation: 'sigmoid' })], { seed: 11 });
  model.compile({ optimizer: nn.optimizers.adam({ learningRate: 0.05 }), loss: 'binary_crossentropy', metrics: ['binary_accuracy'] });
  await model.save(`file://${path.join(dir, 'served')}`);
  const rows = [[0.5, -1], [2, 3], [-4, 1.5]];
  const expected = Array.from(model.predict(rows).data);
  model.dispose();
  const s = await newSession(browser, SESSION);
  try {
    const { page } = s;
    await page.goto(`${srv.origin}/__tmp/blank.html`);
    const both = downloads(page, 2, "model.save('downloads://mine')");
    const result = await page.evaluate(async (rows) => {
      const { init } = await import('/nnplay.mjs');
      const nn = await init();
      const fromUrl = await nn.loadLayersModel('/__tmp/served/model.json');
      const viaUrl = Array.from(fromUrl.predict(rows).data);
      const saved = await fromUrl.save('downloads://mine');
      const artifacts = await fromUrl.save();
      const json = new File([JSON.stringify({ ...artifacts, weightSpecs: undefined, weightData: undefined, weightsManifest: [{ paths: ['./w.bin'], weights: artifacts.weightSpecs }] })], 'model.json');
      const bin = new File([artifacts.weightData], 'w.bin');
      const fromFiles = await nn.loadLayersModel([bin, json]);
      const viaFiles = Array.from(fromFiles.predict(rows).data);
      let refused = '';
      try {
        await nn.loadLayersModel([json]);
      } catch (e) {
        refused = e.message;
      }
      return { viaUrl, viaFiles, files: saved.files, optimizer: fromFiles.optimizer.name, refused };
    }, rows);
    assert.deepEqual(result.viaUrl, expected);
    assert.deepEqual(result.viaFiles, expected);
    assert.equal(result.optimizer, 'Adam');
    assert.deepEqual(result.files, ['mine.json', 'mine.weights.bin']);
    assert.match(result.refused, /model.json needs the weights file 'w.bin'; choose it together with the model.json/);
    const got = await both;
    assert.deepEqual(got.map((d) => d.suggestedFilename()), ['mine.json', 'mine.weights.bin']);
    const json = JSON.parse(readFileSync(await got[0].path(), 'utf8'));
    assert.deepEqual(json.weightsManifest[0].paths, ['./mine.weights.bin'], 'as tfjs\' browserDownloads names it');
    assert.equal(statSync(await got[1].path()).size, 4 * (2 * 4 + 4 + 4 + 1));
    assert.deepEqual(s.problems, [], s.problems.join(' | '));
  } finally {
    await s.context.close();
  }
});
