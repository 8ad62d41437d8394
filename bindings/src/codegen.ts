// tf.keras code for a playground state, in the style of the article's listings 5-1 … 5-6
// (constants LOSS, OPTIMIZER, LEARNING_RATE, BATCH_SIZE, EPOCHS; Sequential of Dense;
// tanh_accuracy; compile; fit with validation_data; data from plygdata). The page's code
// panel, nn.codegen.keras(state) and `nnplay code` all print this.
import { customClassCount, optimizerOptions, plan } from './playground.js';
import { findDataset, findFeature, findLoss, findOptimizer } from './registry.js';
import type { PlaygroundState } from './state.js';

const PROBLEM_JA = { classification: '分類', regression: '回帰' } as const;

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

// `custom`: own data (dataset=custom), whose class count decides the output layer.
export function keras(state: PlaygroundState, custom?: { classes: ArrayLike<number> }): string {
  const model = plan(state, customClassCount(custom));  // the same rule the page and the CLI train with
  const { dataset, classes, features, outputActivation, outputUnits, fit } = model;
  const generated = findDataset(dataset);
  const fromFile = !generated?.plygdata;  // data plygdata cannot generate (gauss3, own data): read nnplay's CSV
  const softmax = model.labels === 'one-hot';
  const sigmoid = model.labels === 'zero-one';
  const onlyXY = features.length === 2 && features[0] === 'x' && features[1] === 'y';
  const optimizer = findOptimizer(state.optimizer)!;
  const loss = findLoss(model.loss)!;
  const out: string[] = [];
  const line = (s = '') => out.push(s);

  line('# nnplay が書き出した tf.keras のコード（TensorFlow 2.x。記事のリスト5-1〜5-6 の書き方）');
  line('# ライブラリ「TensorFlow」のtensorflowパッケージを「tf」という別名でインポート');
  line('import tensorflow as tf');
  line('import tensorflow.keras.backend as K');
  line('import numpy as np');
  if (!fromFile) line('import plygdata as pg  # pip install playground-data');
  line();

  // (1)-(3) data
  line('# 定数(データ準備時に必要となるもの)');
  if (fromFile) {
    out.push(...aligned([
      ["DATA_FILE = 'nnplay-data.csv'", 'nnplay の［データを CSV で］で保存したファイル（plygdata にないデータのため）'],
      [`TRAINING_DATA_RATIO = ${py(model.trainingRatio)}`, `データの何％を訓練【Training】用に？ (残りは精度検証【Validation】用) ： ${state.percTrainData}％`],
    ]));
  } else {
    out.push(...aligned([
      [`PROBLEM_DATA_TYPE = pg.DatasetType.${generated!.plygdata}`, `問題種別: 「${PROBLEM_JA[generated!.problem]}」、データ種別: 「${generated!.ja}」`],
      [`TRAINING_DATA_RATIO = ${py(model.trainingRatio)}`, `データの何％を訓練【Training】用に？ (残りは精度検証【Validation】用) ： ${state.percTrainData}％`],
      [`DATA_NOISE = ${py(model.noise)}`, `ノイズ： ${state.noise}％`],
    ]));
  }
  line();
  if (fromFile) {
    line('# データ読み込み（列: x, y, label）と分割');
    line("data_array = np.loadtxt(DATA_FILE, delimiter=',', skiprows=1)");
    line('np.random.shuffle(data_array)');
    line('split = int(round(len(data_array) * TRAINING_DATA_RATIO))');
    line('X_train, y_train = data_array[:split, :2], data_array[:split, 2:]');
    line('X_valid, y_valid = data_array[split:, :2], data_array[split:, 2:]');
  } else {
    line('# データ生成');
    line('data_list = pg.generate_data(PROBLEM_DATA_TYPE, DATA_NOISE)');
    line('# データ分割');
    line('X_train, y_train, X_valid, y_valid = pg.split_data(data_list, training_size=TRAINING_DATA_RATIO)');
  }
  if (!onlyXY) {
    line();
    line(`# 入力の特徴: ${features.map((f) => findFeature(f)!.text).join(', ')}`);
    line('def make_features(X):');
    line('  x1, x2 = X[:, 0], X[:, 1]');
    line(`  return np.stack([${features.map((f) => findFeature(f)!.code).join(', ')}], axis=1)`);
    line('X_train, X_valid = make_features(X_train), make_features(X_valid)');
  }
  if (sigmoid) {
    line();
    line('# 2値の交差エントロピーには 0 / 1 の正解ラベル（-1 / 1 を変換する）');
    line('y_train, y_valid = (y_train + 1) / 2, (y_valid + 1) / 2');
  } else if (softmax) {
    line();
    line('# 多クラスの交差エントロピーには one-hot の正解ラベル');
    if (classes === 3) line(`y_train, y_valid = tf.keras.utils.to_categorical(y_train, ${classes}), tf.keras.utils.to_categorical(y_valid, ${classes})`);
    else line(`y_train, y_valid = tf.keras.utils.to_categorical((y_train + 1) / 2, ${classes}), tf.keras.utils.to_categorical((y_valid + 1) / 2, ${classes})`);
  }
  line();

  // (4) model
  line('# 定数(モデル定義時に必要となる数値)');
  const layerConstants: [string, string][] = [[`INPUT_FEATURES = ${features.length}`, `入力(特徴)の数: ${features.length}`]];
  state.networkShape.forEach((n, i) => layerConstants.push([`LAYER${i + 1}_NEURONS = ${n}`, `ニューロンの数: ${n}`]));
  layerConstants.push([`OUTPUT_RESULTS = ${outputUnits}`, `出力結果の数: ${outputUnits}`]);
  layerConstants.push([`ACTIVATION = '${state.activation}'`, `活性化関数(ここを書き換える): ${state.activation}関数`]);
  if (state.regularization !== 'none') {
    const kind = state.regularization.toLowerCase();
    layerConstants.push([`REGULARIZER = tf.keras.regularizers.${kind}(${py(state.regularizationRate)})`, `正則化: ${state.regularization}、正則化率: ${state.regularizationRate}`]);
  }
  out.push(...aligned(layerConstants));
  line();
  const extras: [string, string][] = [];
  if (state.regularization !== 'none') extras.push(['kernel_regularizer=REGULARIZER,', '正則化']);
  if (state.initOrigin) {
    extras.push(['kernel_initializer=tf.keras.initializers.RandomUniform(-0.5, 0.5),', '重みの初期値(元の Playground)']);
    extras.push(['bias_initializer=tf.keras.initializers.Constant(0.1),', 'バイアスの初期値(元の Playground)']);
  }
  const dense = (comment: string, args: [string, string][]) => {
    line(`  # ${comment}`);
    line('  tf.keras.layers.Dense(');
    const rows = [...args.slice(0, -1), ...extras, args[args.length - 1]];
    const width = Math.max(...rows.map(([c]) => c.length)) + 4;
    rows.forEach(([code, c], i) => line(`    ${code}${i === rows.length - 1 ? '),' : ''}`.padEnd(width + 2) + `  # ${c}`));
    line();
  };
  line('# 積層型のモデルの定義');
  line('model = tf.keras.models.Sequential([');
  line();
  state.networkShape.forEach((_, i) => {
    const args: [string, string][] = [];
    if (i === 0) args.push(['input_shape=(INPUT_FEATURES,),', '入力の形状(=入力層)']);
    args.push([`units=LAYER${i + 1}_NEURONS,`, 'ユニットの数']);
    args.push(['activation=ACTIVATION', '活性化関数']);
    dense(`隠れ層:${i + 1}つ目のレイヤー`, args);
  });
  const outputArgs: [string, string][] = [];
  if (state.networkShape.length === 0) outputArgs.push(['input_shape=(INPUT_FEATURES,),', '入力の形状(=入力層)']);
  outputArgs.push(['units=OUTPUT_RESULTS,', 'ユニットの数']);
  outputArgs.push([`activation='${outputActivation}'`, `活性化関数(${outputActivation}固定)`]);
  dense('出力層', outputArgs);
  line('])');
  line();

  // metric: the plan's (tanh_accuracy is written out, as in the article)
  let metric = model.metrics[0] ? `'${model.metrics[0]}'` : '';
  if (model.metrics[0] === 'tanh_accuracy') {
    line('# 正解率(精度)のカスタム指標（出力が -1.0〜1.0 の tanh のため）');
    line('def tanh_accuracy(y_true, y_pred):           # y_trueは正解、y_predは予測(出力)');
    line('  threshold = K.cast(0.0, y_pred.dtype)              # -1か1かを分ける閾値を作成');
    line('  y_pred = K.cast(y_pred >= threshold, y_pred.dtype) # 閾値未満で0、以上で1に変換');
    line('  # 2倍して-1.0することで、0/1を-1.0/1.0にスケール変換して正解率を計算');
    line('  return K.mean(K.equal(y_true, y_pred * 2 - 1.0), axis=-1)');
    line();
    metric = 'tanh_accuracy';
  }

  // (5) compile
  const hyper = Object.entries(optimizerOptions(state)).filter(([k]) => k !== 'learningRate');
  const extraArgs = hyper.map(([k, v]) => `, ${optimizer.options.find((o) => o.camel === k)!.name}=${py(v)}`).join('');
  line('# 定数(学習方法設計時に必要となるもの)');
  out.push(...aligned([
    [`LOSS = '${loss.name}'`, `損失関数: ${loss.ja}`],
    [`OPTIMIZER = tf.keras.optimizers.${optimizer.className}`, `最適化: ${optimizer.ja}`],
    [`LEARNING_RATE = ${py(state.learningRate)}`, `学習率: ${state.learningRate}`],
  ]));
  line();
  line('# モデルを生成する');
  line('# （記事の lr= は TensorFlow 2.11 以降では無視されるため learning_rate= と書く。2.11 以降で');
  line('#   tf.keras 2.x と同じ計算にするには tf.keras.optimizers.legacy の同名クラスを使う）');
  line(`model.compile(optimizer=OPTIMIZER(learning_rate=LEARNING_RATE${extraArgs}),`);
  line(`              loss=LOSS${metric ? ',' : ')'}`);
  if (metric) line(`              metrics=[${metric}])  # 精度(正解率)`);
  line();

  // (6) fit
  line('# 定数(ミニバッチ学習時に必要となるもの)');
  out.push(...aligned([
    [fit.batchSize === 'all' ? 'BATCH_SIZE = len(X_train)' : `BATCH_SIZE = ${fit.batchSize}`, fit.batchSize === 'all' ? 'バッチサイズ: 全部' : `バッチサイズ: ${fit.batchSize}`],
    [`EPOCHS = ${fit.epochs}`, `エポック数: ${fit.epochs}`],
  ]));
  line();
  if (fit.patience !== null) {
    line('# 早期終了（val_loss が patience エポック改善しなければ止める）');
    line(`early_stopping = tf.keras.callbacks.EarlyStopping(monitor='${fit.monitor}', patience=${fit.patience})`);
    line();
  }
  line('# 学習する');
  line('hist = model.fit(x=X_train,                          # 訓練用データ');
  line('                 y=y_train,                          # 訓練用ラベル');
  line('                 validation_data=(X_valid, y_valid), # 精度検証用');
  line('                 batch_size=BATCH_SIZE,              # バッチサイズ');
  line('                 epochs=EPOCHS,                      # エポック数');
  if (!fit.shuffle) line('                 shuffle=False,                      # 並べ替えない');
  if (fit.patience !== null) line('                 callbacks=[early_stopping],         # 早期終了');
  line('                 verbose=1)                          # 実行状況表示');
  return out.join('\n') + '\n';
}
