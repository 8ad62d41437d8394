// Journey: an article's author embeds the playground. Articles at another path than the page's
// (/articles/…) load <nnplay-playground> as a classic script and as a module; the page is found
// next to the script, the element follows the page's height (no inner scrollbar), the documented
// events arrive with their documented fields, pausing says so; the author's mistakes (a bad
// height, a misspelt _hide, a hostile src) are told to the author, not the readers; the element
// passes its attributes as URL state and trusts its frame's size messages only within bounds;
// the plain-iframe snippet of docs/EMBEDDING.md works, and so does an iframe sandboxed without
// allow-same-origin. One browser page walks through all of it, navigating from article to article.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DIST, HERE, REPO, launchChromium, startServer, waitFor, watchProblems } from './support.mjs';
import { journey } from './journey.mjs';
import { assertDocumented, documentedEvents, events, frameOf, heightFollowed, sizes, waitEvent } from './embed-steps.mjs';

let srv, browser, EVENTS;

before(async () => {
  srv = await startServer({
    '/nnplay/': DIST, '/articles/': path.join(HERE, 'fixtures/articles'),
    '/dist/': DIST, '/fixtures/': path.join(HERE, 'fixtures'),  // fixtures/component*.html load /dist/…
  });
  browser = await launchChromium();
  EVENTS = await documentedEvents();
});

after(async () => {
  await browser?.close();
  await srv?.close();
});

test('journey: an author embeds the playground in an article', { timeout: 300_000 }, async (t) => {
  const step = journey(t);
  const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
  const watch = watchProblems(page);
  const workers = [];
  page.on('worker', (w) => workers.push(w.url()));
  // each article is a new start: what the last one recorded is forgotten
  const open = async (url) => {
    for (const list of [watch.problems, watch.dialogs, watch.consoleMessages, workers]) list.length = 0;
    await page.goto(url);
  };
  const article = (kind, attrs) => open(`${srv.origin}/articles/${kind}.html?${new URLSearchParams(attrs)}`);
  const logged = (type, re) => watch.consoleMessages.some((m) => m.type === type && re.test(m.text));
  // The page next to the script (not the article) sent its documented ready event; the element is as
  // tall as the page's content, and the page has no scrollbar. Returns the page's frame.
  const foundAndFollowed = async () => {
    const frame = await frameOf(page);
    assert.match(frame.url(), /\/nnplay\/index\.html#/, 'the page next to the script, not the article');
    await waitEvent(page, 'ready');
    assertDocumented(EVENTS, (await events(page, 'ready'))[0]);
    await heightFollowed(page);
    const s = await sizes(page);
    assert.ok(s.scroll <= s.client + 1, `no inner scrollbar (${s.scroll} > ${s.client})`);
    return frame;
  };

  try {
    await step('a classic script: the page is found next to the script, its height is followed, the events arrive', async () => {
      await article('classic', { dataset: 'xor', hidetext: 'true', lang: 'en', maxepochs: '3', seed: '1' });
      const frame = await foundAndFollowed();
      let s = await sizes(page);
      assert.notEqual(Math.round(s.frame), 900, 'not the fixed initial height');
      // opening a panel makes the page taller: the element follows (its content may arrive in
      // more than one step, the code then its buttons: wait until the element caught up with all)
      await frame.click('#codePanel summary');
      await waitFor(page, (h) => document.getElementById('pg').shadowRoot.querySelector('iframe').getBoundingClientRect().height > h + 50, s.frame,
        { what: 'the element to grow with the opened code panel', seen: () => document.getElementById('pg').shadowRoot.querySelector('iframe').getBoundingClientRect().height });
      await heightFollowed(page, 'the element to follow all of the opened panel');
      s = await sizes(page);
      assert.ok(Math.abs(s.frame - s.content) <= 1 && s.scroll <= s.client + 1, JSON.stringify(s));
      // epoch, then stopped at maxEpochs=3 when played
      await frame.click('#step');
      await waitEvent(page, 'epoch');
      const epoch = (await events(page, 'epoch'))[0];
      assertDocumented(EVENTS, epoch);
      assert.equal(epoch.epoch, 1);
      assert.ok(Number.isFinite(epoch.loss) && Number.isFinite(epoch.accuracy));
      await frame.click('#play');
      await waitEvent(page, 'stopped');
      const stopped = (await events(page, 'stopped'))[0];
      assertDocumented(EVENTS, stopped);
      assert.deepEqual([stopped.reason, stopped.epoch, stopped.maxEpochs], ['max_epochs', 3, 3]);
      // a reader's change: state, with the new hash
      await frame.selectOption('#activation', 'relu');
      await waitEvent(page, 'state');
      const state = (await events(page, 'state')).at(-1);
      assertDocumented(EVENTS, state);
      assert.deepEqual(state.changed, ['activation']);
      assert.match(state.state, /^#activation=relu&/);
      assertDocumented(EVENTS, (await events(page, 'size'))[0]);
      assert.deepEqual(watch.problems, []);
    });

    // The module script finds the page through import.meta.url (no document.currentScript): that is
    // what differs from the classic one. The panel, max-epochs and state events are the same code
    // after that and were checked above.
    await step('a module script: the page is found too, its height followed; pausing sends stopped with reason paused', async () => {
      await article('module', { dataset: 'xor', hidetext: 'true', lang: 'en', seed: '2' });
      const frame = await foundAndFollowed();
      await frame.click('#play');
      await waitEvent(page, 'epoch');
      await frame.click('#play');
      await waitEvent(page, 'stopped');
      const stopped = (await events(page, 'stopped'))[0];
      assertDocumented(EVENTS, stopped);
      assert.equal(stopped.reason, 'paused');
      assert.deepEqual(watch.problems, []);
    });

    await step('a hostile or malformed src is refused, in the element and the console', async () => {
      for (const src of ['javascript:alert(document.domain)', ' JaVa\tScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', 'blob:http://x/y', 'ftp://example.org/x']) {
        await article('classic', { src });
        await waitFor(page, () => document.getElementById('pg')?.shadowRoot?.querySelector('[role=alert]')?.hidden === false, undefined,
          { what: `the element's message for src=${JSON.stringify(src)}`, seen: () => document.getElementById('pg')?.shadowRoot?.innerHTML.slice(0, 300) ?? 'no element' });
        const shown = await page.evaluate(() => {
          const root = document.getElementById('pg').shadowRoot;
          return { text: root.querySelector('[role=alert]').textContent, src: root.querySelector('iframe').getAttribute('src') };
        });
        assert.match(shown.text, /refused: use an http\(s\) URL or a relative one/, src);
        assert.equal(shown.src, null, `no iframe src for ${src}`);
        assert.ok(logged('error', /src=.*refused/), src);
        assert.deepEqual(watch.dialogs, []);
      }
    });

    await step('a relative src is taken, and a number fixes the height', async () => {
      await article('classic', { src: '../nnplay/index.html', seed: '1', height: '500' });
      assert.match((await frameOf(page)).url(), /\/nnplay\/index\.html#.*&seed=1&/);
      assert.equal((await sizes(page)).frame, 500);
      assert.deepEqual(watch.problems, []);
    });

    await step('the author\'s mistakes in attributes (a height of 50 %, a misspelt _hide) go to the console, and auto height is used', async () => {
      await article('classic', { height: '50%', playbuton_hide: 'true', xsquared_hide: 'true' });
      const frame = await frameOf(page);
      assert.ok(logged('error', /height="50%" is not allowed: use auto or a whole number of pixels from 200 to 20000/), 'the height is reported');
      assert.ok(logged('error', /playbuton_hide is ignored: there is no part named playbuton to hide/), 'the misspelt _hide is reported');
      assert.doesNotMatch(frame.url(), /playbuton/, 'the misspelt part stays out of the URL');
      assert.equal(await frame.evaluate(() => document.getElementById('notices').hidden), true, 'no notice box for readers');
      await heightFollowed(page, 'auto height in place of 50%');
    });

    await step('a misspelt _hide in a link: the page logs it and shows readers no notice box', async () => {
      await open(`${srv.origin}/nnplay/index.html#playbuton_hide=true&xSquared_hide=true&seed=1`);
      await waitFor(page, () => window.__nnplay?.snapshot, undefined, { what: 'the page\'s engine' });
      assert.equal(await page.evaluate(() => document.getElementById('notices').hidden), true, 'no notice box for readers');
      assert.ok(logged('warning', /nnplay: Ignored "playbuton_hide": there is no part named "playbuton" to hide/));
      assert.deepEqual(await page.evaluate(() => window.__nnplay.state.hide), ['xSquared']);
    });

    await step('the element passes its attributes as URL state and re-dispatches epoch events; a changed attribute reloads the page', async () => {
      await open(`${srv.origin}/fixtures/component.html`);
      const src = await page.evaluate(() => document.getElementById('pg').shadowRoot.querySelector('iframe').src);
      assert.match(src, /\/dist\/index\.html#/);
      assert.match(src, /learningRate=0\.3/);
      assert.match(src, /networkShape=3%2C3|networkShape=3,3/);
      assert.match(src, /hideText=true/);
      assert.match(src, /xSquared_hide=true/);
      assert.doesNotMatch(src, /bogus/, 'attributes that are not state keys stay out of the URL');
      const frame = await frameOf(page, '/dist/index.html');
      const state = await frame.evaluate(() => window.__nnplay.state);
      assert.deepEqual([state.learningRate, state.networkShape, state.dataset], [0.3, [3, 3], 'xor']);
      assert.ok(await frame.evaluate(() => getComputedStyle(document.querySelector('header')).display === 'none'), 'hideText hides the header');
      await frame.click('#step');
      await waitFor(frame, () => window.__nnplay.snapshot.epoch === 1, undefined, { what: 'epoch 1' });
      await frame.click('#step');
      await waitFor(page, () => window.epochs.length >= 2, undefined, { what: 'two epoch events on the element', seen: () => window.epochs });
      const epochs = await page.evaluate(() => window.epochs);
      assert.deepEqual([epochs[0].type, epochs[0].source, epochs[1].epoch], ['epoch', 'nnplay', 2]);
      assert.ok(Number.isFinite(epochs[1].loss));
      await page.evaluate(() => document.getElementById('pg').setAttribute('learningrate', '0.01'));
      await waitFor(page, () => document.getElementById('pg').shadowRoot.querySelector('iframe').src.includes('learningRate=0.01'), undefined,
        { what: 'the iframe at learningRate=0.01', seen: () => document.getElementById('pg').shadowRoot.querySelector('iframe').src });
      assert.deepEqual(watch.problems, []);
    });

    // issue 22: a frame reporting 1e9, "1e9", 1e308 or NaN cannot make the article 1e9 px tall
    await step('the element takes its frame\'s size messages only as finite numbers within 200..20,000 px', async () => {
      await open(`${srv.origin}/fixtures/component-size.html`);
      const frame = await frameOf(page, '/dist/index.html');
      // what a hostile or broken page inside the frame could send; 4321 last, to know all were handled
      await frame.evaluate(() => {
        for (const height of [1e9, '1e9', 1e308, NaN, Infinity, -5, 4321]) parent.postMessage({ source: 'nnplay', type: 'size', height }, '*');
      });
      await waitFor(page, () => window.sizes.some(([h]) => h === 4321), undefined, { what: 'the size event of 4321 px', seen: () => window.sizes });
      const recorded = await page.evaluate(() => window.sizes);
      // the page's own reports may come in between: they are finite and within the bounds too
      for (const [height, style] of recorded) {
        assert.equal(typeof height, 'number');
        assert.ok(height >= 200 && height <= 20000, `size event ${height}`);
        assert.equal(style, `${height}px`, 'the frame is as tall as the event says');
      }
      const hostile = recorded.map(([h]) => h).filter((h) => h === 20000 || h === 200 || h === 4321);
      assert.deepEqual(hostile, [20000, 20000, 200, 4321], '1e9 and 1e308 clamped, -5 raised to 200, "1e9", NaN and Infinity ignored');
      assert.ok(await page.evaluate(() => document.documentElement.scrollHeight) < 25000, 'the article stays within the bounds');
      assert.deepEqual(watch.problems, []);
    });

    await step('the plain-iframe snippet of docs/EMBEDDING.md follows the height and starts the page', async () => {
      const doc = readFileSync(path.join(REPO, 'docs/EMBEDDING.md'), 'utf8');
      const snippet = /## 1\. A plain iframe\s+```html\n([\s\S]*?)```/.exec(doc)[1].replace('https://example.org/nnplay/index.html', `${srv.origin}/nnplay/index.html`);
      await page.route(`${srv.origin}/articles/iframe.html`, (r) => r.fulfill({ contentType: 'text/html', body: `<!DOCTYPE html><title>snippet</title><h1>Article</h1>${snippet}` }));
      await open(`${srv.origin}/articles/iframe.html`);
      await waitFor(page, () => {
        const f = document.getElementById('nnplay');
        const d = f.contentDocument?.documentElement;
        return f.contentWindow.__nnplay?.snapshot && Math.abs(f.getBoundingClientRect().height - d.getBoundingClientRect().height) <= 1;
      }, undefined, { what: 'the snippet\'s page started and as tall as its content', seen: () => {
        const f = document.getElementById('nnplay');
        return { started: Boolean(f?.contentWindow?.__nnplay?.snapshot), frame: f?.getBoundingClientRect().height, content: f?.contentDocument?.documentElement.getBoundingClientRect().height };
      } });
      assert.deepEqual(watch.problems, []);
    });

    // Where the page may not start a worker from its own file's URL (an iframe sandboxed without
    // allow-same-origin, whose origin is opaque), it starts one from a Blob URL that imports
    // nnplay-worker.js. The wasm is then fetched cross-origin, which needs CORS, as any CDN sends:
    // the route adds the header.
    await step('in an iframe sandboxed without allow-same-origin the page still starts its engine (a Blob URL worker)', async () => {
      await page.setViewportSize({ width: 1100, height: 950 });
      await page.route('**/nnplay/nnplay-engine.wasm', async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, headers: { ...response.headers(), 'access-control-allow-origin': '*' } });
      });
      await page.route('**/articles/sandboxed.html', (route) => route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><iframe sandbox="allow-scripts" src="/nnplay/index.html#seed=1&lang=en&maxEpochs=2" width="1000" height="900"></iframe>',
      }));
      await open(`${srv.origin}/articles/sandboxed.html`);
      const frame = page.frames().find((f) => f.url().includes('/nnplay/index.html'));
      await waitFor(frame, () => window.__nnplay?.snapshot && document.getElementById('loading').hidden, undefined, { what: 'the sandboxed page\'s engine' });
      await frame.click('#step');
      await waitFor(frame, () => window.__nnplay.snapshot.epoch === 1, undefined, { what: 'epoch 1 in the sandboxed page' });
      assert.ok(workers.length === 1 && workers[0].startsWith('blob:'), `one Blob URL worker: ${workers}`);
      assert.deepEqual(watch.problems, []);
    });
  } finally {
    await page.close();
  }
});
