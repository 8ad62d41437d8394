// An npm user's view: `npm pack` the package, install the tarball into a fresh project (no
// registry needed: nnplay has no dependencies), then use the engine from Node, check
// require('nnplay')'s message and the types (engine and component), and bundle the web
// component with esbuild into a page that Chromium shows, with the page served from the
// installed package.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { REPO, WAIT, launchChromium, startServer, watchProblems } from './support.mjs';

let tmp, project, srv, browser;

before(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'nnplay-consumer-'));
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', tmp], { cwd: REPO, encoding: 'utf8' }));
  project = path.join(tmp, 'project');
  execFileSync('mkdir', ['-p', project]);
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', path.join(tmp, packed[0].filename)], { cwd: project, stdio: 'pipe' });
});

after(async () => {
  await browser?.close();
  await srv?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

test('the tarball holds the license, the maps and every file its exports name', () => {
  const pkgDir = path.join(project, 'node_modules/nnplay');
  const pkg = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
  assert.match(readFileSync(path.join(pkgDir, 'LICENSE'), 'utf8'), /Apache License\s+Version 2\.0/);
  for (const key of ['repository', 'homepage', 'bugs', 'keywords', 'sideEffects', 'license']) assert.ok(pkg[key], key);
  const targets = Object.values(pkg.exports).flatMap((t) => (typeof t === 'string' ? [t] : Object.values(t)));
  for (const t of targets) assert.ok(existsSync(path.join(pkgDir, t)), `exports names ${t}`);
  for (const map of ['nnplay.mjs.map', 'app.js.map', 'nnplay-playground.mjs.map']) assert.ok(existsSync(path.join(pkgDir, 'dist', map)), map);
});

test('Node: the engine trains, require() says to use import(), errors point into the sources', () => {
  const script = `
    import { init } from 'nnplay';
    const nn = await init();
    const data = nn.datasets.generate({ type: 'gauss', noise: 0, seed: 1 });
    const { xTrain, yTrain } = nn.datasets.split(data, { trainingRatio: 0.5 });
    const model = nn.sequential([nn.layers.dense({ inputShape: [2], units: 3, activation: 'tanh' }), nn.layers.dense({ units: 1, activation: 'tanh' })], { seed: 1 });
    model.compile({ optimizer: 'sgd', loss: 'mean_squared_error' });
    const h = await model.fit(xTrain, yTrain, { epochs: 3, batchSize: 10, verbose: 0 });
    console.log(JSON.stringify(h.history.loss));`;
  writeFileSync(path.join(project, 'train.mjs'), script);
  const losses = JSON.parse(execFileSync('node', ['train.mjs'], { cwd: project, encoding: 'utf8' }));
  assert.equal(losses.length, 3);
  assert.ok(losses.every(Number.isFinite) && losses[2] < losses[0], String(losses));
  const r = spawnSync('node', ['-e', "require('nnplay')"], { cwd: project, encoding: 'utf8' });
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /nnplay is an ES module and cannot be loaded with require\(\): use `const \{ init \} = await import\('nnplay'\)`/);
  // with --enable-source-maps a stack names the TypeScript sources
  writeFileSync(path.join(project, 'bad.mjs'), "import { init } from 'nnplay'; const nn = await init(); nn.sequential([nn.layers.dense({ units: 'x' })]);");
  const bad = spawnSync('node', ['--enable-source-maps', 'bad.mjs'], { cwd: project, encoding: 'utf8' });
  assert.notEqual(bad.status, 0);
  assert.match(bad.stderr, /bindings\/src\/\w+\.ts:\d+/);
});

test('types: the engine and <nnplay-playground> with its events type-check in a consumer', () => {
  writeFileSync(path.join(project, 'use.ts'), `
    import { init, type PlaygroundState } from 'nnplay';
    import { NnplayPlayground } from 'nnplay/playground';
    const el = document.querySelector('nnplay-playground');
    const same: NnplayPlayground | null = el;
    el?.addEventListener('epoch', (e) => { const loss: number = e.detail.loss; void loss; });
    el?.addEventListener('stopped', (e) => { const why: 'paused' | 'max_epochs' | 'early_stopping' | 'diverged' | 'non_finite_weights' | 'callback' | 'interrupted' = e.detail.reason; void why; });
    void init; void same; let s: PlaygroundState | undefined; void s;
  `);
  writeFileSync(path.join(project, 'bad.ts'), "import 'nnplay/playground'; document.querySelector('nnplay-playground')?.addEventListener('epoch', (e) => { const s: string = e.detail.loss; void s; });");
  const tsc = (file) => spawnSync(path.join(REPO, 'node_modules/.bin/tsc'), ['--ignoreConfig', '--noEmit', '--strict', '--target', 'ES2022', '--module', 'ESNext', '--moduleResolution', 'Bundler', '--lib', 'ES2022,DOM', '--types', '', '--skipLibCheck', file], { cwd: project, encoding: 'utf8' });
  const ok = tsc('use.ts');
  assert.equal(ok.status, 0, ok.stdout + ok.stderr);
  const wrong = tsc('bad.ts');
  assert.notEqual(wrong.status, 0, 'a wrong detail type is caught');
  assert.match(wrong.stdout, /Type 'number' is not assignable to type 'string'/);
});

test('a bundle: the component bundled with esbuild shows the installed page and its events arrive', async () => {
  writeFileSync(path.join(project, 'entry.js'), "import 'nnplay/playground';\n");
  await esbuild.build({ entryPoints: [path.join(project, 'entry.js')], bundle: true, format: 'iife', outfile: path.join(project, 'site/bundle.js'), absWorkingDir: project, logLevel: 'error' });
  writeFileSync(path.join(project, 'site/index.html'), `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>bundled</title></head><body>
    <nnplay-playground id="pg" src="/node_modules/nnplay/dist/index.html" dataset="xor" seed="1" lang="en"></nnplay-playground>
    <script src="bundle.js"></script>
    <script>window.events = []; for (const t of ['ready', 'epoch']) document.getElementById('pg').addEventListener(t, (e) => window.events.push(e.detail));</script>
  </body></html>`);
  srv = await startServer({ '/node_modules/': path.join(project, 'node_modules'), '/': path.join(project, 'site') });
  browser = await launchChromium();
  const page = await browser.newPage();
  const { problems } = watchProblems(page);
  await page.goto(`${srv.origin}/index.html`);
  await page.waitForFunction(() => window.events.some((e) => e.type === 'ready'), null, { timeout: WAIT });
  const frame = page.frames().find((f) => f.url().includes('/node_modules/nnplay/dist/index.html'));
  assert.equal(await frame.evaluate(() => window.__nnplay.state.dataset), 'xor');
  await frame.click('#step');
  await page.waitForFunction(() => window.events.some((e) => e.type === 'epoch' && e.epoch === 1), null, { timeout: WAIT });
  assert.deepEqual(problems, []);
  await page.close();
});
