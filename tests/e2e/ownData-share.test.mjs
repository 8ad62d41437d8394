// Issue 20 §4, as a learner does it, in Chromium against dist/: own data is never silently
// lost or mixed.
//  - points drawn on the plot (click at 1280 px, tap on a 390 px phone) go into the link
//    (URL key `points`); the link opened in a fresh browser shows the same points, said to be
//    from the link
//  - more points than a link carries (1,000): the own-data box and "Copy link" say plainly
//    that the link leaves them out, and the URL has no points
//  - a CSV import into existing points asks replace or add; either resets the run (epoch 0)
//    and its "maximum epochs reached" banner
// Run: node --test tests/e2e/ownData-share.test.mjs (after node scripts/build.mjs)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { playgroundPages, until } from './support.mjs';

const WIDE = { viewport: { width: 1280, height: 900 } };
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };

const withPage = playgroundPages();

const count = async (page) => Number((await page.textContent('#ownDataCount')).match(/^(\d+)/)[1]);
const upload = (page, name, text) => page.setInputFiles('#importCsv', { name, mimeType: 'text/csv', buffer: Buffer.from(text) });
const ownPoints = (page) => page.evaluate(() => ({ points: [...window.__nnplay.own.points], classes: [...window.__nnplay.own.classes] }));

// Clicks (or taps) the plot at data coordinates (x, y) in [-6, 6]².
async function drawAt(page, x, y, touch) {
  const box = await page.locator('#points').boundingBox();
  const px = box.x + ((x + 6) / 12) * box.width, py = box.y + ((6 - y) / 12) * box.height;
  if (touch) await page.touchscreen.tap(px, py);
  else await page.mouse.click(px, py);
}

for (const [lang, size, context, touch] of [['en', 1280, WIDE, false], ['ja', 390, PHONE, true]]) {
  test(`${lang} ${size} px: drawn points travel in the link and open the same in a fresh browser`, { timeout: 90_000 }, async () => {
    let url, drawn;
    await withPage(`#dataset=custom&lang=${lang}&seed=0.5`, context, async (page) => {
      assert.equal(await count(page), 0);
      await page.locator('#ownData').scrollIntoViewIfNeeded();
      for (const [x, y, c] of [[-3, 2, 0], [3, -2, 1], [1, 4, 2], [-4, -4, 1]]) {
        const radio = page.locator(`input[name=drawClass][value="${c}"]`);
        if (touch) await radio.tap(); else await radio.check();
        await page.locator('#points').scrollIntoViewIfNeeded();
        await drawAt(page, x, y, touch);
      }
      await until(page, () => /^4/.test(document.getElementById('ownDataCount').textContent), undefined, { what: '4 drawn points' });
      url = page.url();
      assert.match(url, /[#&]points=[A-Za-z0-9_-]+$/, 'the URL carries the points');
      assert.match(await page.textContent('#ownDataLink'), lang === 'ja' ? /この点も入ります/ : /include these points/);
      drawn = await ownPoints(page);
      assert.deepEqual(drawn.classes, [0, 1, 2, 1]);
    });
    await withPage(url.slice(url.indexOf('#')), context, async (page) => {
      await until(page, () => /^4/.test(document.getElementById('ownDataCount').textContent), undefined, { what: 'the link\'s 4 points' });
      assert.deepEqual(await ownPoints(page), drawn, 'the same points, exactly');
      assert.match(await page.textContent('#ownDataCount'), lang === 'ja' ? /リンクから/ : /from the link/);
      // and the worker trains on them: the training set has the link's points
      await until(page, () => window.__nnplay.data && window.__nnplay.data.train.labels.length + window.__nnplay.data.valid.labels.length === 4, undefined, { what: 'data of 4 points' });
      assert.equal(await page.evaluate(() => localStorage.getItem('nnplay.ownData')), null, 'the link\'s points do not overwrite the browser\'s own until edited');
    });
  });
}

test('en 1280 px: more points than a link carries: the page says so, and the link has none', { timeout: 90_000 }, async () => {
  await withPage('#dataset=custom&lang=en', WIDE, async (page) => {
    const rows = Array.from({ length: 1200 }, (_, i) => `${((i % 40) * 0.3 - 5.9).toFixed(2)},${(Math.floor(i / 40) * 0.39 - 5.9).toFixed(2)},${i % 2}`);
    await upload(page, 'many.csv', `x,y,label\n${rows.join('\n')}\n`);
    await until(page, () => /^1200 /.test(document.getElementById('ownDataCount').textContent), undefined, { what: '1200 points imported' });
    assert.match(await page.textContent('#ownDataLink'), /1200 points do not fit in a link \(up to 1000\)/);
    assert.doesNotMatch(page.url(), /points=/);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.click('#share');
    await until(page, () => /without your own points/.test(document.getElementById('shareNote').textContent), undefined, { what: 'the share note' });
  });
});

for (const [lang, size, context, touch] of [['en', 1280, WIDE, false], ['ja', 390, PHONE, true]]) {
  test(`${lang} ${size} px: an import into existing points asks replace or add, and starts the run again`, { timeout: 120_000 }, async () => {
    await withPage(`#dataset=custom&lang=${lang}&maxEpochs=3&seed=0.5`, context, async (page) => {
      const press = (sel) => (touch ? page.tap(sel) : page.click(sel));
      await upload(page, 'first.csv', 'x,y,label\n1,1,1\n-1,-1,0\n2,-2,1\n-2,2,0\n');
      await until(page, () => /^4/.test(document.getElementById('ownDataCount').textContent), undefined, { what: 'the first file\'s 4 points (no question: there were none)' });
      assert.equal(await page.isHidden('#importChoice'), true);
      // train to the maximum of 3 epochs: the banner says so
      await press('#play');
      await until(page, () => window.__nnplay.snapshot.epoch === 3 && !document.getElementById('status').hidden, undefined, { what: 'epoch 3 and the max-epochs banner' });
      assert.match(await page.textContent('#status'), lang === 'ja' ? /最大エポック数に達しました/ : /maximum/i);

      await upload(page, 'second.csv', 'x,y,label\n3,3,1\n-3,-3,0\n');
      await until(page, () => !document.getElementById('importChoice').hidden, undefined, { what: 'the replace-or-add question' });
      assert.match(await page.textContent('#importQuestion'), lang === 'ja' ? /second\.csv: ここにはすでに 4 点/ : /second\.csv: there are already 4 points/);
      assert.equal(await count(page), 4, 'nothing changes before the answer');
      await press('#importAdd');
      await until(page, () => /^6/.test(document.getElementById('ownDataCount').textContent), undefined, { what: '4 + 2 points' });
      await until(page, () => window.__nnplay.snapshot.epoch === 0 && document.getElementById('status').hidden, undefined, { what: 'epoch 0 and no banner after the import' });
      assert.equal((await page.textContent('#epoch')).replace(/\D/g, ''), '000000');

      await upload(page, 'third.csv', 'x,y,label\n5,5,1\n-5,-5,0\n4,4,1\n');
      await until(page, () => !document.getElementById('importChoice').hidden, undefined, { what: 'the question again' });
      await press('#importReplace');
      await until(page, () => /^3/.test(document.getElementById('ownDataCount').textContent), undefined, { what: 'the 3 points of the file alone' });
      assert.deepEqual(await ownPoints(page), { points: [5, 5, -5, -5, 4, 4], classes: [1, 0, 1] });

      await upload(page, 'fourth.csv', 'x,y,label\n0,0,1\n');
      await until(page, () => !document.getElementById('importChoice').hidden, undefined, { what: 'the question a third time' });
      await press('#importCancel');
      assert.equal(await page.isHidden('#importChoice'), true);
      assert.equal(await count(page), 3, 'cancel keeps the points');
    });
  });
}
