// The nnplay command's inputs and outputs (issue 11): negative and non-numeric values named
// with their flag, output files all or nothing with the path in every message, Ctrl-C
// (SIGINT) writing what was asked and exiting 130, own data refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nn } from './helpers.mjs';

const cli = fileURLToPath(new URL('../../dist/cli.mjs', import.meta.url));
const run = (...args) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
const scratch = () => mkdtempSync(join(tmpdir(), 'nnplay-cli-io-'));

// A one-line reason on stderr, nothing on stdout, exit 2.
function refused(args, message) {
  const r = run(...args);
  assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
  assert.equal(r.stdout, '', args.join(' '));
  assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  assert.match(r.stderr, message, args.join(' '));
}

test('negative and non-numeric values: a clear message naming the flag (not "ambiguous")', () => {
  const cases = [
    [['train', '--epochs', '-1'], /^nnplay: --epochs "-1" is not allowed: a whole number from 1 to 1000000$/m],
    [['train', '--epochs', 'abc'], /--epochs "abc" is not allowed: a whole number/],
    [['train', '--epochs', '2.5'], /--epochs "2.5" is not allowed: a whole number/],
    [['train', '--noise', '-0.5'], /--noise "-0.5" is not allowed: a number from 0 to 80/],
    [['train', '--batch-size', '-5'], /--batch-size "-5" is not allowed/],
    [['train', '--learning-rate', '-0.1'], /--learning-rate "-0.1" is not allowed: a number from 0.00001 to 10/],
    [['train', '--early-stopping', '-3'], /--early-stopping "-3" is not allowed: a whole number from 0/],
    [['train', '--test-samples', 'many'], /--test-samples "many" is not allowed: a whole number from 2/],
    [['train', '--train-ratio', '-.5'], /--train-ratio "-.5" is not allowed: a number from 0.1 to 0.9/],
    [['train', '--layers', '-1'], /--layers "-1" is not allowed/],
    [['train', '--momentum', '-1e3'], /--momentum "-1e3" is not allowed/],
    [['train', '--epochs'], /--epochs needs a value: same as --max-epochs: a whole number from 1/],
    [['train', '--epochs', '--json'], /--epochs needs a value/],
  ];
  for (const [args, message] of cases) refused(args, message);
  // '--flag=-1' says the same
  refused(['train', '--epochs=-1'], /--epochs "-1" is not allowed/);
});

test("--state '#dataset=custom' and --dataset custom: own data is not available from the CLI", () => {
  refused(['train', '--state', '#dataset=custom'], /^nnplay: --state: dataset=custom: own data \(points drawn or imported in the page\) is not available from the CLI; use one of circle, xor/);
  refused(['train', '--dataset', 'custom'], /--dataset "custom": own data .* not available from the CLI/);
  refused(['data', '--state', '#dataset=custom'], /not available from the CLI/);
  // a regression state keeps 'custom' as the unused classification dataset: that trains
  const r = run('train', '--state', '#problem=regression&dataset=custom', '--epochs', '1', '--no-test', '--json');
  assert.equal(r.status, 0, r.stderr);
});

test('output paths are all checked before training: one bad path, no file and no run', () => {
  const dir = scratch();
  const history = join(dir, 'history.csv');
  const cases = [
    [['--history-csv', history, '--weights-json', '/nonexistent-nnplay/w.json'], /--weights-json "\/nonexistent-nnplay\/w.json": cannot write in "\/nonexistent-nnplay": the directory does not exist/],
    [['--history-csv', history, '--weights-json', dir], /--weights-json ".*": not a regular file \(a directory or a device\)/],
    [['--history-csv', history, '--weights-json', join(dir, '.', 'history.csv')], /--weights-json ".*history.csv": the same file as --history-csv/],
    [['--history-csv', '/dev/null'], /--history-csv "\/dev\/null": not a regular file/],
    [['--history-csv', join(history, 'x.csv')], /--history-csv ".*history.csv\/x.csv": cannot write in ".*history.csv": the directory does not exist/],
  ];
  for (const [files, message] of cases) refused(['train', '--epochs', '3', ...files], message);
  assert.deepEqual(readdirSync(dir), [], 'nothing written');
  rmSync(dir, { recursive: true });
});

// Starts a long run and resolves once `ready` shows on stdout.
// With --json nothing is printed before the end, so the child is started with a hook that says on
// stderr when the CLI installs its SIGINT handler (the state an interrupt test needs).
const SIGINT_HOOK = `data:text/javascript,${encodeURIComponent(
  "const once = process.once.bind(process); process.once = (ev, fn) => { once(ev, fn); if (ev === 'SIGINT') process.stderr.write('[test] SIGINT handler installed\\n'); return process; };")}`;

function startLongRun(args, ready = /Epoch 3\//, { hook = false } = {}) {
  const child = spawn(process.execPath, [...(hook ? ['--import', SIGINT_HOOK] : []), cli, 'train', '--epochs', '100000', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const result = { stdout: '', stderr: '', child };
  result.started = new Promise((resolve, reject) => {
    child.stdout.on('data', (b) => {
      result.stdout += b;
      if (ready.test(result.stdout)) resolve();
    });
    child.on('exit', () => reject(new Error(`exited before training: ${result.stderr}`)));
  });
  child.stderr.on('data', (b) => (result.stderr += b));  // before the listener below, which reads it
  result.sigintHandled = hook && new Promise((resolve, reject) => {
    child.stderr.on('data', () => /\[test\] SIGINT handler installed/.test(result.stderr) && resolve());
    child.on('exit', () => reject(new Error(`exited before handling SIGINT: ${result.stderr}`)));
  });
  result.exited = new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  return result;
}

test('Ctrl-C (SIGINT): stops, writes the history and weights so far, says so, exits 130', { timeout: 60_000 }, async () => {
  const dir = scratch();
  const history = join(dir, 'history.csv'), weights = join(dir, 'weights.json');
  const r = startLongRun(['--dataset', 'gauss', '--layers', '3', '--seed', '1', '--history-csv', history, '--weights-json', weights]);
  await r.started;
  r.child.kill('SIGINT');
  const { code, signal } = await r.exited;
  assert.equal(signal, null);
  assert.equal(code, 130, r.stderr);
  const epochs = r.stdout.match(/^Epoch \d+\/100000$/gm).length;
  assert.ok(epochs >= 3 && epochs < 100000);
  assert.equal(r.stderr.trim(), `nnplay: interrupted (Ctrl-C): training stopped in epoch ${epochs} of 100000; wrote "${history}" and "${weights}"`);
  assert.doesNotMatch(r.stdout, /Test on/, 'no final test after an interrupt');
  const rows = readFileSync(history, 'utf8').trimEnd().split('\r\n');
  assert.equal(rows[0], 'epoch,loss,tanh_accuracy,val_loss,val_tanh_accuracy');
  assert.equal(rows.length, epochs + 1, 'one row per epoch run');
  const saved = JSON.parse(readFileSync(weights, 'utf8'));
  assert.deepEqual(saved.map((w) => w.shape), [[2, 3], [3], [3, 1], [1]]);
  const model = nn.sequential([nn.layers.dense({ inputShape: [2], units: 3, activation: 'tanh' }), nn.layers.dense({ units: 1, activation: 'tanh' })]);
  model.setWeights(saved);  // what setWeights accepts
  model.dispose();
  assert.deepEqual(readdirSync(dir).sort(), ['history.csv', 'weights.json'], 'no temporary file left');
  rmSync(dir, { recursive: true });
});

test('Ctrl-C with --json: the JSON so far, with stopReason "interrupted"', { timeout: 60_000 }, async () => {
  const r = startLongRun(['--json'], /x/, { hook: true });  // --json prints nothing until the end: interrupt once the
  await r.sigintHandled;                     // CLI handles SIGINT (it starts to right before training)
  r.child.kill('SIGINT');
  const { code } = await r.exited;
  assert.equal(code, 130, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.stopReason, 'interrupted');
  assert.ok(out.history.loss.length >= 1 && out.history.loss.length < 100000);
  assert.equal(out.test, null);
  assert.match(r.stderr, /^nnplay: interrupted \(Ctrl-C\): training stopped in epoch \d+ of 100000$/m);
});

test('a write that fails after training leaves no half set: the other file is not written, the path is named', { timeout: 60_000 }, async () => {
  const kept = scratch(), doomed = scratch();
  const history = join(kept, 'history.csv'), weights = join(doomed, 'weights.json');
  const r = startLongRun(['--history-csv', history, '--weights-json', weights]);
  await r.started;  // the paths were checked; now the weights' directory goes away
  rmSync(doomed, { recursive: true });
  r.child.kill('SIGINT');
  const { code } = await r.exited;
  assert.equal(code, 1, r.stderr);
  assert.match(r.stderr, new RegExp(`cannot write --weights-json "${weights}": the directory does not exist; no output file was written`));
  assert.deepEqual(readdirSync(kept), [], 'the history was not written either, and its temporary file is gone');
  rmSync(kept, { recursive: true });
  assert.equal(existsSync(doomed), false);
});
