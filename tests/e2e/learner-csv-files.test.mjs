// A learner imports CSV files of every kind the page must read carefully (issues 11, 22), in
// Chromium against dist/: a spreadsheet's semicolon file with decimal commas, a file with bad
// rows (each message names its row), a file over the size limit (refused, never read), one at
// the limit (parsed in the worker, the main thread never reads it), one that stops at the point
// cap, binary files; then this browser's storage: 6,000 stored points load as 5,000 with a
// notice, and a save into full storage says so. The parsing rules themselves are tested in
// tests/node/csv.test.mjs; the wording in both languages in tests/node/own-data-wording.test.mjs.
// Run: node --test tests/e2e/learner-csv-files.test.mjs (after node scripts/build.mjs)
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { nextFrames, openPlayground, playgroundUrl, servedChromium, until, waitForEngine } from './support.mjs';
import { journey } from './journey.mjs';
import { count, countIs, notices, stored, upload } from './ownData-steps.mjs';

const CSV_MAX_BYTES = 2 * 1024 * 1024;  // web/src/protocol.ts
const MAX_POINTS = 5000;                // web/src/views/ownData.ts

const env = servedChromium();  // dist/ (built when stale), one server, one Chromium
let scratch;

before(async () => {
  scratch = mkdtempSync(path.join(tmpdir(), 'nnplay-csv-e2e-'));
});
after(async () => {
  if (scratch) rmSync(scratch, { recursive: true });
});

// Long tasks (main-thread work over 50 ms) from the moment the page starts, the types of the
// messages posted to the worker, and every read of a Blob (a File) on the main thread (the
// worker has its own Blob: its reads are not counted).
const recordLongTasks = () => {
  window.__longTasks = [];
  new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask', buffered: true });
  window.__posted = [];
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message, ...rest) {
    window.__posted.push(message?.type);
    return post.call(this, message, ...rest);
  };
  window.__mainThreadReads = 0;
  for (const read of ['arrayBuffer', 'text', 'stream', 'bytes']) {
    const original = Blob.prototype[read];
    if (original) Blob.prototype[read] = function (...args) {
      window.__mainThreadReads++;
      return original.apply(this, args);
    };
  }
};

// Large files go in by path: a buffer would be rebuilt by Playwright's script on the page's
// main thread (seconds of long tasks that are the test's, not the page's).
function fileOf(name, content, { atLimit = true } = {}) {
  const file = path.join(scratch, name);
  writeFileSync(file, content);
  if (atLimit) assert.ok(statSync(file).size <= CSV_MAX_BYTES && statSync(file).size > CSV_MAX_BYTES - 100, `${name} is at the limit`);
  return file;
}

// Clears the points (a learner's "clear" before the next file), so that the next import is not asked replace-or-add.
async function clear(page) {
  await page.click('#clearPoints');
  await countIs(page, 0, 'no points after "clear"');
}

test('journey: a learner imports CSV files, good, bad, huge and binary, and the page keeps them within its limits', { timeout: 180_000 }, async (t) => {
  const step = journey(t);
  const s = await openPlayground(env.browser, playgroundUrl(env.origin, '#dataset=custom&lang=en'), { initScript: recordLongTasks, dialogsAreProblems: true });
  const { page } = s;
  try {
    await step('a semicolon CSV with decimal commas (BOM, comment, quoted header, CRLF) gives the right points', async () => {
      assert.equal(await count(page), 0);
      const csv = '\uFEFF# exported from a spreadsheet\r\n"x";"y";"label"\r\n0,5;-1,25;1\r\n-2,5;3;0\r\n1;1;2\r\n';
      await upload(page, 'points.csv', csv);
      await countIs(page, 3, '3 points imported');
      assert.equal(await page.isHidden('#importChoice'), true, 'no replace-or-add question: there were no points');
      assert.deepEqual(await notices(page), []);
      assert.deepEqual(await stored(page), { points: [0.5, -1.25, -2.5, 3, 1, 1], classes: [1, 0, 2] });
      await clear(page);
    });

    await step('every import error names the row of the file; the good rows are read', async () => {
      await upload(page, 'rows.csv', ['x,y,label', '1,1,0', 'abc,1,0', '2,2,1', '1,1,5'].join('\n'));
      await until(page, () => document.querySelectorAll('#importErrors li').length === 2, undefined, { what: 'two import errors' });
      const errors = await notices(page);
      assert.match(errors[0], /^row 3: /);
      assert.match(errors[1], /^row 5: /, `the bad label's message names its row: ${errors[1]}`);
      assert.equal(await count(page), 2);
      await clear(page);
    });

    await step('a file over the size limit is refused with a message, and nothing is read', async () => {
      const huge = fileOf('huge.csv', Buffer.alloc(CSV_MAX_BYTES + 1, '1,1,1\n'), { atLimit: false });
      await page.evaluate(() => { window.__mainThreadReads = 0; window.__posted.length = 0; });
      await page.setInputFiles('#importCsv', huge);
      await until(page, () => document.querySelectorAll('#importErrors li').length > 0, undefined, { what: 'the refusal' });
      assert.deepEqual(await notices(page), ['huge.csv: the file is 2.0 MB; files up to 2 MB can be imported']);
      assert.equal(await count(page), 0);
      assert.equal(await page.evaluate(() => window.__mainThreadReads), 0, 'the main thread did not read the file');
      assert.ok(!(await page.evaluate(() => window.__posted)).includes('parseCsv'), 'nor was the worker asked to');
    });

    await step('a file at the size limit is read and parsed off the main thread (the page never reads it)', async () => {
      const rows = '0,5;-1;1\n1;1;0\n';
      const comment = '# ' + 'a comment line; with a delimiter, and a "quote'.padEnd(60, '.') + '\n';
      const file = fileOf('comments.csv', comment.repeat(Math.floor((CSV_MAX_BYTES - rows.length) / comment.length)) + rows);
      await page.evaluate(() => {
        window.__longTasks.length = 0;
        window.__posted.length = 0;
        window.__mainThreadReads = 0;
      });
      await page.setInputFiles('#importCsv', file);
      await countIs(page, 2, 'the 2 rows after 2 MB of comments');
      assert.deepEqual(await notices(page), []);
      assert.deepEqual((await stored(page)).points, [0.5, -1, 1, 1]);
      assert.equal(await page.evaluate(() => window.__mainThreadReads), 0, 'the main thread did not read the file');
      assert.ok((await page.evaluate(() => window.__posted)).includes('parseCsv'), 'the worker was asked to');
      await nextFrames(page);  // the long-task observer reports after the frame
      // Timing is reported, not asserted: on a loaded machine any long task (a redraw) can pass 100 ms; what keeps
      // the page responsive is checked above: the file never reaches the main thread's reader.
      t.diagnostic(`long tasks during the import: ${JSON.stringify((await page.evaluate(() => window.__longTasks)).map(Math.round))}`);
      await clear(page);
    });

    await step('binary files: one clear message, no points', async () => {
      await page.setInputFiles('#importCsv', fileOf('zeros.csv', Buffer.alloc(CSV_MAX_BYTES)));
      await until(page, () => /NUL/.test(document.getElementById('importErrors').textContent), undefined, { what: 'the NUL message' });
      assert.deepEqual(await notices(page), ['this is not a CSV text file: it contains NUL bytes (a binary file, or UTF-16 text; save it as UTF-8 CSV)']);
      await upload(page, 'latin1.csv', Buffer.from('x,y,label\n0,5,caf\xe9\n', 'latin1'));
      await until(page, () => /UTF-8 text/.test(document.getElementById('importErrors').textContent), undefined, { what: 'the UTF-8 message' });
      assert.deepEqual(await notices(page), ['this is not a UTF-8 text file: it has bytes that are not UTF-8 (save it as UTF-8 CSV)']);
      assert.equal(await count(page), 0);
    });

    await step('a file at the size limit stops at the point cap, with a message', async () => {
      const row = '1,1,1\r\n';
      await page.setInputFiles('#importCsv', fileOf('big.csv', row.repeat(Math.floor(CSV_MAX_BYTES / row.length))));
      await until(page, () => /more than/.test(document.getElementById('importErrors').textContent), undefined, { what: 'the cap message' });
      assert.deepEqual(await notices(page), [`row ${MAX_POINTS + 1}: more than ${MAX_POINTS} rows; the rest was not read`]);
      assert.equal(await count(page), MAX_POINTS);
    });

    await step('6,000 points in this browser\'s storage (another build, a hand edit) load as 5,000, with a visible notice', async () => {
      await page.evaluate(() => {
        const n = 6000;
        localStorage.setItem('nnplay.ownData', JSON.stringify({ points: Array.from({ length: 2 * n }, (_, i) => (i % 10) / 2 - 2), classes: Array.from({ length: n }, (_, i) => i % 2) }));
      });
      await page.reload();
      await waitForEngine(page);
      await countIs(page, MAX_POINTS, 'the count of 5000 points');
      assert.match((await notices(page)).join('\n'), /had 6000 points saved; the page holds at most 5000, so the first 5000 are used/);
      assert.ok(await page.locator('#importErrors li').first().isVisible(), 'the notice is on screen');
      await clear(page);
    });

    await step('a save into full storage says so, visibly', async () => {
      await page.evaluate(() => {  // from now on every write of own data is refused, as by a full storage
        const setItem = Storage.prototype.setItem;
        Storage.prototype.setItem = function (key, value) {
          if (key === 'nnplay.ownData') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          return setItem.call(this, key, value);
        };
      });
      assert.doesNotMatch((await notices(page)).join('\n'), /not saved/, 'nothing to say before a save');
      await upload(page, 'two.csv', 'x,y,label\n1,1,1\n-1,-1,0\n');
      await countIs(page, 2, 'the 2 imported points');
      await until(page, () => /not saved/.test(document.getElementById('importErrors').textContent), undefined, { what: 'the notice that they are not saved' });
      assert.match((await notices(page)).join('\n'), /The 2 points are not saved in this browser: its storage is full or unavailable/);
      assert.ok(await page.locator('#importErrors li').first().isVisible(), 'the notice is on screen');
      assert.deepEqual(s.problems, [], s.problems.join(' | '));
    });
  } finally {
    await s.context.close();
  }
});
