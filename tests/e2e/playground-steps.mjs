// Helpers for the playground journeys of first-visit, controls, shared-link, largest-network and
// locked-down (dist/index.html): one browser and server per file, and the checks they share.
import { before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { init } from 'nnplay';
import { REPO, servedChromium, until } from './support.mjs';

export const RESULTS = path.join(REPO, 'test-results');

export const DIVERGING = '#problem=regression&regDataset=reg-plane&activation=linear&networkShape=8,8&learningRate=10&seed=1';
export const LARGEST = '#networkShape=8,8,8,8,8,8&x=true&y=true&xSquared=true&ySquared=true&xTimesY=true&sinX=true&sinY=true&batchSize=1&seed=1';

// The playground's defaults (the Deep Insider tutorial's); the complete default state comes
// from the module's copy of the same schema (nn.state.defaults), so new keys need no edit here.
export const PLAYGROUND_DEFAULTS = {
  activation: 'tanh', loss: 'mse', regularization: 'none', batchSize: 10, batchFull: false, dataset: 'circle',
  learningRate: 0.03, regularizationRate: 0, noise: 0, networkShape: [4, 2], percTrainData: 50, x: true, y: true,
  xSquared: false, ySquared: false, xTimesY: false, sinX: false, sinY: false, problem: 'classification', optimizer: 'sgd',
  hideText: false, lang: 'ja', hide: [],
};

/**
 * Registers the file's hooks: servedChromium's (dist/ built when stale, one server on dist/, one
 * Chromium), test-results/, and the module in Node (nn: the schema and engine to compare with).
 * Returns a live object { srv, browser, nn } filled in by `before`.
 */
export function playgroundRig() {
  const env = servedChromium();
  // getters: Node 20 runs a file's top-level before hooks side by side, not one after another
  const rig = { get srv() { return env.server; }, get browser() { return env.browser; }, nn: null };
  before(async () => {
    await fs.mkdir(RESULTS, { recursive: true });
    rig.nn = await init();
  });
  return rig;
}

export function assertFiniteMetrics(m, label, { classification = true } = {}) {
  assert.ok(m, `${label}: no metrics`);
  assert.ok(Number.isFinite(m.loss), `${label}: loss ${m.loss}`);
  assert.ok(Number.isFinite(m.valLoss), `${label}: valLoss ${m.valLoss}`);
  if (classification) {
    assert.ok(Number.isFinite(m.acc) && m.acc >= 0 && m.acc <= 1, `${label}: acc ${m.acc}`);
    assert.ok(Number.isFinite(m.valAcc) && m.valAcc >= 0 && m.valAcc <= 1, `${label}: valAcc ${m.valAcc}`);
  }
}

/** Page losses (and val losses) equal the module's for the same state, to 1e-5 relative. */
export function assertSameLosses(page, module, label) {
  page.forEach((m, i) => {
    for (const k of ['loss', 'valLoss']) {
      assert.ok(Math.abs(m[k] - module[i][k]) <= 1e-5 * Math.abs(module[i][k]), `${label}, epoch ${i + 1}: ${k} page ${m[k]}, module ${module[i][k]}`);
    }
  });
}

export const allOutputFinite = (page) => page.evaluate(() => window.__nnplay.snapshot.output.every(Number.isFinite));

/** Sets a range input as a user's drag would (an input event). */
export const setRange = (page, id, value) => page.evaluate(([id, value]) => {
  const el = document.getElementById(id);
  el.value = String(value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
}, [id, value]);

/** The distinct colours of the heatmap's pixels. */
export const heatmapColours = (page) => page.evaluate(() => {
  const c = document.getElementById('heatmap');
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  const colours = new Set();
  for (let i = 0; i < d.length; i += 4) colours.add(`${d[i]},${d[i + 1]},${d[i + 2]}`);
  return [...colours];
});

/** Plays a page at learning rate 10 until it has diverged and the play button is back to ▶. */
export async function diverge(page) {
  assert.equal(await page.evaluate(() => window.__nnplay.state.learningRate), 10);
  await page.click('#play');
  await until(page, () => window.__nnplay.snapshot.diverged, undefined, { what: 'divergence' });
  await until(page, () => !document.getElementById('play').classList.contains('playing'), undefined, { what: 'play button back to ▶' });
}

