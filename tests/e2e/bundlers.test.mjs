// An author's build: a tiny article that does `import 'nnplay/playground'`, built with
// webpack 5, esbuild and Vite 8 (nnplay installed in node_modules), served, and opened in
// Chromium. Without src the component shows the playground or a clear message naming the
// src attribute: never a wrong page, never the article nested in itself, and no blank
// space under the message. With Vite, `nnplay copy-page public/nnplay` and src="nnplay/
// index.html" give the working playground. Each fixture is built once, in before().
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import webpack from 'webpack';
import { build as viteBuild } from 'vite';
import { DIST, REPO, WAIT, launchChromium, startServer, watchProblems } from './support.mjs';

let tmp, srv, browser;
const out = {};

const ARTICLE_JS = "import 'nnplay/playground';\n";
const article = (script, extra = '') => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>An article</title><link rel="icon" href="data:,"></head>
<body><h1 id="article">An article</h1>
<nnplay-playground id="auto" dataset="xor" lang="en"></nnplay-playground>
${extra}<p id="after">The text after the playground.</p>
${script}
</body></html>`;

before(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'nnplay-bundlers-'));
  mkdirSync(path.join(tmp, 'node_modules'));
  symlinkSync(REPO, path.join(tmp, 'node_modules', 'nnplay'), 'dir');  // nnplay, installed
  writeFileSync(path.join(tmp, 'article.js'), ARTICLE_JS);

  // webpack 5: import.meta.url becomes the file:// path of node_modules/nnplay/dist on this machine
  out.webpack = path.join(tmp, 'out-webpack');
  const stats = await new Promise((resolve, reject) => webpack({
    mode: 'production', context: tmp, entry: './article.js', output: { path: out.webpack, filename: 'article.js' },
    resolve: { modules: [path.join(tmp, 'node_modules'), path.join(REPO, 'node_modules')] }, infrastructureLogging: { level: 'error' },
  }, (err, s) => (err ? reject(err) : resolve(s))));
  assert.ok(!stats.hasErrors(), stats.toString('errors-only'));
  // as a module script (no document.currentScript): the page is looked for through import.meta.url
  writeFileSync(path.join(out.webpack, 'module.html'), article('<script type="module" src="article.js"></script>'));
  // as a classic script: next to the bundle, which is next to the article
  writeFileSync(path.join(out.webpack, 'index.html'), article('<script src="article.js"></script>'));

  // esbuild: import.meta.url is the bundle's own URL, next to the article; plus a refused src
  out.esbuild = path.join(tmp, 'out-esbuild');
  await esbuild.build({ entryPoints: [path.join(tmp, 'article.js')], bundle: true, format: 'esm', outfile: path.join(out.esbuild, 'article.js'), absWorkingDir: tmp, logLevel: 'error' });
  writeFileSync(path.join(out.esbuild, 'index.html'), article('<script type="module" src="article.js"></script>',
    '<nnplay-playground id="refused" src="javascript:alert(1)"></nnplay-playground>\n<p id="after-refused">After the refused one.</p>\n'));

  // Vite 8: the bundle goes to assets/; the page's files come from `nnplay copy-page public/nnplay`
  const vite = path.join(tmp, 'vite');
  mkdirSync(vite);
  symlinkSync(path.join(tmp, 'node_modules'), path.join(vite, 'node_modules'), 'dir');
  writeFileSync(path.join(vite, 'article.js'), ARTICLE_JS);
  writeFileSync(path.join(vite, 'index.html'), article('<script type="module" src="./article.js"></script>',
    '<nnplay-playground id="explicit" src="nnplay/index.html" dataset="xor" lang="en"></nnplay-playground>\n'));
  execFileSync(process.execPath, [path.join(DIST, 'cli.mjs'), 'copy-page', path.join(vite, 'public', 'nnplay')], { stdio: 'pipe' });
  out.vite = path.join(tmp, 'out-vite');
  await viteBuild({ root: vite, base: '/vite/', configFile: false, logLevel: 'silent', build: { outDir: out.vite, emptyOutDir: true } });

  srv = await startServer({ '/webpack/': out.webpack, '/esbuild/': out.esbuild, '/vite/': out.vite });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await srv?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

// Waits until the component `id` either shows its message or holds the playground (ready).
async function settle(page, id) {
  await page.waitForFunction((i) => {
    const el = document.getElementById(i);
    const shadow = el?.shadowRoot;
    if (!shadow) return false;
    return !shadow.querySelector('[role=alert]').hidden || shadow.querySelector('iframe').contentWindow?.__nnplay?.snapshot;
  }, id, { timeout: WAIT }).catch((e) => { throw new Error(`<nnplay-playground id=${id}> neither showed its message nor the playground: ${e.message.split('\n')[0]}`); });
  return page.evaluate((i) => {
    const el = document.getElementById(i);
    const alert = el.shadowRoot.querySelector('[role=alert]');
    const frame = el.shadowRoot.querySelector('iframe');
    return { message: alert.hidden ? null : alert.textContent, frameDisplay: getComputedStyle(frame).display, height: el.getBoundingClientRect().height };
  }, id);
}

// No frame of the page holds the article (or any document with a component in it).
async function assertNoNest(page) {
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    const nested = await frame.evaluate(() => document.querySelector('#article, nnplay-playground') !== null).catch(() => false);
    assert.equal(nested, false, `the frame ${frame.url()} holds the article (or a component) again`);
  }
}

async function open(url) {
  const page = await browser.newPage();
  const watched = watchProblems(page);
  await page.goto(url);
  return { page, ...watched };
}

const pageErrors = (problems) => problems.filter((p) => p.startsWith('pageerror') || p.startsWith('page crashed'));

test('webpack 5: the page it points to is a file on the build machine, or the article: the component names src instead', async () => {
  const classic = await open(`${srv.origin}/webpack/index.html`);
  const beside = await settle(classic.page, 'auto');
  assert.match(beside.message ?? '', /index\.html next to this script is this article itself \(http:\/\/127\.0\.0\.1:\d+\/webpack\/index\.html\), which would embed itself; set the src attribute/);
  assert.ok(beside.height < 200, `only the message (${beside.height} px)`);
  await assertNoNest(classic.page);
  assert.deepEqual(pageErrors(classic.problems), []);
  await classic.page.close();
  const { page, problems } = await open(`${srv.origin}/webpack/module.html`);
  const auto = await settle(page, 'auto');
  assert.match(auto.message ?? '', /^nnplay-playground: cannot find the playground page: index\.html next to this script is file:\/\/\/.*\/dist\/index\.html, a file where this article is served over http .*set the src attribute/);
  assert.equal(auto.frameDisplay, 'none');
  assert.ok(auto.height < 200, `only the message, no blank space (${auto.height} px)`);
  assert.ok(!problems.some((p) => /Not allowed to load local resource/.test(p)), problems.join('\n'));
  await assertNoNest(page);
  assert.deepEqual(pageErrors(problems), []);
  await page.close();
});

test('esbuild: index.html next to the bundle is the article itself: refused before loading, and a refused src leaves no blank space', async () => {
  const { page, problems, requests } = await open(`${srv.origin}/esbuild/index.html`);
  const auto = await settle(page, 'auto');
  assert.match(auto.message ?? '', /is this article itself \(http:\/\/127\.0\.0\.1:\d+\/esbuild\/index\.html\), which would embed itself; set the src attribute/);
  assert.equal(auto.frameDisplay, 'none');
  assert.ok(auto.height < 200, `only the message (${auto.height} px)`);
  const refused = await settle(page, 'refused');
  assert.match(refused.message ?? '', /src="javascript:alert\(1\)" is refused/);
  assert.equal(refused.frameDisplay, 'none');
  assert.ok(refused.height < 200, `only the message, not 900 px of blank space (${refused.height} px)`);
  assert.equal(requests.filter((u) => u.endsWith('/esbuild/index.html')).length, 1, 'the article was loaded once, by the browser');
  await assertNoNest(page);
  assert.deepEqual(pageErrors(problems), []);
  await page.close();
});

test('Vite 8: without src the bundle\'s folder has no playground (the message); with copy-page and src the playground runs', async () => {
  const { page, problems } = await open(`${srv.origin}/vite/index.html`);
  const auto = await settle(page, 'auto');
  assert.match(auto.message ?? '', /cannot find the playground page: http:\/\/127\.0\.0\.1:\d+\/vite\/assets\/index\.html is not the playground page; set the src attribute/);
  assert.equal(auto.frameDisplay, 'none');
  assert.ok(auto.height < 200, `only the message (${auto.height} px)`);
  const explicit = await settle(page, 'explicit');
  assert.equal(explicit.message, null);
  const frame = page.frames().find((f) => f.url().includes('/vite/nnplay/index.html'));
  assert.ok(frame, 'the copied page is loaded');
  assert.equal(await frame.evaluate(() => window.__nnplay.state.dataset), 'xor');
  await frame.click('#step');
  await frame.waitForFunction(() => window.__nnplay.snapshot.epoch >= 1, null, { timeout: WAIT });
  await assertNoNest(page);
  assert.deepEqual(pageErrors(problems), []);
  // React 19 sets props that the element has as properties: el.dataset = 'spiral' (read-only on HTMLElement)
  const viaProperty = await page.evaluate(() => {
    'use strict';
    const el = document.getElementById('explicit');
    el.dataset = 'spiral';
    el.dataset.note = 'kept';  // still the DOM's data-* map
    return { attribute: el.getAttribute('dataset'), note: el.getAttribute('data-note'), src: el.shadowRoot.querySelector('iframe').src };
  });
  assert.deepEqual({ ...viaProperty, src: /[#&]dataset=spiral(&|$)/.test(viaProperty.src) }, { attribute: 'spiral', note: 'kept', src: true });
  // the one failed request is the probe of assets/index.html, which the component then refused
  assert.deepEqual(problems.filter((p) => /^(HTTP|request failed)/.test(p)).map((p) => p.replace(/:\d+/, ':PORT')), ['HTTP 404: http://127.0.0.1:PORT/vite/assets/index.html']);
  await page.close();
});
