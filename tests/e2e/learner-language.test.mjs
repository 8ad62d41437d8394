// Journey: a learner switches ja ⇄ en (issue 9 point 7, issue 20 §6), at 1280 px: every text a
// reader meets is in one language at a time — URL notices, the loss note, the divergence message,
// the charts, the compare and descent panels, CSV row errors, the early-stopping message — and
// switching back gives the same Japanese; the guidance (group titles 4-6, badge 5 on loss,
// optimizer and learning rate, the feature-tile hint) in both; cnum5_hide hides every badge 5.
// (The wording itself is table lookups: tests/node/learner-texts.test.mjs.)
// Screenshot: test-results/learner-language-ja.png.
// Run: node --test tests/e2e/learner-language.test.mjs (after node scripts/build.mjs)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { until } from './support.mjs';
import { journey } from './journey.mjs';
import { RESULTS, learnerBrowser, switchLanguage } from './learner-steps.mjs';
import path from 'node:path';

const open = learnerBrowser();

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

const TITLES = {
  ja: ['“手法” の選択： モデルの定義', '“学習方法” の設計： モデルの生成', '学習 ： トレーニング'],
  en: ['Choosing the “method”: model definition', 'Designing the “learning method”: model generation', 'Learning: training'],
};

// The top bar's group titles, badge 5's settings and the feature-tile hint, as shown.
async function assertGuidance(page, lang) {
  const titles = await page.evaluate(() => ['group4-title', 'group5-title', 'group6-title'].map((id) => {
    const h = document.getElementById(id);
    return { badge: h.querySelector('.badge').textContent, text: h.textContent.slice(1), shown: h.getBoundingClientRect().height > 0 };
  }));
  assert.deepEqual(titles, TITLES[lang].map((text, i) => ({ badge: String(4 + i), text, shown: true })), `${lang}: group titles`);
  const fives = await page.evaluate(() => [...document.querySelectorAll('.topbar .control > .badge.ui-cnum5')]
    .filter((b) => b.getBoundingClientRect().width > 0).map((b) => b.parentElement.querySelector('select').id));
  assert.deepEqual(fives.sort(), ['learningRate', 'loss', 'optimizer'], `${lang}: badge 5`);
  assert.match(await page.locator('.network-hint').innerText(), lang === 'ja' ? /特徴のタイルをクリックすると/ : /click a feature tile/);
}

test('journey: a learner switches ja ⇄ en', { timeout: 300_000 }, async (t) => {
  const step_ = journey(t);
  const s = await open();
  const { page, visit } = s;
  try {
    await step_('the guidance in both languages: group titles 4-6 around their settings, badge 5 on loss, optimizer and learning rate, the tile hint', async () => {
      await visit('#lang=ja');
      await assertGuidance(page, 'ja');
      // each group holds its settings (a screen reader announces the title with them)
      assert.equal(await page.locator('[aria-labelledby=group5-title] #loss').count(), 1);
      assert.equal(await page.locator('[aria-labelledby=group6-title] #play').count(), 1);
      await switchLanguage(page, 'en');
      await assertGuidance(page, 'en');
    });

    await step_('cnum5_hide=true hides badge 5 everywhere (title and the three settings)', async () => {
      await visit('#lang=en&cnum5_hide=true');
      assert.equal(await page.evaluate(() => [...document.querySelectorAll('.ui-cnum5')].filter((b) => b.getBoundingClientRect().width > 0).length), 0);
      assert.equal(await page.evaluate(() => document.querySelectorAll('.ui-cnum5').length), 4);
    });

    await step_('URL notices, the loss note, the divergence message, charts, compare and descent texts follow the language button, ja → en → ja', async () => {
      // a link with an unknown key and a bad value, cross entropy on regression (a note) and a rate that diverges
      await visit('#problem=regression&regDataset=reg-plane&activation=linear&networkShape=8,8&learningRate=10&seed=1&loss=binary_crossentropy&foo=1&noise=abc');
      await page.click('#step');
      await until(page, () => window.__nnplay.snapshot.diverged, undefined, { what: 'divergence' });
      await page.click('#comparePanel summary');
      await page.click('#descentPanel summary');
      await page.fill('#compareEpochs', '3');
      await page.click('#compareRun');
      await until(page, () => !window.__nnplay.compare.running && document.getElementById('compareEpoch').textContent === '3', undefined, { what: 'a comparison' });
      await page.click('#descentRun');
      await until(page, () => window.__nnplay.descent.done && window.__nnplay.descent.path.length > 1, undefined, { what: 'a descent' });
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

    await step_('CSV row errors and the early-stopping message are worded in the page language, and switch with it', async () => {
      await visit('#dataset=custom&seed=2');
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
  } finally {
    await s.close();
  }
});
