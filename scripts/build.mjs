// npm run build: the wasm engine (CMake + Emscripten), then under dist/ the ES module, its
// types, the CLI, the web component, and the playground page (a static site: index.html,
// app.js, styles.css, nnplay-engine.wasm). Every script comes with its source map.
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { loadMessages, prerender } from './prerender.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const wasmBuild = join(root, 'build', 'wasm');
const engine = join(wasmBuild, 'bindings', 'nnplay_engine.mjs');
const webGlue = join(wasmBuild, 'bindings', 'nnplay_engine_web.mjs');
const dist = join(root, 'dist');
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });

// 1. The engine: C++ -> wasm, inlined into one ES module.
if (!existsSync(join(wasmBuild, 'CMakeCache.txt'))) {
  run('emcmake', ['cmake', '-S', '.', '-B', wasmBuild, '-DCMAKE_BUILD_TYPE=Release']);
}
run('cmake', ['--build', wasmBuild, '--target', 'nnplay_engine', 'nnplay_engine_web', '-j', String(Math.max(1, (await import('node:os')).cpus().length))]);

// 2. The module and the CLI. './engine.mjs' in the sources is the engine just built; the
// CLI imports the module instead of bundling a second copy of the engine.
const resolveEngine = {
  name: 'nnplay-engine',
  setup(build) {
    build.onResolve({ filter: /\/engine\.mjs$/ }, () => ({ path: engine }));
    build.onResolve({ filter: /^\.\/index\.js$/ }, (args) => (args.importer.endsWith('cli.ts') ? { path: './nnplay.mjs', external: true } : undefined));
  },
};
mkdirSync(dist, { recursive: true });
// (The engine's glue mentions import.meta, which an IIFE bundle does not need: silenced.)
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
const common = { define: { __NNPLAY_VERSION__: JSON.stringify(version) }, bundle: true, format: 'esm', target: 'es2022', logLevel: 'warning', plugins: [resolveEngine], legalComments: 'none', sourcemap: true, logOverride: { 'empty-import-meta': 'silent' } };
await esbuild.build({ ...common, entryPoints: [join(root, 'bindings/src/index.ts')], outfile: join(dist, 'nnplay.mjs'), platform: 'neutral', minify: true });
await esbuild.build({ ...common, entryPoints: [join(root, 'bindings/src/cli-bin.ts')], outfile: join(dist, 'cli.mjs'), platform: 'node' });
chmodSync(join(dist, 'cli.mjs'), 0o755);
// require('nnplay') finds this instead of failing with "No exports main defined".
writeFileSync(join(dist, 'require.cjs'), `throw new Error("nnplay is an ES module and cannot be loaded with require(): use \`const { init } = await import('nnplay')\` (or \`import { init } from 'nnplay'\` in an ES module).");\n`);

// 3. Types: declarations of the TypeScript sources, plus the hand-written engine types
// (Emscripten 3.1.6 cannot generate them).
const types = join(dist, 'types');
rmSync(types, { recursive: true, force: true });
run(join(root, 'node_modules', '.bin', 'tsc'), ['-p', 'bindings', '--noEmit', 'false', '--declaration', '--emitDeclarationOnly', '--rootDir', 'bindings/src', '--outDir', types]);
cpSync(join(root, 'bindings/src/engine.d.mts'), join(types, 'engine.d.mts'));
rmSync(join(types, 'cli-bin.d.ts'), { force: true });
writeFileSync(join(dist, 'nnplay.d.ts'), "export * from './types/index.js';\n");
// 4. The page. The worker is bundled on its own: over http the page starts it from
// nnplay-worker.js (fetched and compiled off the main thread); nnplay-worker.src.js carries
// the same code as a string for pages opened from file://, which start it from a Blob URL
// (docs/TOOLCHAIN.md §3; web/src/engineWorker.ts). app.js is a classic script for the same
// reason. The worker's engine is the glue whose wasm is a file of its own
// (web/src/worker/engine-web.ts), so that the wasm is compiled while it streams in;
// nnplay-engine.wasm.js carries the same bytes for file://.
const webEngine = {
  name: 'nnplay-web-engine',
  setup(build) {
    build.onResolve({ filter: /\/engine\.mjs$/ }, () => ({ path: join(root, 'web/src/worker/engine-web.ts') }));
    build.onResolve({ filter: /^nnplay-engine-glue$/ }, () => ({ path: webGlue }));
  },
};
const wasmBytes = readFileSync(webGlue.replace(/\.mjs$/, '.wasm'));
writeFileSync(join(dist, 'nnplay-engine.wasm'), wasmBytes);
writeFileSync(join(dist, 'nnplay-engine.wasm.js'), `self.nnplayWasmBase64=${JSON.stringify(wasmBytes.toString('base64'))};\n`);
const workerBundle = await esbuild.build({ ...common, plugins: [webEngine], sourcemap: false, entryPoints: [join(root, 'web/src/worker/dispatcher.ts')], write: false, platform: 'browser', format: 'iife', minify: true });
const workerCode = workerBundle.outputFiles[0].text;
writeFileSync(join(dist, 'nnplay-worker.js'), workerCode);
writeFileSync(join(dist, 'nnplay-worker.src.js'), `self.nnplayWorkerSource=${JSON.stringify(workerCode)};\n`);
await esbuild.build({ ...common, plugins: [resolveEngine], entryPoints: [join(root, 'web/src/main.ts')], outfile: join(dist, 'app.js'), platform: 'browser', format: 'iife', minify: true });
// uPlot, a classic script of its own that app.js loads when it first makes a chart (evaluating
// it is not start-up work; web/src/views/uplot.ts).
await esbuild.build({ ...common, plugins: [], entryPoints: [join(root, 'web/src/uplot-global.ts')], outfile: join(dist, 'uplot.js'), platform: 'browser', format: 'iife', minify: true });
// The web component: a classic script (finds the page next to itself through
// document.currentScript) and an ES module (through import.meta.url), with its types.
await esbuild.build({ ...common, plugins: [], entryPoints: [join(root, 'web/src/component.ts')], outfile: join(dist, 'nnplay-playground.js'), platform: 'browser', format: 'iife', minify: true });
await esbuild.build({ ...common, plugins: [], entryPoints: [join(root, 'web/src/component.ts')], outfile: join(dist, 'nnplay-playground.mjs'), platform: 'browser', format: 'esm', minify: true });
const webTypes = join(dist, 'types-web');
rmSync(webTypes, { recursive: true, force: true });
run(join(root, 'node_modules', '.bin', 'tsc'), ['web/src/component.ts', '--ignoreConfig', '--declaration', '--emitDeclarationOnly', '--rootDir', '.', '--outDir', webTypes,
  '--target', 'ES2022', '--module', 'ESNext', '--moduleResolution', 'Bundler', '--lib', 'ES2022,DOM', '--strict', '--skipLibCheck', '--types', 'node']);
writeFileSync(join(dist, 'nnplay-playground.d.ts'), "export * from './types-web/web/src/component.js';\n");
await esbuild.build({ entryPoints: [join(root, 'web/styles.css')], bundle: true, minify: true, outfile: join(dist, 'styles.css'), logLevel: 'warning' });
const { ja } = await loadMessages(join(root, 'web/src/i18n/ja.ts'));
writeFileSync(join(dist, 'index.html'), prerender(readFileSync(join(root, 'web/index.html'), 'utf8'), ja));
cpSync(join(root, 'web/favicon.svg'), join(dist, 'favicon.svg'));
const pageBytes = ['index.html', 'app.js', 'nnplay-worker.js', 'uplot.js', 'styles.css', 'nnplay-engine.wasm'].reduce((n, f) => n + gzipSync(readFileSync(join(dist, f))).length, 0);
console.log(`built dist/nnplay.mjs (${Math.round(gzipSync(readFileSync(join(dist, 'nnplay.mjs'))).length / 1024)} KB gzip), dist/nnplay.d.ts, dist/cli.mjs, and the page dist/index.html (${Math.round(pageBytes / 1024)} KB gzip in all)`);
