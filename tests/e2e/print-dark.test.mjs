// Issue 20 §8 in Chromium against dist/, in ja and en, at 1280 px and on a 390 px phone:
//  - print: a learner steps a few epochs without scrolling, then prints; the views the page
//    skipped while they were off-screen (the network's thumbnails, the charts) are drawn for
//    paper, and the thumbnails show the same pixels as a page that always saw them
//  - dark: with the system in dark mode (or theme=dark in the link) the page's background
//    is dark in a screenshot, the plot's data colours are the same pixels as in light, and
//    axe-core finds no text under 4.5:1; theme=light keeps a dark system's page light
// Screenshots: test-results/dark-{ja,en}-{1280,390}.png (looked at when this was written).
// Run: node --test tests/e2e/print-dark.test.mjs (after node scripts/build.mjs)
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { playgroundPages, REPO, until } from './support.mjs';

const RESULTS = path.join(REPO, 'test-results');
const AXE = path.join(REPO, 'node_modules/axe-core/axe.min.js');
const SIZES = [[1280, { viewport: { width: 1280, height: 900 } }], [390, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true }]];

const withPage = playgroundPages();
before(async () => {
  await fs.mkdir(RESULTS, { recursive: true });
});

const canvasPixels = (page, selector) => page.evaluate((sel) => {
  const c = document.querySelector(sel);
  return Array.from(c.getContext('2d').getImageData(0, 0, c.width, c.height).data);
}, selector);
const blank = (a) => a.every((v) => v === 0);

async function stepTo(page, epoch, touch) {
  while (await page.evaluate(() => window.__nnplay.snapshot.epoch) < epoch) {
    const e = await page.evaluate(() => window.__nnplay.snapshot.epoch);
    if (touch) await page.tap('#step'); else await page.click('#step');
    await until(page, (n) => window.__nnplay.snapshot.epoch > n, e, { what: `epoch ${e + 1}` });
  }
}

// Mean relative luminance (0 black … 1 white) of a screenshot's region, decoded by the page.
const luminance = (page, png, clip) => page.evaluate(async ([b64, r]) => {
  const img = new Image();
  img.src = `data:image/png;base64,${b64}`;
  await img.decode();
  const c = new OffscreenCanvas(r.width, r.height);
  const g = c.getContext('2d');
  g.drawImage(img, r.x, r.y, r.width, r.height, 0, 0, r.width, r.height);
  const d = g.getImageData(0, 0, r.width, r.height).data;
  const lin = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  let sum = 0;
  for (let i = 0; i < d.length; i += 4) sum += 0.2126 * lin(d[i]) + 0.7152 * lin(d[i + 1]) + 0.0722 * lin(d[i + 2]);
  return sum / (d.length / 4);
}, [png.toString('base64'), clip]);

async function contrastViolations(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: ['color-contrast'] });
    return r.violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(' ')}: ${n.any[0]?.message ?? ''}`));
  });
}

for (const lang of ['ja', 'en']) {
  test(`${lang} 390 px: printing draws the views skipped off-screen, as a page that saw them`, { timeout: 90_000 }, async () => {
    const hash = `#seed=1&dataset=xor&lang=${lang}`;
    let seen;
    await withPage(hash, SIZES[0][1], async (page) => {  // a desktop page sees the network all along
      await stepTo(page, 3, false);
      seen = await canvasPixels(page, '.layer.hidden canvas.thumb');
    });
    await withPage(hash, SIZES[1][1], async (page) => {
      await stepTo(page, 3, true);
      assert.ok(blank(await canvasPixels(page, '.layer.hidden canvas.thumb')), 'the network is below the first screen: not drawn yet');
      await page.emulateMedia({ media: 'print' });
      await until(page, () => document.querySelector('.layer.hidden canvas.thumb').getContext('2d').getImageData(5, 5, 1, 1).data[3] > 0, undefined, { what: 'the network drawn for print' });
      assert.deepEqual(await canvasPixels(page, '.layer.hidden canvas.thumb'), seen, 'the printed thumbnail shows epoch 3, as on the desktop');
      assert.ok(!blank(await canvasPixels(page, '#heatmap')), 'the plot is drawn');
      const pdf = await page.pdf({ width: '390px', height: '844px' });
      assert.ok(pdf.length > 10_000, `a PDF of ${pdf.length} bytes`);
    });
  });

  test(`${lang} 1280 px: printing draws the charts even when they were never scrolled near`, { timeout: 90_000 }, async () => {
    await withPage(`#seed=1&lang=${lang}`, { viewport: { width: 1280, height: 400 } }, async (page) => {
      await stepTo(page, 3, false);
      assert.equal(await page.evaluate(() => document.querySelectorAll('#lossChart canvas').length), 0, 'no chart yet: below the window');
      await page.emulateMedia({ media: 'print' });
      await until(page, () => {
        const c = document.querySelector('#lossChart canvas');
        if (!c) return false;
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        return d.some((v, i) => i % 4 === 3 && v > 0);
      }, undefined, { what: 'the loss chart drawn for print' });
      assert.match(await page.locator('#lossChart .u-legend').innerText(), lang === 'ja' ? /訓練/ : /Train/);
    });
  });

  for (const [size, context] of SIZES) {
    test(`${lang} ${size} px: a dark system gets a dark page with the same data colours and contrast >= 4.5:1`, { timeout: 120_000 }, async () => {
      await withPage(`#seed=1&lang=${lang}`, context, async (page) => {
        const box = await page.locator('main').boundingBox();
        const corner = { x: Math.round(box.x) + 2, y: Math.round(box.y) + 2, width: 6, height: 6 };  // main's padding: the page's background
        const heatmapLight = await canvasPixels(page, '#heatmap');
        const pointsLight = await canvasPixels(page, '#points');
        const lightShot = await page.screenshot();
        assert.ok(await luminance(page, lightShot, corner) > 0.9, 'light by default');

        await page.emulateMedia({ colorScheme: 'dark' });
        const darkShot = await page.screenshot({ path: path.join(RESULTS, `dark-${lang}-${size}.png`) });
        const dark = await luminance(page, darkShot, corner);
        assert.ok(dark < 0.05, `dark background: luminance ${dark.toFixed(3)}`);
        assert.deepEqual(await canvasPixels(page, '#heatmap'), heatmapLight, 'the plot\'s colours are the same');
        assert.deepEqual(await canvasPixels(page, '#points'), pointsLight, 'the data points\' colours are the same');
        const hb = await page.locator('#heatmap').boundingBox();
        const inPlot = { x: Math.round(hb.x) + 20, y: Math.round(hb.y) + 20, width: 10, height: 10 };
        assert.equal((await luminance(page, darkShot, inPlot)).toFixed(3), (await luminance(page, lightShot, inPlot)).toFixed(3), 'the plot on screen is unchanged');
        assert.deepEqual(await contrastViolations(page), [], 'axe-core: text contrast in dark');
      });
    });
  }

  test(`${lang}: the URL key theme forces light or dark (for embedding)`, { timeout: 90_000 }, async () => {
    const corner = async (page) => {
      const box = await page.locator('main').boundingBox();
      return luminance(page, await page.screenshot(), { x: Math.round(box.x) + 2, y: Math.round(box.y) + 2, width: 6, height: 6 });
    };
    await withPage(`#seed=1&lang=${lang}&theme=dark`, SIZES[0][1], async (page) => {
      assert.ok(await corner(page) < 0.05, 'theme=dark on a light system');
      assert.deepEqual(await contrastViolations(page), [], 'axe-core: text contrast with theme=dark');
    });
    await withPage(`#seed=1&lang=${lang}&theme=light`, SIZES[0][1], async (page) => {
      await page.emulateMedia({ colorScheme: 'dark' });
      assert.ok(await corner(page) > 0.9, 'theme=light on a dark system');
    });
  });
}
