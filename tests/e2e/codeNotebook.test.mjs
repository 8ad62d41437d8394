// "Download notebook" beside the code panel (issue 21 point 3: "a button beside the code panel"),
// in Chromium against dist/ over http: the learner who reads the code downloads the notebook that
// replays it without leaving the panel, and gets the same notebook as the export group's button.
//
// Needs /usr/bin/chromium, python3-nbformat and `npm ci` (playwright-core); dist/ is rebuilt
// first when web/ or bindings/src/ is newer. Run: node --test tests/e2e/codeNotebook.test.mjs
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { DIST, WAIT, ensureFreshDist, launchChromium, openPlayground, playgroundUrl, startServer, step } from './support.mjs';
import { readNotebook, validateWithPython } from '../node/notebook-read.mjs';

let srv;
let browser;

before(async () => {
  ensureFreshDist();
  srv = await startServer({ '/': DIST });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await srv?.close();
});

async function download(page, selector) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: WAIT }), page.click(selector)]);
  return { name: dl.suggestedFilename(), text: await fs.readFile(await dl.path(), 'utf8') };
}

for (const [lang, label] of [['ja', 'ノートブックをダウンロード'], ['en', 'Download notebook']]) {
  test(`${lang}: the code panel has "${label}" beside "copy", and it downloads the export group's notebook`, { timeout: 60_000 }, async () => {
    const s = await openPlayground(browser, playgroundUrl(srv.origin, `#seed=1&dataset=xor&lang=${lang}`), { context: { acceptDownloads: true }, ignoreBlobFailures: true, dialogsAreProblems: true });
    try {
      const { page } = s;
      const metrics = await step(page, 2);
      await page.click('#codePanel > summary');
      const button = page.locator('#codePanel #codeNotebook');
      assert.equal((await button.textContent()).trim(), label);
      assert.ok(await button.isVisible(), 'the button shows in the open code panel');
      const fromPanel = await download(page, '#codeNotebook');
      assert.equal(fromPanel.name, 'nnplay-run.ipynb');
      assert.ok(validateWithPython(fromPanel.text).cells > 10, 'nbformat.validate accepts it');
      assert.deepEqual(readNotebook(fromPanel.text).history.loss, metrics.map((m) => m.loss), "the page's two epochs");
      const fromExports = await download(page, '#exportNotebook');
      assert.equal(fromPanel.text, fromExports.text, 'the same notebook as the export group writes');
      assert.deepEqual(s.problems, [], s.problems.join(' | '));
    } finally {
      await s.context.close();
    }
  });
}
