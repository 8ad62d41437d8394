// One state, one run: the page's worker (web/src/worker/pageRun.ts, run here in Node on the
// built engine), the nnplay command and the generated tf.keras code take their fit settings
// from the RunPlan (bindings/src/runPlan.ts) and agree on every one of them.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { importTs, nn } from './helpers.mjs';

const cli = fileURLToPath(new URL('../../dist/cli.mjs', import.meta.url));
let PageRun;
let fitPlan;
let SCHEMA, describeAllowed, flagName;

before(async () => {
  ({ PageRun, fitPlan, SCHEMA, describeAllowed, flagName } = await importTs(
    "export { PageRun } from './web/src/worker/pageRun.ts'; export { fitPlan } from './bindings/src/runPlan.ts'; export { SCHEMA, describeAllowed } from './bindings/src/state.ts'; export { flagName } from './bindings/src/cliFlags.ts';"));
});

const parse = (hash) => nn.state.parse(hash, '1').state;

// What the page's worker hands beginFit() for a state (the worker's own code, the engine's model).
function workerFit(hash) {
  const seen = [];
  const playground = {
    ...nn.playground,
    buildModel(setup) {
      const model = nn.playground.buildModel(setup);
      const beginFit = model.beginFit.bind(model);
      model.beginFit = (x, y, args) => {
        seen.push({ ...args, validationData: args.validationData !== undefined, rows: x.shape[0] });
        return beginFit(x, y, args);
      };
      return model;
    },
  };
  const training = new PageRun({ ...nn, playground }, () => {});
  training.configure(parse(hash), 'data');
  training.model.dispose();
  assert.equal(seen.length, 1, `the worker began one fit session for ${hash}`);
  return seen[0];
}

// What the nnplay command hands fit() for the same state (its --json output says).
function cliFit(hash) {
  const r = spawnSync(process.execPath, [cli, 'train', '--state', hash, '--json', '--no-test'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

// The fit settings the generated tf.keras code writes.
function codeFit(hash) {
  const code = nn.codegen.keras(parse(hash));
  const patience = code.match(/EarlyStopping\(monitor='(\w+)', patience=(\d+)\)/);
  return {
    epochs: Number(code.match(/^EPOCHS = (\d+)/m)[1]),
    batchSize: code.match(/^BATCH_SIZE = (\S+)/m)[1],
    earlyStopping: patience ? { monitor: patience[1], patience: Number(patience[2]) } : undefined,
    shuffle: !/shuffle=False/.test(code),
    validationData: /validation_data=\(X_valid, y_valid\)/.test(code),
  };
}

test('a URL with maxEpochs and patience is the same run in the worker, the CLI and the generated code', () => {
  const hash = '#dataset=xor&maxEpochs=5&patience=2&batchSize=7&percTrainData=40';
  const worker = workerFit(hash);
  const cliRun = cliFit(hash);
  const code = codeFit(hash);
  const expected = { epochs: 5, batchSize: 7, shuffle: true, validationData: true, earlyStopping: { monitor: 'val_loss', patience: 2 } };
  for (const [who, got] of [['worker', worker], ['cli', cliRun.fit], ['code', { ...code, batchSize: Number(code.batchSize) }]]) {
    for (const [key, value] of Object.entries(expected)) assert.deepEqual(got[key], value, `${who}: ${key}`);
  }
  assert.ok(cliRun.epoch.length <= 5, `the CLI trained at most maxEpochs: ${cliRun.epoch.length}`);
  assert.equal(cliRun.stop.reason, cliRun.stopReason, 'the CLI says why as the page does');
  assert.equal(cliRun.stop.epoch, cliRun.epoch.length);
  assert.equal(worker.rows, 200, 'the worker trains on 40 % of the 500 points');
});

test('without maxEpochs the page trains until paused, the CLI and the code the plan\'s 100 epochs', () => {
  const hash = '#dataset=gauss&batchFull=true';
  const plan = fitPlan(parse(hash));
  assert.deepEqual(plan, { maxEpochs: null, epochs: 100, batchSize: 'all', shuffle: true, patience: null, monitor: 'val_loss', validation: true });
  const worker = workerFit(hash);
  assert.equal(worker.epochs, 1e9);
  assert.equal(worker.batchSize, worker.rows, "'all' is one batch of every training row");
  assert.equal(worker.earlyStopping, undefined);
  const code = codeFit(hash);
  assert.equal(code.epochs, plan.epochs);
  assert.equal(code.batchSize, 'len(X_train)');
  assert.equal(code.earlyStopping, undefined);
});

test('CLI flags are the URL keys: --max-epochs / --epochs and --patience / --early-stopping set maxEpochs and patience', () => {
  const run = (...args) => spawnSync(process.execPath, [cli, 'state', ...args], { encoding: 'utf8' });
  for (const args of [['--max-epochs', '5', '--patience', '2'], ['--epochs', '5', '--early-stopping', '2'], ['--state', '#maxEpochs=5&patience=2']]) {
    const r = run(...args);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /&maxEpochs=5&patience=2/, args.join(' '));
  }
  const noise = run('--noise', '25');
  assert.match(noise.stdout, /&noise=25&/, '--noise is in percent, as the URL and the page');
  const bad = run('--max-epochs', '0');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--max-epochs "0" is not allowed: /);
});

test("the CLI's help has a flag for every URL key, with the schema's allowed values", () => {
  const help = spawnSync(process.execPath, [cli, '--help'], { encoding: 'utf8' }).stdout;
  for (const f of SCHEMA) {
    if (f.key === 'dataset') continue;  // --dataset takes both problems' datasets (a shorthand)
    const line = help.split('\n').find((l) => l.startsWith(`  --${flagName(f.key)} `));
    assert.ok(line, `--${flagName(f.key)} is in the help`);
    assert.ok(line.includes(describeAllowed(f)), `--${flagName(f.key)}: ${describeAllowed(f)}`);
  }
});
