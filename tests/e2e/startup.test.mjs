// Start-up work, the deterministic part of Lighthouse's blocking time (npm run audit and
// scripts/trace-startup.mjs measure the rest): the page does not write again what its
// static HTML already says, and the charts' library is loaded only when a chart is made
// (over http and from file://).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, launchChromium, newSession, startServer, until, waitForEngine } from './support.mjs';

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
    await until(s.page, () => document.documentElement.lang === 'en');
    const writes = await s.page.evaluate(() => window.__writes);
    assert.ok(writes.includes('html lang') && writes.length > 50, `${writes.length} writes after the switch`);
    assert.deepEqual(s.problems, [], s.problems.join(' | '));
  } finally {
    await s.context.close();
  }
});

for (const [where, url] of [['over http', () => `${srv.origin}/index.html#seed=1`], ['from file://', () => `${pathToFileURL(path.join(DIST, 'index.html')).href}#seed=1`]]) {
  test(`uplot.js is loaded only when the charts come near the screen (${where})`, async () => {
    const s = await newSession(browser, { context: { viewport: { width: 412, height: 823 } } });
    try {
      await s.page.goto(url());
      await waitForEngine(s.page);
      await s.page.waitForTimeout(300);  // a frame or two for the IntersectionObserver
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
