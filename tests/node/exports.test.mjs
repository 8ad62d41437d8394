// Exports (dataset CSV, history CSV, weights JSON) and CSV import, from the API and the CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nn, tutorialData, tutorialModel } from './helpers.mjs';

const cli = fileURLToPath(new URL('../../dist/cli.mjs', import.meta.url));

test('dataset CSV round trip: plygdata columns x,y,label', () => {
  const d = nn.datasets.generate({ type: 'xor', seed: 3 });
  const csv = nn.exports.datasetCsv(d.points, d.labels);
  const lines = csv.trim().split('\n');
  assert.equal(lines[0], 'x,y,label');
  assert.equal(lines.length, 501);
  const back = nn.exports.parseDatasetCsv(csv);
  assert.deepEqual(back.errors, []);
  assert.deepEqual(back.points.data, d.points.data);
  assert.deepEqual(back.labels.data, d.labels.data);
  const three = nn.datasets.generate({ type: 'gauss3', seed: 1 });
  const labels = nn.exports.parseDatasetCsv(nn.exports.datasetCsv(three.points, three.labels)).labels.data;
  assert.deepEqual([...new Set(labels)].sort(), [0, 1, 2]);  // one-hot written as the class index
});

test('history CSV is what Keras\' CSVLogger writes', async () => {
  const { xTrain, yTrain, xValid, yValid } = tutorialData();
  const model = tutorialModel();
  const h = await model.fit(xTrain, yTrain, { epochs: 3, batchSize: 15, validationData: [xValid, yValid] });
  const csv = nn.exports.historyCsv(h);
  const rows = csv.split('\r\n');
  assert.equal(rows[0], 'epoch,loss,tanh_accuracy,val_loss,val_tanh_accuracy');
  assert.equal(rows.length, 5);  // header, 3 epochs, final empty
  const first = rows[1].split(',').map(Number);
  assert.equal(first[0], 0);
  assert.equal(first[1], h.history.loss[0]);
  assert.equal(first[3], h.history.val_loss[0]);
  model.dispose();
});

test('weights JSON goes back in with setWeights', () => {
  const a = tutorialModel(1), b = tutorialModel(2);
  b.setWeights(JSON.parse(nn.exports.weightsJson(a.getWeights())));
  assert.deepEqual(Array.from(b.predict([[1, -2]]).data), Array.from(a.predict([[1, -2]]).data));
  a.dispose();
  b.dispose();
});

test('CSV import: a clear message per bad row, the good rows kept', () => {
  const r = nn.exports.parseDatasetCsv('x,y,label\n1,2,1\n3,abc,1\n4,5\n\n5,1,-1\n9,0,1\n0.5,0.5,\n');
  assert.deepEqual(Array.from(r.points.data), [1, 2, 5, 1]);
  assert.deepEqual(Array.from(r.labels.data), [1, -1]);
  assert.deepEqual(r.errors, [
    'row 3: y "abc" is not a number',
    'row 4: expected 3 columns (x, y, label), found 2 (delimiter ",")',
    'row 7: the point (9, 0) is outside [-6, 6]²',
    'row 8: label "" is not a number',
  ]);
  assert.deepEqual(nn.exports.parseDatasetCsv('').errors, []);
  assert.deepEqual(nn.exports.parseDatasetCsv('1,1,1\n'.repeat(5), 3).errors, ['row 4: more than 3 rows; the rest was not read']);
});

test('the CLI writes the same exports, and prints code and data', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nnplay-cli-'));
  const history = join(dir, 'history.csv'), weights = join(dir, 'weights.json');
  const r = spawnSync(process.execPath, [cli, 'train', '--dataset', 'gauss', '--layers', '3', '--epochs', '2', '--seed', '1',
    '--history-csv', history, '--weights-json', weights, '--json'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  const csv = readFileSync(history, 'utf8').split('\r\n');
  assert.equal(csv[0], 'epoch,loss,tanh_accuracy,val_loss,val_tanh_accuracy');
  assert.equal(Number(csv[2].split(',')[1]), out.history.loss[1]);
  const w = JSON.parse(readFileSync(weights, 'utf8'));
  assert.deepEqual(w.map((a) => a.shape), [[2, 3], [3], [3, 1], [1]]);
  const code = spawnSync(process.execPath, [cli, 'code', '--state', '#networkShape=3,3&optimizer=adam'], { encoding: 'utf8' });
  assert.equal(code.status, 0);
  assert.match(code.stdout, /^OPTIMIZER = tf\.keras\.optimizers\.Adam /m);
  const data = spawnSync(process.execPath, [cli, 'data', '--dataset', 'spiral', '--seed', '2'], { encoding: 'utf8' });
  assert.equal(data.status, 0);
  assert.equal(data.stdout.trim().split('\n').length, 501);
});
