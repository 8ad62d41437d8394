// The page's core journeys in three engines: Chromium (playwright-core), Firefox ESR
// (puppeteer-core over WebDriver BiDi) and WebKitGTK (WebKitWebDriver under xvfb-run,
// selenium-webdriver) — load, play, step, dataset and learning rate, a URL hash, language,
// the charts, the component in an article, the module in a page and in a module worker;
// Play pressed the moment the page is ready (20 times); and the page's answers to a chart
// library that throws and to a missing app.js, worker or wasm.
// One driver-neutral page interface (engines/index.mjs); errors are recorded inside the
// page (engines/recorder.js). Screenshots go to test-results/engines/.
//
// Needs chromium, firefox-esr, webkit2gtk-driver and xvfb (scripts/setup.sh installs them).
// Run: node --test tests/e2e/engines.test.mjs (NNPLAY_ENGINES=webkit for one engine).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { init } from 'nnplay';
import { errorProbe, tutorial } from './fixtures/workflow.mjs';
import { DIST, REPO } from './support.mjs';
import { ENGINES, errors, launch, screenshot, waitFor } from './engines/index.mjs';
import { engineLoaded, pageReady, pageState, playState } from './engines/playground.mjs';
import { startEngineServer } from './engines/server.mjs';

const PLAYS_AT_READY = 20;
// No journey may hang the run: each fails after its timeout (its browser is then ended and the
// next journey starts a new one); every driver call is bounded too (engines/index.mjs).
const JOURNEY_TIMEOUT = 4 * 60_000;
const PLAYS_TIMEOUT = PLAYS_AT_READY * 30_000;  // 20 loads of the page
const THROWING_UPLOT = 'throw new RangeError("injected by the test: uPlot failed while loading");\n';

let srv;
let reference;  // Node's results of the module's workflow
const times = {};

before(async () => {
  srv = await startEngineServer({
    '/': REPO,
    '/broken-uplot/': { dir: DIST, replace: { 'uplot.js': THROWING_UPLOT } },
    '/cached/': { dir: DIST, cache: true },  // Play at ready: 20 loads of the same page
    '/no-app/': { dir: DIST, missing: ['app.js'] },
    '/no-worker/': { dir: DIST, missing: ['nnplay-worker.js'] },
    '/no-wasm/': { dir: DIST, missing: ['nnplay-engine.wasm'] },
  });
  const nn = await init();
  reference = { full: await tutorial(nn, { epochs: 100 }), short: await tutorial(nn, { epochs: 5 }), errors: await errorProbe(nn) };
}, { timeout: JOURNEY_TIMEOUT });

after(async () => {
  await srv?.close();
  for (const [engine, s] of Object.entries(times)) console.log(`# engines: ${engine} ${s.toFixed(1)} s`);
});

const httpErrorsSince = (n) => srv.httpErrors.slice(n);

for (const engine of ENGINES) {
  describe(engine, () => {
    let page;
    let started;
    const url = (p) => `${srv.origin}${p}`;
    // Loads the page and waits for its engine; nothing may be recorded on the way.
    const open = async (p = '/dist/index.html') => {
      const http = srv.httpErrors.length;
      await page.goto(url(p));
      await waitFor(page, engineLoaded, null, { what: `the engine at ${p} (first snapshot, dataset thumbnails)` });
      assert.deepEqual(await errors(page), [], `${engine}: errors while loading ${p}`);
      assert.deepEqual(httpErrorsSince(http), [], `${engine}: HTTP errors while loading ${p}`);
    };
    const stepOnce = async () => {
      const before = (await page.evaluate(playState)).epoch;
      await page.click('#step');
      return waitFor(page, (e) => window.__nnplay.snapshot.epoch === e + 1 && window.__nnplay.snapshot, before, { what: `epoch ${before + 1} after #step` });
    };

    // a test with a timeout; a browser ended by an earlier one (a call or the test timed out) is started anew
    const journey = (name, fn, timeout = JOURNEY_TIMEOUT) => test(name, { timeout }, async (t) => {
      if (page?.ended) page = await launch(engine);
      const end = () => page.end(`the test's timeout (${timeout / 1000} s): ${name}`);
      t.signal.addEventListener('abort', end, { once: true });
      try {
        await fn();
      } finally {
        t.signal.removeEventListener('abort', end);
      }
    });

    before(async () => {
      started = performance.now();
      page = await launch(engine);
    }, { timeout: JOURNEY_TIMEOUT });
    after(async () => {
      await page?.close();
      times[engine] = (performance.now() - started) / 1000;
    }, { timeout: JOURNEY_TIMEOUT });

    journey('the page loads, steps, plays and pauses', async () => {
      await open();
      await stepOnce();
      const s = await stepOnce();
      assert.ok(Number.isFinite(s.metrics.loss), `loss after 2 steps: ${s.metrics.loss}`);
      await page.click('#play');
      await waitFor(page, () => window.__nnplay.snapshot.playing && window.__nnplay.snapshot.epoch >= 10, null, { what: 'epoch 10 while playing' });
      await page.click('#play');
      await waitFor(page, () => !window.__nnplay.snapshot.playing && !document.getElementById('play').classList.contains('playing'), null, { what: 'the pause' });
      await screenshot(page, 'page');
      assert.deepEqual(await errors(page), []);
    });

    journey(`Play pressed the moment the page says it is ready keeps playing (${PLAYS_AT_READY} loads)`, async () => {
      const lost = [];
      for (let i = 0; i < PLAYS_AT_READY; i++) {
        await page.goto(url(`/cached/index.html?load=${i}`));  // a new query: a real new load (its files may come from the cache)
        await waitFor(page, pageReady, null, { what: 'the page to say it is ready (#loading hidden)' });
        await page.click('#play');
        // kept: a snapshot of training drawn (so the start-up one is past) with the button still on
        // Pause; lost: the button went back to Play
        const outcome = await waitFor(page, () => {
          const s = window.__nnplay?.snapshot;
          if (!document.getElementById('play').classList.contains('playing')) return { kept: false, epoch: s?.epoch };
          return s && s.playing && s.epoch >= 1 ? { kept: true, epoch: s.epoch } : false;
        }, null, { what: "an epoch of play drawn, or the button back on Play" });
        if (!outcome.kept) lost.push(`load ${i}: Play undone at epoch ${outcome.epoch}`);
      }
      assert.deepEqual(lost, [], `${engine}: ${lost.length} of ${PLAYS_AT_READY} Play clicks at ready were lost`);
      assert.deepEqual(await errors(page), []);
    }, PLAYS_TIMEOUT);

    journey('a dataset and a learning rate change the run and the URL', async () => {
      await open();
      await page.click('#datasets .dataset[data-name="xor"]');
      await waitFor(page, () => window.__nnplay.state.dataset === 'xor' && location.hash.includes('dataset=xor')
        && document.querySelector('#datasets .dataset[data-name="xor"]').classList.contains('selected'), null, { what: 'dataset xor in the state, the URL and the picker' });
      await page.select('#learningRate', '0.3');
      await waitFor(page, () => window.__nnplay.state.learningRate === 0.3 && location.hash.includes('learningRate=0.3'), null, { what: 'learning rate 0.3 in the state and the URL' });
      const s = await stepOnce();
      assert.ok(Number.isFinite(s.metrics.loss));
      // a typed maximum number of epochs: Play stops there and says why
      await page.type('#maxEpochs', '4');
      await waitFor(page, () => window.__nnplay.state.maxEpochs === 4, null, { what: 'maxEpochs 4 in the state (typed and committed)' });
      await page.click('#play');
      const stopped = await waitFor(page, () => !window.__nnplay.snapshot.playing && window.__nnplay.snapshot.epoch === 4
        && !document.getElementById('play').classList.contains('playing') && document.getElementById('status').textContent, null, { what: 'Play to stop at epoch 4 and say why' });
      assert.match(stopped, /最大エポック数に達しました \(4\)/);
      assert.deepEqual(await errors(page), []);
    });

    journey('a URL hash sets the page up, and an edited hash applies', async () => {
      await open('/dist/index.html#dataset=circle&learningRate=0.1&networkShape=3,2&activation=relu');
      const st = await page.evaluate(pageState);
      assert.equal(st.dataset, 'circle');
      assert.equal(st.learningRate, 0.1);
      assert.deepEqual(st.networkShape, [3, 2]);
      assert.equal(st.activation, 'relu');
      assert.equal(await page.evaluate(() => document.getElementById('activation').value), 'relu');
      await page.evaluate(() => { location.hash = '#activation=sigmoid&dataset=spiral'; });
      await waitFor(page, () => window.__nnplay.state.activation === 'sigmoid' && window.__nnplay.state.dataset === 'spiral'
        && document.getElementById('activation').value === 'sigmoid', null, { what: 'the edited hash (sigmoid, spiral) in the state and the controls' });
      assert.deepEqual(await errors(page), []);
    });

    journey('the language button switches the page to English and back', async () => {
      await open();
      await page.click('#language');
      await waitFor(page, () => document.querySelector('h1').textContent === 'Neural Network Playground' && window.__nnplay.state.lang === 'en'
        && location.hash.includes('lang=en') && document.getElementById('play').getAttribute('aria-label') === 'Run', null, { what: 'the English page' });
      await screenshot(page, 'english');
      await page.click('#language');
      await waitFor(page, () => document.querySelector('h1').textContent === 'ニューラルネットワーク Playground', null, { what: 'the Japanese page again' });
      assert.deepEqual(await errors(page), []);
    });

    journey('the charts draw every epoch', async () => {
      await open();
      await page.evaluate(() => document.getElementById('lossChart').scrollIntoView({ block: 'center' }));
      await stepOnce();
      await stepOnce();
      await waitFor(page, () => document.querySelector('#lossChart .uplot canvas') && document.querySelector('#accChart .uplot canvas')
        && window.__nnplay.charts.length === 2, null, { what: 'two uPlot charts with 2 epochs' });
      // the validation series is the only magenta on the loss chart: its line is drawn
      const magenta = await waitFor(page, () => {
        const c = document.querySelector('#lossChart .uplot canvas');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i] > 150 && d[i + 1] < 80 && d[i + 2] > 50 && d[i + 2] < 140 && d[i + 3] > 200) n++;
        return n >= 20 && n;
      }, null, { what: "the loss chart's validation line (magenta pixels)" });
      assert.ok(magenta >= 20);
      await screenshot(page, 'charts');
      assert.deepEqual(await errors(page), []);
    });

    journey('the component in an article: events, and its height is its content before any scrolling', async () => {
      const http = srv.httpErrors.length;
      await page.goto(url('/tests/e2e/fixtures/engines-article.html'));
      await waitFor(page, () => {
        const w = document.getElementById('pg').shadowRoot.querySelector('iframe').contentWindow;
        return w?.__nnplay?.snapshot && window.events.some((e) => e.type === 'ready');
      }, null, { what: "the component's page: first snapshot and the ready event" });
      await page.evaluate(() => document.getElementById('pg').shadowRoot.querySelector('iframe').contentDocument.getElementById('step').click());
      await waitFor(page, () => window.events.some((e) => e.type === 'epoch' && e.epoch === 1 && Number.isFinite(e.loss)), null, { what: 'the epoch event of a step' });
      // the frame's height against its content laid out in full (no content-visibility placeholders)
      const heights = () => {
        const frame = document.getElementById('pg').shadowRoot.querySelector('iframe');
        const doc = frame.contentDocument;
        const full = doc.createElement('style');
        full.textContent = '* { content-visibility: visible !important; }';
        doc.head.append(full);
        const content = Math.ceil(doc.documentElement.getBoundingClientRect().height);
        full.remove();
        return { frame: Math.round(frame.getBoundingClientRect().height), content, scrollY };
      };
      const h = await waitFor(page, (f) => {
        const r = (0, eval)(`(${f})`)();
        return r.frame === r.content && r;
      }, heights.toString(), { what: "the component's height to equal its content" }).catch(async (e) => {
        throw new Error(`${e.message}; heights: ${JSON.stringify(await page.evaluate(heights))}`);
      });
      assert.equal(h.scrollY, 0, 'nothing scrolled');
      // and it never was taller: no size the page reported went past its content
      const sizes = await page.evaluate(() => window.events.filter((e) => e.type === 'size').map((e) => e.height));
      assert.ok(Math.max(...sizes) <= h.content, `sizes reported: ${sizes.join(', ')}; content: ${h.content}`);
      await screenshot(page, 'component');
      const frameErrors = await page.evaluate(() => [...document.getElementById('pg').shadowRoot.querySelector('iframe').contentWindow.__engineErrors]);
      assert.deepEqual({ article: await errors(page), frame: frameErrors, http: httpErrorsSince(http) }, { article: [], frame: [], http: [] });
    });

    journey("the module in a page and in a module worker gives Node's numbers", async () => {
      for (const [fixture, ref] of [['page.html', reference.full], ['worker.html', reference.short]]) {
        await page.goto(url(`/tests/e2e/fixtures/${fixture}`));
        await waitFor(page, () => document.getElementById('out')?.dataset.state !== 'pending', null, { what: `${fixture} to finish`, timeout: 60_000 });
        const result = await page.evaluate(() => window.__result);
        assert.ok(result && !result.failure, `${fixture}: ${result?.failure}`);
        assert.deepEqual(result.history, ref.history, `${fixture}: the losses are Node's, bit for bit`);
        assert.deepEqual(result.prediction, ref.prediction);
        assert.deepEqual(result.errors, reference.errors);
        assert.deepEqual(await errors(page), []);
      }
    });

    journey('a uplot.js that throws costs only the charts: the page trains and says so', async () => {
      await page.goto(url('/broken-uplot/index.html'));
      await waitFor(page, engineLoaded, null, { what: 'the engine with a throwing uplot.js' });
      await page.evaluate(() => document.getElementById('lossChart').scrollIntoView({ block: 'center' }));
      await page.click('#play');
      const said = await waitFor(page, () => {
        const s = window.__nnplay.snapshot;
        const note = document.querySelector('#lossChart [role="status"]');
        return s.playing && s.epoch >= 10 && note?.textContent && note.textContent;
      }, null, { what: 'epoch 10 while playing, and the charts saying they are unavailable' });
      assert.match(said, /グラフを表示できません.*uplot\.js/);
      await screenshot(page, 'charts-unavailable');
      await page.click('#language');
      await waitFor(page, () => /^The charts are unavailable \(uplot\.js/.test(document.querySelector('#lossChart [role="status"]')?.textContent)
        && /^The charts are unavailable/.test(document.querySelector('#accChart [role="status"]')?.textContent), null, { what: 'the charts saying so in English' });
      assert.equal((await page.evaluate(playState)).button, true, 'still training');
      const recorded = await errors(page);
      assert.ok(recorded.some((e) => e.includes('injected by the test')), `the injected error is recorded: ${recorded.join(' | ')}`);
      assert.deepEqual(recorded.filter((e) => !/uplot\.js|injected by the test/.test(e)), [], 'nothing else fails');
    });

    for (const [mount, file] of [['/no-app/', 'app.js'], ['/no-worker/', 'nnplay-worker.js'], ['/no-wasm/', 'nnplay-engine.wasm']]) {
      journey(`a page without ${file} says so, in Japanese and English`, async () => {
        const shown = (previous) => waitFor(page, (before) => {
          const el = document.getElementById('loadProblem');
          const text = el && !el.hidden && getComputedStyle(el).visibility === 'visible' && el.textContent;
          return text && text !== before && text;
        }, previous, { what: `the message about the missing ${file} (#loadProblem shown${previous ? ', in the other language' : ''})` });
        await page.goto(url(`${mount}index.html`));
        const ja = await shown(null);
        await screenshot(page, `missing-${file}`);
        assert.ok(ja.includes(file), `the message names ${file}: ${ja}`);
        assert.match(ja, /読み込めません/, `the Japanese message: ${ja}`);
        if (file === 'app.js') {  // no script: the static text has both languages
          assert.match(ja, /app\.js did not load/, `the English message: ${ja}`);
          return;
        }
        await page.click('#language');
        const en = await shown(ja);
        assert.ok(en.includes(file), `the message names ${file}: ${en}`);
        assert.match(en, /could not be loaded/, `the English message: ${en}`);
      });
    }
  });
}
