// Issue 20 §6: the original's guidance, in ja and en, at 1280 px and on a 390 px phone: the
// top bar's three group titles (steps 4, 5, 6), badge 5 on the three settings the article's
// figure 5-1 points to (loss, optimizer, learning rate), and the hint that the feature
// tiles can be clicked; cnum5_hide hides every badge 5.
// Run: node --test tests/e2e/guidance.test.mjs (after node scripts/build.mjs)
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DIST, launchChromium, openPlayground, playgroundUrl, startServer } from './support.mjs';

const TITLES = {
  ja: ['“手法” の選択： モデルの定義', '“学習方法” の設計： モデルの生成', '学習 ： トレーニング'],
  en: ['Choosing the “method”: model definition', 'Designing the “learning method”: model generation', 'Learning: training'],
};
const SIZES = [[1280, { viewport: { width: 1280, height: 900 } }], [390, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true }]];

let srv;
let browser;

before(async () => {
  assert.ok(existsSync(path.join(DIST, 'app.js')), 'dist/ is built (node scripts/build.mjs)');
  srv = await startServer({ '/': DIST });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await srv?.close();
});

for (const lang of ['ja', 'en']) {
  for (const [size, context] of SIZES) {
    test(`${lang} ${size} px: group titles 4-6, badge 5 on loss, optimizer and learning rate, the tile hint`, { timeout: 60_000 }, async () => {
      const s = await openPlayground(browser, playgroundUrl(srv.origin, `#lang=${lang}`), { context, dialogsAreProblems: true });
      try {
        const { page } = s;
        const titles = await page.evaluate(() => ['group4-title', 'group5-title', 'group6-title'].map((id) => {
          const h = document.getElementById(id);
          return { badge: h.querySelector('.badge').textContent, text: h.textContent.slice(1), shown: h.getBoundingClientRect().height > 0 };
        }));
        assert.deepEqual(titles, TITLES[lang].map((text, i) => ({ badge: String(4 + i), text, shown: true })));
        // each group holds its settings (a screen reader announces the title with them)
        assert.equal(await page.locator('[aria-labelledby=group5-title] #loss').count(), 1);
        assert.equal(await page.locator('[aria-labelledby=group6-title] #play').count(), 1);
        const fives = await page.evaluate(() => [...document.querySelectorAll('.topbar .control > .badge.ui-cnum5')]
          .filter((b) => b.getBoundingClientRect().width > 0).map((b) => b.parentElement.querySelector('select').id));
        assert.deepEqual(fives.sort(), ['learningRate', 'loss', 'optimizer']);
        assert.match(await page.locator('.network-hint').innerText(), lang === 'ja' ? /特徴のタイルを(クリック|タップ)すると/ : /(click|tap) a feature tile/);
        assert.deepEqual(s.problems, [], s.problems.join(' | '));
      } finally {
        await s.context.close();
      }
    });
  }
}

test('cnum5_hide=true hides badge 5 everywhere (title and the three settings)', { timeout: 60_000 }, async () => {
  const s = await openPlayground(browser, playgroundUrl(srv.origin, '#lang=en&cnum5_hide=true'), { dialogsAreProblems: true });
  try {
    assert.equal(await s.page.evaluate(() => [...document.querySelectorAll('.ui-cnum5')].filter((b) => b.getBoundingClientRect().width > 0).length), 0);
    assert.equal(await s.page.evaluate(() => document.querySelectorAll('.ui-cnum5').length), 4);
  } finally {
    await s.context.close();
  }
});
