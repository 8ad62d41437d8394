// WebKitGTK (Debian's webkit2gtk-driver): WebKitWebDriver under xvfb-run (WebKitGTK 2.50 has
// no headless mode), driven with selenium-webdriver, behind the engines' page interface
// (index.mjs). What makes it reliable on a small machine (docs/TOOLCHAIN.md §7):
// - LANG names a real locale: with C.UTF-8, navigator.language is "C", which Intl rejects;
// - CPU rendering without compositing: Mesa's software GL crashed a web process about one
//   session in five and drew at ~17 fps;
// - the driver runs in a process group of its own, ended as a whole (a hung session can
//   leave a web process spinning); one session at a time.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import { Builder, By, Key } from 'selenium-webdriver';
import { Select } from 'selenium-webdriver/lib/select.js';
import { VIEWPORT } from '../support.mjs';

const MINIBROWSER = process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const DRIVER_START = 30_000;  // Xvfb and the driver, until /status answers
const SESSION_START = 30_000;  // a new session (the browser's start), then its timeouts and window
const SCREENSHOT_WAIT = 20_000;  // a screenshot takes well under a second (see screenshot below)

const within = (ms, what, promise) => {
  let timer;
  const late = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`webkit: timed out after ${ms} ms waiting for ${what}`)), ms); });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
};

const freePort = () => new Promise((resolve, reject) => {
  const s = net.createServer();
  s.once('error', reject);
  s.listen(0, '127.0.0.1', () => {
    const { port } = s.address();
    s.close(() => resolve(port));
  });
});

async function driverReady(url, child, log) {
  const deadline = Date.now() + DRIVER_START;
  for (;;) {
    if (!child.pid) throw new Error('cannot start xvfb-run (scripts/setup.sh installs xvfb and webkit2gtk-driver)');
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited (${child.exitCode}) before it answered: ${log.join('').slice(-500)}`);
    try {
      const r = await fetch(`${url}/status`);
      if (r.ok && (await r.json()).value?.ready) return;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error(`timed out waiting for WebKitWebDriver's /status at ${url}: ${log.join('').slice(-500)}`);
    await new Promise((done) => setTimeout(done, 100));  // poll interval of a state wait
  }
}

function endGroup(child) {
  if (!child.pid || child.exitCode !== null) return Promise.resolve();
  const exited = new Promise((done) => child.once('exit', done));
  try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone already */ }
  const hard = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 3000);
  return exited.finally(() => clearTimeout(hard));
}

export async function launch() {
  const port = await freePort();
  const log = [];
  const child = spawn('xvfb-run', ['-a', '-s', '-screen 0 1920x1200x24', 'WebKitWebDriver', `--port=${port}`, '--replace-on-new-session'], {
    detached: true,  // its own process group: endGroup() ends Xvfb, the driver and every web process
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LANG: 'en_US.UTF-8', WEBKIT_SKIA_ENABLE_CPU_RENDERING: '1', WEBKIT_DISABLE_COMPOSITING_MODE: '1' },
  });
  const keep = (d) => { log.push(String(d)); if (log.length > 50) log.shift(); };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  child.on('error', (e) => keep(`cannot start xvfb-run/WebKitWebDriver (scripts/setup.sh installs xvfb and webkit2gtk-driver): ${e.message}`));
  // if this process ends first (Ctrl-C, a crash), the driver's group ends with it
  const endWithUs = () => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } };
  process.once('exit', endWithUs);
  let driver;
  try {
    const url = `http://127.0.0.1:${port}`;
    await driverReady(url, child, log);
    driver = await within(SESSION_START, 'a new WebKitWebDriver session (MiniBrowser)', new Builder().usingServer(url).withCapabilities({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
    }).build());
    await within(SESSION_START, 'the timeouts and the window size', (async () => {
      await driver.manage().setTimeouts({ script: 30_000, pageLoad: 30_000 });
      await fitViewport(driver);
    })());
  } catch (e) {
    await endGroup(child);
    throw e;
  }
  const element = async (selector) => {
    const el = await driver.findElement(By.css(selector));
    // elements move while content-visibility: auto sections render: centre it first
    await driver.executeScript('arguments[0].scrollIntoView({ block: "center" })', el);
    return el;
  };
  return {
    async goto(url) {
      await driver.get(url);
    },
    async evaluate(fn, arg) {
      // JSON both ways: the driver sometimes cannot parse a structured result
      const json = await driver.executeScript(`const v = (${fn})(arguments[0]); return v === undefined ? 'null' : JSON.stringify(v);`, arg ?? null);
      return JSON.parse(json);
    },
    async click(selector) {
      await (await element(selector)).click();
    },
    async select(selector, value) {
      await new Select(await element(selector)).selectByValue(value);
    },
    async type(selector, text) {
      const el = await element(selector);
      await el.clear();
      await el.sendKeys(text, Key.TAB);
    },
    // Take Screenshot (which waits for the view's next presentation update) once never answered,
    // on the component's article under load, after scripts had answered in milliseconds; nothing
    // bounded it, and the run hung. A screenshot is evidence, not a check: if it does not answer
    // but a script still does, it is skipped, said on stderr, and the journey goes on; if the
    // session no longer answers, the call fails (and index.mjs ends the browser).
    async screenshot(file) {
      const shot = driver.takeScreenshot();
      const png = await within(SCREENSHOT_WAIT, `Take Screenshot (${file})`, shot).catch(async (e) => {
        shot.catch(() => {});  // answered late, or never
        await within(SCREENSHOT_WAIT, 'a script after Take Screenshot did not answer', driver.executeScript('return 1')).catch((gone) => {
          throw Object.assign(new Error(`${e.message}, and ${gone.message}`), { endBrowser: true });  // index.mjs ends the browser
        });
        process.stderr.write(`# ${e.message}; the session still answers: no screenshot, the journey goes on\n`);
        return null;
      });
      if (png !== null) await fs.writeFile(file, Buffer.from(png, 'base64'));
    },
    async close() {
      await Promise.race([driver.quit().catch(() => {}), new Promise((done) => setTimeout(done, 10_000))]);
      await endGroup(child);
      process.off('exit', endWithUs);
    },
    // a call that does not answer (index.mjs): Xvfb, the driver and every web process end now
    async kill() {
      await endGroup(child);
      process.off('exit', endWithUs);
    },
  };
}

// setRect sets the outer window: correct it until the viewport (innerWidth × innerHeight) is VIEWPORT.
async function fitViewport(driver) {
  let rect = { width: VIEWPORT.width, height: VIEWPORT.height };
  for (let i = 0; i < 4; i++) {
    await driver.manage().window().setRect({ x: 0, y: 0, ...rect });
    const inner = await driver.executeScript('return [innerWidth, innerHeight]');
    if (inner[0] === VIEWPORT.width && inner[1] === VIEWPORT.height) return;
    rect = { width: rect.width + VIEWPORT.width - inner[0], height: rect.height + VIEWPORT.height - inner[1] };
  }
}
