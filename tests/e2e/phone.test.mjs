// Issue 20 §7, as a learner does it on a 390 × 844 touch phone (and, for the hints, at
// 1280 px with a mouse), in ja and en, in Chromium against dist/:
//  - tap Play: while training, the play button, the epoch, the loss and accuracy read-outs
//    and the output plot are all on the first screen together (no scrolling)
//  - every visible control (buttons, selects, inputs, check boxes, panel summaries, the
//    table's focusable cells), with every panel open, is at least 32 × 32 px
//  - hints match the input: "tap" on the phone, "click"/"hover" with a mouse; a tap on a
//    feature tile does what its hint says
// Screenshots: test-results/phone-{ja,en}-training.png (looked at when this was written).
// Run: node --test tests/e2e/phone.test.mjs (after node scripts/build.mjs)
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { playgroundPages, REPO, state, until } from './support.mjs';

const RESULTS = path.join(REPO, 'test-results');
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 1 };
const WIDE = { viewport: { width: 1280, height: 900 } };

const withPage = playgroundPages();
before(async () => {
  await fs.mkdir(RESULTS, { recursive: true });
});

// The part of each element's box outside the viewport (none: fully on the first screen).
const offScreen = (page, ids) => page.evaluate((list) => list.map((id) => {
  const r = document.getElementById(id).getBoundingClientRect();
  return { id, top: Math.round(r.top), bottom: Math.round(r.bottom), inside: r.width > 0 && r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth };
}).filter((e) => !e.inside), ids);

const TOGETHER = ['play', 'epoch', 'trainLoss', 'validLoss', 'trainAcc', 'validAcc', 'heatmap'];

for (const lang of ['ja', 'en']) {
  test(`${lang} 390 px touch: tap Play — play, epoch, read-outs and the plot on one screen while training`, { timeout: 90_000 }, async () => {
    await withPage(`#lang=${lang}&seed=0.5`, PHONE, async (page) => {
      assert.equal(await page.evaluate(() => scrollY), 0);
      await page.tap('#play');
      await until(page, () => window.__nnplay.snapshot.playing && window.__nnplay.snapshot.epoch >= 5, undefined, { what: 'training past epoch 5' });
      assert.equal(await page.evaluate(() => scrollY), 0, 'the page did not scroll');
      assert.deepEqual(await offScreen(page, TOGETHER), [], 'all on the first 390 × 844 screen');
      // the read-outs move with training, and the epoch counter too
      await until(page, () => document.getElementById('trainLoss').textContent !== '–' && Number(document.getElementById('epoch').textContent.replace(/\D/g, '')) >= 5, undefined, { what: 'read-outs and epoch shown' });
      await page.screenshot({ path: path.join(RESULTS, `phone-${lang}-training.png`) });
      await page.tap('#play');
    });
  });

  test(`${lang} 390 px touch: every control is at least 32 × 32 px`, { timeout: 90_000 }, async () => {
    await withPage(`#lang=${lang}&seed=0.5&dataset=custom`, PHONE, async (page) => {
      await page.tap('#testButton');  // a row with a focusable "no truth" cell, if the dataset has no rule
      for (const summary of await page.locator('details summary').all()) await summary.tap();
      // open, and filled: a panel lists its contents on its toggle event, which comes after `open`
      await until(page, () => [...document.querySelectorAll('details')].every((d) => d.open) && document.getElementById('landscapeMode').options.length > 0,
        undefined, { what: "every panel open, the landscape's choices listed" });
      const small = await page.evaluate(() => {
        const controls = document.querySelectorAll('button, select, input, summary, textarea, [tabindex="0"]');
        return [...controls].filter((el) => !(el instanceof SVGElement)).map((el) => {
          const r = el.getBoundingClientRect();
          return { what: `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : ''}`, w: Math.round(r.width * 10) / 10, h: Math.round(r.height * 10) / 10, shown: r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden' };
        }).filter((c) => c.shown && (c.w < 32 || c.h < 32));
      });
      assert.deepEqual(small, [], `${small.length} controls under 32 px: ${small.map((c) => `${c.what} ${c.w}×${c.h}`).join(', ')}`);
      assert.equal(await page.evaluate(() => document.getElementById('batchFull').getBoundingClientRect().height), 32, 'the 全部 check box');
    });
  });

  for (const [size, context, touch] of [[390, PHONE, true], [1280, WIDE, false]]) {
    test(`${lang} ${size} px ${touch ? 'touch' : 'mouse'}: hints say ${touch ? 'tap' : 'click / hover'}, and a feature tile does what its hint says`, { timeout: 90_000 }, async () => {
      await withPage(`#lang=${lang}&seed=0.5`, context, async (page) => {
        const text = await page.evaluate(() => document.body.innerText);
        const tap = lang === 'ja' ? /タップ/ : /\btap\b/i;
        const mouse = lang === 'ja' ? /マウスを乗せると|クリック/ : /\bhover\b|\bclick\b/i;
        if (touch) {
          assert.match(text, tap);
          assert.doesNotMatch(text, mouse, 'no mouse wording on a touch screen');
        } else {
          assert.match(text, mouse);
          assert.doesNotMatch(text, tap, 'no tap wording with a mouse');
        }
        const hint = await page.locator('.network-hint').innerText();
        assert.match(hint, lang === 'ja' ? /入力データとして使いたい特徴を選択してください。/ : /Which properties do you want to feed in\?/);
        const tile = page.locator('#layers .node.input.ui-xSquared');
        await tile.scrollIntoViewIfNeeded();
        if (touch) await tile.tap(); else await tile.click();
        await until(page, () => window.__nnplay.state.xSquared === true, undefined, { what: 'X1² turned on by its tile' });
        assert.equal(await tile.getAttribute('aria-pressed'), 'true');
      });
    });
  }
}
