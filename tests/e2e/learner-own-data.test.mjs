// A learner brings their own data (issues 5, 11, 20 §4), in Chromium against dist/: draws three
// classes (a 3-unit softmax output), trains, reloads (the points stay), runs a side-by-side
// comparison on them, sends them in a link that opens the same in a fresh browser (a phone,
// where a tap draws), imports a CSV with bad rows into them (the page asks replace or add and
// starts the run again), brings more points than a link carries (the page says so), and clears.
// The page is in Japanese (the default): the row messages are checked as the learner reads them.
// Wording in both languages: tests/node/own-data-wording.test.mjs; the CSV, link and import
// rules: tests/node/csv.test.mjs, pointsLink.test.mjs, ownData-import.test.mjs.
// Run: node --test tests/e2e/learner-own-data.test.mjs (after node scripts/build.mjs)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextFrames, openPlayground, pause, playgroundUrl, servedChromium, snap, state, until, waitForEngine } from './support.mjs';
import { journey } from './journey.mjs';
import { compareRecord, count, countIs, drawAt, notices, ownPoints, recordCompare, stored, upload } from './ownData-steps.mjs';

const SESSION = { context: { viewport: { width: 1280, height: 900 } }, dialogsAreProblems: true };
const PHONE = { context: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true }, dialogsAreProblems: true };
const OUTPUT_1 = 100 * 100;  // the heatmap's grid (web/src/protocol.ts) times the output units

const env = servedChromium();  // dist/ (built when stale), one server, one Chromium


test('journey: a learner brings their own data, trains on it, shares it and imports more', { timeout: 240_000 }, async (t) => {
  const step = journey(t);
  const s = await openPlayground(env.browser, playgroundUrl(env.origin, '#seed=1&optimizer=adam&learningRate=0.03'), SESSION);
  const { page } = s;
  let drawn, link;
  try {
    await step('chooses "own data": the drawing box appears, empty', async () => {
      assert.equal(await page.isHidden('#ownData'), true, 'the own-data controls are hidden for circle');
      await page.click('#datasets button[data-name=custom]');
      assert.equal((await state(page)).dataset, 'custom');
      assert.ok((await page.evaluate(() => location.hash)).includes('&dataset=custom&'));
      assert.equal(await page.isVisible('#ownData'), true);
      assert.equal(await count(page), 0);
    });

    await step('draws three classes of 10 points: saved in this browser, a 3-unit softmax output', async () => {
      // three separable clusters: class 0 left, class 1 right, class 2 top
      const centres = [[-3.5, -2], [3.5, -2], [0, 3.5]];
      const offsets = [[0, 0], [0.6, 0], [-0.6, 0], [0, 0.6], [0, -0.6], [0.6, 0.6], [-0.6, -0.6], [0.6, -0.6], [-0.6, 0.6], [0.3, -0.3]];
      for (const [c, [cx, cy]] of centres.entries()) {
        await page.check(`input[name=drawClass][value="${c}"]`);
        for (const [dx, dy] of offsets) {
          const before = await count(page);
          await drawAt(page, cx + dx, cy + dy);
          assert.equal(await count(page), before + 1, 'each click adds a point');
        }
      }
      assert.equal(await count(page), 30);
      drawn = await stored(page);
      assert.deepEqual(drawn.classes, [...Array(10).fill(0), ...Array(10).fill(1), ...Array(10).fill(2)]);
      assert.ok(Math.abs(drawn.points[0] - -3.5) < 0.1 && Math.abs(drawn.points[1] - -2) < 0.1, `the first click's point: ${drawn.points.slice(0, 2)}`);
      assert.deepEqual(await ownPoints(page), drawn, 'what is stored is what the page has');
      await until(page, (n) => window.__nnplay.snapshot.output.length === n, OUTPUT_1 * 3, { what: 'a 3-unit output' });
      assert.equal(await page.locator('#layers .layer.output-layer .node').count(), 3, 'the network view shows 3 output units');
      assert.equal(await page.inputValue('#outputActivation'), 'softmax');
      assert.match(await page.textContent('#loss-note'), /softmax/i);
    });

    await step('the points travel in the link, and the box says so', async () => {
      link = page.url();
      assert.match(link, /[#&]points=[A-Za-z0-9_-]+$/, 'the URL carries the points');
      assert.match(await page.textContent('#ownDataLink'), /この点も入ります/);
    });

    await step('trains to accuracy > 0.9 on the drawing', async () => {
      await page.selectOption('#speed', '0');
      await page.click('#play');
      await until(page, () => {
        const m = window.__nnplay.snapshot.metrics;
        return window.__nnplay.snapshot.epoch >= 5000 || window.__nnplay.snapshot.diverged || (m && m.acc > 0.9 && m.valAcc > 0.9);
      }, undefined, { timeout: 30_000, what: 'accuracy > 0.9 on the drawing' });
      await pause(page);
      const trained = await snap(page);
      t.diagnostic(`own data: epoch ${trained.epoch}, acc ${trained.metrics.acc}, val acc ${trained.metrics.valAcc}`);
      assert.equal(trained.diverged, false);
      assert.ok(trained.metrics.acc > 0.9 && trained.metrics.valAcc > 0.9, `trained: ${JSON.stringify(trained.metrics)}`);
    });

    await step('reloads: the points and the three classes are still there', async () => {
      await page.reload();
      await waitForEngine(page);
      assert.equal(await count(page), 30, 'the points survive a reload');
      assert.deepEqual(await ownPoints(page), drawn);
      assert.equal((await snap(page)).outputLength, OUTPUT_1 * 3, 'three classes after reload');
    });

    await step('a side-by-side comparison of 5 epochs runs on the drawn points', async () => {
      await page.click('#comparePanel > summary');
      await page.fill('#compareEpochs', '5');
      await recordCompare(page);
      await page.click('#compareRun');
      await until(page, () => window.__compareRecord.done && !window.__nnplay.compare.running, undefined, { what: 'the comparison on own data to finish' });
      const rec = await compareRecord(page);
      assert.equal(rec.losses.length, 4);
      rec.losses.forEach((l, i) => assert.ok(l.length === 5 && l.every(Number.isFinite), `run ${i}: ${l}`));
      await page.click('#comparePanel > summary');
    });

    await step('the link opens the same points in a fresh browser (a phone), where a tap draws one more', async () => {
      const phone = await openPlayground(env.browser, link, PHONE);
      try {
        const p = phone.page;
        await countIs(p, 30, 'the link\'s 30 points');
        assert.deepEqual(await ownPoints(p), drawn, 'the same points, exactly');
        assert.match(await p.textContent('#ownDataCount'), /リンクから/);
        // the worker trains on them: training and validation sets hold the link's points
        await until(p, () => window.__nnplay.data && window.__nnplay.data.train.labels.length + window.__nnplay.data.valid.labels.length === 30, undefined, { what: 'data of 30 points' });
        assert.equal(await stored(p), null, 'the link\'s points do not overwrite the browser\'s own until edited');
        await p.locator('input[name=drawClass][value="1"]').tap();
        await p.locator('#points').scrollIntoViewIfNeeded();
        await drawAt(p, 4, 4, { touch: true });
        await countIs(p, 31, 'the tapped point');
        assert.deepEqual((await stored(p)).classes.at(-1), 1, 'an edit saves them in this browser');
        assert.deepEqual(phone.problems, [], phone.problems.join(' | '));
      } finally {
        await phone.context.close();
      }
    });

    await step('trains to a maximum of 3 epochs: the banner says so', async () => {
      await page.fill('#maxEpochs', '3');
      await page.dispatchEvent('#maxEpochs', 'change');
      await page.click('#play');
      await until(page, () => window.__nnplay.snapshot.epoch === 3 && !document.getElementById('status').hidden, undefined, { what: 'epoch 3 and the max-epochs banner' });
      assert.match(await page.textContent('#status'), /最大エポック数に達しました/);
    });

    await step('imports a CSV with bad rows into the points: asked, "add"; good rows added, each bad row named, the run starts again', async () => {
      const csv = ['x,y,label', '1,1,0', '2,-1,1', 'abc,1,0', '0.5,0.5,2', '7,0,1', '1,2', '-1,-1,-1', '1,1,5'].join('\n');
      await upload(page, 'points.csv', csv);
      await until(page, () => !document.getElementById('importChoice').hidden, undefined, { what: 'the replace-or-add question' });
      assert.match(await page.textContent('#importQuestion'), /points\.csv: ここにはすでに 30 点/);
      assert.equal(await count(page), 30, 'nothing changes before the answer');
      await page.click('#importAdd');
      await until(page, () => document.querySelectorAll('#importErrors li').length === 4, undefined, { what: 'the 4 bad rows\' messages' });
      assert.equal(await count(page), 34, 'four good rows added to the 30 drawn');
      const errors = await notices(page);
      // every message names the row of the file (the header is row 1), in the page's language
      assert.deepEqual(errors.map((e) => e.match(/^(\d+) 行目: /)?.[1]), ['4', '6', '7', '9'], errors.join(' | '));
      assert.match(errors[0], /x の「abc」は数ではありません/);
      assert.match(errors[1], /外にあります/);
      assert.match(errors[2], /3 列/);
      assert.match(errors[3], /ラベル 5/);
      assert.equal(await page.locator('#importErrors li b, #importErrors li script').count(), 0, 'messages are text');
      const after = await stored(page);
      assert.deepEqual(after.points.slice(0, 60), drawn.points, 'the drawn points are kept');
      assert.deepEqual(after.classes.slice(30), [0, 1, 2, 0], 'imported labels 0, 1, 2, -1 → classes 0, 1, 2, 0');
      assert.deepEqual(after.points.slice(60), [1, 1, 2, -1, 0.5, 0.5, -1, -1]);
      await until(page, () => window.__nnplay.snapshot.epoch === 0 && document.getElementById('status').hidden, undefined, { what: 'epoch 0 and no banner after the import' });
      assert.equal((await page.textContent('#epoch')).replace(/\D/g, ''), '000000');
    });

    await step('imports a file with "replace": only its points; another, cancelled: nothing changes', async () => {
      await upload(page, 'third.csv', 'x,y,label\n5,5,1\n-5,-5,0\n4,4,1\n');
      await until(page, () => !document.getElementById('importChoice').hidden, undefined, { what: 'the question again' });
      await page.click('#importReplace');
      await countIs(page, 3, 'the 3 points of the file alone');
      assert.deepEqual(await ownPoints(page), { points: [5, 5, -5, -5, 4, 4], classes: [1, 0, 1] });
      assert.equal((await snap(page)).outputLength, OUTPUT_1, 'two classes: one output unit');
      await upload(page, 'fourth.csv', 'x,y,label\n0,0,1\n');
      await until(page, () => !document.getElementById('importChoice').hidden, undefined, { what: 'the question a third time' });
      await page.click('#importCancel');
      assert.equal(await page.isHidden('#importChoice'), true);
      assert.equal(await count(page), 3, 'cancel keeps the points');
    });

    await step('imports more points than a link carries: the box and "Copy link" say so, and the URL has none', async () => {
      const rows = Array.from({ length: 1200 }, (_, i) => `${((i % 40) * 0.3 - 5.9).toFixed(2)},${(Math.floor(i / 40) * 0.39 - 5.9).toFixed(2)},${i % 2}`);
      await upload(page, 'many.csv', `x,y,label\n${rows.join('\n')}\n`);
      await until(page, () => !document.getElementById('importChoice').hidden, undefined, { what: 'the replace-or-add question' });
      await page.click('#importReplace');
      await countIs(page, 1200, '1200 points imported');
      assert.match(await page.textContent('#ownDataLink'), /1200 点はリンクに入りません（リンクに入るのは 1000 点まで）/);
      assert.doesNotMatch(page.url(), /points=/);
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.click('#share');
      await until(page, () => /自分のデータの点は含まれません/.test(document.getElementById('shareNote').textContent), undefined, { what: 'the share note' });
    });

    await step('clears: no points, none stored, a 1-unit output again', async () => {
      await page.click('#clearPoints');
      assert.equal(await count(page), 0);
      assert.deepEqual(await stored(page), { points: [], classes: [] });
      await until(page, (n) => window.__nnplay.snapshot.output.length === n, OUTPUT_1, { what: 'a 1-unit output' });
      await nextFrames(page);
      assert.deepEqual(s.problems, [], s.problems.join(' | '));
    });
  } finally {
    await s.context.close();
  }
});
