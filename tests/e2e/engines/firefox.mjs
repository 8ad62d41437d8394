// Firefox ESR (Debian's firefox-esr) through puppeteer-core over WebDriver BiDi: no
// geckodriver, no downloaded browser. Behind the engines' page interface (index.mjs).
import puppeteer from 'puppeteer-core';
import { VIEWPORT } from '../support.mjs';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export async function launch() {
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true, defaultViewport: { ...VIEWPORT, deviceScaleFactor: 1 } });
  const page = (await browser.pages())[0] ?? await browser.newPage();
  await page.setViewport({ ...VIEWPORT, deviceScaleFactor: 1 });  // the first tab keeps the window's size otherwise
  return {
    async goto(url) {
      await page.goto(url, { waitUntil: 'load' });
    },
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    async click(selector) {
      await page.locator(selector).setTimeout(20_000).click();
    },
    select: (selector, value) => page.select(selector, value).then(() => {}),
    async type(selector, text) {
      await page.$eval(selector, (el) => { el.value = ''; });
      await page.type(selector, text);
      await page.keyboard.press('Enter');  // (Tab over BiDi left the change unfired)
    },
    screenshot: (file) => page.screenshot({ path: file }).then(() => {}),
    async close() {
      const proc = browser.process();
      await Promise.race([browser.close(), new Promise((done) => setTimeout(done, 10_000))]);
      if (proc && proc.exitCode === null) proc.kill('SIGKILL');
    },
    // a call that does not answer (index.mjs): Firefox and its content processes end now
    async kill() {
      const proc = browser.process();
      if (!proc || proc.exitCode !== null) return;
      const exited = new Promise((done) => proc.once('exit', done));
      try { process.kill(-proc.pid, 'SIGKILL'); } catch { proc.kill('SIGKILL'); }  // its group, when it has one
      await exited;
      browser.disconnect().catch(() => {});
    },
  };
}
