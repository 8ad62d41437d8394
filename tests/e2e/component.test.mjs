// <nnplay-playground>: attributes become the page's URL state; the page's postMessage
// events come out as DOM events on the element.
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

test('the web component passes its attributes as URL state and re-dispatches epoch events', async () => {
  const page = await browser.newPage();
  const { problems } = watchProblems(page);
  await page.goto(`${srv.origin}/tests/e2e/fixtures/component.html`);
  const src = await page.evaluate(() => document.getElementById('pg').shadowRoot.querySelector('iframe').src);
  assert.match(src, /\/dist\/index\.html#/);
  assert.match(src, /learningRate=0\.3/);
  assert.match(src, /networkShape=3%2C3|networkShape=3,3/);
  assert.match(src, /hideText=true/);
  assert.match(src, /xSquared_hide=true/);
  assert.doesNotMatch(src, /bogus/, 'attributes that are not state keys stay out of the URL');
  // the iframe loads lazily and may not have navigated yet (other test files share the cores)
  await page.waitForFunction(() => document.getElementById('pg').shadowRoot.querySelector('iframe').contentWindow?.__nnplay, null, { timeout: WAIT });
  const frame = page.frames().find((f) => f.url().includes('/dist/index.html'));
  assert.ok(frame);
  await frame.waitForFunction(() => window.__nnplay?.snapshot, null, { timeout: WAIT });
  const state = await frame.evaluate(() => window.__nnplay.state);
  assert.equal(state.learningRate, 0.3);
  assert.deepEqual(state.networkShape, [3, 3]);
  assert.equal(state.dataset, 'xor');
  assert.ok(await frame.evaluate(() => getComputedStyle(document.querySelector('header')).display === 'none'), 'hideText hides the header');
  await frame.click('#step');
  await frame.click('#step');
  await page.waitForFunction(() => window.epochs.length >= 2, null, { timeout: WAIT });
  const events = await page.evaluate(() => window.epochs);
  assert.equal(events[0].type, 'epoch');
  assert.equal(events[0].source, 'nnplay');
  assert.ok(Number.isFinite(events[1].loss));
  assert.equal(events[1].epoch, 2);
  // changing an attribute reloads the page with the new state
  await page.evaluate(() => document.getElementById('pg').setAttribute('learningrate', '0.01'));
  await page.waitForFunction(() => document.getElementById('pg').shadowRoot.querySelector('iframe').src.includes('learningRate=0.01'));
  assert.deepEqual(problems, []);
  await page.close();
});
