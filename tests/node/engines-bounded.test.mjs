// The three-engine journeys' driver calls are bounded (tests/e2e/engines/index.mjs): a call
// that does not answer fails, naming itself, and ends the browser, so that every later call
// fails at once instead of hanging the run. Checked with a stand-in driver (no browser).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bounded } from '../e2e/engines/index.mjs';

function standIn() {
  const calls = [];
  const never = () => new Promise(() => {});
  return {
    calls,
    raw: {
      goto: never,
      evaluate: async (fn, arg) => { calls.push('evaluate'); return arg; },
      click: never, select: never, type: never, screenshot: never,
      close: async () => { calls.push('close'); },
      kill: async () => { calls.push('kill'); },
    },
  };
}

test('a call that answers passes its answer through', { timeout: 5000 }, async () => {
  const { raw, calls } = standIn();
  const page = bounded(raw, 'webkit', 200);
  assert.equal(await page.evaluate(() => 1, 42), 42);
  assert.deepEqual(calls, ['evaluate']);
  assert.equal(page.ended, null);
});

test('a call that does not answer fails naming the command, ends the browser, and later calls fail at once', { timeout: 5000 }, async () => {
  const { raw, calls } = standIn();
  const page = bounded(raw, 'webkit', 200);
  await assert.rejects(page.screenshot('/tmp/x.png'), /^Error: webkit: screenshot to \/tmp\/x\.png did not answer in 0\.2 s; the browser was ended$/);
  assert.deepEqual(calls, ['kill']);
  assert.match(page.ended, /screenshot to \/tmp\/x\.png did not answer/);
  const started = Date.now();
  await assert.rejects(page.evaluate(() => document.title), /webkit: evaluate `\(\) => document\.title` not sent: the browser was ended after screenshot/);
  assert.ok(Date.now() - started < 100, 'at once');
  await page.close();  // nothing left to close
  assert.deepEqual(calls, ['kill']);
});

test('ending the browser from outside (a test that timed out) makes the pending call and later ones fail', { timeout: 5000 }, async () => {
  const { raw, calls } = standIn();
  const page = bounded(raw, 'firefox', 60_000);
  await page.end("the test's timeout");
  await assert.rejects(page.goto('http://127.0.0.1/'), /firefox: goto http:\/\/127\.0\.0\.1\/ \(its load event\) not sent: the browser was ended after the test's timeout/);
  await page.end('twice');
  assert.deepEqual(calls, ['kill']);
});

test("a call whose engine says its session is gone ends the browser at once", { timeout: 5000 }, async () => {
  const { raw, calls } = standIn();
  raw.screenshot = async () => { throw Object.assign(new Error('webkit: the session is gone'), { endBrowser: true }); };
  const page = bounded(raw, 'webkit', 60_000);
  await assert.rejects(page.screenshot('/tmp/x.png'), /the session is gone/);
  assert.deepEqual(calls, ['kill']);
  await assert.rejects(page.click('#step'), /webkit: click on #step not sent: the browser was ended after webkit: the session is gone/);
});
