// One page interface over three engines, so that one journey runs in each:
//   chromium: playwright-core (as the rest of tests/e2e)
//   firefox:  Debian's firefox-esr through puppeteer-core over WebDriver BiDi
//   webkit:   Debian's WebKitWebDriver (WebKitGTK) under xvfb-run through selenium-webdriver
// A page: goto(url), evaluate(fn, arg) (fn is sent as source: it must not close over
// anything; its result must be JSON), click(selector), select(selector, value),
// type(selector, text) (then Tab or Enter, so the field's change fires), screenshot(file), close(). One page per engine at a time.
// Errors are recorded inside the page (recorder.js, injected by server.mjs) and read with errors().
// NNPLAY_ENGINES=firefox,webkit picks engines (default: all three).
// The files of this folder are helpers: their names must not match what `node --test tests/e2e/`
// runs (*.test.mjs, *-test.mjs, *_test.mjs, test-*.mjs, or anything in a folder named test).
import fs from 'node:fs';
import path from 'node:path';
import { REPO, WAIT } from '../support.mjs';

export const ALL_ENGINES = ['chromium', 'firefox', 'webkit'];
export const ENGINES = (process.env.NNPLAY_ENGINES ?? ALL_ENGINES.join(',')).split(',').map((s) => s.trim()).filter(Boolean);
for (const e of ENGINES) if (!ALL_ENGINES.includes(e)) throw new Error(`NNPLAY_ENGINES: unknown engine ${JSON.stringify(e)}; allowed: ${ALL_ENGINES.join(', ')}`);

export const SCREENSHOTS = path.join(REPO, 'test-results', 'engines');

/** Starts the engine and returns its page (see above), with `engine` (its name). */
export async function launch(engine) {
  const { launch: start } = await import(`./${engine}.mjs`);
  const page = await start();
  page.engine = engine;
  return page;
}

/**
 * Waits until predicate(arg), evaluated in the page, returns something truthy, and returns it.
 * The state is polled (every 50 ms); after `timeout` the error names what was waited for,
 * with the page's recorded errors.
 */
export async function waitFor(page, predicate, arg, { what, timeout = WAIT } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      // a frozen page never answers: that too ends at the deadline, as a failure
      let stop;
      const frozen = new Promise((_, reject) => { stop = setTimeout(() => reject(new Error('the page did not answer (frozen?)')), Math.max(1000, deadline - Date.now())); });
      const v = await Promise.race([page.evaluate(predicate, arg), frozen]).finally(() => clearTimeout(stop));
      if (v) return v;
      last = v;
    } catch (e) {
      last = `evaluation failed: ${e.message.split('\n')[0]}`;  // e.g. during a navigation
    }
    if (Date.now() > deadline) {
      const recorded = await Promise.race([errors(page), new Promise((done) => setTimeout(() => done(['(the page did not answer)']), 2000))]).catch(() => []);
      throw new Error(`${page.engine}: timed out after ${timeout} ms waiting for ${what ?? predicate.toString()} (last: ${JSON.stringify(last)}; page errors: ${recorded.join(' | ') || 'none'})`);
    }
    await new Promise((done) => setTimeout(done, 50));
  }
}

/** What recorder.js saw in the page (and, with frame = a CSS selector of an iframe, in that frame). */
export const errors = (page, frame = null) => page.evaluate((sel) => {
  const win = sel ? document.querySelector(sel)?.contentWindow : window;
  return [...(win?.__engineErrors ?? ['no recorder in this page'])];
}, frame);

/** Saves a screenshot as test-results/engines/<engine>-<name>.png and returns its path. */
export async function screenshot(page, name) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${page.engine}-${name}.png`);
  await page.screenshot(file);
  return file;
}
