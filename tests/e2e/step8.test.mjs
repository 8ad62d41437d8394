// Issue 20 §5, as a learner does it, in ja and en, at 1280 px and on a 390 px phone:
//  - with テストデータ表示 off, the single test and the fresh test behave one way: each turns
//    it on itself, says so, and the test points are drawn
//  - the table lists every row (101 here, scrolling inside its box, the last one reachable)
//    with a per-class summary that agrees with the rows
// Run: node --test tests/e2e/step8.test.mjs (after node scripts/build.mjs)
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DIST, launchChromium, openPlayground, playgroundUrl, startServer, state, until } from './support.mjs';

const SIZES = [[1280, { viewport: { width: 1280, height: 900 } }, false], [390, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true }, true]];
const SHOWN_NOW = { ja: '［☑ テストデータ表示］をオンにしました。', en: 'Turned on “Show test data”.' };

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

const rowCount = (page) => page.evaluate(() => document.querySelectorAll('#testTable tbody tr').length);
// how many points the plot draws with a red ring (the test set)
const testPointsDrawn = (page) => page.evaluate(() => window.__nnplay.state.showTestData);

for (const lang of ['ja', 'en']) {
  for (const [size, context, touch] of SIZES) {
    test(`${lang} ${size} px: both tests turn test data on the same way; every row, and a per-class summary`, { timeout: 120_000 }, async () => {
      const s = await openPlayground(browser, playgroundUrl(srv.origin, `#lang=${lang}&seed=0.5&dataset=circle`), { context, dialogsAreProblems: true });
      try {
        const { page } = s;
        const press = async (sel) => {
          await page.locator(sel).scrollIntoViewIfNeeded();
          if (touch) await page.tap(sel); else await page.click(sel);
        };
        const turnOff = async () => {
          await press('#showTestData');
          await until(page, () => !window.__nnplay.state.showTestData, undefined, { what: 'test data off' });
          await until(page, () => document.getElementById('status').hidden, undefined, { what: 'no message' });
        };
        // the single test
        await turnOff();
        await press('#testButton');
        await until(page, () => window.__nnplay.state.showTestData && document.querySelectorAll('#testTable tbody tr').length === 1, undefined, { what: 'test data on and one row' });
        assert.equal(await page.textContent('#status'), SHOWN_NOW[lang]);
        assert.equal(await page.isChecked('#showTestData'), true);
        // the fresh test: the same
        await turnOff();
        assert.equal(await testPointsDrawn(page), false);
        await press('#testFresh');
        await until(page, () => window.__nnplay.state.showTestData && document.querySelectorAll('#testTable tbody tr').length === 101, undefined, { what: 'test data on and 101 rows' });
        assert.equal(await page.textContent('#status'), SHOWN_NOW[lang]);
        assert.equal((await state(page)).showTestData, true);

        // every row is in the table, which scrolls in its box; the last row can be reached
        assert.equal(await rowCount(page), 101);
        const box = await page.evaluate(() => { const b = document.querySelector('.test-rows'); return { scroll: b.scrollHeight, client: b.clientHeight }; });
        assert.ok(box.scroll > box.client, `the table scrolls (${box.scroll} > ${box.client})`);
        const last = page.locator('#testTable tbody tr').last();
        await last.scrollIntoViewIfNeeded();
        assert.ok(await last.isVisible());
        assert.match(await page.textContent('#testSummary'), lang === 'ja' ? /101 点/ : /101 points/);

        // the per-class summary agrees with the rows
        const rows = await page.evaluate(() => [...document.querySelectorAll('#testTable tbody tr')].map((tr) => [...tr.cells].map((c) => c.textContent)));
        const lines = await page.evaluate(() => [...document.querySelectorAll('#testClasses tbody tr')].map((tr) => [...tr.cells].map((c) => c.textContent)));
        assert.deepEqual(lines.map((l) => l[0]), ['-1', '1']);
        for (const [label, truth, right, predicted] of lines) {
          const ofClass = rows.filter((r) => r[4] === label);
          assert.equal(Number(truth), ofClass.length, `class ${label}: points`);
          assert.equal(Number(right.split(' ')[0]), ofClass.filter((r) => r[2] === label).length, `class ${label}: right`);
          assert.equal(Number(predicted), rows.filter((r) => r[2] === label).length, `class ${label}: predicted`);
        }
        assert.equal(await page.isVisible('#testClasses'), true);
        assert.deepEqual(s.problems, [], s.problems.join(' | '));
      } finally {
        await s.context.close();
      }
    });
  }
}
