// Shared helpers for the Playwright tests in this folder: a static http server, Chromium,
// problem recording (console errors, page errors, crashes, failed requests, HTTP errors,
// dialogs) and the playground page's wait helpers (dist/index.html: load, step, pause).
//
// Needs /usr/bin/chromium (or CHROMIUM_PATH; scripts/setup.sh installs it) and `npm ci` (playwright-core).
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(HERE, '../..');
export const DIST = path.join(REPO, 'dist');
export const WAIT = 20_000;  // for anything a page should do in well under a second
export const VIEWPORT = { width: 1280, height: 1000 };

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

// ---- server and browser

/**
 * Starts a static GET/HEAD server on a free port of 127.0.0.1.
 * roots maps URL prefixes to folders, e.g. { '/__tmp/': tmpDir, '/': REPO }; a path is served
 * from the longest prefix it starts with, a prefix itself ('/') gets the folder's index.html.
 * Answers 403 for a path outside its folder, 404 for a missing file, 405 for other methods
 * and 204 for /favicon.ico; nothing is cached. Every path asked for is pushed to `served`.
 * @returns {Promise<{ server: http.Server, origin: string, served: string[], close: () => Promise<void> }>}
 */
export function startServer(roots) {
  const served = [];
  const mounts = Object.entries(roots).sort(([a], [b]) => b.length - a.length);
  const server = http.createServer(async (req, res) => {
    const send = (status, type, body) => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'text/plain', 'method not allowed');
      const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      served.push(pathname);
      if (pathname === '/favicon.ico') {
        res.writeHead(204, { 'Cache-Control': 'no-store' });
        return res.end();
      }
      const mount = mounts.find(([prefix]) => pathname.startsWith(prefix));
      if (!mount) return send(404, 'text/plain', 'not found');
      const [prefix, root] = mount;
      const file = path.resolve(root, `./${pathname.slice(prefix.length) || 'index.html'}`);
      if (file !== root && !file.startsWith(root + path.sep)) return send(403, 'text/plain', 'forbidden');
      const stat = await fs.stat(file).catch(() => null);
      if (!stat?.isFile()) return send(404, 'text/plain', 'not found');
      send(200, MIME[path.extname(file)] ?? 'application/octet-stream', await fs.readFile(file));
    } catch (e) {
      send(500, 'text/plain', String(e));
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve({
      server,
      served,
      origin: `http://127.0.0.1:${server.address().port}`,
      close: () => new Promise((done) => server.close(() => done())),
    }));
  });
}

/** Launches headless Chromium (CHROMIUM_PATH or /usr/bin/chromium) with the flags a sandboxed CI box needs. */
export function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** The newest modification time (ms) of any file below dir. */
export function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** The newest modification time of the page's sources (web/ and bindings/src/), to compare with dist/. */
export const newestSourceMtime = () => Math.max(newestMtime(path.join(REPO, 'web')), newestMtime(path.join(REPO, 'bindings/src')));

/** Runs `node scripts/build.mjs` when dist/ lacks the page or is older than its sources (a test's `before`). */
export function ensureFreshDist() {
  const app = path.join(DIST, 'app.js');
  if (existsSync(app) && existsSync(path.join(DIST, 'index.html')) && newestSourceMtime() <= statSync(app).mtimeMs) return;
  console.log('# dist/ is missing or older than web/ or bindings/src/: running node scripts/build.mjs');
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'] });
}

// ---- problems

/**
 * Records everything that should not happen on page: console errors (page and workers),
 * uncaught errors, crashes, failed requests and HTTP errors go to `problems`; dialogs
 * (alert/confirm/prompt) are dismissed and go to `dialogs`, or to `problems` as well with
 * dialogsAreProblems. Also records every request URL and console message.
 * ignoreBlobFailures: a failed blob: request (a download) is not a problem.
 * `fatal` resolves at the first uncaught error or crash (the page will likely never finish).
 */
export function watchProblems(page, { ignoreBlobFailures = false, dialogsAreProblems = false } = {}) {
  const problems = [];
  const dialogs = [];
  const requests = [];
  const consoleMessages = [];
  let fatalSeen;
  const fatal = new Promise((resolve) => { fatalSeen = resolve; });
  page.on('console', (m) => {
    consoleMessages.push({ type: m.type(), text: m.text(), fromWorker: m.worker() !== null });
    if (m.type() === 'error') problems.push(`console.error${m.worker() ? ' (worker)' : ''}: ${m.text()}`);
  });
  page.on('pageerror', (e) => { problems.push(`pageerror: ${e.message}`); fatalSeen(); });
  page.on('crash', () => { problems.push('page crashed'); fatalSeen(); });
  page.on('requestfailed', (r) => {
    // the browser drops a favicon request when the page navigates on: not a failure of the page
    if (/\/favicon\.svg$/.test(r.url()) && r.failure()?.errorText === 'net::ERR_ABORTED') return;
    if (!(ignoreBlobFailures && r.url().startsWith('blob:'))) problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
  });
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  page.on('request', (r) => requests.push(r.url()));
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    if (dialogsAreProblems) problems.push(`dialog ${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  page.on('worker', (w) => w.on('console', (m) => { if (m.type() === 'error') problems.push(`worker console.error: ${m.text()}`); }));
  return { problems, dialogs, requests, consoleMessages, fatal };
}

// ---- the playground page (dist/index.html)

/**
 * A fresh context (VIEWPORT, scale 1, plus `context` options) and page, with an optional
 * init script (runs before the page's own) and watchProblems(page, watch options).
 * @returns {Promise<{ context, page, problems, dialogs, requests, consoleMessages, fatal }>}
 */
export async function newSession(browser, { context: contextOptions = {}, initScript, ...watch } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, ...contextOptions });
  const page = await context.newPage();
  if (initScript) await page.addInitScript(initScript);
  return { context, page, ...watchProblems(page, watch) };
}

// What a playground page shows now, for a timeout's message: the snapshot, the status line,
// the loading screen and the language (a frame without the playground says what it has).
const PAGE_SUMMARY = () => {
  const n = window.__nnplay;
  const s = n?.snapshot;
  const st = document.getElementById('status');
  return {
    url: location.href.slice(0, 120),
    ...(n ? {} : { nnplay: 'not started' }),
    ...(s ? { epoch: s.epoch, batch: s.batch, playing: s.playing, diverged: s.diverged, stopped: s.stopped } : {}),
    ...(st && !st.hidden ? { status: st.textContent.slice(0, 160) } : {}),
    ...(document.getElementById('loading') ? { loading: !document.getElementById('loading').hidden } : {}),
    lang: document.documentElement.lang,
  };
};

/**
 * Waits until predicate(arg) is true in target (a page or a frame; predicate is sent as source:
 * it must not close over anything). On timeout the error says what it waited for (`what`) and
 * what it last saw: seen(arg) evaluated in target (default: the playground's snapshot and status).
 */
export async function waitFor(target, predicate, arg, { timeout = WAIT, what = predicate.toString(), seen = PAGE_SUMMARY } = {}) {
  try {
    return await target.waitForFunction(([src, a]) => (0, eval)(`(${src})`)(a), [predicate.toString(), arg], { timeout });  // eslint-disable-line no-eval
  } catch (e) {
    throw new Error(`timed out after ${timeout} ms waiting for ${what}; last seen: ${await lastSeen(target, seen, arg)} (${e.message.split('\n')[0]})`, { cause: e });
  }
}

async function lastSeen(target, seen, arg) {
  try {
    return JSON.stringify(await target.evaluate(([src, a]) => (0, eval)(`(${src})`)(a), [seen.toString(), arg]));  // eslint-disable-line no-eval
  } catch (e) {
    return `(could not read the page: ${e.message.split('\n')[0]})`;
  }
}

/**
 * Waits until predicate(arg) is true in the page; fails at once (with the message) when the
 * page shows an engine error instead. predicate is sent as source: it must not close over anything.
 * On timeout the error names `what` and what the page last showed (`seen`, as for waitFor).
 */
export async function until(page, predicate, arg, { timeout = WAIT, what = predicate.toString(), seen = PAGE_SUMMARY } = {}) {
  let handle;
  try {
    handle = await page.waitForFunction(([src, a]) => {
      const st = document.getElementById('status');
      if (st && !st.hidden && /エンジンでエラーが起きました|The engine reported an error/.test(st.textContent)) return { engineError: st.textContent };
      // eslint-disable-next-line no-eval
      return (0, eval)(`(${src})`)(a) ? { ok: true } : false;
    }, [predicate.toString(), arg], { timeout });
  } catch (e) {
    throw new Error(`timed out after ${timeout} ms waiting for ${what}; last seen: ${await lastSeen(page, seen, arg)} (${e.message.split('\n')[0]})`, { cause: e });
  }
  const result = await handle.jsonValue();
  if (result.engineError) throw new Error(`the page shows an engine error while waiting for ${what}: ${result.engineError}`);
}

/**
 * Waits for n display frames of the page (requestAnimationFrame callbacks): the page draws at
 * most one snapshot per frame and reacts to a resize, an observer or a click in the next one,
 * so "n frames later" is the state to wait for before checking that something did NOT happen.
 */
export const nextFrames = (page, n = 2) => page.evaluate((k) => new Promise((resolve) => {
  const next = (i) => (i === 0 ? resolve() : requestAnimationFrame(() => next(i - 1)));
  next(k);
}), n);

/** Waits until the page shows the snapshot of a model built after the last change: epoch 0, not playing. */
export const rebuilt = (page, what = 'the rebuilt model at epoch 0') => until(page, () => window.__nnplay.snapshot.epoch === 0 && !window.__nnplay.snapshot.playing, undefined, { what });

/** Waits for the engine: the worker is ready, the first snapshot is drawn and the dataset thumbnails are painted. */
export const waitForEngine = (page) => until(page, () => window.__nnplay?.snapshot && document.getElementById('loading').hidden
  && [...document.querySelectorAll('#datasets canvas')].every((c) => c.getContext('2d').getImageData(0, 0, 1, 1).data[3] === 255),
undefined, { what: 'the engine (first snapshot, dataset thumbnails)' });

/** The page's URL: hashOrUrl as is when it is an http(s) or file URL, else origin's /index.html + hashOrUrl (a hash or a query). */
export const playgroundUrl = (origin, hashOrUrl = '') => (/^(https?|file):/.test(hashOrUrl) ? hashOrUrl : `${origin}/index.html${hashOrUrl}`);

/** Loads url in page (an http response must be 200) and waits for the engine. */
export async function loadPlayground(page, url) {
  const response = await page.goto(url);
  if (url.startsWith('http')) assert.equal(response.status(), 200, url);
  await waitForEngine(page);
}

/** newSession(browser, options), then loadPlayground at url. */
export async function openPlayground(browser, url, options) {
  const session = await newSession(browser, options);
  await loadPlayground(session.page, url);
  return session;
}

/**
 * For a journey file: registers its before/after hooks (dist/ built or rebuilt when stale, one
 * server on `roots`, one Chromium) and returns an object whose `server`, `origin`, `browser` and
 * `url(hash)` are set once `before` has run. Read them in tests, not in another top-level `before`:
 * Node 20 runs a file's top-level before hooks side by side.
 * @param {Record<string, string>} [roots] as startServer's (default: dist/ at '/')
 */
export function servedChromium(roots = { '/': DIST }) {
  const env = {
    server: null, origin: '', browser: null,
    url: (hash) => playgroundUrl(env.origin, hash),
  };
  before(async () => {
    ensureFreshDist();
    env.server = await startServer(roots);
    env.origin = env.server.origin;
    env.browser = await launchChromium();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** The current snapshot's epoch, playing, diverged, stopped, metrics and output length. */
export const snap = (page) => page.evaluate(() => {
  const s = window.__nnplay.snapshot;
  return { epoch: s.epoch, playing: s.playing, diverged: s.diverged, stopped: s.stopped, metrics: s.metrics, outputLength: s.output?.length };
});

/** A plain copy of the page's state. */
export const state = (page) => page.evaluate(() => JSON.parse(JSON.stringify(window.__nnplay.state)));

/**
 * Presses #step n times, waiting for each epoch's snapshot; returns each epoch's metrics. Throws when training diverges.
 * After a change that rebuilds the model, wait for rebuilt(page) first: until the new model's first snapshot is
 * shown, the page still shows the old one, and "one epoch more" would be counted from the old model's epoch.
 */
export async function step(page, n = 1) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const before = (await snap(page)).epoch;
    await page.click('#step');
    await until(page, (e) => window.__nnplay.snapshot.epoch > e || window.__nnplay.snapshot.diverged, before, { what: `epoch ${before + 1} after #step` });
    const after = await snap(page);
    if (after.diverged) throw new Error(`training diverged at epoch ${after.epoch}: ${JSON.stringify(after.stopped)}`);
    out.push(after.metrics);
  }
  return out;
}

/** Pauses training (a click on #play when it is playing) and waits until the snapshot and the button say so. */
export async function pause(page) {
  if (await page.evaluate(() => document.getElementById('play').classList.contains('playing'))) await page.click('#play');
  await until(page, () => !window.__nnplay.snapshot.playing && !document.getElementById('play').classList.contains('playing'), undefined, { what: 'pause' });
}
