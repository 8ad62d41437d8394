// The tf.keras code generator: valid Python for every optimizer, loss, activation and
// regularizer, with the state's numbers and names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nn } from './helpers.mjs';

const dir = mkdtempSync(join(tmpdir(), 'nnplay-codegen-'));
let count = 0;
// py_compile on every listing of a test, in one python3 (a start per listing cost most of this
// file's time); a listing that does not compile is named with its code.
const PY_COMPILE_EACH = 'import py_compile, sys\nfor i, f in enumerate(sys.argv[1:]):\n'
  + '    try: py_compile.compile(f, doraise=True)\n    except py_compile.PyCompileError as e: print(i, e.msg, file=sys.stderr); sys.exit(1)';
function compiles(codes) {
  const files = codes.map((code) => {
    const file = join(dir, `gen${count++}.py`);
    writeFileSync(file, code);
    return file;
  });
  const r = spawnSync('python3', ['-c', PY_COMPILE_EACH, ...files], { encoding: 'utf8' });
  assert.equal(r.status, 0, `${r.stderr}\n${codes[Number.parseInt(r.stderr, 10)] ?? ''}`);
}
const state = (hash) => nn.state.parse(hash, '1').state;

test('the tutorial\'s setup gives the article\'s listings', () => {
  const code = nn.codegen.keras(state('#dataset=gauss&networkShape=3,3&activation=tanh&loss=mse&optimizer=sgd&learningRate=0.03&batchSize=15&maxEpochs=100&percTrainData=50&noise=0'));
  compiles([code]);
  assert.match(code, /^PROBLEM_DATA_TYPE = pg\.DatasetType\.ClassifyTwoGaussData +# 問題種別: 「分類」/m);
  assert.match(code, /^TRAINING_DATA_RATIO = 0\.5 /m);
  assert.match(code, /^DATA_NOISE = 0\.0 /m);
  assert.match(code, /^INPUT_FEATURES = 2 /m);
  assert.match(code, /^LAYER1_NEURONS = 3 /m);
  assert.match(code, /^LAYER2_NEURONS = 3 /m);
  assert.match(code, /^OUTPUT_RESULTS = 1 /m);
  assert.match(code, /^ACTIVATION = 'tanh' /m);
  assert.match(code, /^LOSS = 'mean_squared_error' +# 損失関数: 平均二乗誤差$/m);
  assert.match(code, /^OPTIMIZER = tf\.keras\.optimizers\.SGD +# 最適化: 確率的勾配降下法$/m);
  assert.match(code, /^LEARNING_RATE = 0\.03 /m);
  assert.match(code, /^BATCH_SIZE = 15 /m);
  assert.match(code, /^EPOCHS = 100 /m);
  assert.match(code, /def tanh_accuracy\(y_true, y_pred\):/);
  assert.match(code, /metrics=\[tanh_accuracy\]\)/);
  assert.match(code, /model\.compile\(optimizer=OPTIMIZER\(learning_rate=LEARNING_RATE\),/);
  assert.match(code, /validation_data=\(X_valid, y_valid\)/);
  assert.equal((code.match(/tf\.keras\.layers\.Dense\(/g) ?? []).length, 3);
});

test('every optimizer, loss, activation and regularizer gives valid Python with its names', () => {
  const listings = [];
  const classes = { sgd: 'SGD', adagrad: 'Adagrad', rmsprop: 'RMSprop', adadelta: 'Adadelta', adam: 'Adam', adamax: 'Adamax', nadam: 'Nadam' };
  for (const [optimizer, className] of Object.entries(classes)) {
    const code = nn.codegen.keras(state(`#optimizer=${optimizer}&learningRate=0.003`));
    listings.push(code);
    assert.match(code, new RegExp(`^OPTIMIZER = tf\\.keras\\.optimizers\\.${className} `, 'm'));
    assert.match(code, /^LEARNING_RATE = 0\.003 /m);
  }
  const losses = { mse: 'mean_squared_error', mae: 'mean_absolute_error', binary_crossentropy: 'binary_crossentropy', categorical_crossentropy: 'categorical_crossentropy' };
  for (const [loss, keras] of Object.entries(losses)) {
    const code = nn.codegen.keras(state(`#loss=${loss}`));
    listings.push(code);
    assert.match(code, new RegExp(`^LOSS = '${keras}' `, 'm'));
  }
  assert.match(nn.codegen.keras(state('#loss=binary_crossentropy')), /activation='sigmoid'[\s\S]*metrics=\['binary_accuracy'\]/);
  assert.match(nn.codegen.keras(state('#loss=categorical_crossentropy')), /to_categorical[\s\S]*activation='softmax'/);
  for (const activation of ['linear', 'sigmoid', 'tanh', 'relu', 'elu', 'selu', 'softplus', 'softsign']) {
    const code = nn.codegen.keras(state(`#activation=${activation}`));
    listings.push(code);
    assert.match(code, new RegExp(`^ACTIVATION = '${activation}' `, 'm'));
  }
  for (const [reg, fn] of [['L1', 'l1'], ['L2', 'l2']]) {
    const code = nn.codegen.keras(state(`#regularization=${reg}&regularizationRate=0.03`));
    listings.push(code);
    assert.match(code, new RegExp(`^REGULARIZER = tf\\.keras\\.regularizers\\.${fn}\\(0\\.03\\) `, 'm'));
    assert.equal((code.match(/kernel_regularizer=REGULARIZER/g) ?? []).length, 3);
  }
  compiles(listings);
});

test('the rest of the state: features, regression, three classes, no hidden layer, batch all, early stopping, init, hyper-parameters', () => {
  const listings = [];
  const cases = [
    ['#x=true&y=true&xSquared=true&sinY=true', /np\.stack\(\[x1, x2, x1 \*\* 2, np\.sin\(x2\)\], axis=1\)/],
    ['#problem=regression&regDataset=reg-gauss&loss=mae', /DatasetType\.RegressGaussian[\s\S]*activation='linear'/],
    ['#dataset=gauss3', /np\.loadtxt\(DATA_FILE[\s\S]*OUTPUT_RESULTS = 3/],
    ['#networkShape=', /input_shape=\(INPUT_FEATURES,\),[\s\S]*units=OUTPUT_RESULTS/],
    ['#batchFull=true', /^BATCH_SIZE = len\(X_train\) /m],
    ['#patience=2', /EarlyStopping\(monitor='val_loss', patience=2\)[\s\S]*callbacks=\[early_stopping\]/],
    ['#initOrigin=true', /RandomUniform\(-0\.5, 0\.5\)[\s\S]*Constant\(0\.1\)/],
    ['#optimizer=adam&beta1=0.8', /OPTIMIZER\(learning_rate=LEARNING_RATE, beta_1=0\.8\)/],
    ['#optimizer=sgd&momentum=0.9', /OPTIMIZER\(learning_rate=LEARNING_RATE, momentum=0\.9\)/],
    ['#noise=25&percTrainData=70', /^TRAINING_DATA_RATIO = 0\.7 [\s\S]*^DATA_NOISE = 0\.25 /m],
  ];
  for (const [hash, pattern] of cases) {
    const code = nn.codegen.keras(state(hash));
    listings.push(code);
    assert.match(code, pattern, hash);
  }
  assert.doesNotMatch(nn.codegen.keras(state('#problem=regression')), /tanh_accuracy/);
  compiles(listings);
});

test('English pages get English comments: valid Python, the same code, no Japanese', () => {
  const listings = [];
  for (const hash of ['#optimizer=adagrad', '#optimizer=nadam&beta1=0.8', '#loss=binary_crossentropy&sinX=true', '#dataset=gauss3&patience=3',
    '#problem=regression&regDataset=reg-gauss&loss=mae', '#regularization=L1&regularizationRate=0.01&initOrigin=true&batchFull=true', '#networkShape=']) {
    const en = nn.codegen.keras(state(`${hash}&lang=en`));
    const ja = nn.codegen.keras(state(hash));
    listings.push(en);
    assert.doesNotMatch(en, /[\u3040-\u30ff\u4e00-\u9fff]/, hash);
    const code = (text) => text.split('\n').map((l) => l.replace(/\s*#.*$/, '')).filter(Boolean);
    assert.deepEqual(code(en), code(ja), `${hash}: only the comments differ`);
  }
  compiles(listings);
});
