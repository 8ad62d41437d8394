// <nnplay-playground> where there is no DOM and in TypeScript: importing it in plain Node and
// in a server-side-rendering build (Vite's, as VitePress runs it) does not throw; the rules
// for which page it may load; its JSX types.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));
let tmp;
let rules;

before(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'nnplay-ssr-'));
  mkdirSync(join(tmp, 'node_modules'));
  symlinkSync(root, join(tmp, 'node_modules', 'nnplay'), 'dir');  // the package, as an installed dependency
  const out = await esbuild.build({
    stdin: { contents: "export * from './web/src/component-page.ts';", resolveDir: root, loader: 'ts' },
    bundle: true, format: 'esm', platform: 'neutral', write: false, logLevel: 'error',
  });
  rules = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
});

after(() => rmSync(tmp, { recursive: true, force: true }));

test("import 'nnplay/playground' in plain Node neither throws nor defines anything", async () => {
  assert.equal(typeof globalThis.document, 'undefined');
  const m = await import('nnplay/playground');
  assert.equal(typeof m.NnplayPlayground, 'function');
  assert.equal(typeof m.resolveSrc, 'function');
  assert.equal(typeof globalThis.customElements, 'undefined');
  // the classic script too, in a context with nothing but the language's globals
  const context = vm.createContext({});
  vm.runInContext(readFileSync(join(root, 'dist/nnplay-playground.js'), 'utf8'), context);
});

test("a server-side-rendering build (Vite, as VitePress runs it) of a page that imports 'nnplay/playground' builds and renders", async () => {
  const { build } = await import('vite');
  writeFileSync(join(tmp, 'entry.js'), "import 'nnplay/playground';\nexport const render = () => '<nnplay-playground dataset=\"xor\"></nnplay-playground>';\n");
  await build({ root: tmp, configFile: false, logLevel: 'silent', build: { ssr: 'entry.js', outDir: join(tmp, 'out-ssr'), emptyOutDir: true } });
  const built = readFileSync(join(tmp, 'out-ssr/entry.mjs'), 'utf8');
  assert.match(built, /nnplay-playground/, 'the component is in the server bundle (so its top level ran)');
  const m = await import(pathToFileURL(join(tmp, 'out-ssr/entry.mjs')).href);
  assert.equal(m.render(), '<nnplay-playground dataset="xor"></nnplay-playground>');
});

test('the default page is index.html next to the script, unless that is a build-machine file or the article itself', () => {
  const page = rules.defaultPageUrl('https://cdn.example.org/nnplay/nnplay-playground.js', 'https://blog.example.org/post/1');
  assert.equal(page.href, 'https://cdn.example.org/nnplay/index.html');
  // webpack 5 turns import.meta.url into the file on the machine that built the site
  const webpack = rules.defaultPageUrl('file:///home/me/site/node_modules/nnplay/dist/nnplay-playground.mjs', 'http://127.0.0.1:8080/');
  assert.match(webpack, /^cannot find the playground page: index\.html next to this script is file:\/\/\/home\/me\/site\/node_modules\/nnplay\/dist\/index\.html, a file where this article is served over http .*; set the src attribute to the URL of the page's index\.html \(`npx nnplay copy-page DIR`/);
  // from a file:// article a file:// page is fine
  assert.equal(rules.defaultPageUrl('file:///d/dist/nnplay-playground.js', 'file:///d/article.html').href, 'file:///d/dist/index.html');
  // esbuild: the article's own bundle, next to the article
  const nest = rules.defaultPageUrl('http://127.0.0.1:8080/article.js', 'http://127.0.0.1:8080/index.html#x');
  assert.match(nest, /index\.html next to this script is this article itself \(http:\/\/127\.0\.0\.1:8080\/index\.html\), which would embed itself; set the src attribute/);
  assert.match(rules.defaultPageUrl(null, 'http://x/'), /this script has no URL of its own.*set the src attribute/);
  // an explicit src is held to the same rules
  assert.match(rules.checkPageUrl(new URL('http://x/a.html'), 'http://x/a.html', 'src="a.html"'), /src="a\.html" is this article itself/);
  assert.equal(rules.checkPageUrl(new URL('http://x/nnplay/index.html'), 'http://x/a.html', 'src').href, 'http://x/nnplay/index.html');
});

test('a loaded document is the playground only when it carries the marker of web/index.html', () => {
  const doc = (url, marker) => ({ URL: url, querySelector: (s) => (marker && s === rules.PAGE_MARKER_SELECTOR ? {} : null) });
  assert.equal(rules.isPlaygroundDocument(doc('http://x/nnplay/index.html', true)), true);
  assert.equal(rules.isPlaygroundDocument(doc('http://x/assets/index.html', false)), false);
  assert.equal(rules.isPlaygroundDocument(doc('about:blank', false)), true, 'nothing loaded yet');
  assert.equal(rules.isPlaygroundDocument(null), true, 'another origin: cannot tell');
  assert.match(readFileSync(join(root, 'web/index.html'), 'utf8'), /<meta name="nnplay-page" content="playground">/);
  assert.match(readFileSync(join(root, 'dist/index.html'), 'utf8'), /<meta name="nnplay-page" content="playground">/);
});

function typecheckTsx(source) {
  const dir = mkdtempSync(join(tmp, 'tsx-'));
  writeFileSync(join(dir, 'article.tsx'), source);
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, jsx: 'preserve', target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2022', 'DOM'], types: [], skipLibCheck: false },
    files: ['article.tsx'],
  }));
  // resolved as an installed package would be: through node_modules/nnplay's exports
  symlinkSync(join(tmp, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return spawnSync(join(root, 'node_modules/.bin/tsc'), ['-p', dir], { encoding: 'utf8' });
}

test('JSX.IntrinsicElements knows <nnplay-playground> and its attributes (TSX), and refuses a misspelled one', () => {
  const ok = typecheckTsx(`import 'nnplay/playground';
import type { NnplayPlayground } from 'nnplay/playground';
export const a = <nnplay-playground dataset="xor" networkshape="3,3" learningrate={0.3} hidetext xsquared_hide="true" height="auto" src="/nnplay/index.html" id="pg" class="wide" />;
export const el: NnplayPlayground | null = document.querySelector('nnplay-playground');
`);
  assert.equal(ok.status, 0, ok.stdout + ok.stderr);
  const bad = typecheckTsx(`import 'nnplay/playground';\nexport const a = <nnplay-playground learningrat="0.3" />;\n`);
  assert.notEqual(bad.status, 0);
  assert.match(bad.stdout, /learningrat/);
});
