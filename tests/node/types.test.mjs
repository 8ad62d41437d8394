// The shipped TypeScript types accept a strict consumer, and reject a wrong call.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsc = join(root, 'node_modules', '.bin', 'tsc');

function typecheck(source) {
  const dir = mkdtempSync(join(tmpdir(), 'nnplay-types-'));
  writeFileSync(join(dir, 'consumer.ts'), source);
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2022', 'DOM'], types: [], paths: { nnplay: [join(root, 'dist', 'nnplay.d.ts')] } },
    files: ['consumer.ts'],
  }));
  return spawnSync(tsc, ['-p', dir], { encoding: 'utf8' });
}

test('tsc --strict accepts a consumer of the API', () => {
  const r = typecheck(`
import { init, type History, type Matrix2D } from 'nnplay';
const nn = await init();
const data = nn.datasets.generate({ type: 'gauss', noise: 0, seed: 1 });
const { xTrain, yTrain, xValid, yValid } = nn.datasets.split(data, { trainingRatio: 0.5 });
const model = nn.sequential([
  nn.layers.dense({ inputShape: [2], units: 3, activation: 'tanh' }),
  nn.layers.dense({ units: 1, activation: 'tanh', kernelRegularizer: nn.regularizers.l2({ l2: 0.03 }) }),
], { seed: 42 });
model.compile({ optimizer: nn.optimizers.sgd({ learningRate: 0.03 }), loss: 'mean_squared_error', metrics: ['tanh_accuracy'] });
const hist: History = await model.fit(xTrain, yTrain, { batchSize: 15, epochs: 1, validationData: [xValid, yValid], callbacks: { onEpochEnd(epoch: number, logs) { logs.loss.toFixed(3); } } });
const loss: number[] = hist.history.loss;
const p: Matrix2D = model.predict([[0.4, 3.2]]);
const f: Float32Array = p.data;
model.optimizer.learningRate = 0.1;
model.getWeights()[0].shape.length;
model.dispose();
export { loss, f };
`);
  assert.equal(r.status, 0, r.stdout + r.stderr);
});

test('tsc rejects a wrong call', () => {
  const r = typecheck(`
import { init } from 'nnplay';
const nn = await init();
nn.layers.dense({ units: '3' });
`);
  assert.notEqual(r.status, 0);
  assert.match(r.stdout + r.stderr, /consumer\.ts\(4,\d+\): error TS2322: Type 'string' is not assignable to type 'number'/);
});

test('the optimizer state and the loss landscape are typed (issue 13), and a wrong kind or direction is rejected', () => {
  const ok = typecheck(`
import { init, type Landscape, type LandscapeOptions, type ParameterSlots, type WeightArray } from 'nnplay';
const nn = await init();
const model = nn.sequential([nn.layers.dense({ inputShape: [2], units: 1 })]);
model.compile({ optimizer: 'adam', loss: 'mean_squared_error' });
const w: WeightArray[] = model.optimizer.getWeights();
const s: ParameterSlots = model.optimizer.slots(0, 'bias');
const m: Float32Array | undefined = s.slots.m;
model.optimizer.recording = false;
const options: LandscapeOptions = { directions: 'pca', span: 0.5, resolution: 21, seed: 1, trajectory: [nn.landscape.snapshot(model), [0, 0, 0]] };
const l: Landscape = nn.landscape(model, [[0, 1]], [[1]], options);
const cell: number = l.loss.data[0] + l.loss.shape[0] + l.alpha[0] + l.beta[0] + l.centerLoss + l.explainedVariance[1];
const point: [number, number] | undefined = l.path[0];
export { w, m, cell, point };
`);
  assert.equal(ok.status, 0, ok.stdout + ok.stderr);
  const bad = typecheck(`
import { init } from 'nnplay';
const nn = await init();
const model = nn.sequential([nn.layers.dense({ inputShape: [2], units: 1 })]);
model.optimizer.slots(0, 'weights');
nn.landscape(model, [[0, 1]], [[1]], { directions: 'pcb' });
`);
  assert.match(bad.stdout + bad.stderr, /consumer\.ts\(5,\d+\): error TS2345: Argument of type '"weights"'/);
  assert.match(bad.stdout + bad.stderr, /consumer\.ts\(6,\d+\): error TS2322: Type '"pcb"' is not assignable/);
});

test("the optimizer factories' types name every registry optimizer, and it rejects another", () => {
  const keys = JSON.parse(readFileSync(join(root, 'core', 'registry.json'), 'utf8')).optimizers.map((o) => o.key);
  const ok = typecheck(`
import { init, type OptimizerSpec } from 'nnplay';
const nn = await init();
const all: OptimizerSpec[] = [${keys.map((k) => `nn.optimizers.${k}({ learningRate: 0.1 })`).join(', ')}];
export { all };
`);
  assert.equal(ok.status, 0, ok.stdout + ok.stderr);
  const bad = typecheck(`
import { init } from 'nnplay';
const nn = await init();
nn.optimizers.adamw();
`);
  assert.match(bad.stdout + bad.stderr, /consumer\.ts\(4,\d+\): error TS(2339|2551): Property 'adamw' does not exist/);
});

test('the name types (ActivationName, DatasetName, FeatureName, LossName, MetricName, OptimizerName) are exactly the registry names', () => {
  const registry = JSON.parse(readFileSync(join(root, 'core', 'registry.json'), 'utf8'));
  const names = {
    ActivationName: registry.activations.map((a) => a.name),
    FeatureName: registry.features.map((f) => f.name),
    DatasetName: registry.datasets.map((d) => d.name),
    LossName: [...new Set(registry.losses.flatMap((l) => [l.name, l.short, l.camel]))],
    MetricName: registry.metrics.flatMap((m) => (m.camel ? [m.name, m.camel] : [m.name])),
    OptimizerName: registry.optimizers.map((o) => o.key),
  };
  const lines = Object.entries(names).map(([type, list]) => {
    const union = list.map((n) => JSON.stringify(n)).join(' | ');
    // every registry name is in the type, and the type holds nothing else
    return `const all${type}: ${type}[] = [${list.map((n) => JSON.stringify(n)).join(', ')}];
const only${type}: [Exclude<${type}, ${union}>] extends [never] ? true : false = true;`;
  });
  const ok = typecheck(`import type { ${Object.keys(names).join(', ')} } from 'nnplay';\n${lines.join('\n')}\nexport {};\n`);
  assert.equal(ok.status, 0, ok.stdout + ok.stderr);
  const bad = typecheck(`import type { ActivationName } from 'nnplay';\nconst a: ActivationName = 'swish';\nexport { a };\n`);
  assert.match(bad.stdout + bad.stderr, /consumer\.ts\(2,\d+\): error TS2322/);
});
