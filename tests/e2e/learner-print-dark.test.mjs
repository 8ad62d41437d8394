// Journey: a learner prints, reads in the dark, and uses assistive tech (issue 9 point 11, issue 20
// §8), in Chromium against dist/:
//  - dark: with the system in dark mode the page's background is dark in a screenshot, the plot's
//    data colours are the same pixels as in light, and axe-core finds no text under 4.5:1; the
//    URL key theme forces dark on a light system and light on a dark one
//  - axe-core: no serious or critical violation untrained and trained with the panels open, in ja
//    and en, and no touch target under 24 px
//  - print: a learner steps a few epochs without scrolling, then prints; the views the page skipped
//    while they were off-screen (the charts at 1280 × 400, the network's thumbnails on a 390 px
//    phone) are drawn for paper, the thumbnails the same pixels as a page that always saw them
// Colours do not depend on the language or the width, so dark runs once (ja, 1280 px).
// Screenshot: test-results/dark-ja-1280.png.
// Run: node --test tests/e2e/learner-print-dark.test.mjs (after node scripts/build.mjs)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { until } from './support.mjs';
import { journey } from './journey.mjs';
import {
  PHONE, RESULTS, WIDE, blank, canvasPixels, contrastViolations, learnerBrowser, seriousViolations, stepEpochs, stepTo, switchLanguage,
} from './learner-steps.mjs';

const open = learnerBrowser();

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

// main's padding: the page's background
const cornerOf = async (page) => {
  const b = await page.locator('main').boundingBox();
  return { x: Math.round(b.x) + 2, y: Math.round(b.y) + 2, width: 6, height: 6 };
};

// Interactive elements smaller than 24 × 24 px (a checkbox or radio counts with its label).
const smallTargets = (page) => page.evaluate(() => {
  const out = [];
  for (const el of document.querySelectorAll('button, select, input, [role=button], [tabindex="0"], summary')) {
    if (!el.checkVisibility({ visibilityProperty: true }) || el.closest('.u-legend')) continue;
    const target = ['checkbox', 'radio'].includes(el.type) && el.closest('label') ? el.closest('label') : el;
    const r = target.getBoundingClientRect();
    // a line (an SVG stroke) is as thick as its stroke, which its bounding box leaves out
    const stroke = el instanceof SVGGeometryElement ? parseFloat(getComputedStyle(el).strokeWidth) || 0 : 0;
    if (Math.max(r.width, stroke) < 24 || Math.max(r.height, stroke) < 24) {
      out.push(`${el.tagName.toLowerCase()}#${el.id}.${el.getAttribute('class') ?? ''} ${Math.round(r.width)}×${Math.round(r.height)}`);
    }
  }
  return out;
});

test('journey: a learner prints, reads in the dark, and uses assistive tech', { timeout: 420_000 }, async (t) => {
  const step_ = journey(t);
  let s = await open(WIDE);
  let seen;  // the thumbnail of a page that saw the network all along
  try {
    const desk = s;
    const { page } = desk;

    await step_('a dark system gets a dark page with the same data colours and text contrast ≥ 4.5:1', async () => {
      await desk.visit('#seed=1&lang=ja');
      const corner = await cornerOf(page);
      const heatmapLight = await canvasPixels(page, '#heatmap');
      const pointsLight = await canvasPixels(page, '#points');
      const lightShot = await page.screenshot();
      assert.ok(await luminance(page, lightShot, corner) > 0.9, 'light by default');
      await page.emulateMedia({ colorScheme: 'dark' });
      const darkShot = await page.screenshot({ path: path.join(RESULTS, 'dark-ja-1280.png') });
      const dark = await luminance(page, darkShot, corner);
      assert.ok(dark < 0.05, `dark background: luminance ${dark.toFixed(3)}`);
      assert.deepEqual(await canvasPixels(page, '#heatmap'), heatmapLight, 'the plot\'s colours are the same');
      assert.deepEqual(await canvasPixels(page, '#points'), pointsLight, 'the data points\' colours are the same');
      const hb = await page.locator('#heatmap').boundingBox();
      const inPlot = { x: Math.round(hb.x) + 20, y: Math.round(hb.y) + 20, width: 10, height: 10 };
      assert.equal((await luminance(page, darkShot, inPlot)).toFixed(3), (await luminance(page, lightShot, inPlot)).toFixed(3), 'the plot on screen is unchanged');
      assert.deepEqual(await contrastViolations(page), [], 'axe-core: text contrast in dark');
    });

    await step_('the URL key theme forces light on a dark system and dark on a light one (for embedding)', async () => {
      await desk.visit('#seed=1&lang=en&theme=light');  // the system is still dark
      assert.ok(await luminance(page, await page.screenshot(), await cornerOf(page)) > 0.9, 'theme=light on a dark system');
      await page.emulateMedia({ colorScheme: 'light' });
      await desk.visit('#seed=1&lang=en&theme=dark');
      assert.ok(await luminance(page, await page.screenshot(), await cornerOf(page)) < 0.05, 'theme=dark on a light system');
      assert.deepEqual(await contrastViolations(page), [], 'axe-core: text contrast with theme=dark');
    });

    await step_('axe-core: no serious or critical violation untrained and trained, panels open, in ja and en; touch targets ≥ 24 px', async () => {
      await desk.visit('#lang=ja&seed=1&showValidationData=true');
      await page.click('#comparePanel summary');
      await page.click('#descentPanel summary');
      for (const when of ['untrained', 'trained', 'trained, in English']) {
        if (when === 'trained') {
          await stepEpochs(page, 5);
          await page.click('#testButton');
          await page.click('#stepBatch');
          await until(page, () => window.__nnplay.snapshot.batch === 1 && document.querySelectorAll('#testTable tbody tr').length === 1,
            undefined, { what: 'one batch stepped and one test row', seen: () => ({ batch: window.__nnplay.snapshot.batch, rows: document.querySelectorAll('#testTable tbody tr').length }) });
        }
        if (when === 'trained, in English') await switchLanguage(page, 'en');
        assert.deepEqual(await seriousViolations(page), [], when);
        assert.deepEqual(await smallTargets(page), [], `${when}: targets under 24 px`);
      }
    });

    await step_('1280 × 400: printing draws the charts even when they were never scrolled near', async () => {
      await page.setViewportSize({ width: 1280, height: 400 });
      await desk.visit('#seed=1&lang=ja');
      await stepTo(page, 3);
      assert.equal(await page.evaluate(() => document.querySelectorAll('#lossChart canvas').length), 0, 'no chart yet: below the window');
      await page.emulateMedia({ media: 'print' });
      await until(page, () => {
        const c = document.querySelector('#lossChart canvas');
        if (!c) return false;
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        return d.some((v, i) => i % 4 === 3 && v > 0);
      }, undefined, { what: 'the loss chart drawn for print' });
      assert.match(await page.locator('#lossChart .u-legend').innerText(), /訓練/);
      // the language button is not printed: back on screen to switch, then on paper again
      await page.emulateMedia({ media: 'screen' });
      await switchLanguage(page, 'en');
      await page.emulateMedia({ media: 'print' });
      assert.match(await page.locator('#lossChart .u-legend').innerText(), /Train/);
    });

    await step_('1280 × 900: a page that sees the network all along, at epoch 3 of XOR', async () => {
      await page.emulateMedia({ media: null });
      await page.setViewportSize(WIDE.viewport);
      await desk.visit('#seed=1&dataset=xor&lang=ja');
      await stepTo(page, 3);
      seen = await canvasPixels(page, '.layer.hidden canvas.thumb');
      assert.ok(!blank(seen), 'the thumbnail is drawn on the desktop');
    });
    await desk.close();
    s = null;

    s = await open(PHONE);
    const phone = s;
    await step_('390 px phone: printing draws the network skipped off-screen, as the desktop page saw it', async () => {
      const p = phone.page;
      await phone.visit('#seed=1&dataset=xor&lang=ja');
      await stepTo(p, 3, true);
      assert.ok(blank(await canvasPixels(p, '.layer.hidden canvas.thumb')), 'the network is below the first screen: not drawn yet');
      await p.emulateMedia({ media: 'print' });
      await until(p, () => document.querySelector('.layer.hidden canvas.thumb').getContext('2d').getImageData(5, 5, 1, 1).data[3] > 0, undefined, { what: 'the network drawn for print' });
      assert.deepEqual(await canvasPixels(p, '.layer.hidden canvas.thumb'), seen, 'the printed thumbnail shows epoch 3, as on the desktop');
      assert.ok(!blank(await canvasPixels(p, '#heatmap')), 'the plot is drawn');
      const pdf = await p.pdf({ width: '390px', height: '844px' });
      assert.ok(pdf.length > 10_000, `a PDF of ${pdf.length} bytes`);
    });
  } finally {
    await s?.close();
  }
});
