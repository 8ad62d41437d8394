// Steps the own-data journeys share (ownData-journey, csvFiles-journey): reading the own-data
// box, drawing on the plot, importing a CSV through the page's file input, the compare recorder.
import { until } from './support.mjs';

export const DOMAIN = 6;  // the plot shows [-6, 6]²

/** The number the own-data box shows ("30 points …"). */
export const count = async (page) => Number((await page.textContent('#ownDataCount')).match(/^(\d+)/)[1]);

/** Waits until the own-data box shows n points. */
export const countIs = (page, n, what = `${n} points`) => until(page, (k) => new RegExp(`^${k}\\D`).test(document.getElementById('ownDataCount').textContent), n, { what });

/** The page's own points and classes (a plain copy). */
export const ownPoints = (page) => page.evaluate(() => ({ points: [...window.__nnplay.own.points], classes: [...window.__nnplay.own.classes] }));

/** What this browser's storage holds for the own points. */
export const stored = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('nnplay.ownData')));

/** The listed import errors and notices. */
export const notices = (page) => page.locator('#importErrors li').allTextContents();

/** Chooses a file (name, text or Buffer) in the own-data box's CSV input. */
export const upload = (page, name, content) => page.setInputFiles('#importCsv', { name, mimeType: 'text/csv', buffer: Buffer.isBuffer(content) ? content : Buffer.from(content) });

/** Clicks (or taps) the plot at data coordinates (x, y) in [-6, 6]². */
export async function drawAt(page, x, y, { touch = false } = {}) {
  const box = await page.locator('#points').boundingBox();
  const px = box.x + ((x + DOMAIN) / (2 * DOMAIN)) * box.width, py = box.y + ((DOMAIN - y) / (2 * DOMAIN)) * box.height;
  if (touch) await page.touchscreen.tap(px, py);
  else await page.mouse.click(px, py);
}

// Records every compare result the view receives (the series are private to CompareView):
// per run the losses of the trained epochs, and whether the comparison said it is done.
export const recordCompare = (page) => page.evaluate(() => {
  const view = window.__nnplay.compare;
  const rec = { losses: [], done: false };
  window.__compareRecord = rec;
  const original = view.update.bind(view);
  view.update = (result, colours) => {
    original(result, colours);
    result.runs.forEach((run, i) => {
      (rec.losses[i] ??= []).push(...run.newEpochs.filter((m) => m.epoch !== 0).map((m) => m.loss));  // epoch 0: the initial weights
    });
    if (result.done) rec.done = true;
  };
});
export const compareRecord = (page) => page.evaluate(() => JSON.parse(JSON.stringify(window.__compareRecord)));
