// npm run build: the wasm engine (CMake + Emscripten), then the ES module, its types and
// the CLI under dist/. (The page is built by scripts/build-web.mjs when it exists.)
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const wasmBuild = join(root, 'build', 'wasm');
const engine = join(wasmBuild, 'bindings', 'nnplay_engine.mjs');
const dist = join(root, 'dist');
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });

// 1. The engine: C++ -> wasm, inlined into one ES module.
if (!existsSync(join(wasmBuild, 'CMakeCache.txt'))) {
  run('emcmake', ['cmake', '-S', '.', '-B', wasmBuild, '-DCMAKE_BUILD_TYPE=Release']);
}
run('cmake', ['--build', wasmBuild, '--target', 'nnplay_engine', '-j', String(Math.max(1, (await import('node:os')).cpus().length))]);

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
const common = { bundle: true, format: 'esm', target: 'es2022', logLevel: 'warning', plugins: [resolveEngine], legalComments: 'none' };
await esbuild.build({ ...common, entryPoints: [join(root, 'bindings/src/index.ts')], outfile: join(dist, 'nnplay.mjs'), platform: 'neutral', minify: true });
await esbuild.build({ ...common, entryPoints: [join(root, 'bindings/src/cli-bin.ts')], outfile: join(dist, 'cli.mjs'), platform: 'node' });
chmodSync(join(dist, 'cli.mjs'), 0o755);

// 3. Types: declarations of the TypeScript sources, plus the hand-written engine types
// (Emscripten 3.1.6 cannot generate them).
const types = join(dist, 'types');
rmSync(types, { recursive: true, force: true });
run(join(root, 'node_modules', '.bin', 'tsc'), ['-p', '.', '--noEmit', 'false', '--declaration', '--emitDeclarationOnly', '--rootDir', 'bindings/src', '--outDir', types]);
cpSync(join(root, 'bindings/src/engine.d.mts'), join(types, 'engine.d.mts'));
rmSync(join(types, 'cli-bin.d.ts'), { force: true });
writeFileSync(join(dist, 'nnplay.d.ts'), "export * from './types/index.js';\n");
console.log('built dist/nnplay.mjs, dist/nnplay.d.ts, dist/cli.mjs');
