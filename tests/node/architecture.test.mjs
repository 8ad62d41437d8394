// The import rules of docs/ARCHITECTURE.md that a scan of #include and import statements can
// check (the ones marked [checked] there). Needs no build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

// ---- reading the sources -------------------------------------------------------------------

function repoFiles() {
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' });
  return [...new Set(out.split('\0').filter(Boolean))].filter((p) => existsSync(join(ROOT, p)));
}

const CPP = /\.(cpp|hpp|h|cc)$/;
// Type declarations vanish at build time; they are not checked.
const TS = /^(?!.*\.d\.m?ts$).*\.(ts|mts|mjs|js)$/;

export function cppIncludes(text) {
  return [...text.matchAll(/^\s*#\s*include\s*([<"])([^>"]+)[>"]/gm)].map((m) => ({ system: m[1] === '<', target: m[2] }));
}

function stripComments(text) {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"\\])\/\/.*$/gm, '$1');
}

// Every module a file imports, and whether the import survives compilation: `import type` /
// `export type` and type queries `import('x').Name` do not.
export function tsImports(text) {
  const code = stripComments(text);
  const out = [];
  for (const m of code.matchAll(/\b(import|export)\s+(type\s+)?(?:[\w*\s{},$]*?\s+from\s+)?['"]([^'"]+)['"]/g)) {
    if (m[1] === 'export' && !/\bfrom\s+['"]/.test(m[0])) continue;
    out.push({ specifier: m[3], typeOnly: Boolean(m[2]) });
  }
  for (const m of code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)(\.[A-Za-z_$])?/g)) {
    out.push({ specifier: m[1], typeOnly: Boolean(m[2]) });
  }
  return out;
}

// A relative specifier -> the repo path of the module without its extension ('./state.js' from
// web/src/main.ts -> 'bindings/src/state'); bare specifiers (packages, build aliases) -> null.
export function resolveModule(from, specifier) {
  if (!specifier.startsWith('.')) return null;
  return posix.normalize(posix.join(posix.dirname(from), specifier)).replace(/\.(d\.)?(m?ts|m?js)$/, '');
}
const moduleOf = (path) => path.replace(/\.(m?ts|m?js)$/, '');

// ---- the rules -------------------------------------------------------------------------------

const under = (path, folder) => path.startsWith(folder);
const isPage = (path) => under(path, 'web/src/') && !under(path, 'web/src/worker/');

// files: [{path, text}]. Returns one message per violation.
export function violations(files) {
  const problems = [];
  const cpp = files.filter((f) => CPP.test(f.path));
  const ts = files.filter((f) => TS.test(f.path) && (under(f.path, 'web/src/') || under(f.path, 'bindings/src/')));

  for (const { path, text } of cpp) {
    for (const inc of cppIncludes(text)) {
      const where = `${path}: #include ${inc.system ? `<${inc.target}>` : `"${inc.target}"`}`;
      if (/^emscripten\//.test(inc.target)) {
        if (!under(path, 'bindings/')) problems.push(`${where}: only bindings/ may include Emscripten headers`);
        continue;
      }
      if (!under(path, 'core/')) continue;
      if (/(^|\/)(bindings|web|tests|bench)\//.test(inc.target)) {
        problems.push(`${where}: core/ includes nothing from bindings/, web/, tests/ or bench/`);
        continue;
      }
      // <cmath>, <stdint.h>: the standard library; <xtensor/...>: xtensor and its parts.
      if (inc.system && inc.target.includes('/') && !/^(xtensor|xtl|xsimd)\//.test(inc.target)) {
        problems.push(`${where}: core/ includes only the standard library, xtensor and its own headers`);
      }
      if (!inc.system) {
        const local = posix.normalize(posix.join(posix.dirname(path), inc.target));
        // (A header generated into the build tree, e.g. registry data, resolves inside core/ too.)
        const isCoreHeader = /^nnplay\//.test(inc.target) || under(local, 'core/');
        if (!isCoreHeader) problems.push(`${where}: core/ includes only the standard library, xtensor and its own headers`);
        if (under(path, 'core/include/') && !/^nnplay\//.test(inc.target)) {
          problems.push(`${where}: a public header includes only public headers ("nnplay/...")`);
        }
      }
    }
  }

  // The module graph of web/src and bindings/src: run-time edges only.
  const edges = new Map();
  for (const { path, text } of ts) {
    const targets = [];
    for (const imp of tsImports(text)) {
      const target = resolveModule(path, imp.specifier);
      if (target === null) continue;
      const where = `${path}: imports '${imp.specifier}'`;
      if (under(path, 'bindings/src/') && /^(web|tests|bench)\//.test(target)) problems.push(`${where}: bindings/src never imports web/, tests/ or bench/`);
      if (under(target, 'web/src/worker/') && !under(path, 'web/src/worker/')) problems.push(`${where}: only worker/ imports worker/`);
      if (under(path, 'web/src/worker/') && (/^web\/src\/(views|state|i18n)\//.test(target) || /^web\/src\/(main|dom|component)$/.test(target))) {
        problems.push(`${where}: the worker has no DOM: it never imports views/, state/, i18n/, main, dom or component`);
      }
      if (under(path, 'web/src/state/') && /^web\/src\/views\//.test(target)) problems.push(`${where}: state/ never imports views/`);
      for (const leaf of ['web/src/i18n/', 'web/src/descent/']) {
        if (under(path, leaf) && !under(target, leaf)) problems.push(`${where}: ${leaf} imports only from its own folder`);
      }
      if (!imp.typeOnly) targets.push({ target, specifier: imp.specifier });
    }
    edges.set(moduleOf(path), targets);
  }

  // Which modules load the engine at run time: engine.mjs itself, and whatever imports one that does.
  const ENGINE = 'bindings/src/engine';
  const chain = new Map([[ENGINE, [ENGINE]]]);
  for (let changed = true; changed;) {
    changed = false;
    for (const [module, targets] of edges) {
      if (chain.has(module)) continue;
      const hit = targets.find((t) => chain.has(t.target));
      if (hit) {
        chain.set(module, [module, ...chain.get(hit.target)]);
        changed = true;
      }
    }
  }
  for (const { path } of ts) {
    if (isPage(path) && chain.has(moduleOf(path))) {
      problems.push(`${path}: page code never loads the engine, but it does: ${chain.get(moduleOf(path)).join(' -> ')}`);
    }
  }
  return problems;
}

// ---- the tests -------------------------------------------------------------------------------

function sources() {
  return repoFiles()
    .filter((p) => CPP.test(p) || TS.test(p))
    .map((path) => ({ path, text: readFileSync(join(ROOT, path), 'utf8') }));
}

test('the import rules of docs/ARCHITECTURE.md hold', () => {
  const files = sources();
  assert.ok(files.some((f) => f.path.startsWith('core/')) && files.some((f) => f.path.startsWith('web/src/views/')), 'found the sources');
  assert.deepEqual(violations(files), []);
});

test('only bindings/src/index.ts loads the engine in the module', () => {
  // The rule the page's safety rests on: if another module starts loading the engine, the
  // page-code check above must know about it (and docs/ARCHITECTURE.md §2.3 be updated).
  const files = sources().filter((f) => f.path.startsWith('bindings/src/') && TS.test(f.path));
  const direct = files.filter((f) => tsImports(f.text).some((i) => !i.typeOnly && resolveModule(f.path, i.specifier) === 'bindings/src/engine'));
  assert.deepEqual(direct.map((f) => f.path), ['bindings/src/index.ts']);
});

test('the scan catches each kind of violation', () => {
  const files = [
    { path: 'core/src/a.cpp', text: '#include <emscripten/bind.h>\n#include "../../bindings/x.hpp"\n#include <vector>\n#include <xtensor/xtensor.hpp>\n#include "nnplay/a.hpp"\n#include "private.hpp"' },
    { path: 'core/src/b.cpp', text: '#include <boost/any.hpp>\n' },
    { path: 'core/include/nnplay/a.hpp', text: '#include "../../src/private.hpp"\n' },
    { path: 'core/src/private.hpp', text: '' },
    { path: 'bindings/src/index.ts', text: "import create from './engine.mjs';\nexport const x = 1;" },
    { path: 'bindings/src/state.ts', text: "import type { Engine } from './engine.mjs';\nimport { y } from '../../web/src/protocol.js';" },
    { path: 'bindings/src/helper.ts', text: "export function f(e: import('./engine.mjs').Engine) {}\n// import { init } from './index.js';" },
    { path: 'web/src/shared.ts', text: "export { init } from '../../bindings/src/index.js';" },
    { path: 'web/src/views/chart.ts', text: "import {\n  a,\n  b,\n} from '../shared.js';\nimport { t } from '../worker/training.js';" },
    { path: 'web/src/views/ok.ts', text: "import type { Nnplay } from '../../../bindings/src/index.js';\nimport { parseHash } from '../../../bindings/src/state.js';" },
    { path: 'web/src/worker/training.ts', text: "import { draw } from '../views/chart.js';\nimport { init } from '../../../bindings/src/index.js';" },
    { path: 'web/src/i18n/ja.ts', text: "import { x } from '../protocol.js';" },
    { path: 'web/src/state/store.ts', text: "import { x } from '../views/ok.js';" },
  ];
  const found = violations(files);
  const expect = [
    ['core/src/a.cpp: #include <emscripten/bind.h>', 'only bindings/'],
    ['core/src/a.cpp: #include "../../bindings/x.hpp"', 'nothing from bindings/'],
    ['core/src/b.cpp: #include <boost/any.hpp>', 'standard library, xtensor'],
    ['core/include/nnplay/a.hpp', 'public header'],
    ['bindings/src/state.ts', 'never imports web/'],
    ['web/src/views/chart.ts', 'only worker/ imports worker/'],
    ['web/src/worker/training.ts', 'no DOM'],
    ['web/src/i18n/ja.ts', 'its own folder'],
    ['web/src/state/store.ts', 'never imports views/'],
    ['web/src/shared.ts', 'web/src/shared -> bindings/src/index -> bindings/src/engine'],
    ['web/src/views/chart.ts', 'web/src/views/chart -> web/src/shared -> bindings/src/index'],
  ];
  for (const [start, words] of expect) {
    assert.ok(found.some((p) => p.startsWith(start) && p.includes(words)), `expected a violation "${start} … ${words}" in:\n${found.join('\n')}`);
  }
  // Allowed: type-only imports of the module, the engine-free schema, standard and xtensor
  // headers, a type query, and an import inside a comment.
  for (const ok of ['web/src/views/ok.ts', 'bindings/src/helper.ts', 'bindings/src/index.ts', 'core/src/private.hpp']) {
    assert.deepEqual(found.filter((p) => p.startsWith(ok)), [], ok);
  }
  assert.equal(found.filter((p) => p.includes('<vector>') || p.includes('xtensor/') || p.includes('"nnplay/a.hpp"')).length, 0, found.join('\n'));
  assert.equal(found.length, expect.length, found.join('\n'));
});
