// Own data in this browser's storage (issue 22), in Chromium: points read back from
// localStorage are capped at the page's 5,000 with a visible notice, and a save that fails
// (storage full) says so, visibly, in Japanese and in English.
// Run: node --test tests/e2e/ownDataStorage.test.mjs (after node scripts/build.mjs).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DIST, launchChromium, openPlayground, playgroundUrl, startServer, until } from './support.mjs';

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

// Before the page's scripts: 6,000 points in storage, as another build or a hand edit could leave.
const storeTooMany = () => {
  const n = 6000;
  localStorage.setItem('nnplay.ownData', JSON.stringify({ points: Array.from({ length: 2 * n }, (_, i) => (i % 10) / 2 - 2), classes: Array.from({ length: n }, (_, i) => i % 2) }));
};
// Before the page's scripts: a storage that is full (every write of own data refused).
const storageFull = () => {
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    if (key === 'nnplay.ownData') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return setItem.call(this, key, value);
  };
};

async function withPage(lang, initScript, body) {
  const s = await openPlayground(browser, playgroundUrl(srv.origin, `#dataset=custom&lang=${lang}`), { initScript, dialogsAreProblems: true });
  try {
    await body(s.page);
    assert.deepEqual(s.problems, [], s.problems.join(' | '));
  } finally {
    await s.context.close();
  }
}

const notices = (page) => page.locator('#importErrors li').allTextContents();

for (const [lang, capped, notSaved] of [
  ['en', /had 6000 points saved; the page holds at most 5000, so the first 5000 are used/, /The 2 points are not saved in this browser: its storage is full or unavailable/],
  ['ja', /6000 個の点が保存されていました。このページで扱えるのは 5000 個まで/, /2 個の点はこのブラウザーに保存されていません（ストレージがいっぱいか、使えません）/],
]) {
  test(`${lang}: 6,000 stored points load as 5,000, with a visible notice`, { timeout: 60_000 }, async () => {
    await withPage(lang, storeTooMany, async (page) => {
      await until(page, () => /^5000 /.test(document.getElementById('ownDataCount').textContent), undefined, { what: 'the count of 5000 points' });
      assert.match((await notices(page)).join('\n'), capped);
      assert.ok(await page.locator('#importErrors li').first().isVisible(), 'the notice is on screen');
    });
  });

  test(`${lang}: a save into a full storage says so, visibly`, { timeout: 60_000 }, async () => {
    await withPage(lang, storageFull, async (page) => {
      assert.deepEqual(await notices(page), [], 'nothing to say before a save');
      await page.setInputFiles('#importCsv', { name: 'two.csv', mimeType: 'text/csv', buffer: Buffer.from('x,y,label\n1,1,1\n-1,-1,0\n') });
      await until(page, () => /^2 /.test(document.getElementById('ownDataCount').textContent), undefined, { what: 'the 2 imported points' });
      await until(page, () => document.querySelectorAll('#importErrors li').length > 0, undefined, { what: 'the notice that they are not saved' });
      assert.match((await notices(page)).join('\n'), notSaved);
      assert.ok(await page.locator('#importErrors li').first().isVisible(), 'the notice is on screen');
    });
  });
}
