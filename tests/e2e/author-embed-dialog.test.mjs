// Journey: an article's author makes a snippet with the page's Embed dialog: opened from the
// keyboard, parts ticked, a size picked, the live preview follows, the snippet is copied, the
// copied snippets (component and iframe) show the same setup when pasted into an article, and
// the dialog speaks the page's language. One context (it may read the clipboard) for all of it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIST, launchChromium, startServer, waitFor, watchProblems } from './support.mjs';
import { journey } from './journey.mjs';

let srv, browser;

before(async () => {
  srv = await startServer({ '/nnplay/': DIST });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await srv?.close();
});

const SETUP = '#dataset=xor&networkShape=3,2&learningRate=0.1&seed=0.25&lang=en';

// For timeout messages: the dialog's state and where the focus is; the preview's size and hidden parts.
const DIALOG = () => ({ open: document.getElementById('embedDialog')?.open ?? null, focus: `${document.activeElement?.tagName}#${document.activeElement?.id}` });
const PREVIEW = () => {
  const f = document.getElementById('embedPreview');
  const r = f.getBoundingClientRect();
  return { width: r.width, height: r.height, hide: f.contentWindow.__nnplay?.state.hide ?? 'not started' };
};

const previewFrame = (page) => page.frames().find((f) => f.parentFrame() === page.mainFrame() && f.url().includes('/nnplay/index.html'));

// The embedded page shows the setup: these keys of its state, the text and the play button
// hidden; `shown` says which of #play, #reset and the header are displayed.
async function assertShowsSetup(frame, shown) {
  await waitFor(frame, () => window.__nnplay?.snapshot, undefined, { what: 'the embedded page\'s engine' });
  const s = await frame.evaluate(() => JSON.parse(JSON.stringify(window.__nnplay.state)));
  assert.deepEqual([s.dataset, s.networkShape, s.learningRate, s.seed, s.lang], ['xor', [3, 2], 0.1, '0.25', 'en']);
  assert.deepEqual([s.hideText, s.hide], [true, ['playButton']]);
  const displayed = await frame.evaluate(() => ['play', 'reset'].map((id) => getComputedStyle(document.getElementById(id)).display !== 'none')
    .concat(getComputedStyle(document.querySelector('header')).display !== 'none'));
  assert.deepEqual(displayed, shown);
}

const closeWithEscape = async (page) => {
  await page.keyboard.press('Escape');
  await waitFor(page, () => !document.getElementById('embedDialog').open, undefined, { what: 'Escape to close the dialog', seen: DIALOG });
};

test('journey: an author makes a snippet with the Embed dialog and pastes it into an article', { timeout: 180_000 }, async (t) => {
  const step = journey(t);
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: srv.origin });
  const page = await context.newPage();
  const { problems } = watchProblems(page);
  const snippets = {};
  try {
    await step('opens the page and the dialog from the keyboard', async () => {
      await page.goto(`${srv.origin}/nnplay/index.html${SETUP}`);
      await waitFor(page, () => window.__nnplay?.snapshot && document.getElementById('loading').hidden, undefined, { what: 'the page\'s engine' });
      // the button takes focus and Enter opens a modal <dialog>
      await page.focus('#embed');
      await page.keyboard.press('Enter');
      await waitFor(page, () => document.getElementById('embedDialog')?.open, undefined, { what: 'the dialog to open on Enter', seen: DIALOG });
      assert.equal(await page.evaluate(() => document.getElementById('embedDialog').contains(document.activeElement)), true, 'focus moves into the dialog');
    });

    await step('ticks parts and picks a size: the snippet and the live preview follow', async () => {
      await page.check('input[name=embedPart][value=hideText]');
      await page.check('input[name=embedPart][value=playButton]');
      await page.selectOption('#embedWidth', '600px');
      await page.selectOption('#embedHeight', '900');
      // the preview: this page with that hash, at that size, applying it live
      const code = await page.inputValue('#embedCode');
      assert.match(code, /^<iframe id="nnplay" src="http:\/\/127\.0\.0\.1:\d+\/nnplay\/index\.html#[^"]*playButton_hide=true/);
      assert.match(code, /style="width: 600px; height: 900px; border: 0"/);
      assert.doesNotMatch(code, /<script>/, 'a fixed height needs no script');
      await waitFor(page, () => {
        const f = document.getElementById('embedPreview');
        return f.contentWindow.__nnplay?.state.hide.includes('playButton') && f.getBoundingClientRect().width === 600 && f.getBoundingClientRect().height === 900;
      }, undefined, { what: 'the preview at 600 × 900 without the play button', seen: PREVIEW });
      await assertShowsSetup(previewFrame(page), [false, true, false]);
      await page.uncheck('input[name=embedPart][value=playButton]');
      await waitFor(page, () => !document.getElementById('embedPreview').contentWindow.__nnplay.state.hide.includes('playButton'), undefined, { what: 'the preview with the play button again', seen: PREVIEW });
      await page.check('input[name=embedPart][value=playButton]');
    });

    await step('copies the component snippet, then the iframe one at height auto (with its script)', async () => {
      await page.check('input[name=embedKind][value=component]');
      snippets.component = await page.inputValue('#embedCode');
      assert.match(snippets.component, /<script src="http:\/\/127\.0\.0\.1:\d+\/nnplay\/nnplay-playground\.js"><\/script>\n<nnplay-playground [^>]*dataset="xor"[^>]*playbutton_hide="true"[^>]*height="900"/);
      await page.click('#embedCopy');
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), snippets.component);
      // height "auto": the iframe snippet comes with the script that follows the content
      await page.selectOption('#embedHeight', 'auto');
      await page.check('input[name=embedKind][value=iframe]');
      await page.click('#embedCopy');
      snippets.iframe = await page.evaluate(() => navigator.clipboard.readText());
      assert.match(snippets.iframe, /<script>[\s\S]*e\.data\.type === 'size'[\s\S]*<\/script>$/);
    });

    // The author's focus is on the copy button just clicked; the close comes from the browser's
    // close request for the key, so the step waits for it rather than reading the dialog at once.
    await step('Escape closes the dialog, and the preview\'s engine goes with it', async () => {
      assert.equal(await page.evaluate(() => document.getElementById('embedDialog').contains(document.activeElement)), true, 'the focus is in the dialog');
      await closeWithEscape(page);
      assert.equal(await page.evaluate(() => document.getElementById('embedPreview').hasAttribute('src')), false);
      assert.deepEqual(problems, []);
    });

    for (const name of ['component', 'iframe']) {
      await step(`pastes the ${name} snippet into an article: it shows that setup, with no Embed button of its own`, async () => {
        const article = await context.newPage();
        const watch = watchProblems(article);
        try {
          await article.route(`${srv.origin}/articles/${name}.html`, (r) => r.fulfill({ contentType: 'text/html', body: `<!DOCTYPE html><title>article</title><h1>Article</h1>${snippets[name]}` }));
          await article.goto(`${srv.origin}/articles/${name}.html`);
          await waitFor(article, () => [...document.querySelectorAll('iframe, nnplay-playground')].some((e) => (e.shadowRoot?.querySelector('iframe') ?? e).contentWindow?.__nnplay?.snapshot),
            undefined, { what: `the ${name} snippet's page to start`, seen: () => document.body.innerHTML.slice(0, 300) });
          const frame = article.frames().find((f) => f !== article.mainFrame());
          await assertShowsSetup(frame, [false, true, false]);
          assert.equal(await frame.evaluate(() => document.getElementById('embed').hidden), true, 'no Embed button inside an embedded page');
          if (name === 'iframe') {  // height auto: the frame is as tall as the page's content
            await waitFor(article, () => {
              const f = document.getElementById('nnplay');
              return Math.abs(f.getBoundingClientRect().height - f.contentDocument.documentElement.getBoundingClientRect().height) <= 1;
            }, undefined, { what: 'the iframe as tall as its content', seen: () => {
              const f = document.getElementById('nnplay');
              return { frame: f.getBoundingClientRect().height, content: f.contentDocument.documentElement.getBoundingClientRect().height };
            } });
          }
          assert.deepEqual(watch.problems, [], name);
        } finally {
          await article.close();
        }
      });
    }

    await step('switches the page to Japanese and back: the dialog speaks the page\'s language', async () => {
      await page.click('#language');  // en -> ja
      await page.click('#embed');
      assert.equal(await page.textContent('#embedDialog h2'), '記事に埋め込む');
      assert.equal(await page.textContent('#embedCopy'), 'コードをコピー');
      await closeWithEscape(page);
      await page.click('#language');
      await page.click('#embed');
      assert.equal(await page.textContent('#embedDialog h2'), 'Embed in an article');
      assert.equal(await page.textContent('#embedCopy'), 'Copy the code');
      // (no check of `problems` here: closing the dialog at once aborts its preview's loads, app.js
      // and styles.css, net::ERR_ABORTED, as a browser does: not a fault of the page)
    });
  } finally {
    await context.close();
  }
});
