// A learner pushes the playground (dist/index.html) in Chromium: the default and the largest
// network (6 × 8, all features, batch 1) at every speed, the epochs/s read-out against the rate
// the epochs themselves give, and a pause that takes effect at once at the fastest speed.
// Epochs/s and frame times are measured and reported (test-results/page-performance.json), not
// asserted: they depend on the machine. The one rate check compares two numbers that a loaded
// machine's stalls move alike.
//
// Needs /usr/bin/chromium and `npm ci` (playwright-core). Run: node --test tests/e2e/learner-largest-network.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { journey } from './journey.mjs';
import { LARGEST, RESULTS, assertFiniteMetrics, playgroundRig } from './playground-steps.mjs';
import { WAIT, loadPlayground, newSession, nextFrames, pause, playgroundUrl, snap, state, until, waitFor } from './support.mjs';

const rig = playgroundRig();

const stats = (xs) => {
  const v = [...xs].sort((a, b) => a - b);
  const q = (p) => (v.length ? v[Math.min(v.length - 1, Math.floor(p * v.length))] : NaN);
  return { n: v.length, median: q(0.5), p95: q(0.95), max: v.at(-1) ?? NaN };
};
const ms = (x) => x.toFixed(1);

// Plays for warmup + windowMs and measures: epochs/s (snapshot epochs over time), the page's
// render time per frame (window.__nnplay.frameTimes) and the rAF interval (the main thread's frame time).
async function measure(page, speed, windowMs = 2500) {
  await page.selectOption('#speed', speed);
  await page.click('#play');
  await until(page, () => window.__nnplay.snapshot.playing && window.__nnplay.snapshot.epoch >= 1, undefined, { what: 'training started' });
  // warm-up: a few epochs (compiled code, filled caches) before the measured window
  await until(page, (e) => window.__nnplay.snapshot.epoch >= e, (await snap(page)).epoch + 3, { what: 'three warm-up epochs' });
  const m = await page.evaluate(async (windowMs) => {
    const n = window.__nnplay;
    n.frameTimes.length = 0;
    const e0 = n.snapshot.epoch, t0 = performance.now();
    const stamps = [];
    await new Promise((resolve) => {
      const f = (t) => {
        stamps.push(t);
        if (t - stamps[0] < windowMs) requestAnimationFrame(f);
        else resolve();
      };
      requestAnimationFrame(f);
    });
    const e1 = n.snapshot.epoch, t1 = performance.now();
    return {
      epochs: e1 - e0,
      seconds: (t1 - t0) / 1000,
      reported: n.snapshot.epochsPerSecond,
      intervals: stamps.slice(1).map((t, i) => t - stamps[i]),
      renders: [...n.frameTimes],
    };
  }, windowMs);
  return {
    epochsPerSecond: m.epochs / m.seconds,
    reportedEpochsPerSecond: m.reported,
    frameInterval: stats(m.intervals),
    renderTime: stats(m.renders),
  };
}

/**
 * While the page plays: each frame's time, epoch shown and rate shown, until `wanted` read-outs can be
 * compared with the rate the epochs themselves give over the second before them (the read-out's own
 * window; a sample 0.8–1.5 s earlier, so that a loaded machine's sparse frames still give pairs).
 * Waits on that count, not on a time; returns the ratios shown / measured.
 */
async function readOutRatios(page, wanted = 7) {
  await page.evaluate(() => {
    const out = window.__rateSamples = [];
    window.__rateRatios = [];
    const f = (time) => {
      if (!window.__rateSampling) return;
      const now = { time, epoch: window.__nnplay.snapshot.epoch, shown: Number(document.getElementById('eps').textContent.match(/\d+/)?.[0]) };
      out.push(now);
      const before = out.findLast((b) => now.time - b.time >= 800);
      if (before && now.time - before.time <= 1500 && now.shown > 0) {
        const rate = ((now.epoch - before.epoch) * 1000) / (now.time - before.time);
        if (rate > 0) window.__rateRatios.push(now.shown / rate);
      }
      requestAnimationFrame(f);
    };
    window.__rateSampling = true;
    requestAnimationFrame(f);
  });
  try {
    await waitFor(page, (n) => window.__rateRatios.length >= n, wanted, {
      timeout: 3 * WAIT, what: `${wanted} comparable epochs/s read-outs`,
      seen: () => ({ samples: window.__rateSamples.length, ratios: window.__rateRatios.length, last: window.__rateSamples.at(-1) }),
    });
  } finally {
    await page.evaluate(() => { window.__rateSampling = false; });
  }
  return page.evaluate(() => [...window.__rateRatios].sort((a, b) => a - b));
}

test('journey: a learner plays the default and the largest network at every speed, reads the epochs/s and pauses at once', { timeout: 240_000 }, async (t) => {
  const step = journey(t);
  const { srv, browser } = rig;
  const s = await newSession(browser, { dialogsAreProblems: true });
  const { page } = s;
  const measurements = {};
  const report = (st, label, m) => {
    measurements[label] = m;
    const line = `${label}: ${m.epochsPerSecond.toFixed(1)} epochs/s (page shows ${m.reportedEpochsPerSecond}); `
      + `rAF interval median ${ms(m.frameInterval.median)} ms, p95 ${ms(m.frameInterval.p95)} ms, max ${ms(m.frameInterval.max)} ms (${m.frameInterval.n} frames); `
      + `render time median ${ms(m.renderTime.median)} ms, p95 ${ms(m.renderTime.p95)} ms, max ${ms(m.renderTime.max)} ms`;
    st.diagnostic(line);
  };
  try {
    await step('the default network at 1 epoch per frame and at the fastest speed', async (st) => {
      await loadPlayground(page, playgroundUrl(srv.origin, '#seed=1'));
      report(st, 'default 4,2, 1 epoch/frame', await measure(page, '1'));
      await pause(page);
      report(st, 'default 4,2, fastest', await measure(page, '0'));
    });

    await step('at the fastest speed the epochs/s read-out matches the rate the epochs give', async (st) => {
      // the median ratio: robust to a loaded machine's stalls, which move both numbers alike
      const ratios = await readOutRatios(page);
      await pause(page);
      assert.equal((await snap(page)).diverged, false);
      const median = ratios[Math.floor(ratios.length / 2)];
      st.diagnostic(`${ratios.length} read-outs; shown / measured: median ${median.toFixed(2)}, range ${ratios[0].toFixed(2)}..${ratios.at(-1).toFixed(2)}`);
      assert.ok(median > 0.5 && median < 2, `the page's read-out is ${median.toFixed(2)}x the measured rate`);
    });

    await step('the largest network (6 × 8, all features, batch 1) at every speed', async (st) => {
      await loadPlayground(page, playgroundUrl(srv.origin, `?largest${LARGEST}`));
      const stt = await state(page);
      assert.deepEqual(stt.networkShape, [8, 8, 8, 8, 8, 8]);
      assert.equal(stt.batchSize, 1);
      assert.equal(await page.locator('#layers .node.input.active').count(), 7);
      assert.equal(await page.locator('#links path.link').count(), 7 * 8 + 5 * 8 * 8 + 8);
      report(st, 'largest 8×6 all features batch 1, 1 epoch/frame', await measure(page, '1'));
      await pause(page);
      report(st, 'largest 8×6 all features batch 1, fastest', await measure(page, '0'));
    });

    await step('still playing at the fastest speed: the main thread answers and a pause takes effect at once', async (st) => {
      assert.equal((await snap(page)).playing, true);
      const t0 = Date.now();
      assert.ok(Number.isFinite(await page.evaluate(() => performance.now())));
      const evalMs = Date.now() - t0;
      const t1 = Date.now();
      // (a user's click and the paused snapshot; the bound is generous for a 2-core machine with a CPU hog beside it)
      await page.click('#play', { timeout: 10_000 });
      await until(page, () => !window.__nnplay.snapshot.playing, undefined, { timeout: 10_000, what: 'pause at max speed' });
      const pauseMs = Date.now() - t1;
      const stoppedAt = (await snap(page)).epoch;
      await nextFrames(page, 10);  // ten frames, each of which would show an epoch were it training
      assert.equal((await snap(page)).epoch, stoppedAt, 'no training after pause');
      assert.equal(await page.textContent('#play'), '▶');
      measurements.responsiveness = { evaluateRoundTripMs: evalMs, pauseClickToPausedMs: pauseMs };
      st.diagnostic(`largest network at max speed: page.evaluate round trip ${evalMs} ms; pause click → paused snapshot ${pauseMs} ms`);
      assertFiniteMetrics((await snap(page)).metrics, 'largest network');
      assert.deepEqual(s.problems, [], s.problems.join(' | '));
    });
  } finally {
    await s.context.close();
    await fs.mkdir(RESULTS, { recursive: true });
    if (Object.keys(measurements).length) await fs.writeFile(path.join(RESULTS, 'page-performance.json'), JSON.stringify(measurements, null, 2) + '\n');
  }
});
