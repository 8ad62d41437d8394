// The page's Embed dialog, as an article's author uses it: opened from the keyboard, parts
// ticked, a size picked, the live preview follows, the snippet is copied, and the copied
// snippet (iframe and component) shows the same setup when pasted into an article.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIST, WAIT, launchChromium, startServer, watchProblems } from './support.mjs';

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
  await page.waitForFunction(() => window.__nnplay?.snapshot && document.getElementById('loading').hidden, null, { timeout: WAIT });
  return { context, page, ...watch };
}

const previewFrame = (page) => page.frames().find((f) => f.parentFrame() === page.mainFrame() && f.url().includes('/nnplay/index.html'));

// The embedded page shows the setup: these keys of its state, these parts hidden.
async function assertShowsSetup(frame, hidden) {
  await frame.waitForFunction(() => window.__nnplay?.snapshot, null, { timeout: WAIT });
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
  await page.waitForSelector('dialog#embedDialog[open]');
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
  await page.waitForFunction(() => {
    const f = document.getElementById('embedPreview');
    return f.contentWindow.__nnplay?.state.hide.includes('playButton') && f.getBoundingClientRect().width === 600 && f.getBoundingClientRect().height === 900;
  }, null, { timeout: WAIT });
  await assertShowsSetup(previewFrame(page), [false, true, false]);
  await page.uncheck('input[name=embedPart][value=playButton]');
  await page.waitForFunction(() => !document.getElementById('embedPreview').contentWindow.__nnplay.state.hide.includes('playButton'), null, { timeout: WAIT });
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

  // Escape closes it, and the preview's engine goes with it
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.getElementById('embedDialog').open), false);
  assert.equal(await page.evaluate(() => document.getElementById('embedPreview').hasAttribute('src')), false);
  assert.deepEqual(problems, []);

  // each snippet, pasted into an article, shows that setup (and no Embed button of its own)
  for (const [name, snippet] of [['component', component], ['iframe', iframe]]) {
    const article = await context.newPage();
    const watch = watchProblems(article);
    await article.route(`${srv.origin}/articles/${name}.html`, (r) => r.fulfill({ contentType: 'text/html', body: `<!DOCTYPE html><title>article</title><h1>Article</h1>${snippet}` }));
    await article.goto(`${srv.origin}/articles/${name}.html`);
    await article.waitForFunction(() => [...document.querySelectorAll('iframe, nnplay-playground')].some((e) => (e.shadowRoot?.querySelector('iframe') ?? e).contentWindow?.__nnplay?.snapshot), null, { timeout: WAIT });
    const frame = article.frames().find((f) => f !== article.mainFrame());
    await assertShowsSetup(frame, [false, true, false]);
    assert.equal(await frame.evaluate(() => document.getElementById('embed').hidden), true, 'no Embed button inside an embedded page');
    if (name === 'iframe') {  // height auto: the frame is as tall as the page's content
      await article.waitForFunction(() => {
        const f = document.getElementById('nnplay');
        return Math.abs(f.getBoundingClientRect().height - f.contentDocument.documentElement.getBoundingClientRect().height) <= 1;
      }, null, { timeout: WAIT });
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
  await page.click('#language');
  await page.click('#embed');
  assert.equal(await page.textContent('#embedDialog h2'), 'Embed in an article');
  await context.close();
});
