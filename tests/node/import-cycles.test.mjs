// The module's files import one another one way: no circle, type-only imports included
// (model.ts, model_checks.ts and optimizerState.ts once imported each other in a circle).
// Needs no build: it reads bindings/src as text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../../bindings/src/', import.meta.url));

function importsOf(file) {
  const text = readFileSync(dir + file, 'utf8');
  return [...text.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+'\.\/([\w.-]+)\.(?:m?js)'/gms)]
    .map((m) => `${m[1]}.ts`)
    .filter((f) => f !== file && readdirSync(dir).includes(f));
}

export function findCycle(graph) {
  const state = new Map();  // 1: on the path, 2: done
  const path = [];
  const visit = (node) => {
    if (state.get(node) === 2) return null;
    if (state.get(node) === 1) return [...path.slice(path.indexOf(node)), node];
    state.set(node, 1);
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(node, 2);
    return null;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

test('the cycle finder finds a circle and passes a line', () => {
  assert.deepEqual(findCycle(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']]])), ['a', 'b', 'c', 'a']);
  assert.equal(findCycle(new Map([['a', ['b']], ['b', ['c']], ['c', []]])), null);
});

test('bindings/src has no import circle', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
  const graph = new Map(files.map((f) => [f, importsOf(f)]));
  assert.ok(graph.get('model.ts').includes('model_checks.ts'), 'the scan sees imports');
  const cycle = findCycle(graph);
  assert.equal(cycle, null, `an import circle: ${cycle?.join(' -> ')}`);
});
