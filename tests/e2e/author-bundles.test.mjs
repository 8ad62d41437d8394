// Journey: an author bundles <nnplay-playground> into their site. A tiny article that does
// `import 'nnplay/playground'` (nnplay installed in node_modules) is built with webpack 5,
// esbuild and Vite 8 side by side, served, and opened in Chromium. Without src the component
// shows the playground or a clear message naming the src attribute: never a wrong page, never
// the article nested in itself, and no blank space under the message. With Vite, `nnplay
// copy-page public/nnplay` and src="nnplay/index.html" give the working playground; an esbuild
// IIFE bundle with src pointing into node_modules shows the installed page and its events
// arrive. (That the npm tarball holds every file of that page: tests/node/consumer-package.test.mjs.)
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import * as esbuild from 'esbuild';
import webpack from 'webpack';
import { build as viteBuild } from 'vite';
import { DIST, REPO, launchChromium, startServer, waitFor, watchProblems } from './support.mjs';
import { journey } from './journey.mjs';

let tmp, srv, browser;

const ARTICLE_JS = "import 'nnplay/playground';\n";
const article = (script, extra = '') => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>An article</title><link rel="icon" href="data:,"></head>
<body><h1 id="article">An article</h1>
<nnplay-playground id="auto" dataset="xor" lang="en"></nnplay-playground>
${extra}<p id="after">The text after the playground.</p>
${script}
</body></html>`;

// Each build writes its article next to its bundle and returns the folder to serve.
const BUILDS = {
  // webpack 5: import.meta.url becomes the file:// path of node_modules/nnplay/dist on this machine
  async webpack() {
    const out = path.join(tmp, 'out-webpack');
    const stats = await new Promise((resolve, reject) => webpack({
      mode: 'production', optimization: { minimize: false }, context: tmp,  // minifying (terser) is most of the build's time and changes nothing the article checks
      entry: './article.js', output: { path: out, filename: 'article.js' },
      resolve: { modules: [path.join(tmp, 'node_modules'), path.join(REPO, 'node_modules')] }, infrastructureLogging: { level: 'error' },
    }, (err, s) => (err ? reject(err) : resolve(s))));
    assert.ok(!stats.hasErrors(), stats.toString('errors-only'));
    // as a module script (no document.currentScript): the page is looked for through import.meta.url
    writeFileSync(path.join(out, 'module.html'), article('<script type="module" src="article.js"></script>'));
    // as a classic script: next to the bundle, which is next to the article
    writeFileSync(path.join(out, 'index.html'), article('<script src="article.js"></script>'));
    return out;
  },
  // esbuild: import.meta.url is the bundle's own URL, next to the article; plus a refused src
  async esbuild() {
    const out = path.join(tmp, 'out-esbuild');
    await esbuild.build({ entryPoints: [path.join(tmp, 'article.js')], bundle: true, format: 'esm', outfile: path.join(out, 'article.js'), absWorkingDir: tmp, logLevel: 'error' });
    writeFileSync(path.join(out, 'index.html'), article('<script type="module" src="article.js"></script>',
      '<nnplay-playground id="refused" src="javascript:alert(1)"></nnplay-playground>\n<p id="after-refused">After the refused one.</p>\n'));
    return out;
  },
  // Vite 8: the bundle goes to assets/; the page's files come from `nnplay copy-page public/nnplay`
  async vite() {
    const vite = path.join(tmp, 'vite');
    mkdirSync(vite);
    symlinkSync(path.join(tmp, 'node_modules'), path.join(vite, 'node_modules'), 'dir');
    writeFileSync(path.join(vite, 'article.js'), ARTICLE_JS);
    writeFileSync(path.join(vite, 'index.html'), article('<script type="module" src="./article.js"></script>',
      '<nnplay-playground id="explicit" src="nnplay/index.html" dataset="xor" lang="en"></nnplay-playground>\n'));
    await promisify(execFile)(process.execPath, [path.join(DIST, 'cli.mjs'), 'copy-page', path.join(vite, 'public', 'nnplay')]);
    const out = path.join(tmp, 'out-vite');
    await viteBuild({ root: vite, base: '/vite/', configFile: false, logLevel: 'silent', build: { outDir: out, emptyOutDir: true } });
    return out;
  },
  // an IIFE bundle whose src points at the page inside node_modules (served at /node_modules/)
  async iife() {
    const out = path.join(tmp, 'out-iife');
    await esbuild.build({ entryPoints: [path.join(tmp, 'article.js')], bundle: true, format: 'iife', outfile: path.join(out, 'bundle.js'), absWorkingDir: tmp, logLevel: 'error' });
    writeFileSync(path.join(out, 'index.html'), `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>bundled</title><link rel="icon" href="data:,"></head><body>
    <nnplay-playground id="pg" src="/node_modules/nnplay/dist/index.html" dataset="xor" seed="1" lang="en"></nnplay-playground>
    <script src="bundle.js"></script>
    <script>window.events = []; for (const t of ['ready', 'epoch']) document.getElementById('pg').addEventListener(t, (e) => window.events.push(e.detail));</script>
  </body></html>`);
    return out;
  },
};

before(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'nnplay-bundlers-'));
  mkdirSync(path.join(tmp, 'node_modules'));
  symlinkSync(REPO, path.join(tmp, 'node_modules', 'nnplay'), 'dir');  // nnplay, installed
  writeFileSync(path.join(tmp, 'article.js'), ARTICLE_JS);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await srv?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

// Waits until the component `id` either shows its message or holds the playground (ready).
async function settle(page, id) {
  await waitFor(page, (i) => {
    const shadow = document.getElementById(i)?.shadowRoot;
    if (!shadow) return false;
    return !shadow.querySelector('[role=alert]').hidden || shadow.querySelector('iframe').contentWindow?.__nnplay?.snapshot;
  }, id, { what: `<nnplay-playground id=${id}> to show its message or the playground`, seen: (i) => document.getElementById(i)?.shadowRoot?.innerHTML.slice(0, 300) ?? 'no element' });
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

const pageErrors = (problems) => problems.filter((p) => p.startsWith('pageerror') || p.startsWith('page crashed'));

test('journey: an author bundles the component with webpack 5, esbuild and Vite 8', { timeout: 300_000 }, async (t) => {
  const step = journey(t);
  const page = await browser.newPage();
  const watch = watchProblems(page);
  const open = async (url) => {
    for (const list of [watch.problems, watch.requests]) list.length = 0;
    await page.goto(`${srv.origin}${url}`);
  };
  try {
    await step('builds the article with each bundler, side by side', async () => {
      const started = performance.now();
      const took = {};
      const outs = Object.fromEntries(await Promise.all(Object.entries(BUILDS).map(async ([name, build]) => {
        const t0 = performance.now();
        const out = await build();
        took[name] = Math.round(performance.now() - t0);
        return [name, out];
      })));
      t.diagnostic(`builds (ms): ${JSON.stringify(took)}, all ${Math.round(performance.now() - started)}`);
      srv = await startServer({ '/webpack/': outs.webpack, '/esbuild/': outs.esbuild, '/vite/': outs.vite, '/iife/': outs.iife, '/node_modules/': path.join(tmp, 'node_modules') });
    });

    await step('webpack 5: the page it points to is the article (classic) or a file on the build machine (module): the component names src instead', async () => {
      await open('/webpack/index.html');
      const beside = await settle(page, 'auto');
      assert.match(beside.message ?? '', /index\.html next to this script is this article itself \(http:\/\/127\.0\.0\.1:\d+\/webpack\/index\.html\), which would embed itself; set the src attribute/);
      assert.ok(beside.height < 200, `only the message (${beside.height} px)`);
      await assertNoNest(page);
      assert.deepEqual(pageErrors(watch.problems), []);
      await open('/webpack/module.html');
      const auto = await settle(page, 'auto');
      assert.match(auto.message ?? '', /^nnplay-playground: cannot find the playground page: index\.html next to this script is file:\/\/\/.*\/dist\/index\.html, a file where this article is served over http .*set the src attribute/);
      assert.equal(auto.frameDisplay, 'none');
      assert.ok(auto.height < 200, `only the message, no blank space (${auto.height} px)`);
      assert.ok(!watch.problems.some((p) => /Not allowed to load local resource/.test(p)), watch.problems.join('\n'));
      await assertNoNest(page);
      assert.deepEqual(pageErrors(watch.problems), []);
    });

    await step('esbuild: index.html next to the bundle is the article itself: refused before loading; a refused src leaves no blank space', async () => {
      await open('/esbuild/index.html');
      const auto = await settle(page, 'auto');
      assert.match(auto.message ?? '', /is this article itself \(http:\/\/127\.0\.0\.1:\d+\/esbuild\/index\.html\), which would embed itself; set the src attribute/);
      assert.equal(auto.frameDisplay, 'none');
      assert.ok(auto.height < 200, `only the message (${auto.height} px)`);
      const refused = await settle(page, 'refused');
      assert.match(refused.message ?? '', /src="javascript:alert\(1\)" is refused/);
      assert.equal(refused.frameDisplay, 'none');
      assert.ok(refused.height < 200, `only the message, not 900 px of blank space (${refused.height} px)`);
      assert.equal(watch.requests.filter((u) => u.endsWith('/esbuild/index.html')).length, 1, 'the article was loaded once, by the browser');
      await assertNoNest(page);
      assert.deepEqual(pageErrors(watch.problems), []);
    });

    await step('Vite 8: without src the bundle\'s folder has no playground (the message); with copy-page and src the playground runs', async () => {
      await open('/vite/index.html');
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
      await waitFor(frame, () => window.__nnplay.snapshot.epoch >= 1, undefined, { what: 'epoch 1 in the copied page' });
      await assertNoNest(page);
      assert.deepEqual(pageErrors(watch.problems), []);
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
      assert.deepEqual(watch.problems.filter((p) => /^(HTTP|request failed)/.test(p)).map((p) => p.replace(/:\d+/, ':PORT')), ['HTTP 404: http://127.0.0.1:PORT/vite/assets/index.html']);
    });

    await step('an esbuild IIFE bundle with src into node_modules shows the installed page, and its events arrive', async () => {
      await open('/iife/index.html');
      await waitFor(page, () => window.events.some((e) => e.type === 'ready'), undefined, { what: 'the ready event', seen: () => window.events });
      const frame = page.frames().find((f) => f.url().includes('/node_modules/nnplay/dist/index.html'));
      assert.ok(frame, 'the installed page is loaded');
      assert.equal(await frame.evaluate(() => window.__nnplay.state.dataset), 'xor');
      await frame.click('#step');
      await waitFor(page, () => window.events.some((e) => e.type === 'epoch' && e.epoch === 1), undefined, { what: 'the epoch 1 event', seen: () => window.events });
      assert.deepEqual(watch.problems, []);
    });
  } finally {
    await page.close();
  }
});
