// An npm user's view, without a browser: `npm pack` the package, install the tarball into a fresh
// project (no registry needed: nnplay has no dependencies), then check what the tarball holds, use
// the engine from Node, check require('nnplay')'s message, the source maps, and the types (engine
// and component) with tsc. (In Chromium, an author's bundles of the component show the page:
// tests/e2e/author-bundles.test.mjs; the `./page/*` exports checked here are that page's files.)
// Packing and installing take seconds, not milliseconds; they run here, in the Node suite, because
// nothing of it needs a browser, and the Node suite runs beside the Chromium one.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
let tmp, project;

/** Runs a command; resolves with its exit status and output (a non-zero status is not an error here). */
const run = (cmd, args, cwd) => new Promise((resolve) => {
  execFile(cmd, args, { cwd, encoding: 'utf8' }, (err, stdout, stderr) => resolve({ status: err ? (err.code ?? 1) : 0, stdout, stderr }));
});
const ok = async (cmd, args, cwd) => {
  const r = await run(cmd, args, cwd);
  assert.equal(r.status, 0, `${cmd} ${args.join(' ')}: ${r.stdout}${r.stderr}`);
  return r.stdout;
};

before(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'nnplay-consumer-'));
  const packed = JSON.parse(await ok('npm', ['pack', '--json', '--pack-destination', tmp], REPO));
  project = path.join(tmp, 'project');
  mkdirSync(project);
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  await ok('npm', ['install', '--offline', '--no-audit', '--no-fund', path.join(tmp, packed[0].filename)], project);
});

after(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

test('the tarball holds the license, the maps and every file its exports name (the page\'s files among them)', () => {
  const pkgDir = path.join(project, 'node_modules/nnplay');
  const pkg = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
  assert.match(readFileSync(path.join(pkgDir, 'LICENSE'), 'utf8'), /Apache License\s+Version 2\.0/);
  for (const key of ['repository', 'homepage', 'bugs', 'keywords', 'sideEffects', 'license']) assert.ok(pkg[key], key);
  const targets = Object.values(pkg.exports).flatMap((t) => (typeof t === 'string' ? [t] : Object.values(t)));
  assert.ok(targets.includes('./dist/index.html') && targets.includes('./dist/nnplay-engine.wasm'), 'the page is exported');
  for (const t of targets) assert.ok(existsSync(path.join(pkgDir, t)), `exports names ${t}`);
  for (const map of ['nnplay.mjs.map', 'app.js.map', 'nnplay-playground.mjs.map']) assert.ok(existsSync(path.join(pkgDir, 'dist', map)), map);
});

test('Node: the engine trains, require() says to use import(), errors point into the sources', async () => {
  writeFileSync(path.join(project, 'train.mjs'), `
    import { init } from 'nnplay';
    const nn = await init();
    const data = nn.datasets.generate({ type: 'gauss', noise: 0, seed: 1 });
    const { xTrain, yTrain } = nn.datasets.split(data, { trainingRatio: 0.5 });
    const model = nn.sequential([nn.layers.dense({ inputShape: [2], units: 3, activation: 'tanh' }), nn.layers.dense({ units: 1, activation: 'tanh' })], { seed: 1 });
    model.compile({ optimizer: 'sgd', loss: 'mean_squared_error' });
    const h = await model.fit(xTrain, yTrain, { epochs: 3, batchSize: 10, verbose: 0 });
    console.log(JSON.stringify(h.history.loss));`);
  // with --enable-source-maps a stack names the TypeScript sources
  writeFileSync(path.join(project, 'bad.mjs'), "import { init } from 'nnplay'; const nn = await init(); nn.sequential([nn.layers.dense({ units: 'x' })]);");
  const [trained, required, bad] = await Promise.all([
    ok(process.execPath, ['train.mjs'], project),
    run(process.execPath, ['-e', "require('nnplay')"], project),
    run(process.execPath, ['--enable-source-maps', 'bad.mjs'], project),
  ]);
  const losses = JSON.parse(trained);
  assert.equal(losses.length, 3);
  assert.ok(losses.every(Number.isFinite) && losses[2] < losses[0], String(losses));
  assert.notEqual(required.status, 0);
  assert.match(required.stderr, /nnplay is an ES module and cannot be loaded with require\(\): use `const \{ init \} = await import\('nnplay'\)`/);
  assert.notEqual(bad.status, 0);
  assert.match(bad.stderr, /bindings\/src\/\w+\.ts:\d+/);
});

test('types: the engine and <nnplay-playground> with its events type-check in a consumer', async () => {
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
  const tsc = (file) => run(path.join(REPO, 'node_modules/.bin/tsc'), ['--ignoreConfig', '--noEmit', '--strict', '--target', 'ES2022', '--module', 'ESNext', '--moduleResolution', 'Bundler', '--lib', 'ES2022,DOM', '--types', '', '--skipLibCheck', file], project);
  const [good, wrong] = await Promise.all([tsc('use.ts'), tsc('bad.ts')]);
  assert.equal(good.status, 0, good.stdout + good.stderr);
  assert.notEqual(wrong.status, 0, 'a wrong detail type is caught');
  assert.match(wrong.stdout, /Type 'number' is not assignable to type 'string'/);
});
