// The nnplay command: Keras' fit(verbose=1) output, --json, --state, exit codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../../dist/cli.mjs', import.meta.url));
const run = (...args) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });

const tutorial = ['train', '--dataset', 'gauss', '--noise', '0', '--train-ratio', '0.5', '--layers', '3,3', '--activation', 'tanh',
  '--loss', 'mean_squared_error', '--optimizer', 'sgd', '--learning-rate', '0.03', '--batch-size', '15', '--epochs', '100', '--seed', '1'];

test("train prints what Keras' fit(verbose=1) prints, then a test on fresh data", () => {
  const r = run(...tutorial);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines[0], 'Epoch 1/100');
  const progress = /^17\/17 \[={30}\] - \d+s \d+(us|ms|s)\/step - loss: \S+ - tanh_accuracy: \d\.\d{4} - val_loss: \S+ - val_tanh_accuracy: \d\.\d{4}$/;
  assert.match(lines[1], progress);
  assert.equal(lines[198], 'Epoch 100/100');
  assert.match(lines[199], progress);
  assert.match(lines[199], /val_tanh_accuracy: 1\.0000$/);
  assert.equal(lines[200], 'Test on 500 fresh points:');
  assert.match(lines[201], /^16\/16 \[={30}\] - \d+s \d+(us|ms|s)\/step - loss: \S+ - tanh_accuracy: 1\.0000$/);
  const valLoss = Number(lines[199].match(/val_loss: (\S+)/)[1]);
  assert.ok(valLoss < 0.02);
});

test('--json prints the history with Keras key names', () => {
  const r = run(...tutorial, '--epochs', '5', '--json');
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(out.history), ['loss', 'tanh_accuracy', 'val_loss', 'val_tanh_accuracy']);
  assert.equal(out.history.loss.length, 5);
  assert.deepEqual(out.epoch, [0, 1, 2, 3, 4]);
  assert.equal(out.stopReason, 'max_epochs');
  assert.ok(out.test.loss > 0);
  assert.match(out.state, /networkShape=3,3/);
  // the same run twice gives the same numbers
  assert.deepEqual(JSON.parse(run(...tutorial, '--epochs', '5', '--json').stdout).history, out.history);
});

test('--state takes the page URL and flags override it', () => {
  const hash = run('state', '--dataset', 'xor', '--layers', '5', '--optimizer', 'Adam', '--learning-rate', '0.01', '--seed', '0.5').stdout.trim();
  assert.match(hash, /^#activation=tanh&/);
  assert.match(hash, /dataset=xor/);
  assert.match(hash, /networkShape=5&seed=0\.5/);
  assert.match(hash, /optimizer=adam/);
  const fromState = JSON.parse(run('train', '--state', hash, '--epochs', '2', '--json').stdout);
  const fromFlags = JSON.parse(run('train', '--dataset', 'xor', '--layers', '5', '--optimizer', 'adam', '--learning-rate', '0.01', '--seed', '0.5', '--epochs', '2', '--json').stdout);
  assert.deepEqual(fromState.history, fromFlags.history);
  const overridden = JSON.parse(run('train', '--state', hash, '--learning-rate', '0.1', '--epochs', '1', '--json').stdout);
  assert.equal(overridden.setup.optimizer.learningRate, 0.1);
});

test('--help explains every flag with its allowed values', () => {
  const r = run('--help');
  assert.equal(r.status, 0);
  for (const flag of ['--state', '--dataset', '--noise', '--train-ratio', '--layers', '--activation', '--loss', '--optimizer', '--learning-rate', '--batch-size', '--epochs', '--seed', '--json']) {
    assert.ok(r.stdout.includes(flag), flag);
  }
  // the setting flags and their allowed values come from the URL-state schema
  assert.match(r.stdout, /--optimizer <v> +optimizer \(tf.keras 2.x defaults\): one of sgd, adagrad, rmsprop, adadelta, adam, adamax, nadam\n/);
  assert.match(r.stdout, /--learning-rate <v> +learning rate \(the page sets it live\): a number from 0.00001 to 10\n/);
  assert.match(r.stdout, /--max-epochs <v> +stop after this many epochs: a whole number from 1 to 1000000 \(or --epochs\)\n/);
  assert.match(r.stdout, /--network-shape <v> +.*up to 6 comma-separated whole numbers from 1 to 8/);
});

test('a bad flag or value exits 2 with a one-line reason naming it', () => {
  const cases = [
    [['train', '--bogus'], /unknown flag '--bogus'/],
    [['train', '--learning-rate', 'abc'], /--learning-rate "abc" is not allowed: a number from 0.00001 to 10/],
    [['train', '--optimizer', 'adamw'], /--optimizer "adamw" is not allowed: one of sgd, adagrad/],
    [['train', '--layers', '3,0'], /--layers "3,0" is not allowed/],
    [['train', '--noise', '90'], /--noise "90" is not allowed: a number from 0 to 80/],
    [['train', '--state', '#learningRate=zzz'], /--state: learningRate="zzz" is not allowed/],
    [['fly'], /unknown command "fly"/],
  ];
  for (const [args, message] of cases) {
    const r = run(...args);
    assert.equal(r.status, 2, args.join(' '));
    assert.equal(r.stdout, '');
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, message);
  }
});

test('a diverging run exits 1 and says why', () => {
  const r = run('train', '--dataset', 'reg-plane', '--activation', 'linear', '--layers', '8,8', '--learning-rate', '10', '--epochs', '20');
  assert.equal(r.status, 1);
  assert.match(r.stderr, /training failed: epoch \d+, batch \d+: the loss became (NaN|\+Inf)/);
});
