// First paint, the deterministic part of issue 10's Lighthouse goals (npm run audit measures
// the rest): the page reads right in its default language before any script runs, it
// paints while its script is still loading, and nothing moves when the script arrives.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { DIST, REPO, launchChromium, nextFrames, startServer, waitFor, waitForEngine } from './support.mjs';
import { loadMessages } from '../../scripts/prerender.mjs';

let srv, browser, ja;

before(async () => {
  srv = await startServer({ '/': DIST });
  browser = await launchChromium();
  ({ ja } = await loadMessages(path.join(REPO, 'web/src/i18n/ja.ts')));
});

after(async () => {
  await browser?.close();
  await srv?.close();
});

test('without scripts, every text and label is there in Japanese', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${srv.origin}/index.html`);
  const { texts, labels } = await page.evaluate(() => ({
    texts: [...document.querySelectorAll('[data-i18n]')].map((el) => [el.dataset.i18n, el.textContent]),
    labels: [...document.querySelectorAll('[data-i18n-label]')].map((el) => [el.dataset.i18nLabel, el.getAttribute('aria-label'), el.title]),
  }));
  assert.ok(texts.length > 50);
  for (const [key, text] of texts) assert.equal(text, ja[key], key);
  for (const [key, label, title] of labels) assert.deepEqual([label, title], [ja[key], ja[key]], key);
  assert.match(await page.innerText('header'), /ニューラルネットワーク Playground/);
  await context.close();
});

test('the page paints before its script has arrived', async () => {
  const page = await browser.newPage();
  let release;
  const held = new Promise((r) => (release = r));
  await page.route(`${srv.origin}/app.js`, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${srv.origin}/index.html`, { waitUntil: 'commit' });
  const fcp = await waitFor(page, () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime, undefined, { what: 'the first contentful paint' }).then((h) => h.jsonValue());
  assert.ok(fcp > 0);
  assert.equal(await page.evaluate(() => window.__nnplay), undefined, 'app.js has not run yet');
  release();
  await waitFor(page, () => window.__nnplay?.snapshot, undefined, { what: 'the engine after app.js arrived' });
  await page.close();
});

// Layout-shift entries (the browser's own CLS input) summed from before the first paint until
// the engine runs: the sizes app.js fills in are reserved in styles.css.
for (const viewport of [{ width: 412, height: 823 }, { width: 1280, height: 1000 }]) {
  test(`no layout shift when the script arrives after the first paint (${viewport.width} px)`, async () => {
    const page = await browser.newPage({ viewport });
    await page.addInitScript(() => {
      window.__shift = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    // app.js is held until the page has painted, so that it arrives after the first paint
    let release;
    const held = new Promise((r) => (release = r));
    await page.route(`${srv.origin}/app.js`, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${srv.origin}/index.html#seed=1`, { waitUntil: 'commit' });
    await waitFor(page, () => performance.getEntriesByName('first-contentful-paint').length > 0, undefined, { what: 'the first contentful paint' });
    release();
    await waitForEngine(page);  // the first snapshot drawn and the dataset thumbnails painted
    await nextFrames(page);     // layout shifts are reported after the frame that made them
    const shift = await page.evaluate(() => window.__shift);
    assert.ok(shift <= 0.05, `cumulative layout shift ${shift.toFixed(3)} > 0.05`);
    await page.close();
  });
}
