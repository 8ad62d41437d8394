// node scripts/trace-startup.mjs: the page's start-up, measured directly (less sensitive to a
// loaded machine than Lighthouse's TBT). Serves dist/, records a Chromium performance trace
// of loading index.html until the engine has answered and the page has been idle for a
// second, RUNS times (default 3), with the CPU throttled THROTTLE× (default 1; Lighthouse's
// mobile default is 4), and prints the main thread's tasks over 50 ms (and their blocking
// time, the sum of each task's excess over 50 ms, as Lighthouse's TBT counts it).
//   npm run build && node scripts/trace-startup.mjs
import { chromium } from 'playwright-core';
import { DIST, startServer } from '../tests/e2e/support.mjs';

const runs = Number(process.env.RUNS ?? 3);
const throttle = Number(process.env.THROTTLE ?? 1);
const hash = process.env.HASH ?? '';
const srv = await startServer({ '/': DIST });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const all = [];
try {
  for (let i = 0; i < runs; i++) {
    const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
    const cdp = await page.context().newCDPSession(page);
    if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    const events = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
    const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing', transferMode: 'ReportEvents' });
    await page.goto(`${srv.origin}/index.html${hash}`);
    await page.waitForFunction(() => window.__nnplay?.snapshot && document.getElementById('loading').hidden, null, { timeout: 60_000 * throttle });
    await page.waitForTimeout(1000 * throttle);
    await cdp.send('Tracing.end');
    await done;
    all.push(longTasks(events));
    await page.close();
  }
} finally {
  await browser.close();
  await srv.close();
}

// The renderer's main thread: the thread that ran the page's navigation-start mark.
function longTasks(events) {
  const nav = events.find((e) => e.name === 'navigationStart' || e.name === 'TracingStartedInBrowser');
  const main = events.find((e) => e.name === 'ResourceSendRequest' && /index\.html/.test(e.args?.data?.url ?? ''));
  const thread = events.find((e) => e.name === 'ParseHTML' && e.pid === main?.pid) ?? events.find((e) => e.name === 'ParseHTML');
  const t0 = Math.min(...events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ts > 0).map((e) => e.ts));
  const tasks = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.name === 'RunTask' && e.dur >= 50_000)
    .map((e) => ({ start: Math.round((e.ts - t0) / 1000), ms: Math.round(e.dur / 1000), what: describe(e, events) }));
  const marks = events.filter((e) => e.cat?.includes('blink.user_timing') && e.pid === thread.pid).map((e) => ({ name: e.name, at: Math.round((e.ts - t0) / 1000) }));
  void nav;
  return { tasks, blocking: tasks.reduce((n, x) => n + Math.max(0, x.ms - 50), 0), marks };
}

// What a task mostly ran: its longest direct timeline events (script evaluation, layout, ...).
function describe(task, events) {
  const inside = events.filter((e) => e.pid === task.pid && e.tid === task.tid && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + task.dur && e !== task && e.dur >= 5_000
    && ['EvaluateScript', 'FunctionCall', 'TimerFire', 'Layout', 'UpdateLayoutTree', 'Paint', 'ParseHTML', 'v8.compile', 'v8.compileModule', 'EventDispatch', 'FireAnimationFrame', 'RunMicrotasks', 'ParseAuthorStyleSheet'].includes(e.name));
  return inside.slice(0, 6).map((e) => `${e.name}${e.args?.data?.url ? ' ' + e.args.data.url.split('/').pop() : ''}${e.args?.data?.functionName ? ' ' + e.args.data.functionName : ''} ${Math.round(e.dur / 1000)}`).join(', ');
}

for (const [i, r] of all.entries()) {
  console.log(`run ${i + 1}: ${r.tasks.length} tasks over 50 ms, blocking ${r.blocking} ms`);
  for (const x of r.tasks) console.log(`  at ${x.start} ms: ${x.ms} ms  (${x.what})`);
}
const sorted = all.map((r) => r.blocking).sort((a, b) => a - b);
console.log(`throttle ${throttle}×, median blocking ${sorted[Math.floor(sorted.length / 2)]} ms, longest task ${Math.max(...all.flatMap((r) => r.tasks.map((x) => x.ms)), 0)} ms`);
