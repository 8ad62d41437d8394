// An engineer uses the nnplay module in a browser page of their own (issue 21), in Chromium:
// loadLayersModel from a URL and from File objects (a missing weights file is named),
// save('downloads://NAME') downloads NAME.json and NAME.weights.bin as tfjs names them, and the
// predictions are the module's in Node, number for number.
// Needs /usr/bin/chromium and `npm ci` (playwright-core); dist/ is rebuilt first when web/ or
// bindings/src/ is newer. Run: node --test tests/e2e/moduleInPage-journey.test.mjs
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { init } from 'nnplay';
import { DIST, newSession, servedChromium } from './support.mjs';
import { journey } from './journey.mjs';
import { downloads } from './modelFiles-steps.mjs';

const dir = mkdtempSync(path.join(tmpdir(), 'nnplay-module-page-'));
writeFileSync(path.join(dir, 'blank.html'), '<!doctype html><meta charset="utf-8"><title>module</title>');
const env = servedChromium({ '/__tmp/': dir, '/': DIST });  // dist/ (built when stale), one server, one Chromium
after(() => rmSync(dir, { recursive: true, force: true }));

test('journey: an engineer loads and saves a model with the module in a browser page', { timeout: 60_000 }, async (t) => {
  const step = journey(t);
  const rows = [[0.5, -1], [2, 3], [-4, 1.5]];
  let expected;
  const s = await newSession(env.browser, { context: { acceptDownloads: true }, ignoreBlobFailures: true, dialogsAreProblems: true });
  const { page } = s;
  try {
    await step('saves a compiled model with the module in Node, served next to a blank page', async () => {
      const nn = await init();
      const model = nn.sequential([nn.layers.dense({ inputShape: [2], units: 4, activation: 'elu' }), nn.layers.dense({ units: 1, activation: 'sigmoid' })], { seed: 11 });
      model.compile({ optimizer: nn.optimizers.adam({ learningRate: 0.05 }), loss: 'binary_crossentropy', metrics: ['binary_accuracy'] });
      await model.save(`file://${path.join(dir, 'served')}`);
      expected = Array.from(model.predict(rows).data);
      model.dispose();
      await page.goto(`${env.origin}/__tmp/blank.html`);
    });

    await step('in the page: loadLayersModel from a URL and from File objects predicts as in Node; save("downloads://mine") downloads two files', async () => {
      const both = downloads(page, 2, "model.save('downloads://mine')");
      const result = await page.evaluate(async (input) => {
        const { init: start } = await import('/nnplay.mjs');
        const nn = await start();
        const fromUrl = await nn.loadLayersModel('/__tmp/served/model.json');
        const viaUrl = Array.from(fromUrl.predict(input).data);
        const saved = await fromUrl.save('downloads://mine');
        const artifacts = await fromUrl.save();
        const json = new File([JSON.stringify({ ...artifacts, weightSpecs: undefined, weightData: undefined, weightsManifest: [{ paths: ['./w.bin'], weights: artifacts.weightSpecs }] })], 'model.json');
        const bin = new File([artifacts.weightData], 'w.bin');
        const fromFiles = await nn.loadLayersModel([bin, json]);
        const viaFiles = Array.from(fromFiles.predict(input).data);
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
    });
  } finally {
    await s.context.close();
  }
});
