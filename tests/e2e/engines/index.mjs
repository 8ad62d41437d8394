// One page interface over three engines, so that one journey runs in each:
//   chromium: playwright-core (as the rest of tests/e2e)
//   firefox:  Debian's firefox-esr through puppeteer-core over WebDriver BiDi
//   webkit:   Debian's WebKitWebDriver (WebKitGTK) under xvfb-run through selenium-webdriver
// A page: goto(url), evaluate(fn, arg) (fn is sent as source: it must not close over
// anything; its result must be JSON), click(selector), select(selector, value),
// type(selector, text) (then Tab or Enter, so the field's change fires), screenshot(file), close(). One page per engine at a time.
// Every call is bounded (bounded() below): a browser that does not answer is ended, not waited on.
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

// A driver call that has not answered in this long never will (the slowest, a load of the
// page under load, takes seconds): the browser is ended and the call fails, naming itself.
export const COMMAND_TIMEOUT = 60_000;
const LAUNCH_TIMEOUT = 90_000;  // Xvfb, the driver and a session, each bounded in the engine's module

/**
 * Starts the engine and returns its page (see above), with `engine` (its name), `end(why)`
 * (ends the browser's processes; every later call fails at once, saying why) and `ended`
 * (why it was ended, or null).
 */
export async function launch(engine) {
  const { launch: start } = await import(`./${engine}.mjs`);
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${engine}: the browser did not start in ${LAUNCH_TIMEOUT / 1000} s`)), LAUNCH_TIMEOUT);
  });
  const starting = start();
  starting.then((p) => { if (!timer) p.kill(); }, () => {});  // started too late: end it
  try {
    return bounded(await Promise.race([starting, late]), engine);
  } finally {
    clearTimeout(timer);
    timer = null;
  }
}

const describeCall = {
  goto: (url) => `goto ${url} (its load event)`,
  evaluate: (fn) => `evaluate \`${String(fn).replace(/\s+/g, ' ').slice(0, 160)}\``,
  click: (selector) => `click on ${selector}`,
  select: (selector, value) => `select ${value} in ${selector}`,
  type: (selector, text) => `type ${JSON.stringify(text)} into ${selector}`,
  screenshot: (file) => `screenshot to ${file}`,
  close: () => 'close (quit the session)',
};

// Each call of the page races COMMAND_TIMEOUT; the loser is the browser: its processes are
// ended (kill()), so the hung call and every later one fail at once instead of hanging the run.
export function bounded(raw, engine, timeout = COMMAND_TIMEOUT) {
  const page = { engine, ended: null };
  page.end = async (why) => {
    if (page.ended) return;
    page.ended = why;
    await raw.kill();
  };
  for (const [name, describe] of Object.entries(describeCall)) {
    page[name] = async (...args) => {
      const what = describe(...args);
      if (page.ended) {
        if (name === 'close') return;
        throw new Error(`${engine}: ${what} not sent: the browser was ended after ${page.ended}`);
      }
      let timer;
      let timedOut = false;
      const late = new Promise((_, reject) => {
        timer = setTimeout(() => { timedOut = true; reject(new Error(`${engine}: ${what} did not answer in ${timeout / 1000} s; the browser was ended`)); }, timeout);
      });
      try {
        return await Promise.race([raw[name](...args), late]);
      } catch (e) {
        // endBrowser: the engine's module found its session gone (e.g. webkit.mjs's screenshot)
        if (timedOut || e.endBrowser) await page.end(timedOut ? `${what} did not answer in ${timeout / 1000} s` : e.message);
        throw e;
      } finally {
        clearTimeout(timer);
      }
    };
  }
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
