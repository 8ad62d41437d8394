// tf.keras code for a playground state, in the style of the article's listings 5-1 … 5-6
// (constants LOSS, OPTIMIZER, LEARNING_RATE, BATCH_SIZE, EPOCHS; Sequential of Dense;
// tanh_accuracy; compile; fit with validation_data; data from plygdata). The page's code
// panel, nn.codegen.keras(state) and `nnplay code` all print this; the notebook (notebook.ts)
// takes its listings from kerasListings(). Comments are in the state's language (ja / en).
import { customClassCount, optimizerOptions, plan } from './playground.js';
import { pyFloat32, pyWeights, type WeightLike } from './pyLiterals.js';
import { type DatasetEntry, findDataset, findFeature, findLoss, findOptimizer } from './registry.js';
import type { PlaygroundState } from './state.js';

export type CodeLang = 'ja' | 'en';

export interface KerasOptions {
  lang?: CodeLang;         // the comments' language; default: the state's (the page's) language
  weights?: WeightLike[];  // trained weights: the code sets them (set_weights) and predicts as the page does
}

// The code in the article's parts; keras() joins them, the notebook puts them in cells.
export interface KerasListings {
  imports: string[];
  data: string[];     // steps 1-3: plygdata (or nnplay's CSV), features, labels
  model: string[];    // step 4: listing 5-4
  metric: string[];   // listing 5-5 (tanh outputs only)
  compile: string[];  // listings 5-1, 5-2, 5-3, 5-6
  weights: string[];  // set_weights with the trained weights (options.weights)
  fit: string[];      // step 6
}


// The datasets' names in the English comments (the Japanese ones are the registry's, the article's).
const DATASET_EN: Record<string, string> = {
  circle: 'circle', xor: 'XOR', gauss: 'two Gaussians', spiral: 'spiral', 'reg-plane': 'plane', 'reg-gauss': 'multi Gaussian',
};

// Every comment, in both languages (the Japanese is the article's wording).
const TEXT = {
  ja: {
    header: '# nnplay が書き出した tf.keras のコード（TensorFlow 2.x。記事のリスト5-1〜5-6 の書き方）',
    importTf: '# ライブラリ「TensorFlow」のtensorflowパッケージを「tf」という別名でインポート',
    dataConstants: '# 定数(データ準備時に必要となるもの)',
    dataFile: 'nnplay の［データを CSV で］で保存したファイル（plygdata にないデータのため）',
    ratio: (p: number) => `データの何％を訓練【Training】用に？ (残りは精度検証【Validation】用) ： ${p}％`,
    noise: (p: number) => `ノイズ： ${p}％`,
    dataset: (d: DatasetEntry) => `問題種別: 「${d.problem === 'regression' ? '回帰' : '分類'}」、データ種別: 「${d.ja}」`,
    readSplit: '# データ読み込み（列: x, y, label）と分割',
    generate: '# データ生成',
    split: '# データ分割',
    features: (names: string) => `# 入力の特徴: ${names}`,
    zeroOne: '# 2値の交差エントロピーには 0 / 1 の正解ラベル（-1 / 1 を変換する）',
    oneHot: '# 多クラスの交差エントロピーには one-hot の正解ラベル',
    modelConstants: '# 定数(モデル定義時に必要となる数値)',
    inputs: (n: number) => `入力(特徴)の数: ${n}`,
    neurons: (n: number) => `ニューロンの数: ${n}`,
    outputs: (n: number) => `出力結果の数: ${n}`,
    activation: (a: string) => `活性化関数(ここを書き換える): ${a}関数`,
    regularizer: (kind: string, rate: number) => `正則化: ${kind}、正則化率: ${rate}`,
    regularizerArg: '正則化',
    initKernel: '重みの初期値(元の Playground)',
    initBias: 'バイアスの初期値(元の Playground)',
    sequential: '# 積層型のモデルの定義',
    hidden: (i: number) => `隠れ層:${i}つ目のレイヤー`,
    output: '出力層',
    inputShape: '入力の形状(=入力層)',
    units: 'ユニットの数',
    activationArg: '活性化関数',
    outputActivation: (a: string) => `活性化関数(${a}固定)`,
    metricTitle: '# 正解率(精度)のカスタム指標（出力が -1.0〜1.0 の tanh のため）',
    metric: [
      'def tanh_accuracy(y_true, y_pred):           # y_trueは正解、y_predは予測(出力)',
      '  threshold = K.cast(0.0, y_pred.dtype)              # -1か1かを分ける閾値を作成',
      '  y_pred = K.cast(y_pred >= threshold, y_pred.dtype) # 閾値未満で0、以上で1に変換',
      '  # 2倍して-1.0することで、0/1を-1.0/1.0にスケール変換して正解率を計算',
      '  return K.mean(K.equal(y_true, y_pred * 2 - 1.0), axis=-1)',
    ],
    compileConstants: '# 定数(学習方法設計時に必要となるもの)',
    loss: (name: string) => `損失関数: ${name}`,
    optimizer: (name: string) => `最適化: ${name}`,
    learningRate: (lr: number) => `学習率: ${lr}`,
    compile: '# モデルを生成する',
    // The note on lr= (docs/KERAS_SEMANTICS.md §1.9)
    lrNote: [
      '# （記事の lr= ではなく learning_rate= と書く。lr= は TF 2.10 までは非推奨の別名、TF 2.11〜2.15 の',
      '#   新しいオプティマイザーでは警告のうえ無視され（既定の学習率で学習する）、Keras 3（TF 2.16 以降）では',
      '#   エラーになる。TF 2.11〜2.15 で tf.keras 2.x と同じ計算にするには tf.keras.optimizers.legacy の',
      '#   同名クラスを使う。Keras 3 では Adagrad・RMSprop・Nadam の計算式が違う）',
    ],
    accuracy: '精度(正解率)',
    weights: '# 学習済みの重み（nnplay の画面の値）: この後 model.predict(...) は画面と同じ予測をする',
    weightsFit: '# （下の fit は、この重みから学習を続ける）',
    kernel: (i: number, shape: number[]) => `${i}層目の重み ${shape.join('×')}`,
    bias: (i: number, shape: number[]) => `${i}層目のバイアス ${shape.join('×')}`,
    fitConstants: '# 定数(ミニバッチ学習時に必要となるもの)',
    batch: (b: number | 'all') => (b === 'all' ? 'バッチサイズ: 全部' : `バッチサイズ: ${b}`),
    epochs: (n: number) => `エポック数: ${n}`,
    earlyStopping: '# 早期終了（val_loss が patience エポック改善しなければ止める）',
    train: '# 学習する',
    fitArgs: ['訓練用データ', '訓練用ラベル', '精度検証用', 'バッチサイズ', 'エポック数', '早期終了', '実行状況表示', '並べ替えない'],
  },
  en: {
    header: "# tf.keras code written by nnplay (TensorFlow 2.x, in the style of the article's listings 5-1 to 5-6)",
    importTf: "# Import TensorFlow's tensorflow package under the name tf",
    dataConstants: '# Constants (for preparing the data)',
    dataFile: "the file nnplay saved with 'the data as CSV' (plygdata cannot generate this data)",
    ratio: (p: number) => `Share of the data for training (the rest validates): ${p}%`,
    noise: (p: number) => `Noise: ${p}%`,
    dataset: (d: DatasetEntry) => `Problem: ${d.problem}, data: ${DATASET_EN[d.name] ?? d.name}`,
    readSplit: '# Read the data (columns: x, y, label) and split it',
    generate: '# Generate the data',
    split: '# Split the data',
    features: (names: string) => `# Input features: ${names}`,
    zeroOne: '# Binary cross entropy needs 0 / 1 labels (converted from -1 / 1)',
    oneHot: '# Categorical cross entropy needs one-hot labels',
    modelConstants: '# Constants (for defining the model)',
    inputs: (n: number) => `Number of inputs (features): ${n}`,
    neurons: (n: number) => `Number of neurons: ${n}`,
    outputs: (n: number) => `Number of outputs: ${n}`,
    activation: (a: string) => `Activation function (change it here): ${a}`,
    regularizer: (kind: string, rate: number) => `Regularization: ${kind}, rate: ${rate}`,
    regularizerArg: 'regularization',
    initKernel: "initial weights (the original Playground's)",
    initBias: "initial biases (the original Playground's)",
    sequential: '# Define a stacked (Sequential) model',
    hidden: (i: number) => `Hidden layer ${i}`,
    output: 'Output layer',
    inputShape: 'input shape (= the input layer)',
    units: 'number of units',
    activationArg: 'activation function',
    outputActivation: (a: string) => `activation function (always ${a})`,
    metricTitle: '# A custom accuracy metric (the tanh output lies in -1.0 to 1.0)',
    metric: [
      'def tanh_accuracy(y_true, y_pred):           # y_true: the labels, y_pred: the predictions (outputs)',
      '  threshold = K.cast(0.0, y_pred.dtype)              # the threshold between -1 and 1',
      '  y_pred = K.cast(y_pred >= threshold, y_pred.dtype) # 0 below the threshold, 1 at or above it',
      '  # times 2 minus 1.0 scales 0/1 to -1.0/1.0; then the share of correct predictions',
      '  return K.mean(K.equal(y_true, y_pred * 2 - 1.0), axis=-1)',
    ],
    compileConstants: '# Constants (for designing how the model learns)',
    loss: (name: string) => `Loss function: ${name}`,
    optimizer: (name: string) => `Optimizer: ${name}`,
    learningRate: (lr: number) => `Learning rate: ${lr}`,
    compile: '# Compile the model',
    lrNote: [
      "# (Written learning_rate=, not the article's lr=: lr= was a deprecated alias up to TF 2.10; TF 2.11-2.15's",
      '#   new optimizers log a warning and ignore it (training at the default rate); Keras 3 (TF 2.16+) raises an',
      "#   error. For tf.keras 2.x's numbers in TF 2.11-2.15, use the class of the same name in",
      '#   tf.keras.optimizers.legacy. Keras 3 computes Adagrad, RMSprop and Nadam differently.)',
    ],
    accuracy: 'accuracy',
    weights: "# The trained weights (the page's values): model.predict(...) now predicts what the page shows",
    weightsFit: '# (the fit below trains on from these weights)',
    kernel: (i: number, shape: number[]) => `layer ${i} kernel ${shape.join('x')}`,
    bias: (i: number, shape: number[]) => `layer ${i} bias ${shape.join('x')}`,
    fitConstants: '# Constants (for mini-batch training)',
    batch: (b: number | 'all') => (b === 'all' ? 'Batch size: all' : `Batch size: ${b}`),
    epochs: (n: number) => `Epochs: ${n}`,
    earlyStopping: '# Early stopping (stop when val_loss has not improved for patience epochs)',
    train: '# Train',
    fitArgs: ['training data', 'training labels', 'for validation', 'batch size', 'epochs', 'early stopping', 'show progress', 'do not shuffle'],
  },
};

const LOSS_EN: Record<string, string> = {
  mean_squared_error: 'mean squared error', mean_absolute_error: 'mean absolute error',
  binary_crossentropy: 'binary cross entropy', categorical_crossentropy: 'categorical cross entropy',
};

// A Python number literal.
function py(v: number): string {
  if (Number.isInteger(v)) return `${v}.0`.replace(/^(-?\d+)\.0$/, '$1.0');
  return String(v);
}

// Lines aligned at their '#' comments, as the article's listings are.
function aligned(rows: [string, string][]): string[] {
  const width = Math.max(...rows.map(([code]) => code.length));
  return rows.map(([code, comment]) => (comment ? `${code.padEnd(width)}  # ${comment}` : code));
}

export function codeLang(state: PlaygroundState, options: KerasOptions = {}): CodeLang {
  return options.lang ?? (state.lang === 'en' ? 'en' : 'ja');
}

// `custom`: own data (dataset=custom), whose class count decides the output layer.
export function kerasListings(state: PlaygroundState, custom?: { classes: ArrayLike<number> }, options: KerasOptions = {}): KerasListings {
  const T = TEXT[codeLang(state, options)];
  const en = codeLang(state, options) === 'en';
  const model = plan(state, customClassCount(custom));  // the same rule the page and the CLI train with
  const { dataset, classes, features, outputActivation, outputUnits, fit: fitPlan } = model;  // fitPlan: the RunPlan's fit settings
  const generated = findDataset(dataset);
  const fromFile = !generated?.plygdata;  // data plygdata cannot generate (gauss3, own data): read nnplay's CSV
  const softmax = model.labels === 'one-hot';
  const sigmoid = model.labels === 'zero-one';
  const onlyXY = features.length === 2 && features[0] === 'x' && features[1] === 'y';
  const optimizer = findOptimizer(state.optimizer)!;
  const loss = findLoss(model.loss)!;

  const imports = [T.header, T.importTf, 'import tensorflow as tf', 'import tensorflow.keras.backend as K', 'import numpy as np'];
  if (!fromFile) imports.push('import plygdata as pg  # pip install playground-data');

  // (1)-(3) data
  const data: string[] = [T.dataConstants];
  const ratio: [string, string] = [`TRAINING_DATA_RATIO = ${py(model.trainingRatio)}`, T.ratio(state.percTrainData)];
  if (fromFile) {
    data.push(...aligned([[`DATA_FILE = 'nnplay-data.csv'`, T.dataFile], ratio]));
  } else {
    data.push(...aligned([
      [`PROBLEM_DATA_TYPE = pg.DatasetType.${generated!.plygdata}`, T.dataset(generated!)],
      ratio,
      [`DATA_NOISE = ${py(model.noise)}`, T.noise(state.noise)],
    ]));
  }
  data.push('');
  if (fromFile) {
    data.push(T.readSplit,
      "data_array = np.loadtxt(DATA_FILE, delimiter=',', skiprows=1)",
      'np.random.shuffle(data_array)',
      'split = int(round(len(data_array) * TRAINING_DATA_RATIO))',
      'X_train, y_train = data_array[:split, :2], data_array[:split, 2:]',
      'X_valid, y_valid = data_array[split:, :2], data_array[split:, 2:]');
  } else {
    data.push(T.generate,
      'data_list = pg.generate_data(PROBLEM_DATA_TYPE, DATA_NOISE)',
      T.split,
      'X_train, y_train, X_valid, y_valid = pg.split_data(data_list, training_size=TRAINING_DATA_RATIO)');
  }
  if (!onlyXY) {
    data.push('', T.features(features.map((f) => findFeature(f)!.text).join(', ')),
      'def make_features(X):',
      '  x1, x2 = X[:, 0], X[:, 1]',
      `  return np.stack([${features.map((f) => findFeature(f)!.code).join(', ')}], axis=1)`,
      'X_train, X_valid = make_features(X_train), make_features(X_valid)');
  }
  if (sigmoid) {
    data.push('', T.zeroOne, 'y_train, y_valid = (y_train + 1) / 2, (y_valid + 1) / 2');
  } else if (softmax) {
    data.push('', T.oneHot);
    if (classes === 3) data.push(`y_train, y_valid = tf.keras.utils.to_categorical(y_train, ${classes}), tf.keras.utils.to_categorical(y_valid, ${classes})`);
    else data.push(`y_train, y_valid = tf.keras.utils.to_categorical((y_train + 1) / 2, ${classes}), tf.keras.utils.to_categorical((y_valid + 1) / 2, ${classes})`);
  }

  // (4) model: listing 5-4
  const layers: string[] = [T.modelConstants];
  const layerConstants: [string, string][] = [[`INPUT_FEATURES = ${features.length}`, T.inputs(features.length)]];
  state.networkShape.forEach((n, i) => layerConstants.push([`LAYER${i + 1}_NEURONS = ${n}`, T.neurons(n)]));
  layerConstants.push([`OUTPUT_RESULTS = ${outputUnits}`, T.outputs(outputUnits)]);
  layerConstants.push([`ACTIVATION = '${state.activation}'`, T.activation(state.activation)]);
  if (state.regularization !== 'none') {
    const kind = state.regularization.toLowerCase();
    layerConstants.push([`REGULARIZER = tf.keras.regularizers.${kind}(${py(state.regularizationRate)})`, T.regularizer(state.regularization, state.regularizationRate)]);
  }
  layers.push(...aligned(layerConstants), '');
  const extras: [string, string][] = [];
  if (state.regularization !== 'none') extras.push(['kernel_regularizer=REGULARIZER,', T.regularizerArg]);
  if (state.initOrigin) {
    extras.push(['kernel_initializer=tf.keras.initializers.RandomUniform(-0.5, 0.5),', T.initKernel]);
    extras.push(['bias_initializer=tf.keras.initializers.Constant(0.1),', T.initBias]);
  }
  const dense = (comment: string, args: [string, string][]) => {
    layers.push(`  # ${comment}`, '  tf.keras.layers.Dense(');
    const rows = [...args.slice(0, -1), ...extras, args[args.length - 1]];
    const width = Math.max(...rows.map(([c]) => c.length)) + 4;
    rows.forEach(([code, c], i) => layers.push(`    ${code}${i === rows.length - 1 ? '),' : ''}`.padEnd(width + 2) + `  # ${c}`));
    layers.push('');
  };
  layers.push(T.sequential, 'model = tf.keras.models.Sequential([', '');
  state.networkShape.forEach((_, i) => {
    const args: [string, string][] = [];
    if (i === 0) args.push(['input_shape=(INPUT_FEATURES,),', T.inputShape]);
    args.push([`units=LAYER${i + 1}_NEURONS,`, T.units]);
    args.push(['activation=ACTIVATION', T.activationArg]);
    dense(T.hidden(i + 1), args);
  });
  const outputArgs: [string, string][] = [];
  if (state.networkShape.length === 0) outputArgs.push(['input_shape=(INPUT_FEATURES,),', T.inputShape]);
  outputArgs.push(['units=OUTPUT_RESULTS,', T.units]);
  outputArgs.push([`activation='${outputActivation}'`, T.outputActivation(outputActivation)]);
  dense(T.output, outputArgs);
  layers.push('])');

  // listing 5-5: the plan's metric (tanh_accuracy is written out, as in the article)
  let metricName = model.metrics[0] ? `'${model.metrics[0]}'` : '';
  const metric: string[] = [];
  if (model.metrics[0] === 'tanh_accuracy') {
    metric.push(T.metricTitle, ...T.metric);
    metricName = 'tanh_accuracy';
  }

  // listings 5-1, 5-2, 5-3 and 5-6
  const hyper = Object.entries(optimizerOptions(state)).filter(([k]) => k !== 'learningRate');
  const extraArgs = hyper.map(([k, v]) => `, ${optimizer.options.find((o) => o.camel === k)!.name}=${py(v)}`).join('');
  const compile = [T.compileConstants, ...aligned([
    [`LOSS = '${loss.name}'`, T.loss(en ? LOSS_EN[loss.name] : loss.ja)],
    [`OPTIMIZER = tf.keras.optimizers.${optimizer.className}`, T.optimizer(en ? optimizer.className : optimizer.ja)],
    [`LEARNING_RATE = ${py(state.learningRate)}`, T.learningRate(state.learningRate)],
  ]), ''];
  compile.push(T.compile, ...T.lrNote);
  compile.push(`model.compile(optimizer=OPTIMIZER(learning_rate=LEARNING_RATE${extraArgs}),`);
  compile.push(`              loss=LOSS${metricName ? ',' : ')'}`);
  if (metricName) compile.push(`              metrics=[${metricName}])  # ${T.accuracy}`);

  // the trained weights, when asked for
  const weights: string[] = [];
  if (options.weights) {
    weights.push(T.weights, T.weightsFit, ...setWeightsLines(options.weights, T.kernel, T.bias));
  }

  // (6) fit
  const fit = [T.fitConstants, ...aligned([
    [fitPlan.batchSize === 'all' ? 'BATCH_SIZE = len(X_train)' : `BATCH_SIZE = ${fitPlan.batchSize}`, T.batch(fitPlan.batchSize)],
    [`EPOCHS = ${fitPlan.epochs}`, T.epochs(fitPlan.epochs)],
  ]), ''];
  if (fitPlan.patience !== null) {
    fit.push(T.earlyStopping, `early_stopping = tf.keras.callbacks.EarlyStopping(monitor='${fitPlan.monitor}', patience=${fitPlan.patience})`, '');
  }
  const [aX, aY, aV, aB, aE, aS, aP, aN] = T.fitArgs;
  fit.push(T.train,
    `hist = model.fit(x=X_train,                          # ${aX}`,
    `                 y=y_train,                          # ${aY}`,
    `                 validation_data=(X_valid, y_valid), # ${aV}`,
    `                 batch_size=BATCH_SIZE,              # ${aB}`,
    `                 epochs=EPOCHS,                      # ${aE}`);
  if (!fitPlan.shuffle) fit.push(`                 shuffle=False,                      # ${aN}`);
  if (fitPlan.patience !== null) fit.push(`                 callbacks=[early_stopping],         # ${aS}`);
  fit.push(`                 verbose=1)                          # ${aP}`);
  return { imports, data, model: layers, metric, compile, weights, fit };
}

// The comments naming each weight array, in a language.
export function weightLabels(lang: CodeLang): [(i: number, s: number[]) => string, (i: number, s: number[]) => string] {
  return [TEXT[lang].kernel, TEXT[lang].bias];
}

// model.set_weights([...]) with one commented np.array per kernel and bias, float32-exact.
export function setWeightsLines(weights: WeightLike[], kernel: (i: number, s: number[]) => string, bias: (i: number, s: number[]) => string, name = 'model.set_weights'): string[] {
  const lines = [`${name}([`];
  weights.forEach((w, i) => {
    const layer = Math.floor(i / 2) + 1;
    lines.push(`  # ${w.shape.length === 2 ? kernel(layer, w.shape) : bias(layer, w.shape)}`);
    lines.push(`  ${pyWeights(w)},`);
  });
  lines.push('])');
  return lines;
}

export function keras(state: PlaygroundState, custom?: { classes: ArrayLike<number> }, options: KerasOptions = {}): string {
  const l = kerasListings(state, custom, options);
  const parts = [l.imports, l.data, l.model, l.metric, l.compile, l.weights, l.fit].filter((p) => p.length > 0);
  return parts.map((p) => p.join('\n')).join('\n\n') + '\n';
}

export { pyFloat32 };
