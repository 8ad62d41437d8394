// Embedding, as an article author does it: an article at another path than the page's
// (/articles/…) with <nnplay-playground> loaded as a classic script and as a module, and
// with the plain-iframe snippet of docs/EMBEDDING.md. The element's height follows the
// page's content (no inner scrollbar), the documented events arrive with their documented
// fields, a hostile src is refused, a bad height is reported, and a misspelt _hide goes to
// the console instead of the readers' notice box.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { DIST, HERE, REPO, WAIT, launchChromium, startServer, watchProblems } from './support.mjs';

let srv, browser, EVENTS;

before(async () => {
  srv = await startServer({ '/nnplay/': DIST, '/articles/': path.join(HERE, 'fixtures/articles') });
  browser = await launchChromium();
  const out = await esbuild.build({ entryPoints: [path.join(REPO, 'web/src/embed-events.ts')], bundle: true, format: 'esm', write: false, logLevel: 'error' });
  ({ EMBED_EVENTS: EVENTS } = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`));
});

after(async () => {
  await browser?.close();
  await srv?.close();
});

async function article(kind, attrs) {
  const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
  const watch = watchProblems(page);
  await page.goto(`${srv.origin}/articles/${kind}.html?${new URLSearchParams(attrs)}`);
  return { page, ...watch };
}
const frameOf = async (page) => {
  await page.waitForFunction(() => document.getElementById('pg')?.shadowRoot?.querySelector('iframe')?.contentWindow?.__nnplay?.snapshot, null, { timeout: WAIT });
  return page.frames().find((f) => f.url().includes('/nnplay/index.html'));
};
const events = (page, type) => page.evaluate((t) => window.events.filter((e) => e.event === t), type);
const waitEvent = (page, type, n = 1) => page.waitForFunction(([t, k]) => window.events.filter((e) => e.event === t).length >= k, [type, n], { timeout: WAIT });
const sizes = (page) => page.evaluate(() => {
  const f = document.getElementById('pg').shadowRoot.querySelector('iframe');
  const d = f.contentDocument.documentElement;
  return { frame: f.getBoundingClientRect().height, content: d.getBoundingClientRect().height, scroll: d.scrollHeight, client: d.clientHeight };
});
// Each event carries exactly the fields docs/EMBEDDING.md lists for it.
const assertDocumented = (e) => {
  const doc = EVENTS.find((d) => d.type === e.type);
  assert.ok(doc, `undocumented event ${e.type}`);
  const keys = Object.keys(e).filter((k) => !['event', 'source', 'type'].includes(k));
  assert.deepEqual(keys.filter((k) => !doc.optional?.includes(k)).sort(), Object.keys(doc.fields).filter((k) => !doc.optional?.includes(k)).sort(), `fields of ${e.type}`);
  for (const k of keys) assert.ok(k in doc.fields, `${e.type}: field ${k} is documented`);
  assert.equal(e.source, 'nnplay');
};

for (const kind of ['classic', 'module']) {
  test(`${kind} script: the page is found next to the script, its height is followed, events arrive`, async () => {
    const { page, problems } = await article(kind, { dataset: 'xor', hidetext: 'true', lang: 'en', maxepochs: '3', seed: '1' });
    const frame = await frameOf(page);
    assert.match(frame.url(), /\/nnplay\/index\.html#/, 'the page next to the script, not the article');
    await waitEvent(page, 'ready');
    assertDocumented((await events(page, 'ready'))[0]);
    // height: the element is as tall as the page's content, and the page has no scrollbar
    await page.waitForFunction(() => {
      const f = document.getElementById('pg').shadowRoot.querySelector('iframe');
      return Math.abs(f.getBoundingClientRect().height - f.contentDocument.documentElement.getBoundingClientRect().height) <= 1;
    }, null, { timeout: WAIT });
    let s = await sizes(page);
    assert.ok(s.scroll <= s.client + 1, `no inner scrollbar (${s.scroll} > ${s.client})`);
    assert.notEqual(Math.round(s.frame), 900, 'not the fixed initial height');
    // opening a panel makes the page taller: the element follows
    const before = s.frame;
    await frame.click('#codePanel summary');
    await page.waitForFunction((h) => document.getElementById('pg').shadowRoot.querySelector('iframe').getBoundingClientRect().height > h + 50, before, { timeout: WAIT });
    // the panel's content may arrive in more than one step (the code, then its buttons): wait until
    // the element has caught up with all of it, and say where it stood if it never does
    await page.waitForFunction(() => {
      const f = document.getElementById('pg').shadowRoot.querySelector('iframe');
      return Math.abs(f.getBoundingClientRect().height - f.contentDocument.documentElement.getBoundingClientRect().height) <= 1;
    }, null, { timeout: WAIT }).catch(async (e) => { throw new Error(`the element did not follow the opened panel: ${JSON.stringify(await sizes(page))} (${e.message})`); });
    s = await sizes(page);
    assert.ok(Math.abs(s.frame - s.content) <= 1 && s.scroll <= s.client + 1, JSON.stringify(s));
    // epoch, then stopped at maxEpochs=3 when played
    await frame.click('#step');
    await waitEvent(page, 'epoch');
    const epoch = (await events(page, 'epoch'))[0];
    assertDocumented(epoch);
    assert.equal(epoch.epoch, 1);
    assert.ok(Number.isFinite(epoch.loss) && Number.isFinite(epoch.accuracy));
    await frame.click('#play');
    await waitEvent(page, 'stopped');
    const stopped = (await events(page, 'stopped'))[0];
    assertDocumented(stopped);
    assert.equal(stopped.reason, 'max_epochs');
    assert.equal(stopped.epoch, 3);
    assert.equal(stopped.maxEpochs, 3);
    // a reader's change: state, with the new hash
    await frame.selectOption('#activation', 'relu');
    await waitEvent(page, 'state');
    const state = (await events(page, 'state')).at(-1);
    assertDocumented(state);
    assert.deepEqual(state.changed, ['activation']);
    assert.match(state.state, /^#activation=relu&/);
    assertDocumented((await events(page, 'size'))[0]);
    assert.deepEqual(problems, []);
    await page.close();
  });
}

test('pausing sends stopped with reason paused', async () => {
  const { page, problems } = await article('classic', { seed: '2' });
  const frame = await frameOf(page);
  await frame.click('#play');
  await waitEvent(page, 'epoch');
  await frame.click('#play');
  await waitEvent(page, 'stopped');
  assert.equal((await events(page, 'stopped'))[0].reason, 'paused');
  assert.deepEqual(problems, []);
  await page.close();
});

test('a hostile or malformed src is refused, in the element and the console', async () => {
  for (const src of ['javascript:alert(document.domain)', ' JaVa\tScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', 'blob:http://x/y', 'ftp://example.org/x']) {
    const { page, dialogs, consoleMessages } = await article('classic', { src });
    await page.waitForFunction(() => document.getElementById('pg')?.shadowRoot?.querySelector('[role=alert]')?.hidden === false, null, { timeout: WAIT });
    const shown = await page.evaluate(() => {
      const root = document.getElementById('pg').shadowRoot;
      return { text: root.querySelector('[role=alert]').textContent, src: root.querySelector('iframe').getAttribute('src') };
    });
    assert.match(shown.text, /refused: use an http\(s\) URL or a relative one/, src);
    assert.equal(shown.src, null, `no iframe src for ${src}`);
    assert.ok(consoleMessages.some((m) => m.type === 'error' && /src=.*refused/.test(m.text)), src);
    assert.deepEqual(dialogs, []);
    await page.close();
  }
  // a relative src is accepted
  const { page } = await article('classic', { src: '../nnplay/index.html', seed: '1' });
  assert.match((await frameOf(page)).url(), /\/nnplay\/index\.html#.*&seed=1&/);
  await page.close();
});

test('height: a number fixes it, anything else is reported and auto is used', async () => {
  let { page } = await article('classic', { height: '500' });
  await frameOf(page);
  assert.equal((await sizes(page)).frame, 500);
  await page.close();
  let consoleMessages;
  ({ page, consoleMessages } = await article('classic', { height: '50%' }));
  await frameOf(page);
  assert.ok(consoleMessages.some((m) => m.type === 'error' && /height="50%" is not allowed: use auto or a whole number of pixels from 200 to 20000/.test(m.text)));
  await page.waitForFunction(() => {
    const f = document.getElementById('pg').shadowRoot.querySelector('iframe');
    return Math.abs(f.getBoundingClientRect().height - f.contentDocument.documentElement.getBoundingClientRect().height) <= 1;
  }, null, { timeout: WAIT });
  await page.close();
});

test('a misspelt _hide is logged for the author, not shown to readers', async () => {
  // in a link: the page logs it and shows no notice box
  const page = await browser.newPage();
  const { consoleMessages } = watchProblems(page);
  await page.goto(`${srv.origin}/nnplay/index.html#playbuton_hide=true&xSquared_hide=true&seed=1`);
  await page.waitForFunction(() => window.__nnplay?.snapshot, null, { timeout: WAIT });
  assert.equal(await page.evaluate(() => document.getElementById('notices').hidden), true, 'no notice box for readers');
  assert.ok(consoleMessages.some((m) => m.type === 'warning' && /nnplay: Ignored "playbuton_hide": there is no part named "playbuton" to hide/.test(m.text)));
  assert.deepEqual(await page.evaluate(() => window.__nnplay.state.hide), ['xSquared']);
  await page.close();
  // as an attribute: the component logs it and leaves it out of the URL
  const art = await article('classic', { playbuton_hide: 'true', xsquared_hide: 'true' });
  const frame = await frameOf(art.page);
  assert.ok(art.consoleMessages.some((m) => m.type === 'error' && /playbuton_hide is ignored: there is no part named playbuton to hide/.test(m.text)));
  assert.doesNotMatch(frame.url(), /playbuton/);
  assert.equal(await frame.evaluate(() => document.getElementById('notices').hidden), true);
  await art.page.close();
});

test('the plain-iframe snippet of docs/EMBEDDING.md follows the height and receives events', async () => {
  const doc = readFileSync(path.join(REPO, 'docs/EMBEDDING.md'), 'utf8');
  const snippet = /## 1\. A plain iframe\s+```html\n([\s\S]*?)```/.exec(doc)[1].replace('https://example.org/nnplay/index.html', `${srv.origin}/nnplay/index.html`);
  const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
  const { problems } = watchProblems(page);
  await page.route(`${srv.origin}/articles/iframe.html`, (r) => r.fulfill({ contentType: 'text/html', body: `<!DOCTYPE html><title>snippet</title><h1>Article</h1>${snippet}` }));
  await page.goto(`${srv.origin}/articles/iframe.html`);
  await page.waitForFunction(() => {
    const f = document.getElementById('nnplay');
    const d = f.contentDocument?.documentElement;
    return f.contentWindow.__nnplay?.snapshot && Math.abs(f.getBoundingClientRect().height - d.getBoundingClientRect().height) <= 1;
  }, null, { timeout: WAIT });
  assert.deepEqual(problems, []);
  await page.close();
});

// Where the page may not start a worker from its own file's URL (here: an iframe sandboxed
// without allow-same-origin, whose origin is opaque), it starts one from a Blob URL that
// imports nnplay-worker.js. The wasm is then fetched cross-origin, which needs CORS, as any
// CDN sends: the route adds the header.
test('in an iframe sandboxed without allow-same-origin the page still starts its engine (a Blob URL worker)', async () => {
  const page = await browser.newPage({ viewport: { width: 1100, height: 950 } });
  const { problems } = watchProblems(page);
  const workers = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.route('**/nnplay/nnplay-engine.wasm', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'access-control-allow-origin': '*' } });
  });
  await page.route('**/articles/sandboxed.html', (route) => route.fulfill({
    contentType: 'text/html',
    body: '<!doctype html><iframe sandbox="allow-scripts" src="/nnplay/index.html#seed=1&lang=en&maxEpochs=2" width="1000" height="900"></iframe>',
  }));
  await page.goto(`${srv.origin}/articles/sandboxed.html`);
  const frame = page.frames().find((f) => f.url().includes('/nnplay/index.html'));
  await frame.waitForFunction(() => window.__nnplay?.snapshot && document.getElementById('loading').hidden, null, { timeout: WAIT });
  await frame.click('#step');
  await frame.waitForFunction(() => window.__nnplay.snapshot.epoch === 1, null, { timeout: WAIT });
  assert.ok(workers.length === 1 && workers[0].startsWith('blob:'), `one Blob URL worker: ${workers}`);
  assert.deepEqual(problems, []);
  await page.close();
});
