// Strict sites: the page under the Content-Security-Policy of docs/EMBEDDING.md (and with
// Trusted Types required) starts, trains and breaks no rule; where a policy leaves it no way
// to run its engine, the page says which rule is the cause.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIST, WAIT, launchChromium, newSession, startServer } from './support.mjs';

const STRICT = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; style-src 'self'; img-src 'self'";
let srv, browser;

before(async () => {
  srv = await startServer({ '/': DIST });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await srv?.close();
});

// The page with `csp` as its Content-Security-Policy header; violations are recorded.
async function underPolicy(csp) {
  const session = await newSession(browser, {
    initScript: () => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
    },
  });
  await session.page.route(`${srv.origin}/index.html`, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': csp } });
  });
  await session.page.goto(`${srv.origin}/index.html#seed=1&lang=en`);
  return session;
}
const statusText = (page) => page.waitForFunction(() => {
  const s = document.getElementById('status');
  return !s.hidden && s.textContent;
}, null, { timeout: WAIT }).then((h) => h.jsonValue());

for (const [name, csp] of [['the strict policy', STRICT], ['the strict policy with Trusted Types required', `${STRICT}; require-trusted-types-for 'script'`]]) {
  test(`${name}: the page starts, trains and breaks no rule`, async () => {
    const { page, context, problems } = await underPolicy(csp);
    // (support.mjs's until() evaluates its predicate with eval, which these policies forbid)
    await page.waitForFunction(() => window.__nnplay?.snapshot && document.getElementById('loading').hidden, null, { timeout: WAIT });
    await page.click('#step');
    await page.waitForFunction(() => window.__nnplay.snapshot.epoch === 1, null, { timeout: WAIT });
    assert.ok(await page.evaluate(() => Number.isFinite(window.__nnplay.snapshot.metrics.loss)));
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('Trusted Types that do not allow the nnplay policy: the page says so', async () => {
  const { page, context } = await underPolicy(`${STRICT}; require-trusted-types-for 'script'; trusted-types 'none'`);
  assert.match(await statusText(page), /requires Trusted Types and does not allow the policy named nnplay/);
  await context.close();
});

test("worker-src 'self' without blob: over http the worker is a file of the page's own origin, so the page starts", async () => {
  const { page, context, problems } = await underPolicy(STRICT.replace("worker-src 'self' blob:", "worker-src 'self'"));
  await page.waitForFunction(() => window.__nnplay?.snapshot && document.getElementById('loading').hidden, null, { timeout: WAIT });
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a worker-src that refuses the page's own worker file: the page names the rule it needs", async () => {
  const { page, context } = await underPolicy(STRICT.replace("worker-src 'self' blob:", 'worker-src blob:'));
  const text = await statusText(page);
  assert.match(text, /does not allow the worker.*it needs worker-src 'self'/);
  assert.doesNotMatch(text, /undefined|\{needs\}/);
  await context.close();
});
