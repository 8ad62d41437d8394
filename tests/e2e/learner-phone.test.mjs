// Journey: a learner on a phone, then at a desk (issue 9 point 10, issue 20 §5-7). On a 390 × 844
// touch phone: hints say tap and a feature tile does what its hint says; tap Play and the play
// button, epoch, read-outs and plot are on one screen; the status line sits above the plot; the
// step 8 table scrolls in its box; a weight tap brings the inspector into view; no sideways
// scroll, the output node not clipped, the compare charts fit; every control ≥ 32 px; 6 × 8
// headers do not overlap. At 1280 × 900 with a mouse: hints say click / hover; the plot, its
// numbers, both charts and step 8's controls on screen together; the charts' axes before
// training and a one-line legend telling train from validation; 6 × 8 headers do not overlap;
// no sideways scroll at 768 and 390 px. Each layout in ja and (by the language button) en.
// Screenshots: test-results/phone-*.png, learner-*-{1280,768,390}.png.
// Run: node --test tests/e2e/learner-phone.test.mjs (after node scripts/build.mjs)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { nextFrames, state, until } from './support.mjs';
import { journey } from './journey.mjs';
import {
  PHONE, RESULTS, WIDE, box, learnerBrowser, noSidewaysScroll, shot, statusAbovePlot, stepEpochs, switchLanguage, weightBringsInspector,
} from './learner-steps.mjs';

const open = learnerBrowser();

// The part of each element's box outside the viewport (none: fully on the first screen).
const offScreen = (page, ids) => page.evaluate((list) => list.map((id) => {
  const r = document.getElementById(id).getBoundingClientRect();
  return { id, top: Math.round(r.top), bottom: Math.round(r.bottom), inside: r.width > 0 && r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth };
}).filter((e) => !e.inside), ids);
const TOGETHER = ['play', 'epoch', 'trainLoss', 'validLoss', 'trainAcc', 'validAcc', 'heatmap'];
const STEP_7_8 = ['#heatmap', '#trainLoss', '#validLoss', '#trainAcc', '#validAcc', '#lossChart', '#accChart', '#testButton', '#clearTests'];
const TAP = { ja: /タップ/, en: /\btap\b/i };
const MOUSE = { ja: /マウスを乗せると|クリック/, en: /\bhover\b|\bclick\b/i };
const HINT = { ja: /入力データとして使いたい特徴を選択してください。/, en: /Which properties do you want to feed in\?/ };

// The hints a learner reads are worded for the input at hand (touch: tap; mouse: click / hover).
async function assertHints(page, lang, touch) {
  const text = await page.evaluate(() => document.body.innerText);
  const [says, never] = touch ? [TAP, MOUSE] : [MOUSE, TAP];
  assert.match(text, says[lang], `${lang}: the hints say ${touch ? 'tap' : 'click / hover'}`);
  assert.doesNotMatch(text, never[lang], `${lang}: no ${touch ? 'mouse' : 'tap'} wording`);
  assert.match(await page.locator('.network-hint').innerText(), HINT[lang]);
}

// Controls under 32 × 32 px that are shown.
const smallControls = (page) => page.evaluate(() => {
  const controls = document.querySelectorAll('button, select, input, summary, textarea, [tabindex="0"]');
  return [...controls].filter((el) => !(el instanceof SVGElement)).map((el) => {
    const r = el.getBoundingClientRect();
    return { what: `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : ''}`, w: Math.round(r.width * 10) / 10, h: Math.round(r.height * 10) / 10, shown: r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden' };
  }).filter((c) => c.shown && (c.w < 32 || c.h < 32));
});

// With 6 hidden layers of 8 neurons, no layer header overlaps the next, and nothing scrolls sideways.
async function assertHeaders(page, width) {
  const heads = await page.locator('.layer.hidden .layer-title').evaluateAll((els) => els.map((el) => {
    const rects = [...el.children].map((c) => c.getBoundingClientRect());
    return { left: Math.min(...rects.map((r) => r.left)), right: Math.max(...rects.map((r) => r.right)), text: el.textContent };
  }));
  assert.equal(heads.length, 6);
  for (let i = 1; i < heads.length; i++) assert.ok(heads[i - 1].right <= heads[i].left, `${width} px: header ${i} (${heads[i - 1].right}) overlaps header ${i + 1} (${heads[i].left})`);
  assert.ok(await noSidewaysScroll(page), `${width} px: no sideways scroll`);
  await page.locator('.column.network').screenshot({ path: path.join(RESULTS, `learner-6x8-${width}.png`) });
}

test('journey: a learner on a phone, then at a desk', { timeout: 420_000 }, async (t) => {
  const step_ = journey(t);
  let s = await open(PHONE);
  try {
    const phone = s;
    const { page, press } = phone;

    await step_('390 px touch: tap Play — play, epoch, read-outs and the plot on one screen while training (ja, en)', async () => {
      await phone.visit('#lang=ja&seed=0.5');
      assert.equal(await page.evaluate(() => scrollY), 0);
      await page.tap('#play');
      await until(page, () => window.__nnplay.snapshot.playing && window.__nnplay.snapshot.epoch >= 5, undefined, { what: 'training past epoch 5' });
      assert.equal(await page.evaluate(() => scrollY), 0, 'the page did not scroll');
      assert.deepEqual(await offScreen(page, TOGETHER), [], 'all on the first 390 × 844 screen');
      await until(page, () => document.getElementById('trainLoss').textContent !== '–' && Number(document.getElementById('epoch').textContent.replace(/\D/g, '')) >= 5, undefined, { what: 'read-outs and epoch shown' });
      await shot(page, 'phone-ja-training');
      // the language button sits at the page's end on a phone: back to the first screen after it
      await switchLanguage(page, 'en');
      await page.evaluate(() => window.scrollTo(0, 0));
      await nextFrames(page);
      assert.deepEqual(await offScreen(page, TOGETHER), [], 'all on the first screen in English');
      await shot(page, 'phone-en-training');
      await page.tap('#play');
      await until(page, () => !window.__nnplay.snapshot.playing, undefined, { what: 'paused' });
    });

    await step_('390 px touch: hints say tap (ja, en), the group titles and badge 5 are shown, and a tapped feature tile does what its hint says', async () => {
      await phone.visit('#lang=ja&seed=0.5');
      await assertHints(page, 'ja', true);
      const titles = await page.evaluate(() => ['group4-title', 'group5-title', 'group6-title'].map((id) => document.getElementById(id).getBoundingClientRect().height > 0));
      assert.deepEqual(titles, [true, true, true], 'the group titles are shown on a phone');
      const fives = await page.evaluate(() => [...document.querySelectorAll('.topbar .control > .badge.ui-cnum5')].filter((b) => b.getBoundingClientRect().width > 0).length);
      assert.equal(fives, 3, 'badge 5 on the three settings on a phone');
      await switchLanguage(page, 'en');
      await assertHints(page, 'en', true);
      const tile = page.locator('#layers .node.input.ui-xSquared');
      await tile.scrollIntoViewIfNeeded();
      await tile.tap();
      await until(page, () => window.__nnplay.state.xSquared === true, undefined, { what: 'X1² turned on by its tile' });
      assert.equal(await tile.getAttribute('aria-pressed'), 'true');
    });

    await step_('390 px touch: the status line sits above the plot; the fresh test fills a table that scrolls in its box', async () => {
      await statusAbovePlot(page, press);
      await press('#testFresh');
      await until(page, () => window.__nnplay.state.showTestData && document.querySelectorAll('#testTable tbody tr').length === 101, undefined, { what: 'test data on and 101 rows' });
      assert.equal(await page.textContent('#status'), 'Turned on “Show test data”.');
      const b = await page.evaluate(() => { const el = document.querySelector('.test-rows'); return { scroll: el.scrollHeight, client: el.clientHeight }; });
      assert.ok(b.scroll > b.client, `the table scrolls (${b.scroll} > ${b.client})`);
      const last = page.locator('#testTable tbody tr').last();
      await last.scrollIntoViewIfNeeded();
      assert.ok(await last.isVisible());
      assert.equal(await page.isVisible('#testClasses'), true);
      await page.locator('#testSummary').scrollIntoViewIfNeeded();
      await shot(page, 'learner-step8-390');
    });

    await step_('390 px touch: a tapped weight brings the inspector into view', async () => {
      await weightBringsInspector(page, 'tap');
      await shot(page, 'numbers-3-inspector-en-390');
    });

    await step_('390 px: no sideways scroll, the output node is not clipped, the compare charts fit, the descent view', async () => {
      await phone.visit('#seed=1');
      assert.ok(await noSidewaysScroll(page), 'no sideways scroll');
      const out = await box(page, '.layer.output-layer .node');
      const view = await box(page, '#network');
      assert.ok(out.left >= view.left && out.right <= Math.min(view.right, 390), `the output node is inside the network view: ${JSON.stringify({ out, view })}`);
      await page.locator('#network').scrollIntoViewIfNeeded();
      await shot(page, 'learner-network-390');
      await press('#comparePanel > summary');
      await page.fill('#compareEpochs', '2');
      await press('#compareRun');
      await until(page, () => !window.__nnplay.compare.running && document.getElementById('compareEpoch').textContent === '2', undefined, { what: 'a comparison' });
      for (const sel of ['#compareLoss', '#compareAcc', '#compareRuns']) {
        const b = await box(page, sel);
        assert.ok(b.right <= 390, `${sel} fits: right ${b.right}`);
      }
      assert.ok(await noSidewaysScroll(page), 'no sideways scroll with the comparison');
      await page.locator('#comparePanel').screenshot({ path: path.join(RESULTS, 'learner-compare-390.png') });
      await press('#descentPanel > summary');
      await press('#descentRun');
      await until(page, () => document.getElementById('descentStatus').textContent.includes('—'), undefined, { timeout: 15_000, what: 'the roll' });
      await page.locator('#descentCanvas').scrollIntoViewIfNeeded();
      await shot(page, 'learner-descent-390');
    });

    await step_('390 px touch: every control, with every panel open, is at least 32 × 32 px (ja, en)', async () => {
      await phone.visit('#lang=ja&seed=0.5&dataset=custom');
      await page.tap('#testButton');  // a row with a focusable "no truth" cell, if the dataset has no rule
      for (const summary of await page.locator('details summary').all()) await summary.tap();
      // open, and filled: a panel lists its contents on its toggle event, which comes after `open`
      await until(page, () => [...document.querySelectorAll('details')].every((d) => d.open) && document.getElementById('landscapeMode').options.length > 0,
        undefined, { what: "every panel open, the landscape's choices listed" });
      for (const lang of ['ja', 'en']) {
        if (lang === 'en') await switchLanguage(page, 'en');
        const small = await smallControls(page);
        assert.deepEqual(small, [], `${lang}: ${small.length} controls under 32 px: ${small.map((c) => `${c.what} ${c.w}×${c.h}`).join(', ')}`);
        assert.equal(await page.evaluate(() => document.getElementById('batchFull').getBoundingClientRect().height), 32, 'the 全部 check box');
      }
    });

    await step_('390 px: 6 hidden layers × 8 neurons: the headers do not overlap', async () => {
      await phone.visit('#networkShape=8,8,8,8,8,8&seed=1');
      await assertHeaders(page, 390);
    });
    await phone.close();
    s = null;

    s = await open(WIDE);
    const desk = s;
    const wide = desk.page;

    await step_('1280 px mouse: hints say click / hover (ja, en)', async () => {
      await desk.visit('#lang=ja&seed=1');
      await assertHints(wide, 'ja', false);
      await switchLanguage(wide, 'en');
      await assertHints(wide, 'en', false);
      await switchLanguage(wide, 'ja');
    });

    await step_('1280 px: the charts show their axes before training, and train and validation by colour and dash with a one-line legend', async () => {
      const inked = () => wide.evaluate(() => {
        const c = document.querySelector('#lossChart canvas');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 3; i < d.length; i += 4) if (d[i] > 100) n++;
        return n;
      });
      assert.equal(await wide.evaluate(() => window.__nnplay.snapshot.epoch), 0);
      assert.ok(await inked() > 300, 'the loss chart shows its axes at epoch 0');
      await stepEpochs(wide, 10);
      const markers = await wide.locator('#lossChart .u-legend .u-series .u-marker').evaluateAll((els) => els.map((el) => ({ colour: getComputedStyle(el).borderTopColor, style: getComputedStyle(el).borderTopStyle })));
      const [train, valid] = markers.slice(-2);
      assert.notEqual(train.colour, valid.colour, 'train and validation have different colours');
      assert.deepEqual([train.style, valid.style], ['solid', 'dashed'], 'validation is dashed, in the legend as on the chart');
      const legend = await box(wide, '#lossChart .u-legend');
      assert.ok(legend.height <= 30, `a one-line legend (${legend.height} px)`);
      await wide.locator('.column.output').screenshot({ path: path.join(RESULTS, 'learner-charts.png') });
    });

    await step_('1280 × 900: the plot, its numbers, both charts and step 8\'s controls are on screen together (ja, en); no sideways scroll at 768 and 390 px; a clicked feature tile does what its hint says', async () => {
      for (const lang of ['ja', 'en']) {
        if (lang === 'en') await switchLanguage(wide, 'en');
        await wide.locator('#output-title').evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 8));
        for (const sel of STEP_7_8) {
          const b = await box(wide, sel);
          assert.ok(b.top >= 0 && b.bottom <= 900 && b.left >= 0 && b.right <= 1280 && b.width > 0, `${lang}: ${sel} is on screen: ${JSON.stringify(b)}`);
        }
        await shot(wide, `learner-${lang}-1280`);
      }
      for (const [width, height] of [[768, 1024], [390, 844]]) {
        await wide.setViewportSize({ width, height });
        await wide.evaluate(() => window.scrollTo(0, 0));
        await nextFrames(wide);  // the page's resize observers run in the next frame
        assert.ok(await noSidewaysScroll(wide), `${width} px: no sideways scroll`);
        await wide.screenshot({ path: path.join(RESULTS, `learner-en-${width}.png`), fullPage: true });
      }
      await wide.setViewportSize(WIDE.viewport);
      await nextFrames(wide);
      // a clicked tile does what its hint says
      const tile = wide.locator('#layers .node.input.ui-xSquared');
      await tile.scrollIntoViewIfNeeded();
      await tile.click();
      await until(wide, () => window.__nnplay.state.xSquared === true, undefined, { what: 'X1² turned on by its tile' });
      assert.equal(await tile.getAttribute('aria-pressed'), 'true');
      assert.equal((await state(wide)).xSquared, true);
    });

    await step_('1280 px: 6 hidden layers × 8 neurons: the headers do not overlap', async () => {
      await desk.visit('#networkShape=8,8,8,8,8,8&seed=1');
      await assertHeaders(wide, 1280);
    });
  } finally {
    await s?.close();
  }
});

