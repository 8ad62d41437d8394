// Helpers for the learner's journeys (tests/e2e/learner-*.test.mjs): one server and Chromium per
// file, a page the journey re-visits by URL instead of opening a new context per check, and the
// ways a learner reads the page (read-outs, the test table, canvases, boxes).
import { before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { REPO, loadPlayground, newSession, servedChromium, until } from './support.mjs';

export const RESULTS = path.join(REPO, 'test-results');
const AXE = path.join(REPO, 'node_modules/axe-core/axe.min.js');
export const WIDE = { viewport: { width: 1280, height: 900 } };
export const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 1 };

/**
 * Registers the file's hooks (dist/ built, a server on dist/, one Chromium, test-results/) and
 * returns open(contextOptions): a new context and page whose visit(hash) loads the playground at
 * hash (a real reload, also when only the hash differs), press(selector) clicks or taps as that
 * context's learner does, and close() requires that nothing went wrong on the page (dialogs
 * included) before closing the context.
 */
export function learnerBrowser() {
  const env = servedChromium();
  before(() => fs.mkdir(RESULTS, { recursive: true }));
  return async function open(context = WIDE) {
    const s = await newSession(env.browser, { context, dialogsAreProblems: true });
    const touch = !!context.hasTouch;
    return {
      ...s,
      visit: async (hash) => {
        await s.page.goto('about:blank');
        await loadPlayground(s.page, env.url(hash));
      },
      press: async (selector) => {
        const el = s.page.locator(selector).first();
        await el.scrollIntoViewIfNeeded();
        if (touch) await el.tap(); else await el.click();
      },
      noProblems: () => assert.deepEqual(s.problems, [], s.problems.join(' | ')),
      close: async () => {
        try {
          assert.deepEqual(s.problems, [], s.problems.join(' | '));
        } finally {
          await s.context.close();
        }
      },
    };
  };
}

export const shot = (page, name) => page.screenshot({ path: path.join(RESULTS, `${name}.png`) });
export const near = (a, b, tol, what) => assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b} (±${tol})`);
export const number = async (page, selector) => Number(await page.textContent(selector));

/** Clicks the language button and waits until the page is in `to`. */
export async function switchLanguage(page, to) {
  await page.click('#language');
  await until(page, (lang) => document.documentElement.lang === lang, to, { what: `lang=${to}` });
}

/** Presses Step n times (one epoch each) and waits for the epochs. */
export async function stepEpochs(page, n) {
  const before = await page.evaluate(() => window.__nnplay.snapshot.epoch);
  for (let i = 0; i < n; i++) await page.click('#step');
  await until(page, (e) => window.__nnplay.snapshot.epoch >= e || window.__nnplay.snapshot.diverged, before + n, { what: `epoch ${before + n}` });
}

/** Steps one epoch at a time (clicks or taps) until the snapshot's epoch is `epoch`. */
export async function stepTo(page, epoch, touch = false) {
  while (await page.evaluate(() => window.__nnplay.snapshot.epoch) < epoch) {
    const e = await page.evaluate(() => window.__nnplay.snapshot.epoch);
    if (touch) await page.tap('#step'); else await page.click('#step');
    await until(page, (n) => window.__nnplay.snapshot.epoch > n, e, { what: `epoch ${e + 1}` });
  }
}

/** One-batch step: waits for the snapshot that has one more batch (or a new epoch). */
export async function stepBatch(page, press) {
  const before = await page.evaluate(() => [window.__nnplay.snapshot.epoch, window.__nnplay.snapshot.batch]);
  await press('#stepBatch');
  await until(page, ([e, b]) => {
    const s = window.__nnplay.snapshot;
    return s.epoch > e || s.batch > b;
  }, before, { what: `the snapshot after one batch (was epoch ${before[0]}, batch ${before[1]})` });
}

/** Opens a <details> panel by its summary, as a learner does. */
export async function openPanel(page, press, id) {
  if (!(await page.evaluate((i) => document.getElementById(i).open, id))) await press(`#${id} > summary`);
  await until(page, (i) => document.getElementById(i).open, id, { what: `#${id} open` });
}

// ---- step 8

/** The test table as the learner reads it: one array of cell texts per row. */
export const tableRows = (page) => page.$$eval('#testTable tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
/** The test summary's text and its loss and accuracy (null when not shown). */
export async function testSummary(page) {
  const text = await page.textContent('#testSummary');
  const loss = text.match(/Test loss: ([\d.]+)/)?.[1];
  const acc = text.match(/Test acc: ([\d.]+)/)?.[1];
  return { text, loss: loss === undefined ? null : Number(loss), acc: acc === undefined ? null : Number(acc) };
}

/** Clicks the plot at data coordinates (x, y). */
export async function clickPlot(page, x, y) {
  await page.locator('#points').scrollIntoViewIfNeeded();
  const box = await page.locator('#points').boundingBox();
  await page.mouse.click(box.x + ((x + 6) / 12) * box.width, box.y + ((6 - y) / 12) * box.height);
}

// ---- the network

/** Page coordinates of the middle of the i-th weight line. */
export const weightPoint = (page, i) => page.evaluate((k) => {
  const p = document.querySelectorAll('#links .link-hover')[k];
  const pt = p.getPointAtLength(p.getTotalLength() / 2);
  const m = p.getScreenCTM();
  return { x: pt.x * m.a + m.e, y: pt.y * m.d + m.f };
}, i);

// ---- pixels and boxes

/** Pixels of a canvas, as a string to compare. */
export const pixels = (page, selector) => page.$eval(selector, (c) => Array.from(c.getContext('2d').getImageData(0, 0, c.width, c.height).data).join(','));
/** Pixels of a canvas, as an array. */
export const canvasPixels = (page, selector) => page.evaluate((sel) => {
  const c = document.querySelector(sel);
  return Array.from(c.getContext('2d').getImageData(0, 0, c.width, c.height).data);
}, selector);
export const blank = (a) => a.every((v) => v === 0);
/** RGB of a canvas pixel (canvas coordinates) of the index-th element matching selector. */
export const pixel = (page, selector, x, y, index = 0) => page.evaluate(([sel, px, py, k]) => [...document.querySelectorAll(sel)[k].getContext('2d').getImageData(px, py, 1, 1).data].slice(0, 3), [selector, x, y, index]);
export const isOrange = ([r, , b]) => r > b + 60;
export const isBlue = ([r, , b]) => b > r + 60;

/** The first matching element's viewport box. */
export const box = (page, selector) => page.locator(selector).first().evaluate((el) => { const r = el.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height }; });
export const noSidewaysScroll = (page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

// ---- the compare panel

/** A compare card's table as the learner reads it: rows of cell texts. */
export const cardRows = (page, i) => page.$eval(`.compare-run:nth-child(${i + 1}) .compare-metrics`, (t) => [...t.rows].map((r) => [...r.cells].map((c) => c.textContent)));
/** Train and validation columns, loss and accuracy rows, each with a number. */
export function assertLabelled(rows, lang) {
  const [train, valid, loss, acc] = lang === 'ja' ? ['訓練', '精度検証', '損失', '正解率'] : ['Train', 'Validation', 'loss', 'accuracy'];
  assert.deepEqual(rows[0], ['', train, valid], 'the columns say train and validation');
  assert.deepEqual([rows[1][0], rows[2][0]], [loss, acc], 'the rows say loss and accuracy');
  for (const r of rows.slice(1, 3)) for (const v of r.slice(1)) assert.match(v, /^\d+\.\d{3}$/, `a number in ${r}`);
}

// ---- axe-core

/** axe-core's serious and critical violations (target-size on), as short lines. */
export async function seriousViolations(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'], rules: { 'target-size': { enabled: true } } }));
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

/** axe-core's colour-contrast violations (text under 4.5:1). */
export async function contrastViolations(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: ['color-contrast'] });
    return r.violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(' ')}: ${n.any[0]?.message ?? ''}`));
  });
}

/** Clicks or taps (`how`) a weight line in the network and waits until the inspector panel is open and in view. */
export async function weightBringsInspector(page, how = 'click') {
  await page.evaluate(() => window.scrollTo(0, 0));
  const hit = page.locator('#links path.link-hover').nth(1);
  await hit.scrollIntoViewIfNeeded();
  await hit[how]({ force: true });
  await until(page, () => {
    const r = document.getElementById('inspectorPanel').getBoundingClientRect();
    return document.getElementById('inspectorPanel').open && r.top >= 0 && r.top < innerHeight - 100;
  }, undefined, { what: `the inspector panel in view after a weight ${how}` });
}

/**
 * Turns test data off, then presses the plot's test point button, which says so in the status line;
 * requires that line to end above the plot. Returns the plot's box.
 */
export async function statusAbovePlot(page, press) {
  await press('#showTestData');
  await until(page, () => !window.__nnplay.state.showTestData, undefined, { what: 'showTestData off' });
  await press('#points');
  await until(page, () => !document.getElementById('status').hidden, undefined, { what: 'the status line (turn on test data first)' });
  const [status, heat] = await Promise.all(['#status', '#heatmap'].map((q) => page.locator(q).boundingBox()));
  assert.ok(status.y + status.height <= heat.y + 0.5, `the status line ends above the plot: ${JSON.stringify({ status, heat })}`);
  return heat;
}
