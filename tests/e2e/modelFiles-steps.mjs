// Steps the model-and-notebook journeys share: downloads (saved under their suggested names in
// a folder), the page's file chooser for model files, the heatmap's pixels, the weights on screen.
import fs from 'node:fs/promises';
import path from 'node:path';
import { WAIT } from './support.mjs';

/** The heatmap canvas' pixels, as one string (compared whole). */
export const heatmapPixels = (page) => page.evaluate(() => {
  const c = document.getElementById('heatmap');
  return Array.from(c.getContext('2d').getImageData(0, 0, c.width, c.height).data).join(',');
});

/** The weights on screen (the snapshot's kernels and biases), in getWeights() order. */
export const shownWeights = (page) => page.evaluate(() => {
  const s = window.__nnplay.snapshot;
  return s.weights.flatMap((k, i) => [Array.from(k), Array.from(s.biases[i])]);
});

/** The next n downloads of page (rejects after WAIT, saying what was awaited and what came). */
export function downloads(page, n, what) {
  const seen = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`waited for ${n} downloads (${what}), got ${seen.length}: ${seen.map((d) => d.suggestedFilename())}`)), WAIT);
    const listener = (d) => {
      seen.push(d);
      if (seen.length === n) {
        clearTimeout(timer);
        page.off('download', listener);
        resolve(seen);
      }
    };
    page.on('download', listener);
  });
}

/** The two downloads one click on #exportModel starts, saved in dir under their suggested names: { name: file }. */
export async function downloadModel(page, dir) {
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

/** The text of the download a click on selector starts (the notebook: #exportNotebook or #codeNotebook). */
export async function downloadText(page, selector) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: WAIT }), page.click(selector)]);
  return { name: dl.suggestedFilename(), text: await fs.readFile(await dl.path(), 'utf8') };
}

/** Chooses files through the page's file chooser (a click on the "Load model" button). */
export async function chooseFiles(page, files) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: WAIT }), page.click('label.file-button')]);
  await chooser.setFiles(files);
}

/** What the model-file status line says, and whether as an alarm. */
export const modelStatus = (page) => page.evaluate(() => {
  const el = document.getElementById('modelFileStatus');
  return { hidden: el.hidden, text: el.textContent, alarm: el.classList.contains('alarm') };
});

/** A notebook's markdown cells, as one text. */
export const markdownOf = (book) => book.nb.cells.filter((c) => c.cell_type === 'markdown').map((c) => c.source.join('')).join('\n');
