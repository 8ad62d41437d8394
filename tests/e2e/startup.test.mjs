// Start-up work, the deterministic part of Lighthouse's blocking time (npm run audit and
// scripts/trace-startup.mjs measure the rest): the page does not write again what its
// static HTML already says, and the charts' library is loaded only when a chart is made
// (over http and from file://).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, launchChromium, newSession, nextFrames, startServer, until, waitForEngine } from './support.mjs';

let srv, browser;

before(async () => {
  srv = await startServer({ '/': DIST });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await srv?.close();
});

// A MutationObserver from the end of parsing, before the page's script runs: every change to the prerendered texts,
// their labels and the document's language until the engine has run.
function recordTextWrites() {
  window.__writes = [];
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      const el = r.type === 'characterData' ? r.target.parentElement : r.target;
      const tagged = el?.closest?.('[data-i18n],[data-i18n-label],[data-i18n-aria]');
      if (r.target === document.documentElement && r.attributeName === 'lang') window.__writes.push('html lang');
      else if (tagged && el === tagged && (r.type === 'attributes' ? ['aria-label', 'title'].includes(r.attributeName) : tagged.dataset.i18n))  // a text, or a label
        window.__writes.push(`${r.type} ${r.attributeName ?? ''} ${tagged.dataset.i18n ?? tagged.dataset.i18nLabel ?? tagged.dataset.i18nAria}`);
    }
  });
  // from the end of parsing, which is before the deferred app.js runs
  document.addEventListener('readystatechange', () => {
    if (document.readyState === 'interactive') observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['lang', 'aria-label', 'title'] });
  });
}

test('in Japanese, start-up leaves the prerendered texts and labels alone (no restyle of the whole page)', async () => {
  const s = await newSession(browser, { initScript: recordTextWrites });
  try {
    await s.page.goto(`${srv.origin}/index.html#seed=1`);
    await waitForEngine(s.page);
    assert.deepEqual(await s.page.evaluate(() => window.__writes), []);
    // the recorder sees writes: switching to English rewrites them
    await s.page.click('#language');
    await until(s.page, () => document.documentElement.lang === 'en', undefined, { what: 'lang=en after the language button' });
    const writes = await s.page.evaluate(() => window.__writes);
    assert.ok(writes.includes('html lang') && writes.length > 50, `${writes.length} writes after the switch`);
    assert.deepEqual(s.problems, [], s.problems.join(' | '));
  } finally {
    await s.context.close();
  }
});

for (const [where, url] of [['over http', () => `${srv.origin}/index.html#seed=1`], ['from file://', () => `${pathToFileURL(path.join(DIST, 'index.html')).href}#seed=1`]]) {
  test(`uplot.js is loaded only when the charts come near the screen (${where})`, async () => {
    // a short desktop window: on a phone the charts are on the first screen (issue 20 §7)
    const s = await newSession(browser, { context: { viewport: { width: 1280, height: 400 } } });
    try {
      await s.page.goto(url());
      await waitForEngine(s.page);
      await nextFrames(s.page);  // the IntersectionObserver reports in the frame after the layout
      assert.deepEqual(s.requests.filter((u) => u.endsWith('/uplot.js')), [], 'not at start-up: the charts are below the first screen');
      await s.page.locator('#lossChart').scrollIntoViewIfNeeded();
      await until(s.page, () => document.querySelectorAll('#lossChart .u-legend .u-series').length === 3 && document.querySelectorAll('#accChart .u-legend .u-series').length === 3,
        undefined, { what: 'both charts' });
      assert.equal(s.requests.filter((u) => u.endsWith('/uplot.js')).length, 1);
      assert.deepEqual(s.problems, [], s.problems.join(' | '));
    } finally {
      await s.context.close();
    }
  });
}

// The plot and the network are not drawn while off-screen (the network is below a phone's
// first screen at start-up: its drawing was the longest start-up task); scrolled into view
// they show the latest snapshot, pixel for pixel what a page that always saw them shows.
test('on a phone the plot and the network are drawn when scrolled into view, with the latest snapshot', async () => {
  const hash = '#seed=1&dataset=xor';
  const pixels = (page) => page.evaluate(() => {
    const read = (c) => Array.from(c.getContext('2d').getImageData(0, 0, c.width, c.height).data);
    return { heatmap: read(document.getElementById('heatmap')), thumb: read(document.querySelector('.layer.hidden canvas.thumb')) };
  });
  const blank = (a) => a.every((v) => v === 0);
  const stepTo = async (page, epoch) => {
    while (await page.evaluate(() => window.__nnplay.snapshot.epoch) < epoch) {
      const e = await page.evaluate(() => window.__nnplay.snapshot.epoch);
      await page.click('#step');
      await until(page, (n) => window.__nnplay.snapshot.epoch > n, e, { what: `epoch ${e + 1} after #step` });
    }
  };
  const phone = await newSession(browser, { context: { viewport: { width: 412, height: 823 } } });
  const desk = await newSession(browser);
  try {
    await phone.page.goto(`${srv.origin}/index.html${hash}`);
    await waitForEngine(phone.page);
    await stepTo(phone.page, 3);
    const before = await pixels(phone.page);
    assert.ok(blank(before.thumb), 'the network is not drawn while below the first screen');
    assert.ok(!blank(before.heatmap), 'the plot is on a phone\'s first screen (issue 20 §7): drawn at once');
    await phone.page.locator('#heatmap').scrollIntoViewIfNeeded();
    await until(phone.page, () => document.getElementById('heatmap').getContext('2d').getImageData(50, 50, 1, 1).data[3] > 0, undefined, { what: 'the plot drawn' });
    await phone.page.locator('.layer.hidden canvas.thumb').first().scrollIntoViewIfNeeded();
    await until(phone.page, () => document.querySelector('.layer.hidden canvas.thumb').getContext('2d').getImageData(5, 5, 1, 1).data[3] > 0, undefined, { what: 'a thumbnail drawn' });

    await desk.page.goto(`${srv.origin}/index.html${hash}`);
    await waitForEngine(desk.page);
    await stepTo(desk.page, 3);
    const [a, b] = [await pixels(phone.page), await pixels(desk.page)];
    assert.ok(!blank(b.heatmap), 'the desktop page draws at once');
    assert.ok(a.heatmap.every((v, i) => v === b.heatmap[i]), 'the plot shows epoch 3, as on the desktop');
    assert.ok(a.thumb.every((v, i) => v === b.thumb[i]), 'the thumbnail shows epoch 3, as on the desktop');
    assert.deepEqual([...phone.problems, ...desk.problems], []);
  } finally {
    await phone.context.close();
    await desk.context.close();
  }
});
