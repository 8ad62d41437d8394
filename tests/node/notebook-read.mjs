// Reads a notebook written by nn.notebook back into numbers: its data, initial weights, epoch
// orders and the run's per-epoch values, and checks it with Debian's python3-nbformat and
// Python's ast. Shared by tests/node/notebook.test.mjs and tests/e2e/learner-model-notebook.test.mjs.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The Python that has nbformat: Debian's (scripts/setup.sh installs python3-nbformat for it),
// also when another python3 comes first on PATH.
const PYTHON = ['/usr/bin/python3', 'python3'].find((p) => spawnSync(p, ['-c', 'import nbformat'], { encoding: 'utf8' }).status === 0);

const CHECK = `
import ast, json, sys, nbformat
for path in sys.argv[1:]:
    nb = nbformat.reads(open(path, encoding='utf-8').read(), as_version=4)
    nbformat.validate(nb)
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == 'code':
            try:
                ast.parse(cell.source)
            except SyntaxError as e:
                sys.exit(f'{path}: cell {i + 1}: {e}')
    print(json.dumps({'cells': len(nb.cells), 'nbformat': nb.nbformat}))
`;

const dir = mkdtempSync(join(tmpdir(), 'nnplay-notebook-'));
let count = 0;

// nbformat.validate, then ast.parse of every code cell; returns what Python read.
export function validateWithPython(text) {
  assert.ok(PYTHON, 'no python3 with nbformat: install python3-nbformat (scripts/setup.sh does)');
  const file = join(dir, `run${count++}.ipynb`);
  writeFileSync(file, text);
  const r = spawnSync(PYTHON, ['-c', CHECK, file], { encoding: 'utf8' });
  assert.equal(r.status, 0, `nbformat / ast refused the notebook: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

// Runs every code cell against tests/node/fake_keras.py, a numpy stand-in for tf.keras 2.x (tanh,
// mean squared error, SGD only); returns the last cell's relative loss differences, Keras' history
// and the test result.
export function runWithFakeKeras(text) {
  assert.ok(PYTHON, 'no python3 with nbformat: install python3-nbformat (scripts/setup.sh does)');
  const file = join(dir, `run${count++}.ipynb`);
  writeFileSync(file, text);
  const script = join(dirname(fileURLToPath(import.meta.url)), 'fake_keras.py');
  const r = spawnSync(PYTHON, [script, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(r.status, 0, `the notebook did not run against the numpy stand-in for tf.keras: ${r.stderr.slice(-3000)}`);
  return JSON.parse(r.stdout);
}

export function codeOf(nb) {
  return nb.cells.filter((c) => c.cell_type === 'code').map((c) => c.source.join(''));
}

// `NAME = np.array(<list>, dtype=np.float32)`: the list is JSON too (numbers only).
function arrayAssigned(source, name) {
  const m = source.match(new RegExp(`^${name} = np\\.(?:array\\(([\\s\\S]*?), dtype=np\\.float32\\)|zeros\\(\\(0, (\\d+)\\), dtype=np\\.float32\\))$`, 'm'));
  assert.ok(m, `no ${name} = np.array(...) in the notebook`);
  return m[1] !== undefined ? asFloat32(JSON.parse(m[1].replace(/,\n\]$/, '\n]'))) : [];
}

// Data and weights come back as Python reads them: each literal as float32 (dtype=np.float32).
export function readNotebook(text) {
  const nb = JSON.parse(text);
  const code = codeOf(nb).join('\n\n');
  const data = Object.fromEntries(['X_train', 'y_train', 'X_valid', 'y_valid', 'X_test', 'y_test'].map((n) => [n, arrayAssigned(code, n)]));
  const weightsCell = code.slice(code.indexOf('model.set_weights(['));
  const weights = [...weightsCell.slice(0, weightsCell.indexOf('\n])')).matchAll(/^ {2}np\.array\((.*), dtype=np\.float32\),$/gm)].map((m) => asFloat32(JSON.parse(m[1])));
  const orders = code.includes('EPOCH_ORDERS = [')
    ? JSON.parse(code.slice(code.indexOf('EPOCH_ORDERS = [') + 'EPOCH_ORDERS = '.length, code.indexOf('\n]', code.indexOf('EPOCH_ORDERS = [')) + 2).replace(/,\n\]$/, '\n]'))
    : null;
  const block = code.slice(code.indexOf('NNPLAY = {'), code.indexOf('\n}', code.indexOf('NNPLAY = {')));
  const history = Object.fromEntries([...block.matchAll(/^ {2}'(\w+)': (\[.*\]),$/gm)].map((m) => [m[1], JSON.parse(m[2])]));
  const batch = code.match(/^BATCH_SIZE = (.+)$/m)[1];
  return { nb, code, data, weights, orders, history, batch };
}

// A [rows, cols] Float32Array matrix as nested arrays of the float32 values.
export function rowsOf(m) {
  const [rows, cols] = m.shape;
  return Array.from({ length: rows }, (_, r) => Array.from(m.data.subarray(r * cols, (r + 1) * cols)));
}

// A weight array (kernel [in, out] or bias [units]) as the notebook writes it.
export function weightRows(w) {
  if (w.shape.length === 1) return Array.from(w.data);
  return rowsOf({ data: w.data, shape: w.shape });
}

// Python's reading of the notebook's numbers: each literal, read as float32, is the engine's value.
export function asFloat32(nested) {
  return Array.isArray(nested) ? nested.map(asFloat32) : Math.fround(nested);
}

// The notebook's recipe, in the engine: its rows, initial weights and epoch orders, one
// fit(shuffle=false) per epoch (one fit when it has no orders); returns the per-epoch logs.
export async function replayInEngine(nn, state, book) {
  const setup = nn.playground.setup(state);
  const model = nn.playground.buildModel(setup);
  model.setWeights(book.weights.map((w, i) => ({ shape: model.getWeights()[i].shape, data: w.flat() })));
  const x = book.data.X_train, y = book.data.y_train;
  const validationData = [book.data.X_valid, book.data.y_valid];
  const batchSize = book.batch === 'len(X_train)' ? x.length : Number(book.batch);
  const logs = {};
  const epochs = book.orders ? book.orders.length : book.history.loss.length;
  for (let e = 0; e < epochs; e++) {
    const order = book.orders ? book.orders[e] : x.map((_, i) => i);
    const h = await model.fit(order.map((i) => x[i]), order.map((i) => y[i]), { batchSize, epochs: e + 1, initialEpoch: e, shuffle: false, validationData });
    for (const [k, v] of Object.entries(h.history)) (logs[k] ??= []).push(...v);
  }
  model.dispose();
  return logs;
}
