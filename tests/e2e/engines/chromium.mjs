// Chromium through playwright-core (as the rest of tests/e2e), behind the engines' page interface (index.mjs).
import { launchChromium, VIEWPORT } from '../support.mjs';

export async function launch() {
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const page = await context.newPage();
  return {
    async goto(url) {
      await page.goto(url);
    },
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    click: (selector) => page.click(selector),
    select: (selector, value) => page.selectOption(selector, value).then(() => {}),
    async type(selector, text) {
      await page.fill(selector, text);
      await page.press(selector, 'Tab');
    },
    screenshot: (file) => page.screenshot({ path: file }).then(() => {}),
    close: () => browser.close(),
    // a call that does not answer (index.mjs): playwright ends the browser's process group on close
    kill: () => Promise.race([browser.close().catch(() => {}), new Promise((done) => setTimeout(done, 10_000))]),
  };
}
