// The page's Embed dialog, as an article's author uses it: opened from the keyboard, parts
// ticked, a size picked, the live preview follows, the snippet is copied, and the copied
// snippet (iframe and component) shows the same setup when pasted into an article.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIST, launchChromium, startServer, waitFor, watchProblems } from './support.mjs';

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

async function openPage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: srv.origin });
  const page = await context.newPage();
  const watch = watchProblems(page);
  await page.goto(`${srv.origin}/nnplay/index.html${SETUP}`);
  await waitFor(page, () => window.__nnplay?.snapshot && document.getElementById('loading').hidden, undefined, { what: 'the page\'s engine' });
  return { context, page, ...watch };
}

// For timeout messages: the dialog's state and where the focus is; the preview's size and hidden parts.
const DIALOG = () => ({ open: document.getElementById('embedDialog')?.open ?? null, focus: `${document.activeElement?.tagName}#${document.activeElement?.id}` });
const PREVIEW = () => {
  const f = document.getElementById('embedPreview');
  const r = f.getBoundingClientRect();
  return { width: r.width, height: r.height, hide: f.contentWindow.__nnplay?.state.hide ?? 'not started' };
};

const previewFrame = (page) => page.frames().find((f) => f.parentFrame() === page.mainFrame() && f.url().includes('/nnplay/index.html'));

// The embedded page shows the setup: these keys of its state, these parts hidden.
async function assertShowsSetup(frame, hidden) {
  await waitFor(frame, () => window.__nnplay?.snapshot, undefined, { what: 'the embedded page\'s engine' });
  const s = await frame.evaluate(() => JSON.parse(JSON.stringify(window.__nnplay.state)));
  assert.deepEqual([s.dataset, s.networkShape, s.learningRate, s.seed, s.lang], ['xor', [3, 2], 0.1, '0.25', 'en']);
  assert.deepEqual([s.hideText, s.hide], [true, ['playButton']]);
  const shown = await frame.evaluate(() => ['play', 'reset'].map((id) => getComputedStyle(document.getElementById(id)).display !== 'none')
    .concat(getComputedStyle(document.querySelector('header')).display !== 'none'));
  assert.deepEqual(shown, hidden);
}

test('the Embed dialog: tick parts, pick a size, the preview follows, the snippet is copied and works in an article', async () => {
  const { context, page, problems } = await openPage();
  // keyboard: the button takes focus and Enter opens a modal <dialog>
  await page.focus('#embed');
  await page.keyboard.press('Enter');
  await waitFor(page, () => document.getElementById('embedDialog')?.open, undefined, { what: 'the dialog to open on Enter', seen: DIALOG });
  assert.equal(await page.evaluate(() => document.getElementById('embedDialog').contains(document.activeElement)), true, 'focus moves into the dialog');

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

  // the component snippet, copied to the clipboard
  await page.check('input[name=embedKind][value=component]');
  const component = await page.inputValue('#embedCode');
  assert.match(component, /<script src="http:\/\/127\.0\.0\.1:\d+\/nnplay\/nnplay-playground\.js"><\/script>\n<nnplay-playground [^>]*dataset="xor"[^>]*playbutton_hide="true"[^>]*height="900"/);
  await page.click('#embedCopy');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), component);

  // height "auto": the iframe snippet comes with the script that follows the content
  await page.selectOption('#embedHeight', 'auto');
  await page.check('input[name=embedKind][value=iframe]');
  await page.click('#embedCopy');
  const iframe = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(iframe, /<script>[\s\S]*e\.data\.type === 'size'[\s\S]*<\/script>$/);

  // Escape closes it, and the preview's engine goes with it. (The author's focus is on the copy
  // button just clicked; the close comes from the browser's close request for the key, so the
  // test waits for it rather than reading the dialog in the same breath.)
  assert.equal(await page.evaluate(() => document.getElementById('embedDialog').contains(document.activeElement)), true, 'the focus is in the dialog');
  await page.keyboard.press('Escape');
  await waitFor(page, () => !document.getElementById('embedDialog').open, undefined, { what: 'Escape to close the dialog', seen: DIALOG });
  assert.equal(await page.evaluate(() => document.getElementById('embedPreview').hasAttribute('src')), false);
  assert.deepEqual(problems, []);

  // each snippet, pasted into an article, shows that setup (and no Embed button of its own)
  for (const [name, snippet] of [['component', component], ['iframe', iframe]]) {
    const article = await context.newPage();
    const watch = watchProblems(article);
    await article.route(`${srv.origin}/articles/${name}.html`, (r) => r.fulfill({ contentType: 'text/html', body: `<!DOCTYPE html><title>article</title><h1>Article</h1>${snippet}` }));
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
    await article.close();
  }
  await context.close();
});

test('the Embed dialog speaks the page language', async () => {
  const { context, page } = await openPage();
  await page.click('#language');  // en -> ja
  await page.click('#embed');
  assert.equal(await page.textContent('#embedDialog h2'), '記事に埋め込む');
  assert.equal(await page.textContent('#embedCopy'), 'コードをコピー');
  await page.keyboard.press('Escape');
  await waitFor(page, () => !document.getElementById('embedDialog').open, undefined, { what: 'Escape to close the dialog', seen: DIALOG });
  await page.click('#language');
  await page.click('#embed');
  assert.equal(await page.textContent('#embedDialog h2'), 'Embed in an article');
  await context.close();
});
