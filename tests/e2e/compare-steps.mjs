// Helpers for the side-by-side journey (tests/e2e/learner-compare.test.mjs).
//
// The compare view keeps its loss series private (only `losses`, the last values, is exposed),
// so recordCompare wraps window.__nnplay.compare.update at run time to record every epoch the
// worker sends; nothing in the page's files is changed.
import { until } from './support.mjs';

export const GRID = 100;  // the heatmap's resolution (web/src/protocol.ts)

/**
 * Records every compare result the view receives (the series are private to CompareView):
 * per run its losses, and the card canvases' pixels after the first (epoch 0) result.
 */
export const recordCompare = (page) => page.evaluate(() => {
  const view = window.__nnplay.compare;
  const rec = { results: 0, epochs: [], losses: [], accs: [], firstCanvases: null, done: false };
  window.__compareRecord = rec;
  const original = view.__originalUpdate ?? view.update.bind(view);
  view.__originalUpdate = original;
  view.update = (result, colours) => {
    original(result, colours);
    rec.results++;
    rec.epochs.push(result.epoch);
    result.runs.forEach((run, i) => {
      const trained = run.newEpochs.filter((m) => m.epoch !== 0);  // (epoch 0: the initial weights, for the curves)
      (rec.losses[i] ??= []).push(...trained.map((m) => m.loss));
      (rec.accs[i] ??= []).push(...trained.map((m) => m.acc));
    });
    if (rec.firstCanvases === null) {
      rec.firstCanvases = [...document.querySelectorAll('#compareRuns canvas')].map((c) => Array.from(c.getContext('2d').getImageData(0, 0, c.width, c.height).data));
      rec.firstEpoch = result.epoch;
    }
    if (result.done) rec.done = true;
  };
});

/** The record so far, without the first canvases' pixels. */
export const compareRecord = (page) => page.evaluate(() => JSON.parse(JSON.stringify({ ...window.__compareRecord, firstCanvases: undefined })));

/** Clicks Run (after recordCompare) and waits until the comparison is done. */
export async function runComparison(page, what, timeout = 60_000) {
  await recordCompare(page);
  await page.click('#compareRun');
  await until(page, () => window.__compareRecord.done && !window.__nnplay.compare.running, undefined, { timeout, what });
  return compareRecord(page);
}

/** Opens the compare panel (when closed), picks the figure 5-10 preset (100 epochs, or `epochs`) and runs it to the end. */
export async function runFigure510(page, epochs) {
  if (!(await page.evaluate(() => document.getElementById('comparePanel').open))) await page.click('#comparePanel > summary');
  await page.click('#comparePreset');
  if (epochs !== undefined) await page.fill('#compareEpochs', String(epochs));
  return runComparison(page, 'the figure 5-10 comparison to finish');
}

/** The statistics of each compare card's canvas now: opaque pixels and distinct colours. */
export const compareCanvases = (page) => page.evaluate(() => [...document.querySelectorAll('#compareRuns canvas')].map((c) => {
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let opaque = 0;
  const colours = new Set();
  for (let i = 0; i < d.length; i += 4) {
    if (d[i + 3] === 255) opaque++;
    colours.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
  }
  return { width: c.width, height: c.height, opaque, colours: colours.size };
}));

/** Mean absolute epoch-to-epoch change of a series over its last n epochs. */
export function jitter(series, n = 20) {
  let sum = 0;
  for (let i = series.length - n; i < series.length; i++) sum += Math.abs(series[i] - series[i - 1]);
  return sum / n;
}

/**
 * The runs' loss series, trained in Node through the module (nn) as the compare worker does.
 * base: the state the comparison starts from (the figure 5-10 preset trains at batch size 30).
 */
export function nodeComparison(nn, seed, setting, values, epochs, base = {}) {
  return values.map((v) => {
    const setup = nn.playground.setup({ ...nn.state.defaults(seed), ...base, [setting]: v });
    const data = nn.playground.prepareData(setup);
    const model = nn.playground.buildModel(setup);
    const session = model.beginFit(data.train.x, data.train.y, {
      batchSize: setup.fit.batchSize === 'all' ? data.train.x.shape[0] : setup.fit.batchSize, epochs,
      validationData: [data.valid.x, data.valid.y], seed: setup.modelSeed,
    });
    const losses = [];
    while (!session.done) losses.push(session.runEpoch().logs.loss);
    session.end();
    model.dispose();
    return losses;
  });
}

/** How many pixels of the canvas have each of the colours (within 8 per channel). */
export const colourCounts = (page, id, colours) => page.evaluate(([canvasId, want]) => {
  const c = document.getElementById(canvasId);
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  return want.map(([r, g, b]) => { let n = 0; for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - r) < 8 && Math.abs(d[i + 1] - g) < 8 && Math.abs(d[i + 2] - b) < 8) n++; return n; });
}, [id, colours]);
