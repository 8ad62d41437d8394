// One source for each fact: core/registry.json is what the engine, the API, the schema and
// the code generator say; the state -> model rule is one function, so the generated
// tf.keras code builds the model the page trains; the version is package.json's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { nn } from './helpers.mjs';

const registry = JSON.parse(readFileSync(new URL('../../core/registry.json', import.meta.url), 'utf8'));
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
const parse = (hash) => nn.state.parse(hash, '1').state;
const field = (key) => nn.state.schema.find((f) => f.key === key);

test("nn.version is package.json's version", () => {
  assert.equal(nn.version, pkg.version);
});

test("the API's and the schema's names are the registry's", () => {
  assert.deepEqual([...nn.optimizers.names], registry.optimizers.map((o) => o.key));
  assert.deepEqual([...field('optimizer').values], registry.optimizers.map((o) => o.key));
  assert.deepEqual([...nn.losses], registry.losses.map((l) => l.name));
  assert.deepEqual([...field('loss').values], registry.losses.map((l) => l.short));
  assert.deepEqual([...nn.activations], registry.activations.map((a) => a.name));
  assert.deepEqual([...field('activation').values], registry.activations.filter((a) => !a.outputOnly).map((a) => a.name));
  assert.deepEqual([...nn.metrics], registry.metrics.map((m) => m.name));
  assert.deepEqual(nn.datasets.features, ['x', 'y', 'xSquared', 'ySquared', 'xTimesY', 'sinX', 'sinY']);
});

test("the engine reports the registry's class names and tf.keras defaults", () => {
  const model = nn.sequential([nn.layers.dense({ inputShape: [2], units: 1 })]);
  for (const entry of registry.optimizers) {
    model.compile({ optimizer: nn.optimizers[entry.key](), loss: 'mse' });
    const config = model.optimizer.config;
    assert.equal(config.name, entry.className);
    for (const option of entry.options) {
      if (option.engineOnly || option.name === 'decay') continue;  // decay is reported only when set
      assert.equal(config[option.name], Number(option.default), `${entry.key}.${option.name}`);
    }
  }
  assert.throws(() => model.compile({ optimizer: 'adamw', loss: 'mse' }),
    new RegExp(`unknown optimizer 'adamw'; allowed: ${registry.optimizers.map((o) => o.key).join(', ')}$`));
  model.dispose();
  for (const entry of registry.optimizers) {
    const offered = entry.options.filter((o) => !o.engineOnly).map((o) => o.camel);
    assert.throws(() => nn.optimizers[entry.key]({ nope: 1 }), new RegExp(`^Error: ${entry.className}: unknown option 'nope'; allowed: ${offered.join(', ')}$`));
  }
});

test('every schema entry says what a change rebuilds; a change rebuilds the most any of its keys needs', () => {
  for (const f of nn.state.schema) assert.ok(['data', 'model', 'session', 'none'].includes(f.rebuild), `${f.key}: ${f.rebuild}`);
  assert.equal(nn.state.rebuildFor(['lang', 'noise', 'loss']), 'data');
  assert.equal(nn.state.rebuildFor(['patience', 'momentum']), 'model');
  assert.equal(nn.state.rebuildFor(['maxEpochs', 'palette']), 'session');
  assert.equal(nn.state.rebuildFor(['learningRate', 'hide']), 'none');
});

test("batch size 'all' is every training row; a larger size is the rows", () => {
  assert.equal(nn.playground.batchRows('all', 250), 250);
  assert.equal(nn.playground.batchRows(10, 250), 10);
  assert.equal(nn.playground.batchRows(30, 7), 7);
  assert.equal(nn.playground.plan(parse('#batchFull=true')).fit.batchSize, 'all');
});

// Own data: n points, the first k classes cycling.
function ownData(classes, n = 12) {
  const points = new Float32Array(n * 2).map((_, i) => ((i * 7) % 11) - 5);
  return { points, classes: new Float32Array(n).map((_, i) => i % classes) };
}

test("own data with 3 classes: the generated code has the 3-unit softmax the page trains", () => {
  const custom = ownData(3);
  const s = parse('#dataset=custom&loss=categorical_crossentropy');
  const setup = nn.playground.setup(s, custom);
  assert.equal(setup.outputUnits, 3);
  const code = nn.codegen.keras(s, custom);
  assert.match(code, /^OUTPUT_RESULTS = 3 /m);
  assert.match(code, /activation='softmax'/);
  assert.match(code, /^LOSS = 'categorical_crossentropy' /m);
  assert.match(code, /to_categorical\(y_train, 3\)/);
  assert.match(code, /metrics=\['categorical_accuracy'\]\)/);
});

// What the generated code's output layer, loss and metric are.
function outputOf(code) {
  return {
    units: Number(code.match(/^OUTPUT_RESULTS = (\d+) /m)[1]),
    activation: code.match(/units=OUTPUT_RESULTS,\s*#[^\n]*\n\s*activation='(\w+)'\)/)[1],
    loss: code.match(/^LOSS = '(\w+)' /m)[1],
    metric: code.match(/metrics=\['?(\w+)'?\]\)/)?.[1] ?? null,
  };
}

test('for every problem, dataset, loss and own-data class count, the code builds what setup() builds', () => {
  let checked = 0;
  for (const loss of registry.losses.map((l) => l.short)) {
    const combos = [
      ...field('dataset').values.map((d) => `#problem=classification&dataset=${d}`),
      ...field('regDataset').values.map((d) => `#problem=regression&regDataset=${d}`),
    ];
    for (const combo of combos) {
      for (const classes of [2, 3]) {
        const custom = ownData(classes);
        const s = parse(`${combo}&loss=${loss}`);
        const setup = nn.playground.setup(s, custom);
        const got = outputOf(nn.codegen.keras(s, custom));
        const where = `${combo}&loss=${loss}, ${classes} own classes`;
        assert.deepEqual(got, { units: setup.outputUnits, activation: setup.outputActivation, loss: setup.loss, metric: setup.metrics[0] ?? null }, where);
        // and the engine trains that model on that data
        const data = nn.playground.prepareData(setup, custom);
        assert.equal(data.train.y.shape[1], setup.outputUnits, where);
        checked++;
      }
    }
  }
  assert.equal(checked, 4 * 8 * 2);
});
