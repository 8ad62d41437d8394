// npm run audit: Lighthouse (from npm) on the built page, mobile defaults, with Debian's
// Chromium (CHROME_PATH, default /usr/bin/chromium; nothing is downloaded). Serves dist/ on
// 127.0.0.1 gzip-compressed as any static host does, runs Lighthouse RUNS times (default
// 5: on this 2-core VM one build's TBT spreads over ±40 % from run to run), prints the
// median of each number and the page's transfer size, and writes test-results/lighthouse.json.
//   npm run build && npm run audit
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import lighthouse from 'lighthouse';
import { DIST, MIME } from '../tests/e2e/support.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.env.RUNS ?? 5);
const server = createServer((req, res) => {
  const file = join(DIST, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  if (!file.startsWith(DIST + '/') || !statSync(file, { throwIfNoEntry: false })?.isFile()) return res.writeHead(404).end();
  const body = gzipSync(readFileSync(file));
  res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'content-encoding': 'gzip', 'cache-control': 'no-cache' }).end(body);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const srv = { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
const chrome = await launchChromium(process.env.CHROME_PATH ?? '/usr/bin/chromium');
const results = [];
try {
  for (let i = 0; i < runs; i++) {
    const { lhr } = await lighthouse(`${srv.origin}/index.html`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
    const a = lhr.audits;
    results.push({
      performance: Math.round(lhr.categories.performance.score * 100),
      accessibility: Math.round(lhr.categories.accessibility.score * 100),
      fcp: a['first-contentful-paint'].numericValue / 1000,
      lcp: a['largest-contentful-paint'].numericValue / 1000,
      tbt: a['total-blocking-time'].numericValue,
      cls: a['cumulative-layout-shift'].numericValue,
      speedIndex: a['speed-index'].numericValue / 1000,
      transferKB: Math.round(a['network-requests'].details.items.reduce((n, r) => n + r.transferSize, 0) / 1024),
      // where the main thread's time went (script, style & layout, …) and its longest tasks, for finding TBT
      mainThread: Object.fromEntries(a['mainthread-work-breakdown'].details.items.map((x) => [x.group, Math.round(x.duration)])),
      longTasks: (a['long-tasks']?.details?.items ?? []).slice(0, 5).map((x) => ({ url: x.url, start: Math.round(x.startTime), ms: Math.round(x.duration) })),
      failedAccessibility: Object.values(a).filter((x) => lhr.categories.accessibility.auditRefs.some((r) => r.id === x.id) && x.score === 0).map((x) => x.id),
    });
  }
} finally {
  await chrome.kill();
  await srv.close();
}
// Chromium with a DevTools port for Lighthouse to drive (what Lighthouse's CLI gets from
// chrome-launcher, which is not one of our dependencies): port 0, read back from stderr.
function launchChromium(path) {
  const profile = mkdtempSync(join(tmpdir(), 'nnplay-audit-'));
  const proc = spawn(path, ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--no-default-browser-check',
    '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const kill = async () => {
    const exited = new Promise((r) => (proc.exitCode !== null ? r() : proc.once('exit', r)));
    proc.kill();
    await exited;  // Chromium writes to its profile until it has exited
    // Chromium's helper processes can still be writing to the profile for a moment after the
    // main process exits: retry, and leave a temporary directory behind rather than lose the run.
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    } catch (e) {
      console.warn(`audit: could not remove ${profile} (${e.code}); left in place`);
    }
  };
  return new Promise((resolvePort, reject) => {
    let err = '';
    proc.stderr.on('data', (d) => {
      err += d;
      const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(err);
      if (m) resolvePort({ port: Number(m[1]), kill });
    });
    proc.on('error', reject);
    proc.on('exit', (code) => reject(new Error(`${path} exited (${code}) before opening its DevTools port: ${err.slice(-500)}`)));
  });
}

const median = (k) => results.map((r) => r[k]).sort((x, y) => x - y)[Math.floor(results.length / 2)];
const summary = Object.fromEntries(['performance', 'accessibility', 'fcp', 'lcp', 'tbt', 'cls', 'speedIndex', 'transferKB'].map((k) => [k, median(k)]));
mkdirSync(join(root, 'test-results'), { recursive: true });
writeFileSync(join(root, 'test-results', 'lighthouse.json'), JSON.stringify({ summary, runs: results }, null, 2));
console.log(`Lighthouse (mobile defaults, median of ${runs}): performance ${summary.performance}, accessibility ${summary.accessibility}, `
  + `FCP ${summary.fcp.toFixed(1)} s, LCP ${summary.lcp.toFixed(1)} s, TBT ${Math.round(summary.tbt)} ms, CLS ${summary.cls.toFixed(3)}, Speed Index ${summary.speedIndex.toFixed(1)} s, transfer ${summary.transferKB} KB`);
const failed = [...new Set(results.flatMap((r) => r.failedAccessibility))];
if (failed.length) console.log(`accessibility audits that failed: ${failed.join(', ')}`);
