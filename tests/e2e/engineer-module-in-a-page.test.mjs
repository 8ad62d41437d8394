// An engineer uses the built module (dist/nnplay.mjs) in a real browser: imported by a page over
// http, by a module Web Worker, bundled by esbuild as ESM (over http) and as an IIFE (from
// file://, next to the page and inlined into it). Every context runs fixtures/workflow.mjs and must
// reproduce Node's numbers. Then a page loads a model the module saved in Node (from a URL and
// from File objects) and saves it with save('downloads://NAME') as tfjs names the files (issue 21).
// (The test server itself: tests/node/test-server.test.mjs.)
//
// Needs /usr/bin/chromium and `npm ci` (playwright-core, esbuild). Run: node --test tests/e2e/engineer-module-in-a-page.test.mjs
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { init } from 'nnplay';
import { errorProbe, tutorial } from './fixtures/workflow.mjs';
import { journey } from './journey.mjs';
import { downloads } from './modelFiles-steps.mjs';
import { HERE, REPO, WAIT, servedChromium, watchProblems } from './support.mjs';

const FIXTURES = path.join(HERE, 'fixtures');

const tmpDir = mkdtempSync(path.join(os.tmpdir(), 'nnplay-e2e-'));
// the repo root, plus /__tmp/ for the per-run temp dir (bundles, a saved model)
const env = servedChromium({ '/__tmp/': tmpDir, '/': REPO });
let nn;
let reference;  // Node's results for the same workflow

before(async () => {
  nn = await init();
  reference = {
    full: await tutorial(nn, { epochs: 100 }),
    short: await tutorial(nn, { epochs: 5 }),
    errors: await errorProbe(nn),
  };
});
after(() => fs.rm(tmpDir, { recursive: true, force: true }));

// Opens url in a new page of `context`, waits until #out leaves "pending", and returns window.__result,
// the #out text and every problem seen: console errors (page and workers), page errors,
// failed requests and HTTP errors.
async function load(context, url, { afterLoad } = {}) {
  const page = await context.newPage();
  // An uncaught error or a crash means the page will likely never finish: stop waiting at once (fatal).
  const { problems, consoleMessages, requests, fatal } = watchProblems(page);
  try {
    const response = await page.goto(url);
    if (url.startsWith('http')) assert.equal(response.status(), 200, url);
    try {
      const finished = page.waitForFunction(() => document.getElementById('out')?.dataset.state !== 'pending', null, { timeout: WAIT });
      finished.catch(() => {});  // may lose the race below
      if (await Promise.race([finished.then(() => true), fatal.then(() => false)]) === false) {
        await page.evaluate(() => 0).catch(() => {});  // one round trip: the events sent before it have arrived
        throw new Error('uncaught error in the page');
      }
    } catch (e) {
      throw new Error(`${url} did not finish (${e.message}); problems: ${problems.join(' | ') || 'none'}`, { cause: e });
    }
    const result = await page.evaluate(() => window.__result);
    const text = await page.textContent('#out');
    const extra = afterLoad ? await afterLoad(page) : undefined;
    return { result, text, problems, consoleMessages, requests, extra };
  } finally {
    await page.close();
  }
}

function assertTutorial(result, ref, label) {
  assert.ok(result && !result.failure, `${label}: ${result?.failure ?? 'no result'}`);
  assert.equal(result.version, ref.version);
  assert.equal(result.trainRows, 250);
  assert.equal(result.validRows, 250);
  assert.deepEqual(Object.keys(result.history), ['loss', 'tanh_accuracy', 'val_loss', 'val_tanh_accuracy']);
  assert.equal(result.epochs, ref.epochs);
  assert.equal(result.epochEnds, ref.epochs, `${label}: onEpochEnd ran once per epoch`);
  assert.equal(result.stopReason, 'max_epochs');
  for (const v of Object.values(result.history).flat()) assert.ok(Number.isFinite(v), `${label}: non-finite value in history`);
  // Same wasm, same seeds, same engine family (V8): the browser must reproduce Node exactly.
  assert.deepEqual(result.history, ref.history, `${label}: history differs from Node's`);
  assert.deepEqual(result.prediction, ref.prediction, `${label}: predictions differ from Node's`);
}

function assertTrained(result, label) {
  assert.ok(result.valLoss < 0.02, `${label}: val_loss ${result.valLoss}`);
  assert.equal(result.valAccuracy, 1, `${label}: val_tanh_accuracy ${result.valAccuracy}`);
  assert.ok(result.history.loss.at(-1) < result.history.loss[0] / 10, `${label}: loss did not fall`);
  assert.ok(result.prediction[0] * result.prediction[1] < 0, `${label}: the two gauss clusters get opposite signs`);
}

function assertErrors(errors, label) {
  assert.ok(errors, `${label}: no error probe result`);
  assert.equal(errors.sync.threw, true, `${label}: units: 0 did not throw`);
  assert.equal(errors.sync.isError, true, `${label}: thrown value is not an Error of the page's realm`);
  assert.equal(errors.sync.name, 'Error');
  assert.match(errors.sync.message, /Dense: units must be a whole number from 1 to 1000000000, got 0/);
  assert.equal(errors.async.threw, true, `${label}: fit with validationSplit 1 did not reject`);
  assert.equal(errors.async.isError, true);
  assert.match(errors.async.message, /fit: validationSplit must be a finite number in \[0, 1\), got 1/);
  assert.equal(errors.usableAfter, true, `${label}: module unusable after the errors`);
  assert.deepEqual(errors, reference.errors, `${label}: errors differ from Node's`);
}

function assertNoProblems(problems, label) {
  assert.deepEqual(problems, [], `${label}: ${problems.join(' | ')}`);
}

async function bundle(format, outfile, extra = {}) {
  const result = await esbuild.build({
    entryPoints: [path.join(FIXTURES, 'bundle-entry.mjs')],
    absWorkingDir: REPO,
    bundle: true,
    format,
    platform: 'browser',
    outfile,
    logLevel: 'silent',
    ...extra,
  });
  assert.deepEqual(result.errors, []);
  return result;
}

test('journey: an engineer uses the module in browser pages: a page, a worker, an ESM bundle, an IIFE from file://, a saved model', { timeout: 180_000 }, async (t) => {
  const step = journey(t);
  const srv = env.server;
  const context = await env.browser.newContext({ acceptDownloads: true });
  try {
    await step('a page over http: import { init } from /dist/nnplay.mjs, the tutorial trains, errors arrive as Errors', async () => {
      await fs.writeFile(path.join(tmpDir, 'empty.wasm'), new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
      srv.served.length = 0;
      const { result, text, problems, extra } = await load(context, `${srv.origin}/tests/e2e/fixtures/page.html`, {
        // the browser itself accepts the server's wasm MIME type (instantiateStreaming insists on it)
        afterLoad: (page) => page.evaluate(async () => {
          const { instance } = await WebAssembly.instantiateStreaming(fetch('/__tmp/empty.wasm'));
          return Object.keys(instance.exports).length;
        }),
      });
      assertNoProblems(problems, 'page');
      assertTutorial(result, reference.full, 'page');
      assertTrained(result, 'page');
      assertErrors(result.errors, 'page');
      assert.equal(text, `val_loss=${result.valLoss} val_tanh_accuracy=1`);
      assert.ok(srv.served.includes('/dist/nnplay.mjs'), 'the page loaded the module from /dist');
      assert.equal(extra, 0);
    });

    await step('a module Web Worker imports the module, trains 5 epochs and posts the history', async () => {
      srv.served.length = 0;
      const { result, text, problems, consoleMessages } = await load(context, `${srv.origin}/tests/e2e/fixtures/worker.html`);
      assertNoProblems(problems, 'worker');
      assertTutorial(result, reference.short, 'worker');
      assert.deepEqual(result.context, { noDocument: true, isDedicatedWorker: true });
      assert.ok(result.history.loss[4] < result.history.loss[0], `worker: loss did not fall: ${result.history.loss}`);
      assertErrors(result.errors, 'worker');
      assert.equal(text, `worker epochs=5 loss=${result.history.loss[4]}`);
      // worker console output reaches the page's console listener, so worker errors would be caught above
      assert.ok(consoleMessages.some((m) => m.fromWorker && m.text === 'nnplay worker: trained 5 epochs'),
        `worker console message not seen: ${JSON.stringify(consoleMessages)}`);
      assert.ok(srv.served.includes('/tests/e2e/fixtures/worker.mjs'));
      assert.ok(srv.served.includes('/dist/nnplay.mjs'));
    });

    await step('an esbuild ESM bundle (import from \'nnplay\') runs in a page over http, self-contained', async () => {
      const dir = path.join(tmpDir, 'esm');
      await fs.mkdir(dir);
      const built = await bundle('esm', path.join(dir, 'bundle.mjs'));
      assert.deepEqual(built.warnings.map((w) => w.text), []);
      await fs.copyFile(path.join(FIXTURES, 'bundle-esm.html'), path.join(dir, 'index.html'));
      srv.served.length = 0;
      const { result, problems } = await load(context, `${srv.origin}/__tmp/esm/index.html`);
      assertNoProblems(problems, 'esm bundle');
      assertTutorial(result, reference.full, 'esm bundle');
      assertTrained(result, 'esm bundle');
      assertErrors(result.errors, 'esm bundle');
      // self-contained: the page fetched the bundle and nothing from the repo
      assert.deepEqual(srv.served.filter((p) => p !== '/favicon.ico').sort(), ['/__tmp/esm/bundle.mjs', '/__tmp/esm/index.html']);
    });

    await step('an esbuild IIFE bundle runs from file://, next to the page and inlined into it', async () => {
      const dir = path.join(tmpDir, 'iife');
      const inlineDir = path.join(tmpDir, 'iife-inline');
      await fs.mkdir(dir);
      await fs.mkdir(inlineDir);
      const bundleFile = path.join(dir, 'bundle.iife.js');
      const built = await bundle('iife', bundleFile, { globalName: 'NnplayBundle' });
      // the only expected warning: import.meta has no meaning in a classic script (SINGLE_FILE does not need it)
      for (const w of built.warnings) assert.match(w.text, /import\.meta/, `unexpected esbuild warning: ${w.text}`);
      const html = await fs.readFile(path.join(FIXTURES, 'bundle-iife.html'), 'utf8');
      await fs.writeFile(path.join(dir, 'index.html'), html);
      const code = await fs.readFile(bundleFile, 'utf8');
      const inlined = html.replace(/<!--BUNDLE-->.*<!--\/BUNDLE-->/, () => `<script>${code.replaceAll('</script', '<\\/script')}</script>`);
      assert.notEqual(inlined, html);
      await fs.writeFile(path.join(inlineDir, 'index.html'), inlined);

      srv.served.length = 0;
      for (const [label, file] of [['iife file://', path.join(dir, 'index.html')], ['iife inlined file://', path.join(inlineDir, 'index.html')]]) {
        const { result, problems, requests } = await load(context, pathToFileURL(file).href);
        assertNoProblems(problems, label);
        assertTutorial(result, reference.full, label);
        assertTrained(result, label);
        assertErrors(result.errors, label);
        assert.deepEqual(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:')), [], `${label}: network requests`);
      }
      assert.deepEqual(srv.served, [], 'file:// pages must not touch the http server');
    });
    await step('a page loads a model the module saved in Node, from a URL and from File objects; save("downloads://mine") downloads two files', async () => {
      const rows = [[0.5, -1], [2, 3], [-4, 1.5]];
      const model = nn.sequential([nn.layers.dense({ inputShape: [2], units: 4, activation: 'elu' }), nn.layers.dense({ units: 1, activation: 'sigmoid' })], { seed: 11 });
      model.compile({ optimizer: nn.optimizers.adam({ learningRate: 0.05 }), loss: 'binary_crossentropy', metrics: ['binary_accuracy'] });
      await model.save(`file://${path.join(tmpDir, 'served')}`);
      const expected = Array.from(model.predict(rows).data);
      model.dispose();
      await fs.writeFile(path.join(tmpDir, 'blank.html'), '<!doctype html><meta charset="utf-8"><title>module</title>');
      const page = await context.newPage();
      const { problems } = watchProblems(page, { ignoreBlobFailures: true, dialogsAreProblems: true });
      try {
        await page.goto(`${srv.origin}/__tmp/blank.html`);
        const both = downloads(page, 2, "model.save('downloads://mine')");
        const result = await page.evaluate(async (input) => {
          const { init: start } = await import('/dist/nnplay.mjs');
          const nnInPage = await start();
          const fromUrl = await nnInPage.loadLayersModel('/__tmp/served/model.json');
          const viaUrl = Array.from(fromUrl.predict(input).data);
          const saved = await fromUrl.save('downloads://mine');
          const artifacts = await fromUrl.save();
          const json = new File([JSON.stringify({ ...artifacts, weightSpecs: undefined, weightData: undefined, weightsManifest: [{ paths: ['./w.bin'], weights: artifacts.weightSpecs }] })], 'model.json');
          const bin = new File([artifacts.weightData], 'w.bin');
          const fromFiles = await nnInPage.loadLayersModel([bin, json]);
          const viaFiles = Array.from(fromFiles.predict(input).data);
          let refused = '';
          try {
            await nnInPage.loadLayersModel([json]);
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
        assertNoProblems(problems, 'model page');
      } finally {
        await page.close();
      }
    });
  } finally {
    await context.close();
  }
});
