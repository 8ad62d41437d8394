// The playground (dist/index.html) where little is allowed, in Chromium: under the
// Content-Security-Policy of docs/EMBEDDING.md (and with Trusted Types required) it starts, trains
// and breaks no rule; where a policy leaves it no way to run, it says which rule is the cause;
// from file:// it trains the same numbers with no network request, and loads the charts' library
// only when the charts come near.
//
// Needs /usr/bin/chromium and `npm ci` (playwright-core). Run: node --test tests/e2e/author-locked-down.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { journey } from './journey.mjs';
import { assertFiniteMetrics, playgroundRig } from './playground-steps.mjs';
import { DIST, WAIT, loadPlayground, nextFrames, newSession, state, step as stepEpochs, until } from './support.mjs';

const rig = playgroundRig();

const STRICT = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; style-src 'self'; img-src 'self'";

// (support.mjs's until() and step() evaluate their predicates with eval, which these policies forbid)
const started = (page) => page.waitForFunction(() => window.__nnplay?.snapshot && document.getElementById('loading').hidden, null, { timeout: WAIT });
const statusText = (page) => page.waitForFunction(() => {
  const s = document.getElementById('status');
  return !s.hidden && s.textContent;
}, null, { timeout: WAIT }).then((h) => h.jsonValue());
async function stepsWithoutEval(page, n) {
  const out = [];
  for (let i = 1; i <= n; i++) {
    await page.click('#step');
    await page.waitForFunction((e) => window.__nnplay.snapshot.epoch === e, i, { timeout: WAIT });
    out.push(await page.evaluate(() => window.__nnplay.snapshot.metrics));
  }
  return out;
}

test('journey: a strict site and a file:// copy: the page runs where it may, and says which rule stops it where it may not', { timeout: 240_000 }, async (t) => {
  const step = journey(t);
  const { srv, browser } = rig;
  // one page, a short window (the charts start below it), each load under the policy `csp` names (none: no header)
  let csp = null;
  const s = await newSession(browser, {
    context: { viewport: { width: 1280, height: 400 } },
    initScript: () => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
    },
  });
  const { page } = s;
  await page.route(`${srv.origin}/index.html*`, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), ...(csp ? { 'content-security-policy': csp } : {}) } });
  });
  let loads = 0;
  let problemsSeen = 0;
  const underPolicy = (policy) => {
    csp = policy;
    problemsSeen = s.problems.length;
    return page.goto(`${srv.origin}/index.html?load=${loads++}#seed=1&lang=en`);
  };
  const newProblems = () => s.problems.slice(problemsSeen);
  const noViolations = async () => assert.deepEqual(await page.evaluate(() => window.__violations), []);
  try {
    let httpMetrics;
    await step('the strict policy: the page starts, trains and breaks no rule', async () => {
      await underPolicy(STRICT);
      await started(page);
      httpMetrics = await stepsWithoutEval(page, 3);
      httpMetrics.forEach((m, i) => assertFiniteMetrics(m, `epoch ${i + 1}`));
      await noViolations();
      assert.deepEqual(newProblems(), []);
    });

    await step('the strict policy with Trusted Types required: the page starts, trains and breaks no rule', async () => {
      await underPolicy(`${STRICT}; require-trusted-types-for 'script'`);
      await started(page);
      assert.ok(Number.isFinite((await stepsWithoutEval(page, 1))[0].loss));
      await noViolations();
      assert.deepEqual(newProblems(), []);
    });

    await step('Trusted Types that do not allow the nnplay policy: the page says so', async () => {
      await underPolicy(`${STRICT}; require-trusted-types-for 'script'; trusted-types 'none'`);
      assert.match(await statusText(page), /requires Trusted Types and does not allow the policy named nnplay/);
    });

    await step("worker-src 'self' without blob: over http the worker is a file of the page's own origin, so the page starts", async () => {
      await underPolicy(STRICT.replace("worker-src 'self' blob:", "worker-src 'self'"));
      await started(page);
      await noViolations();
      assert.deepEqual(newProblems(), []);
    });

    await step("a worker-src that refuses the page's own worker file: the page names the rule it needs", async () => {
      await underPolicy(STRICT.replace("worker-src 'self' blob:", 'worker-src blob:'));
      const text = await statusText(page);
      assert.match(text, /does not allow the worker.*it needs worker-src 'self'/);
      assert.doesNotMatch(text, /undefined|\{needs\}/);
    });

    await step('from file://: the engine loads and trains the same numbers as over http, with no network request; uplot.js only when the charts come near', async () => {
      problemsSeen = s.problems.length;
      const requestsSeen = s.requests.length;
      await loadPlayground(page, `${pathToFileURL(path.join(DIST, 'index.html')).href}#seed=1`);
      await nextFrames(page);  // the IntersectionObserver reports in the frame after the layout
      const uplot = () => s.requests.slice(requestsSeen).filter((u) => u.endsWith('/uplot.js')).length;
      assert.equal(uplot(), 0, 'not at start-up: the charts are below the first screen');
      assert.equal(await page.isHidden('#loading'), true);
      assert.equal((await state(page)).seed, '1');
      const metrics = await stepEpochs(page, 3);
      metrics.forEach((m, i) => assertFiniteMetrics(m, `file:// epoch ${i + 1}`));
      assert.ok(metrics[2].loss < metrics[0].loss);
      assert.deepEqual(metrics, httpMetrics, 'the same numbers as over http');
      assert.match(await page.evaluate(() => location.href), /^file:\/\/.*index\.html#activation=tanh&/, 'the URL state works there too');
      await page.locator('#lossChart').scrollIntoViewIfNeeded();
      await until(page, () => document.querySelectorAll('#lossChart .u-legend .u-series').length === 3 && document.querySelectorAll('#accChart .u-legend .u-series').length === 3,
        undefined, { what: 'both charts' });
      assert.equal(uplot(), 1);
      assert.deepEqual(s.requests.slice(requestsSeen).filter((u) => !/^(file|data|blob):/.test(u)), [], 'network requests');
      assert.deepEqual(newProblems(), []);
    });
  } finally {
    await s.context.close();
  }
});
