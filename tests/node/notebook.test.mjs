// The notebook that replays a run in tf.keras (nn.notebook, `nnplay notebook`, `train --notebook`):
// valid nbformat 4 (python3-nbformat), every code cell compiles (ast), and its data, initial
// weights, epoch orders and expected losses are the run's. The recipe it gives Keras (one
// fit(shuffle=False) per epoch on the rows in the run's order) is replayed here in the engine,
// which must give the run's losses exactly (docs/KERAS_SEMANTICS.md §8).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nn } from './helpers.mjs';
import { asFloat32, readNotebook, replayInEngine, rowsOf, runWithFakeKeras, validateWithPython, weightRows } from './notebook-read.mjs';

const cli = fileURLToPath(new URL('../../dist/cli.mjs', import.meta.url));
const run = (...args) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'nnplay-notebook-test-'));
const parse = (hash) => nn.state.parse(hash, '1').state;
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

// A run as the page and the CLI make it: the state's data and model, fit with its shuffle seed.
async function playgroundRun(hash, epochs, fitOptions = {}) {
  const state = parse(hash);
  const setup = nn.playground.setup(state);
  const data = nn.playground.prepareData(setup);
  const model = nn.playground.buildModel(setup);
  const initial = model.getWeights();
  const batchSize = nn.playground.batchRows(setup.fit.batchSize, data.train.x.shape[0]);
  const history = await model.fit(data.train.x, data.train.y, { batchSize, epochs, validationData: [data.valid.x, data.valid.y], seed: setup.modelSeed, ...fitOptions });
  model.dispose();
  return { state, setup, data, initial, history, batchSize };
}

test('nnplay train --notebook writes the run: valid nbformat 4, code cells that compile, the data, initial weights and losses of the run', async () => {
  const file = join(dir, 'train.ipynb');
  const flags = ['--dataset', 'gauss', '--noise', '0', '--train-ratio', '0.5', '--layers', '3,3', '--batch-size', '15', '--epochs', '6', '--seed', '1'];
  const r = run('train', ...flags, '--notebook', file, '--json');
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  const text = readFileSync(file, 'utf8');
  assert.deepEqual(validateWithPython(text), { cells: 18, nbformat: 4 });
  const book = readNotebook(text);

  // the same run, from the module: its data, its initial weights
  const mine = await playgroundRun(out.state, 6);
  assert.deepEqual(book.data.X_train, rowsOf(mine.data.train.x));
  assert.deepEqual(book.data.y_train, rowsOf(mine.data.train.y));
  assert.deepEqual(book.data.X_valid, rowsOf(mine.data.valid.x));
  assert.deepEqual(book.data.y_valid, rowsOf(mine.data.valid.y));
  assert.deepEqual(asFloat32(book.weights), mine.initial.map(weightRows));
  assert.deepEqual(book.history, out.history, "the notebook's expected values are the run's history");
  assert.deepEqual(book.history, mine.history.history);
  // step 8: the CLI's fresh test points and its test result
  const fresh = nn.playground.testData(mine.setup, (mine.setup.dataSeed ^ 0x27d4eb2d) >>> 0);
  assert.deepEqual(book.data.X_test, rowsOf(fresh.x));
  assert.match(book.code, new RegExp(`^print\\(\\{'loss': ${out.test.loss}, 'tanh_accuracy': ${out.test.tanh_accuracy}\\}\\)$`, 'm'));
  // the article's listings as the code panel writes them
  const listing = nn.codegen.keras(mine.state);
  for (const part of ['LAYER1_NEURONS = 3', 'def tanh_accuracy(y_true, y_pred):', "LOSS = 'mean_squared_error'", 'model.compile(optimizer=OPTIMIZER(learning_rate=LEARNING_RATE),']) {
    assert.ok(listing.includes(part) && book.code.includes(part), part);
  }
  assert.match(book.code, /h = model\.fit\(x=X_train\[order\], y=y_train\[order\], validation_data=\(X_valid, y_valid\),\n\s+batch_size=BATCH_SIZE, initial_epoch=epoch, epochs=epoch \+ 1,\n\s+shuffle=False/);
  assert.match(book.code, /tf\.keras\.optimizers\.legacy\.SGD/);

  // `nnplay notebook` prints the same notebook
  const printed = run('notebook', ...flags);
  assert.equal(printed.status, 0, printed.stderr);
  assert.equal(printed.stdout, text);
});

test("the notebook's recipe (one fit(shuffle=False) per epoch on the rows in the run's order) gives the run's numbers exactly", async () => {
  // a partial last batch (250 rows in 16s), SGD; Adam keeps its slots across the per-epoch fits
  for (const hash of ['#dataset=xor&batchSize=16&networkShape=4,2', '#dataset=circle&optimizer=adam&learningRate=0.01&batchSize=7&networkShape=5']) {
    const r = await playgroundRun(hash, 4);
    const text = nn.notebook(r.state, { weights: r.initial, history: r.history, data: { xTrain: r.data.train.x, yTrain: r.data.train.y, xValid: r.data.valid.x, yValid: r.data.valid.y } });
    const book = readNotebook(text);
    assert.equal(book.orders.length, 4);
    for (const order of book.orders) assert.deepEqual([...order].sort((a, b) => a - b), book.data.X_train.map((_, i) => i), 'each order is a permutation of the rows');
    assert.notDeepEqual(book.orders[0], book.orders[1], 'each epoch has its own order');
    assert.deepEqual(await replayInEngine(nn, r.state, book), r.history.history, hash);
  }
  // and without shuffling: one fit(shuffle=False)
  const r = await playgroundRun('#dataset=spiral&batchSize=9', 3, { shuffle: false });
  const text = nn.notebook(r.state, { weights: r.initial, history: r.history, shuffle: false });
  const book = readNotebook(text);
  validateWithPython(text);
  assert.equal(book.orders, null);
  assert.match(book.code, /hist = model\.fit\(x=X_train, y=y_train, validation_data=\(X_valid, y_valid\),\n\s+batch_size=BATCH_SIZE, epochs=EPOCHS, shuffle=False/);
  assert.deepEqual(await replayInEngine(nn, r.state, book), r.history.history);
});

test("run against a numpy stand-in for tf.keras 2.x (tests/node/fake_keras.py), the notebook's own code gives the run's losses to float32 noise", async () => {
  // the stand-in knows tanh, mean squared error and SGD: the tutorial's kind of setup, with features,
  // a partial last batch, a full batch and no hidden layer
  for (const hash of ['#dataset=gauss&networkShape=3,3&batchSize=15&percTrainData=50', '#dataset=xor&batchSize=16&networkShape=4,2&xSquared=true&xTimesY=true',
    '#dataset=circle&batchFull=true&networkShape=5&learningRate=0.3', '#dataset=spiral&networkShape=&lang=en']) {
    const r = await playgroundRun(hash, 5);
    const text = nn.notebook(r.state, { weights: r.initial, history: r.history });
    const keras = runWithFakeKeras(text);
    assert.equal(keras.relative.length, 5, hash);
    assert.ok(Math.max(...keras.relative) < 1e-5, `${hash}: relative loss differences ${keras.relative}`);
    r.history.history.val_loss.forEach((v, i) => assert.ok(Math.abs(keras.history.val_loss[i] - v) <= 1e-5 * Math.abs(v), `${hash}: val_loss ${i}`));
  }
  // the check can fail: the same notebook with the rows in their stored order instead of the run's
  const r = await playgroundRun('#dataset=gauss&networkShape=3,3&batchSize=15', 5);
  const text = nn.notebook(r.state, { weights: r.initial, history: r.history }).replace('enumerate(EPOCH_ORDERS[:EPOCHS])', 'enumerate([list(range(len(X_train)))] * EPOCHS)');
  assert.ok(Math.max(...runWithFakeKeras(text).relative) > 1e-4, 'another order gives other losses');
});

test('nn.notebook speaks the page language, notes where Keras 3 computes differently, and writes own data, features and every setup as valid notebooks', async () => {
  const texts = [];
  for (const hash of ['#optimizer=rmsprop&lang=en', '#optimizer=adagrad', '#optimizer=nadam&lang=en', '#optimizer=sgd&lang=en',
    '#loss=binary_crossentropy&xSquared=true&sinY=true', '#dataset=gauss3', '#problem=regression&regDataset=reg-gauss&batchFull=true',
    '#networkShape=&regularization=L2&regularizationRate=0.01&initOrigin=true']) {
    const r = await playgroundRun(hash, 2);
    const text = nn.notebook(r.state, { weights: r.initial, history: r.history });
    texts.push([hash, text]);
    const book = readNotebook(text);
    assert.deepEqual(book.history, r.history.history, hash);
    assert.deepEqual(book.data.X_train, rowsOf(r.data.train.x), hash);
    const markdown = book.nb.cells.filter((c) => c.cell_type === 'markdown').map((c) => c.source.join('')).join('\n');
    if (hash.includes('lang=en')) {
      assert.doesNotMatch(markdown + book.code, JAPANESE, `${hash}: English page, English notebook`);
    } else {
      assert.match(markdown, /nnplay の学習をもう一度 tf\.keras で/);
    }
    const keras3 = /^# (Note|注意): .*Keras 3/m.test(book.code);
    assert.equal(keras3, /rmsprop|adagrad|nadam/.test(hash), `${hash}: the Keras 3 note only where Keras 3 computes differently`);
  }
  for (const [hash, text] of texts) assert.ok(validateWithPython(text).cells > 10, hash);
  // RMSprop with momentum: tf.keras 2.x's kernel puts ε inside the root too, so no note
  const withMomentum = await playgroundRun('#optimizer=rmsprop&momentum=0.5', 1);
  assert.doesNotMatch(nn.notebook(withMomentum.state, { weights: withMomentum.initial, history: withMomentum.history }), /^# (Note|注意): /m);
  assert.match(texts[0][1], /Keras 3 puts RMSprop's ε inside the root/);
  assert.match(texts[1][1], /Keras 3 の Adagrad は ε を √ の中に入れる/);

  // own data: the rows come with the call
  const custom = { points: Float32Array.from([1, 1, -1, -1, 2, 1, -2, -1, 1, 2, -1, -2]), classes: Float32Array.from([1, 0, 1, 0, 1, 0]) };
  const state = parse('#dataset=custom&percTrainData=50&batchSize=2&lang=en');
  const setup = nn.playground.setup(state, custom);
  const data = nn.playground.prepareData(setup, custom);
  const model = nn.playground.buildModel(setup);
  const initial = model.getWeights();
  const history = await model.fit(data.train.x, data.train.y, { batchSize: nn.playground.batchRows(setup.fit.batchSize, data.train.x.shape[0]), epochs: 2, validationData: [data.valid.x, data.valid.y], seed: setup.modelSeed });
  const text = nn.notebook(state, { weights: initial, history, custom });
  validateWithPython(text);
  const book = readNotebook(text);
  assert.deepEqual(book.data.X_train, rowsOf(data.train.x));
  assert.deepEqual(book.data.X_test, rowsOf(data.valid.x), 'own data has no generator: step 8 evaluates the validation rows');
  assert.deepEqual(await replayInEngine(nn, state, book), history.history);
  model.dispose();
});

test('nn.notebook refuses what it cannot write, naming the argument', async () => {
  const r = await playgroundRun('#networkShape=3', 1);
  const ok = { weights: r.initial, history: r.history };
  const cases = [
    [{ ...ok, weights: undefined }, /notebook: run\.weights is missing/],
    [{ ...ok, weights: r.initial.slice(1) }, /notebook: run\.weights has shapes .*; this state's model needs \[\[2,3\],\[3\],\[3,1\],\[1\]\]/],
    [{ ...ok, weights: r.initial.map((w, i) => (i === 0 ? { ...w, data: w.data.map(() => NaN) } : w)) }, /notebook: run\.weights\[0\]\.data\[0\] is NaN; only finite numbers/],
    [{ ...ok, history: { loss: [1] } }, /notebook: history must be \{epoch: number\[\], history/],
    [{ ...ok, lang: 'fr' }, /notebook: run\.lang must be one of ja, en, got "fr"/],
    [{ ...ok, shufle: false }, /notebook: unknown .*'shufle' \(did you mean 'shuffle'\?\)/],
    [{ ...ok, data: { xTrain: r.data.train.x } }, /notebook: run\.data\.yTrain must be \{data: Float32Array/],
  ];
  for (const [args, message] of cases) assert.throws(() => nn.notebook(r.state, args), message);
  assert.throws(() => nn.notebook({ ...r.state, optimizer: 'lbfgs' }, ok), /notebook: state\.optimizer is "lbfgs"/);
  const custom = parse('#dataset=custom&networkShape=3');
  assert.throws(() => nn.notebook(custom, ok), /own data \(dataset=custom\): give run\.data or run\.custom/);
});

test('nnplay notebook: bad flags and unwritable files are refused before training', () => {
  const r = run('train', '--epochs', '2', '--notebook', join(dir, 'no-such-dir', 'x.ipynb'));
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--notebook/);
  const lang = run('notebook', '--lang', 'fr');
  assert.equal(lang.status, 2);
  assert.match(lang.stderr, /--lang "fr" is not allowed: .*ja.*en/);
});

test("generated code speaks the page's language and today's Keras, and can carry the trained weights", async () => {
  const en = nn.codegen.keras(parse('#lang=en&optimizer=adam&loss=binary_crossentropy&xSquared=true'));
  assert.doesNotMatch(en, JAPANESE);
  assert.match(en, /^LOSS = 'binary_crossentropy' +# Loss function: binary cross entropy$/m);
  assert.match(en, /# Hidden layer 1/);
  const ja = nn.codegen.keras(parse('#optimizer=adam'));
  assert.match(ja, /# 隠れ層:1つ目のレイヤー/);
  assert.equal(nn.codegen.keras(parse('#optimizer=adam'), undefined, { lang: 'en' }).match(JAPANESE), null, 'options.lang overrides the state');
  // the lr= note: ignored with a warning in TF 2.11-2.15, an error in Keras 3
  assert.match(en, /lr= was a deprecated alias up to TF 2\.10; TF 2\.11-2\.15's\n# +new optimizers log a warning and ignore it \(training at the default rate\); Keras 3 \(TF 2\.16\+\) raises an\n# +error/);
  assert.match(ja, /TF 2\.11〜2\.15 の\n# +新しいオプティマイザーでは警告のうえ無視され（既定の学習率で学習する）、Keras 3（TF 2\.16 以降）では\n# +エラーになる/);
  assert.doesNotMatch(en + ja, /\blr=[A-Z0-9]/, 'the code itself never passes lr=');

  // trained weights: set_weights with the float32 values exactly
  const r = await playgroundRun('#networkShape=4,2', 3);
  const setup = nn.playground.setup(r.state);
  const model = nn.playground.buildModel(setup);
  await model.fit(r.data.train.x, r.data.train.y, { batchSize: 10, epochs: 3 });
  const trained = model.getWeights();
  const code = nn.codegen.keras(r.state, undefined, { weights: trained });
  const lines = code.slice(code.indexOf('model.set_weights([')).split('\n');
  const written = lines.filter((l) => l.startsWith('  np.array(')).map((l) => JSON.parse(l.match(/^ {2}np\.array\((.*), dtype=np\.float32\),$/)[1]));
  assert.deepEqual(asFloat32(written), trained.map(weightRows));
  assert.ok(code.indexOf('model.set_weights([') > code.indexOf('model.compile(') && code.indexOf('model.set_weights([') < code.indexOf('hist = model.fit('));
  assert.throws(() => nn.codegen.keras(r.state, undefined, { weights: trained.slice(2) }), /codegen\.keras: options\.weights has shapes/);
  // every float32 reads back exactly: -0, the smallest subnormal, the largest float, thirds
  const edge = [-0, 1.401298464324817e-45, 3.4028234663852886e38, -1.1754943508222875e-38, Math.fround(1 / 3), Math.fround(-0.1), 1e-7, 123456.789];
  const odd = trained.map((w, i) => ({ shape: w.shape, data: Float32Array.from(w.data, (_, j) => edge[(i + j) % edge.length]) }));
  const oddCode = nn.codegen.keras(r.state, undefined, { weights: odd });
  const read = oddCode.slice(oddCode.indexOf('model.set_weights([')).split('\n').filter((l) => l.startsWith('  np.array(')).map((l) => asFloat32(JSON.parse(l.match(/^ {2}np\.array\((.*), dtype=np\.float32\),$/)[1])).flat());
  read.forEach((values, i) => values.forEach((v, j) => assert.ok(Object.is(v, odd[i].data[j]), `weight ${i}[${j}]: ${v} for ${odd[i].data[j]}`)));
  assert.throws(() => nn.codegen.keras(r.state, undefined, { langage: 'en' }), /codegen\.keras: unknown option 'langage'/);

  // the CLI: --lang and --with-weights (a weights JSON as --weights-json writes it)
  const file = join(dir, 'w.json');
  writeFileSync(file, nn.exports.weightsJson(trained));
  const cliCode = run('code', '--state', nn.state.serialize(r.state), '--lang', 'en', '--with-weights', file);
  assert.equal(cliCode.status, 0, cliCode.stderr);
  assert.equal(cliCode.stdout, nn.codegen.keras({ ...r.state, lang: 'en' }, undefined, { weights: trained }));
  writeFileSync(file, '[{"shape": [2, 3], "data": [1, 2, 3, 4, 5, 6]}]');
  const bad = run('code', '--state', nn.state.serialize(r.state), '--with-weights', file);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--with-weights: ".*w\.json" has shapes \[\[2,3\]\]; this state's model needs \[\[2,4\],\[4\],\[4,2\],\[2\],\[2,1\],\[1\]\]/);
  // it compiles (ast), as a one-cell notebook
  validateWithPython(JSON.stringify({ cells: [{ cell_type: 'code', execution_count: null, id: 'code', metadata: {}, outputs: [], source: [code] }], metadata: {}, nbformat: 4, nbformat_minor: 5 }));
  model.dispose();
});
