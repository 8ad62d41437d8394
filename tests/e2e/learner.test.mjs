// The page as a learner uses it (issue 9, points 5, 6, 7, 10 in part, 11): colours that keep
// the two classes under every loss, one language at a time, steps 7 and 8 where the learner
// looks at 1280, 768 and 390 px, the 3-class set, the batch label, the charts, and axe-core
// (ja and en, untrained and trained) with 24 px touch targets. Every journey clicks, selects
// and resizes as a learner would and checks what the page shows (pixels, text, boxes).
// Screenshots in test-results/ (git-ignored): learner-{ja,en}-{1280,768,390}.png and more.
//
// Needs /usr/bin/chromium, `npm ci` (playwright-core, axe-core) and `node scripts/build.mjs`.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DIST, REPO, launchChromium, newSession, loadPlayground, nextFrames, playgroundUrl, startServer, until } from './support.mjs';

const RESULTS = path.join(REPO, 'test-results');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let srv;
let browser;

before(async () => {
  await fs.mkdir(RESULTS, { recursive: true });
  srv = await startServer({ '/': DIST });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await srv?.close();
});

// A fresh page at `hash` in a viewport; body(page) runs, then no page error may have happened.
async function withPage(hash, body, { width = 1280, height = 900 } = {}) {
  const s = await newSession(browser, { context: { viewport: { width, height } } });
  try {
    await loadPlayground(s.page, playgroundUrl(srv.origin, hash));
    await body(s.page);
    assert.deepEqual(s.problems, [], s.problems.join(' | '));
  } finally {
    await s.context.close();
  }
}

// Presses Step n times (one epoch each), as a learner does, and waits for the epochs.
async function stepEpochs(page, n) {
  const before = await page.evaluate(() => window.__nnplay.snapshot.epoch);
  for (let i = 0; i < n; i++) await page.click('#step');
  await until(page, (e) => window.__nnplay.snapshot.epoch >= e || window.__nnplay.snapshot.diverged, before + n, { what: `epoch ${before + n}` });
}

const switchLanguage = async (page, to) => {
  await page.click('#language');
  await until(page, (lang) => document.documentElement.lang === lang, to, { what: `lang=${to}` });
};

// ---- colours -------------------------------------------------------------------------------

// RGB of a canvas pixel (canvas coordinates).
const pixel = (page, selector, x, y, index = 0) => page.evaluate(([sel, x, y, k]) => [...document.querySelectorAll(sel)[k].getContext('2d').getImageData(x, y, 1, 1).data].slice(0, 3), [selector, x, y, index]);
const isOrange = ([r, , b]) => r > b + 60;
const isBlue = ([r, , b]) => b > r + 60;

// Pixels of the point overlay near the class colours: orange #f59322, blue #0877bd.
const pointColours = (page) => page.evaluate(() => {
  const c = document.getElementById('points');
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  const near = (i, [r, g, b]) => Math.abs(d[i] - r) < 30 && Math.abs(d[i + 1] - g) < 30 && Math.abs(d[i + 2] - b) < 30 && d[i + 3] > 200;
  let orange = 0, blue = 0;
  for (let i = 0; i < d.length; i += 4) {
    if (near(i, [0xf5, 0x93, 0x22])) orange++;
    if (near(i, [0x08, 0x77, 0xbd])) blue++;
  }
  return { orange, blue };
});

test('colours follow the output range: under MSE, binary and categorical cross entropy class 0 stays orange and class 1 blue (points, plot, output nodes, legend)', { timeout: 120_000 }, async () => {
  await withPage('#dataset=gauss&seed=1&noise=0', async (page) => {
    for (const [loss, ticks] of [['mse', ['-1', '0', '1']], ['binary_crossentropy', ['0', '0.5', '1']], ['categorical_crossentropy', ['0', '0.5', '1']]]) {
      await page.selectOption('#loss', loss);
      await until(page, (l) => window.__nnplay.state.loss === l && window.__nnplay.snapshot.epoch === 0, loss, { what: `loss ${loss}` });
      await stepEpochs(page, 5);  // (the snapshot it waits for is the one drawn: window.__nnplay.snapshot)
      // gauss: class 1 around (2, 2), class 0 around (-2, -2); the plot's grid is 100 px over [-6, 6]
      const lowerLeft = await pixel(page, '#heatmap', 17, 82), upperRight = await pixel(page, '#heatmap', 82, 17);
      assert.ok(isOrange(lowerLeft), `${loss}: the plot at (-4, -4) is orange, not ${lowerLeft}`);
      assert.ok(isBlue(upperRight), `${loss}: the plot at (4, 4) is blue, not ${upperRight}`);
      const points = await pointColours(page);
      assert.ok(points.orange > 200 && points.blue > 200, `${loss}: both classes' points keep their colours (${JSON.stringify(points)})`);
      // the output node(s): one unit shows both sides; two softmax units show class 0 and class 1
      const outputs = await page.locator('.layer.output-layer canvas.thumb').count();
      assert.equal(outputs, loss === 'categorical_crossentropy' ? 2 : 1, loss);
      const thumbs = '.layer.output-layer canvas.thumb';
      assert.ok(isOrange(await pixel(page, thumbs, 4, 20, 0)), `${loss}: the output node shows class 0 orange`);
      assert.ok(isBlue(await pixel(page, thumbs, 20, 4, outputs - 1)), `${loss}: the output node shows class 1 blue`);
      // the legend: orange to blue, ticked in the output's own range
      assert.deepEqual(await page.locator('#legendTicks span').allTextContents(), ticks, `${loss}: legend ticks`);
      assert.ok(isOrange(await pixel(page, '#legend', 1, 5)) && isBlue(await pixel(page, '#legend', 142, 5)), `${loss}: legend colours`);
      await page.screenshot({ path: path.join(RESULTS, `learner-colours-${loss}.png`) });
      await page.click('#reset');
    }
    // three classes: the legend shows the three class colours
    await page.click('#datasets button[data-name=gauss3]');
    await until(page, () => document.getElementById('legendTicks').textContent === '012', undefined, { what: 'a 3-class legend' });
    assert.deepEqual(await page.locator('#legendTicks span').allTextContents(), ['0', '1', '2']);
  });
});

// ---- one language at a time ------------------------------------------------------------------

// Every text a reader meets: visible text nodes, the title, aria-labels, titles, placeholders
// and the options of visible selects; text inside an element marked with another language
// (the language button) is left out, and so is the tf.keras code (Python).
const readerTexts = (page) => page.evaluate(() => {
  const lang = document.documentElement.lang;
  const foreign = (el) => { const l = el.closest('[lang]'); return l && l.getAttribute('lang') !== lang; };
  const shown = (el) => el.checkVisibility({ visibilityProperty: true }) && !el.closest('#code');
  const out = [['title', document.title]];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || !n.textContent.trim() || ['SCRIPT', 'STYLE'].includes(el.tagName) || !shown(el) || foreign(el)) continue;
    out.push([`${el.tagName.toLowerCase()}#${el.id}.${el.className}`, n.textContent.trim()]);
  }
  for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
    if (!shown(el) || foreign(el)) continue;
    for (const a of ['aria-label', 'title', 'placeholder']) if (el.getAttribute(a)) out.push([`${el.id || el.tagName}@${a}`, el.getAttribute(a)]);
  }
  for (const o of document.querySelectorAll('select option')) if (shown(o.parentElement)) out.push([`${o.parentElement.id} option`, o.textContent]);
  return out;
});

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uff01-\uff5e]/;
// An English sentence: three or more English words in a row. Names and two-word labels stay
// allowed (tanh, SGD, X1, "Train loss", "Validation acc": the Deep Insider page's own labels).
const ENGLISH_SENTENCE = /\b[A-Za-z][a-z'’]+(?:,? [A-Za-z][a-z'’]+){2,}\b/;

async function assertOneLanguage(page, lang, where) {
  const texts = await readerTexts(page);
  const bad = texts.filter(([, text]) => (lang === 'en' ? JAPANESE.test(text) : ENGLISH_SENTENCE.test(text)));
  assert.deepEqual(bad, [], `${where}: ${lang === 'en' ? 'Japanese in the English page' : 'English sentences in the Japanese page'}`);
  return texts;
}

// Opens the compare and descent panels, runs a short comparison and a descent.
async function openPanels(page) {
  await page.click('#comparePanel summary');
  await page.click('#descentPanel summary');
  await page.fill('#compareEpochs', '3');
  await page.click('#compareRun');
  await until(page, () => !window.__nnplay.compare.running && document.getElementById('compareEpoch').textContent === '3', undefined, { what: 'a comparison' });
  await page.click('#descentRun');
  await until(page, () => window.__nnplay.descent.done && window.__nnplay.descent.path.length > 1, undefined, { what: 'a descent' });
}

test('ja ⇄ en: URL notices, the loss note, the divergence message, charts, compare and descent texts follow the language button', { timeout: 120_000 }, async () => {
  // a link with an unknown key and a bad value, cross entropy on regression (a note) and a rate that diverges
  const hash = '#problem=regression&regDataset=reg-plane&activation=linear&networkShape=8,8&learningRate=10&seed=1&loss=binary_crossentropy&foo=1&noise=abc';
  await withPage(hash, async (page) => {
    await page.click('#step');
    await until(page, () => window.__nnplay.snapshot.diverged, undefined, { what: 'divergence' });
    await openPanels(page);
    const texts = {};
    const rounds = [];
    for (const lang of ['ja', 'en', 'ja']) {
      if (lang !== (await page.evaluate(() => document.documentElement.lang))) await switchLanguage(page, lang);
      const all = await assertOneLanguage(page, lang, `regression page in ${lang}`);
      const text = (id) => page.textContent(id);
      texts[lang] = { notices: await text('#notice-list'), note: await text('#loss-note'), status: await text('#status'), title: await page.title(), legend: await text('#lossChart .u-legend') };
      // the messages are there (so the scan is not vacuous) and in this language
      assert.equal((await page.locator('#notice-list li').count()), 2, 'two notices');
      for (const [what, value] of Object.entries(texts[lang])) {
        assert.ok(value.trim().length > 0, `${lang}: ${what} is shown`);
        if (lang === 'ja' && what !== 'title') assert.match(value, JAPANESE, `${lang}: ${what} is Japanese: ${value}`);
      }
      assert.ok(all.some(([where]) => where.startsWith('compareSetting option')) && all.some(([where]) => where.includes('descentStatus')), 'compare options and the descent status were scanned');
      rounds.push(texts[lang]);
    }
    assert.deepEqual(rounds[2], rounds[0], 'ja → en → ja gives the same Japanese texts');
    assert.match(texts.en.notices, /Ignored unknown setting "foo"/);
    assert.match(texts.en.note, /regression uses mean squared error/);
    assert.match(texts.en.status, /Training diverged: epoch 1: the loss became/);
    assert.equal(texts.en.title, 'Neural Network Playground - nnplay');
    await page.screenshot({ path: path.join(RESULTS, 'learner-language-ja.png'), fullPage: true });
  });
});

test('ja ⇄ en: CSV row errors and the early-stopping message are worded in the page language', { timeout: 120_000 }, async () => {
  await withPage('#dataset=custom&seed=2', async (page) => {
    const rows = [];
    // 60 points whose labels follow no rule: the validation loss soon stops improving
    for (let i = 0; i < 60; i++) rows.push(`${(5 * Math.sin(i * 1.7)).toFixed(2)},${(5 * Math.cos(i * 2.3)).toFixed(2)},${(i * 7) % 3 === 0 ? 1 : 0}`);
    const csv = ['x,y,label', ...rows, 'abc,1,0', '9,9,1', '1,2', '1,1,5'].join('\n');
    await page.setInputFiles('#importCsv', { name: 'points.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await until(page, () => document.querySelectorAll('#importErrors li').length === 4, undefined, { what: 'four import errors' });
    const ja = await page.locator('#importErrors li').allTextContents();
    for (const e of ja) assert.match(e, /行目/, `a Japanese row error: ${e}`);
    // early stopping: patience 1 on validation loss, then Play until it stops
    await page.fill('#patience', '1');
    await page.press('#patience', 'Enter');
    await until(page, () => window.__nnplay.state.patience === 1, undefined, { what: 'patience 1' });
    await page.selectOption('#learningRate', '0.3');
    await page.selectOption('#speed', '0');
    await page.click('#play');
    await until(page, () => window.__nnplay.snapshot.stopped !== null && !window.__nnplay.snapshot.playing, undefined, { timeout: 60_000, what: 'early stopping' });
    const status = await page.textContent('#status');
    assert.match(status, /早期終了/, status);
    await assertOneLanguage(page, 'ja', 'own data in ja');
    await switchLanguage(page, 'en');
    await assertOneLanguage(page, 'en', 'own data in en');
    const en = await page.locator('#importErrors li').allTextContents();
    assert.deepEqual(en, [
      `row ${61 + 1}: x "abc" is not a number`,
      `row ${61 + 2}: the point (9, 9) is outside [-6, 6]²`,
      `row ${61 + 3}: expected 3 columns (x, y, label), found 2 (delimiter ",")`,
      `row ${61 + 4}: label 5 is not one of -1, 0, 1, 2 (classes: orange -1 or 0, blue 1, green 2)`,
    ]);
    assert.match(await page.textContent('#status'), /^Stopped early: early stopping: val_loss did not improve for 1 epoch/);
    await switchLanguage(page, 'ja');
    assert.deepEqual(await page.locator('#importErrors li').allTextContents(), ja, 'back in Japanese');
  });
});

// ---- steps 7 and 8 where the learner looks -----------------------------------------------------

const box = (page, selector) => page.locator(selector).first().evaluate((el) => { const r = el.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height }; });
const STEP_7_8 = ['#heatmap', '#trainLoss', '#validLoss', '#trainAcc', '#validAcc', '#lossChart', '#accChart', '#testButton', '#clearTests'];

for (const lang of ['ja', 'en']) {
  test(`${lang}: at 1280×900 the plot, its numbers, both charts and step 8's controls are on screen together; screenshots at 1280, 768 and 390 px`, { timeout: 120_000 }, async () => {
    await withPage(`#lang=${lang}&seed=1`, async (page) => {
      await stepEpochs(page, 10);
      await page.locator('#output-title').evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 8));
      for (const sel of STEP_7_8) {
        const b = await box(page, sel);
        assert.ok(b.top >= 0 && b.bottom <= 900 && b.left >= 0 && b.right <= 1280 && b.width > 0, `${sel} is on screen: ${JSON.stringify(b)}`);
      }
      await page.screenshot({ path: path.join(RESULTS, `learner-${lang}-1280.png`) });
      for (const [width, height] of [[768, 1024], [390, 844]]) {
        await page.setViewportSize({ width, height });
        await page.evaluate(() => window.scrollTo(0, 0));
        await nextFrames(page);  // the page's resize observers run in the next frame
        assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${width} px: no sideways scroll`);
        await page.screenshot({ path: path.join(RESULTS, `learner-${lang}-${width}.png`), fullPage: true });
      }
    });
  });
}

test('390 px: no sideways scroll, the output node is not clipped, the compare charts fit; 6 hidden layers × 8 neurons: headers do not overlap (1280 and 390 px)', { timeout: 120_000 }, async () => {
  await withPage('#seed=1', async (page) => {
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), 'no sideways scroll');
    const out = await box(page, '.layer.output-layer .node');
    const view = await box(page, '#network');
    assert.ok(out.left >= view.left && out.right <= Math.min(view.right, 390), `the output node is inside the network view: ${JSON.stringify({ out, view })}`);
    await page.click('#comparePanel summary');
    await page.fill('#compareEpochs', '2');
    await page.click('#compareRun');
    await until(page, () => !window.__nnplay.compare.running && document.getElementById('compareEpoch').textContent === '2', undefined, { what: 'a comparison' });
    for (const sel of ['#compareLoss', '#compareAcc', '#compareRuns']) {
      const b = await box(page, sel);
      assert.ok(b.right <= 390, `${sel} fits: right ${b.right}`);
    }
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), 'no sideways scroll with the comparison');
    await page.locator('#comparePanel').screenshot({ path: path.join(RESULTS, 'learner-compare-390.png') });
  }, { width: 390, height: 844 });

  for (const width of [1280, 390]) {
    await withPage('#networkShape=8,8,8,8,8,8&seed=1', async (page) => {
      const heads = await page.locator('.layer.hidden .layer-title').evaluateAll((els) => els.map((el) => {
        const rects = [...el.children].map((c) => c.getBoundingClientRect());
        return { left: Math.min(...rects.map((r) => r.left)), right: Math.max(...rects.map((r) => r.right)), text: el.textContent };
      }));
      assert.equal(heads.length, 6);
      for (let i = 1; i < heads.length; i++) assert.ok(heads[i - 1].right <= heads[i].left, `${width} px: header ${i} (${heads[i - 1].right}) overlaps header ${i + 1} (${heads[i].left})`);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${width} px: no sideways scroll`);
      await page.locator('.column.network').screenshot({ path: path.join(RESULTS, `learner-6x8-${width}.png`) });
    }, { width, height: 900 });
  }
});

// ---- smaller things a learner expects ----------------------------------------------------------------

// (The rules behind this journey are functions, tested in tests/node/learner-rules.test.mjs: the
// training-point count of 全部, the 3-class plan for every loss, the note's wording in both
// languages, that 3 classes learn, the one spelling of RMSprop. Here: that the page shows them.)
test('全部 shows the number of training points; the 3-class set gets 3 softmax units and a note that follows the language', { timeout: 60_000 }, async () => {
  await withPage('#seed=1', async (page) => {
    const label = () => document.getElementById('batchSizeValue').textContent;
    await page.check('#batchFull');
    await until(page, () => document.getElementById('batchSizeValue').textContent === '250', undefined, { what: 'the label 250 (500 points × 50%)', seen: label });
    await page.locator('#percTrainData').evaluate((el) => { el.value = '70'; el.dispatchEvent(new Event('input', { bubbles: true })); });
    await until(page, () => document.getElementById('batchSizeValue').textContent === '350', undefined, { what: 'the label 350 at 70%', seen: label });
    await page.uncheck('#batchFull');
    await until(page, () => document.getElementById('batchSizeValue').textContent === '10', undefined, { what: 'the slider value 10 again', seen: label });

    const output = () => ({ units: document.querySelectorAll('.layer.output-layer .node').length, note: document.getElementById('loss-note').textContent, loss: window.__nnplay.state.loss });
    await page.click('#datasets button[data-name=gauss3]');
    await until(page, () => document.querySelectorAll('.layer.output-layer .node').length === 3 && /3クラス.*softmax/.test(document.getElementById('loss-note').textContent),
      undefined, { what: '3 output units and the Japanese note under mse', seen: output });
    assert.equal(await page.inputValue('#outputActivation'), 'softmax');
    await page.selectOption('#loss', 'categorical_crossentropy');
    await until(page, () => window.__nnplay.state.loss === 'categorical_crossentropy' && document.getElementById('loss-note').textContent === ''
      && document.querySelectorAll('.layer.output-layer .node').length === 3, undefined, { what: 'no note for the loss that fits', seen: output });
    await page.selectOption('#loss', 'mse');
    await until(page, () => /3クラス.*softmax/.test(document.getElementById('loss-note').textContent), undefined, { what: 'the note again under mse', seen: output });
    await switchLanguage(page, 'en');
    await until(page, () => /Three classes need a softmax output/.test(document.getElementById('loss-note').textContent), undefined, { what: 'the note in English', seen: output });
    // the optimizer menu shows the registry's names (their one spelling is a node test)
    assert.ok((await page.locator('#optimizer option').allTextContents()).includes('RMSprop'));
  });
});

test('charts: axes before training; train and validation told apart by colour and dash, with a one-line legend', { timeout: 60_000 }, async () => {
  await withPage('#seed=1', async (page) => {
    // before the first epoch: the axes (ticks and labels) are drawn
    const inked = () => page.evaluate(() => {
      const c = document.querySelector('#lossChart canvas');
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i] > 100) n++;
      return n;
    });
    assert.equal(await page.evaluate(() => window.__nnplay.snapshot.epoch), 0);
    assert.ok(await inked() > 300, 'the loss chart shows its axes at epoch 0');
    await stepEpochs(page, 5);
    const markers = await page.locator('#lossChart .u-legend .u-series .u-marker').evaluateAll((els) => els.map((el) => ({ colour: getComputedStyle(el).borderTopColor, style: getComputedStyle(el).borderTopStyle })));
    const [train, valid] = markers.slice(-2);
    assert.notEqual(train.colour, valid.colour, 'train and validation have different colours');
    assert.deepEqual([train.style, valid.style], ['solid', 'dashed'], 'validation is dashed, in the legend as on the chart');
    const legend = await box(page, '#lossChart .u-legend');
    assert.ok(legend.height <= 30, `a one-line legend (${legend.height} px)`);
    await page.locator('.column.output').screenshot({ path: path.join(RESULTS, 'learner-charts.png') });
  });
});

// ---- accessibility: axe-core and touch targets -----------------------------------------------------

// Interactive elements smaller than 24 × 24 px (a checkbox or radio counts with its label).
const smallTargets = (page) => page.evaluate(() => {
  const out = [];
  for (const el of document.querySelectorAll('button, select, input, [role=button], [tabindex="0"], summary')) {
    if (!el.checkVisibility({ visibilityProperty: true }) || el.closest('.u-legend')) continue;
    const target = ['checkbox', 'radio'].includes(el.type) && el.closest('label') ? el.closest('label') : el;
    const r = target.getBoundingClientRect();
    // a line (an SVG stroke) is as thick as its stroke, which its bounding box leaves out
    const stroke = el instanceof SVGGeometryElement ? parseFloat(getComputedStyle(el).strokeWidth) || 0 : 0;
    if (Math.max(r.width, stroke) < 24 || Math.max(r.height, stroke) < 24) {
      out.push(`${el.tagName.toLowerCase()}#${el.id}.${el.getAttribute('class') ?? ''} ${Math.round(r.width)}×${Math.round(r.height)}`);
    }
  }
  return out;
});

for (const lang of ['ja', 'en']) {
  test(`axe-core, ${lang}: no serious or critical violation untrained and trained (panels open); touch targets ≥ 24 px`, { timeout: 120_000 }, async () => {
    await withPage(`#lang=${lang}&seed=1&showValidationData=true`, async (page) => {
      await page.click('#comparePanel summary');
      await page.click('#descentPanel summary');
      for (const when of ['untrained', 'trained']) {
        if (when === 'trained') {
          await stepEpochs(page, 5);
          await page.click('#testButton');
          await page.click('#stepBatch');
          await until(page, () => window.__nnplay.snapshot.batch === 1 && document.querySelectorAll('#testTable tbody tr').length === 1,
            undefined, { what: 'one batch stepped and one test row', seen: () => ({ batch: window.__nnplay.snapshot.batch, rows: document.querySelectorAll('#testTable tbody tr').length }) });
        }
        await page.addScriptTag({ path: AXE });
        const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'], rules: { 'target-size': { enabled: true } } }));
        const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
        assert.deepEqual(serious, [], `${lang}, ${when}`);
        assert.deepEqual(await smallTargets(page), [], `${lang}, ${when}: targets under 24 px`);
      }
    });
  });
}
