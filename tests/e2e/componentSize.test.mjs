// <nnplay-playground> trusts its frame's `size` message no more than its height attribute
// (issue 22): a frame reporting 1e9, "1e9", 1e308 or NaN cannot make the article 1e9 px tall.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { REPO, WAIT, launchChromium, startServer, watchProblems } from './support.mjs';

let srv, browser;

before(async () => {
  srv = await startServer({ '/': REPO });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await srv?.close();
});

test("a frame's size messages are clamped to 200..20,000 px, and only finite numbers are taken", async () => {
  const page = await browser.newPage();
  const { problems } = watchProblems(page);
  await page.goto(`${srv.origin}/tests/e2e/fixtures/component-size.html`);
  await page.waitForFunction(() => document.getElementById('pg').shadowRoot.querySelector('iframe').contentWindow?.__nnplay, null, { timeout: WAIT });
  const frame = page.frames().find((f) => f.url().includes('/dist/index.html'));
  assert.ok(frame);
  await frame.waitForFunction(() => window.__nnplay?.snapshot, null, { timeout: WAIT });
  // what a hostile or broken page inside the frame could send; 4321 last, to know all were handled
  await frame.evaluate(() => {
    for (const height of [1e9, '1e9', 1e308, NaN, Infinity, -5, 4321]) parent.postMessage({ source: 'nnplay', type: 'size', height }, '*');
  });
  await page.waitForFunction(() => window.sizes.some(([h]) => h === 4321), null, { timeout: WAIT });
  const sizes = await page.evaluate(() => window.sizes);
  // the page's own reports may come in between: they are finite and within the bounds too
  for (const [height, style] of sizes) {
    assert.equal(typeof height, 'number');
    assert.ok(height >= 200 && height <= 20000, `size event ${height}`);
    assert.equal(style, `${height}px`, 'the frame is as tall as the event says');
  }
  const hostile = sizes.map(([h]) => h).filter((h) => h === 20000 || h === 200 || h === 4321);
  assert.deepEqual(hostile, [20000, 20000, 200, 4321], '1e9 and 1e308 clamped, -5 raised to 200, "1e9", NaN and Infinity ignored');
  assert.ok(await page.evaluate(() => document.documentElement.scrollHeight) < 25000, 'the article stays within the bounds');
  assert.deepEqual(problems, []);
  await page.close();
});
