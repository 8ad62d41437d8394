// A Jupyter notebook (nbformat 4) that replays a playground run in tf.keras: the article's
// listings for the setup (codegen.ts), the exact rows the run trained on, the run's initial
// weights (set_weights), its batches in the run's own epoch order, then steps 7 and 8 and the
// run's per-epoch losses beside Keras'. What it reproduces, and where Keras 3 differs:
// docs/KERAS_SEMANTICS.md §8. A pure function: the page's worker, nn.notebook and the CLI call it.
import { codeLang, type CodeLang, kerasListings, setWeightsLines, weightLabels } from './codegen.js';
import { epochOrder } from './epochOrder.js';
import { customClassCount, plan } from './playground.js';
import { batchRows } from './runPlan.js';
import { pyRows, type WeightLike } from './pyLiterals.js';
import type { PlaygroundState } from './state.js';

export interface MatrixLike {
  data: ArrayLike<number>;
  shape: [number, number] | number[];
}

export interface NotebookData {
  xTrain: MatrixLike;  // the model's inputs (the chosen features) and labels, as the run trained on them
  yTrain: MatrixLike;
  xValid: MatrixLike;
  yValid: MatrixLike;
}

export interface NotebookRun {
  weights: WeightLike[];                        // the run's initial weights (before its first batch)
  history: { history: Record<string, number[]> } | Record<string, number[]>;  // fit()'s History, or its .history
  data: NotebookData;
  test?: { x: MatrixLike; y: MatrixLike; logs?: Record<string, number> };  // step 8's rows (and the run's result on them)
  shuffle?: boolean;                            // default true, as the page and the CLI train
  seed: number;                                 // the shuffle's seed (the page's and the CLI's: the setup's modelSeed)
  custom?: { classes: ArrayLike<number> };      // own data's labels (their class count decides the output layer)
  lang?: CodeLang;                              // default: the state's language
  changed?: 'weights' | 'learningRate' | 'data';  // the run was changed after its recorded epochs (the page)
}

const KERAS3_DIFFERS: Record<string, { ja: string; en: string }> = {
  adagrad: { ja: 'Keras 3 の Adagrad は ε を √ の中に入れる（√(acc + ε)）', en: 'Keras 3 puts Adagrad\'s ε inside the root (√(acc + ε))' },
  rmsprop: { ja: 'Keras 3 の RMSprop は ε を √ の中に入れる（√(ms + ε)）', en: 'Keras 3 puts RMSprop\'s ε inside the root (√(ms + ε))' },
  nadam: { ja: 'Keras 3 の Nadam はモーメンタムの予定（schedule）が違う（0.96^t。tf.keras 2.x は 0.96^(0.004·t)）', en: 'Keras 3\'s Nadam uses another momentum schedule (0.96^t; tf.keras 2.x: 0.96^(0.004·t))' },
};

const TEXT = {
  ja: {
    title: (hash: string) => [
      '# nnplay の学習をもう一度 tf.keras で',
      '',
      `nnplay（Neural Network Playground）で行った学習を、tf.keras でそのまま再現するノートブックです。設定: \`${hash}\``,
      '',
      '- 記事のリスト5-1〜5-6（nnplay のコード欄と同じコード）でモデルを定義し、生成します。',
      '- データは作り直さず、nnplay が学習に使った訓練データと精度検証データをそのまま載せています。',
      '- 重みの初期値は nnplay の実行の初期値を `model.set_weights` で入れます。',
      '- 各エポックのミニバッチは nnplay と同じ順番で作ります。',
      '',
      'tf.keras 2.x（TensorFlow 2.0〜2.10、または 2.11〜2.15 の `tf.keras.optimizers.legacy`）で実行すると、各エポックの損失は nnplay の値と float32 の丸め誤差の範囲で一致します（最後のセルで比べます）。Keras 3（TensorFlow 2.16 以降）では Adagrad・RMSprop・Nadam の計算式が違います。詳しくは nnplay の docs/KERAS_SEMANTICS.md §8。',
    ],
    imports: '# ライブラリのインポート（グラフの表示に matplotlib も使う）',
    data: (train: number, valid: number, features: string, labels: string) => [
      '## (1)〜(3) データ: nnplay が学習に使った行',
      '',
      `訓練データ ${train} 行と精度検証データ ${valid} 行です。列は入力の特徴（${features}）、ラベルは${labels}。nnplay の中と同じ float32 の値です（作り直すと乱数が違うため、ここに書き込んであります）。`,
    ],
    labels: { 'plus-minus-one': ' -1 / 1', 'zero-one': ' 0 / 1', 'one-hot': ' one-hot', real: '実数（回帰）' } as Record<string, string>,
    dataComment: '# nnplay が学習に使ったデータ（入力の特徴とラベル、float32）',
    model: ['## (4) モデルの定義（リスト5-4）', '', 'nnplay のコード欄と同じコードです。'],
    weights: ['## 重みの初期値: nnplay の実行と同じ値', '', 'Keras は重みを乱数で初期化するため、nnplay の実行が始まったときの重みとバイアスを入れます。'],
    weightsComment: '# nnplay の実行の初期値（学習前の重みとバイアス）',
    compile: ['## (5) 学習方法の設計とモデルの生成（リスト5-1、5-2、5-3、5-5、5-6）'],
    legacy: [
      '# TF 2.11〜2.15 では tf.keras 2.x と同じ計算のオプティマイザーは tf.keras.optimizers.legacy にある',
      '# （TF 2.10 までは OPTIMIZER がそのもの。Keras 3 では legacy は使えない）',
    ],
    keras3: (why: string) => `# 注意: ${why}ため、Keras 3 では損失が nnplay と一致しない（docs/KERAS_SEMANTICS.md §8）`,
    fitShuffled: (epochs: number, batch: number) => [
      '## (6) 学習: nnplay と同じミニバッチで',
      '',
      `nnplay はエポックごとに訓練データの順番を並べ替えます（シード付き）。その順番を \`EPOCH_ORDERS\` に書き込み、1エポックずつ \`fit(..., shuffle=False)\` で学習します。バッチは並べ替えた行の先頭から ${batch} 行ずつ（最後は残り）で、nnplay と同じです。エポック数: ${epochs}。`,
    ],
    fitPlain: (epochs: number) => ['## (6) 学習', '', `nnplay の実行は並べ替えなし（shuffle=False）でした。エポック数: ${epochs}。`],
    orders: '# 各エポックで nnplay が使った行の順番（0 から数えた訓練データの行番号）',
    train: '# 学習する（1エポックずつ、nnplay と同じ順番で）',
    epochsComment: '# nnplay の実行が学習したエポック数',
    evaluation: ['## (7) 評価: 損失のグラフ'],
    test: (n: number, fresh: boolean) => ['## (8) テスト', '', fresh ? `学習に使っていない ${n} 点（nnplay のテストと同じ点）で評価します。` : `テスト用の点がないため、精度検証データ ${n} 行で評価します。`],
    testExpected: '# nnplay の同じ点での結果',
    compare: ['## nnplay と Keras の損失を比べる', '', 'nnplay の各エポックの損失（このノートブックを書き出した実行の値）と、上の Keras の学習の損失です。tf.keras 2.x なら差は float32 の丸め誤差程度です。'],
    changed: {
      weights: 'nnplay の実行はこの後で重みが手で変更されたため、ここまでのエポックを再現します。',
      learningRate: 'nnplay の実行はこの後で学習率が変更されたため、ここまでのエポックを再現します。',
      data: 'nnplay の実行はこの後でデータが変わったため、ここまでのエポックを再現します。',
    } as Record<string, string>,
    nnplayLoss: '# nnplay の各エポックの値',
    largest: '損失の相対差の最大:',
  },
  en: {
    title: (hash: string) => [
      '# An nnplay run, replayed in tf.keras',
      '',
      `This notebook replays a run of nnplay (the Neural Network Playground) in tf.keras. Setup: \`${hash}\``,
      '',
      "- The model is defined and compiled with the article's listings 5-1 to 5-6 (the code nnplay's code panel shows).",
      '- The data is not generated again: the training and validation rows nnplay trained on are written in here.',
      "- The initial weights are the run's, set with `model.set_weights`.",
      "- Each epoch's mini-batches are made in nnplay's order.",
      '',
      "Run in tf.keras 2.x (TensorFlow 2.0-2.10, or `tf.keras.optimizers.legacy` in 2.11-2.15), each epoch's loss equals nnplay's to float32 rounding (the last cell compares them). Keras 3 (TensorFlow 2.16+) computes Adagrad, RMSprop and Nadam differently. Details: nnplay's docs/KERAS_SEMANTICS.md §8.",
    ],
    imports: '# Imports (matplotlib too, for the chart)',
    data: (train: number, valid: number, features: string, labels: string) => [
      '## (1)-(3) Data: the rows nnplay trained on',
      '',
      `${train} training rows and ${valid} validation rows. The columns are the input features (${features}); the labels are ${labels}. The values are nnplay's own float32 numbers (generated again, the random numbers would differ, so they are written in here).`,
    ],
    labels: { 'plus-minus-one': '-1 / 1', 'zero-one': '0 / 1', 'one-hot': 'one-hot', real: 'real numbers (regression)' } as Record<string, string>,
    dataComment: '# The data nnplay trained on (input features and labels, float32)',
    model: ['## (4) Define the model (listing 5-4)', '', "The same code as nnplay's code panel."],
    weights: ["## Initial weights: the run's", '', "Keras initialises weights at random, so the weights and biases the nnplay run started from are set here."],
    weightsComment: "# The nnplay run's initial weights and biases (before training)",
    compile: ['## (5) Design how it learns and compile the model (listings 5-1, 5-2, 5-3, 5-5, 5-6)'],
    legacy: [
      "# In TF 2.11-2.15, the optimizer that computes as tf.keras 2.x does is in tf.keras.optimizers.legacy",
      '# (up to TF 2.10 OPTIMIZER is that one; Keras 3 has no legacy optimizers)',
    ],
    keras3: (why: string) => `# Note: ${why}, so in Keras 3 the losses do not match nnplay's (docs/KERAS_SEMANTICS.md §8)`,
    fitShuffled: (epochs: number, batch: number) => [
      "## (6) Train: with nnplay's mini-batches",
      '',
      `nnplay reorders the training rows at the start of every epoch (seeded). Those orders are written into \`EPOCH_ORDERS\`, and each epoch is one \`fit(..., shuffle=False)\` on the reordered rows. Batches are ${batch} consecutive rows of that order (the last one the rest), as in nnplay. Epochs: ${epochs}.`,
    ],
    fitPlain: (epochs: number) => ['## (6) Train', '', `The nnplay run did not shuffle (shuffle=False). Epochs: ${epochs}.`],
    orders: "# The rows nnplay took in each epoch, in order (0-based training row numbers)",
    train: "# Train (one epoch at a time, in nnplay's order)",
    epochsComment: '# the epochs the nnplay run trained',
    evaluation: ['## (7) Evaluate: the loss chart'],
    test: (n: number, fresh: boolean) => ['## (8) Test', '', fresh ? `Evaluated on ${n} points not used in training (the points nnplay tested on).` : `No test points: evaluated on the ${n} validation rows.`],
    testExpected: "# nnplay's result on the same points",
    compare: ["## nnplay's losses beside Keras'", '', "nnplay's loss per epoch (from the run that wrote this notebook) and the Keras training's above. In tf.keras 2.x they differ by float32 rounding only."],
    changed: {
      weights: 'The nnplay run had a weight changed by hand after these epochs; the notebook replays the epochs before it.',
      learningRate: 'The nnplay run had its learning rate changed after these epochs; the notebook replays the epochs before it.',
      data: 'The nnplay run got new data after these epochs; the notebook replays the epochs before it.',
    } as Record<string, string>,
    nnplayLoss: "# nnplay's values per epoch",
    largest: 'largest relative difference of the loss:',
  },
};

const FEATURE_NAMES: Record<string, string> = { x: 'X1', y: 'X2', xSquared: 'X1²', ySquared: 'X2²', xTimesY: 'X1X2', sinX: 'sin(X1)', sinY: 'sin(X2)' };

type Cell = { cell_type: 'markdown' | 'code'; source: string[] };

function rowsOf(m: MatrixLike): [number, number] {
  return [m.shape[0], m.shape[1]];
}

function matrix(name: string, m: MatrixLike): string {
  const [rows, cols] = rowsOf(m);
  if (rows === 0) return `${name} = np.zeros((0, ${cols}), dtype=np.float32)`;
  return `${name} = np.array(${pyRows(m.data, rows, cols)}, dtype=np.float32)`;
}

// The run's logged numbers (doubles) exactly; NaN / ±inf as Python spells them.
function pyNumber(v: number): string {
  if (Number.isNaN(v)) return "float('nan')";
  if (!Number.isFinite(v)) return v > 0 ? "float('inf')" : "float('-inf')";
  return String(v);
}

function pyList(values: number[]): string {
  return `[${values.map(pyNumber).join(', ')}]`;
}

// `hash`: the state as the page's URL hash, shown in the title.
export function notebook(state: PlaygroundState, run: NotebookRun, hash = ''): string {
  const lang = codeLang(state, { lang: run.lang });
  const T = TEXT[lang];
  const setup = plan(state, customClassCount(run.custom));
  const listings = kerasListings(state, run.custom, { lang });
  const history: Record<string, number[]> = 'history' in run.history && typeof run.history.history === 'object' && !Array.isArray(run.history.history)
    ? (run.history as { history: Record<string, number[]> }).history
    : (run.history as Record<string, number[]>);
  const epochs = (history.loss ?? []).length;
  const [trainRows] = rowsOf(run.data.xTrain);
  const [validRows] = rowsOf(run.data.xValid);
  const batch = batchRows(setup.fit.batchSize, Math.max(trainRows, 1));
  const shuffle = run.shuffle ?? true;
  const hasValidation = validRows > 0;
  const metric = setup.metrics[0];
  const cells: Cell[] = [];
  const md = (lines: string[]) => cells.push({ cell_type: 'markdown', source: lines });
  const code = (lines: string[]) => cells.push({ cell_type: 'code', source: lines });

  const title = T.title(hash);
  if (run.changed) title.push('', T.changed[run.changed]);
  md(title);
  code([T.imports, ...listings.imports.slice(1).filter((l) => !l.includes('plygdata')), 'import matplotlib.pyplot as plt', '', 'print(tf.__version__)']);

  md(T.data(trainRows, validRows, setup.features.map((f) => FEATURE_NAMES[f]).join(', '), T.labels[setup.labels]));
  code([T.dataComment, matrix('X_train', run.data.xTrain), matrix('y_train', run.data.yTrain), matrix('X_valid', run.data.xValid), matrix('y_valid', run.data.yValid)]);

  md(T.model);
  code(listings.model);

  md(T.weights);
  code([T.weightsComment, ...setWeightsLines(run.weights, ...weightLabels(lang))]);

  md(T.compile);
  const compile = [...listings.metric, ...(listings.metric.length ? [''] : []), ...listings.compile];
  // the legacy class, tried before compile (the OPTIMIZER constant is defined just above it)
  const at = compile.findIndex((l) => l.startsWith('LEARNING_RATE = ')) + 2;  // after the constants and their blank line
  const legacy = [
    ...T.legacy,
    'try:',
    `  OPTIMIZER = tf.keras.optimizers.legacy.${optimizerClass(compile)}`,
    '  OPTIMIZER(learning_rate=LEARNING_RATE)',
    'except (AttributeError, ImportError):',
    `  OPTIMIZER = tf.keras.optimizers.${optimizerClass(compile)}`,
  ];
  // (RMSprop with momentum: tf.keras 2.x's kernel also puts ε inside the root, as Keras 3 does: docs/KERAS_SEMANTICS.md §1.4)
  const differs = state.optimizer === 'rmsprop' && (state.momentum ?? 0) > 0 ? undefined : KERAS3_DIFFERS[state.optimizer];
  if (differs) legacy.push(T.keras3(differs[lang]));
  compile.splice(at, 0, ...legacy, '');
  code(compile);

  // (6) training, in the run's batches
  const fit = ['BATCH_SIZE = ' + (setup.fit.batchSize === 'all' ? 'len(X_train)' : String(setup.fit.batchSize)), `EPOCHS = ${epochs}  ${T.epochsComment}`];
  const validation = hasValidation ? ', validation_data=(X_valid, y_valid)' : '';
  if (shuffle) {
    md(T.fitShuffled(epochs, batch));
    fit.push('', T.orders, 'EPOCH_ORDERS = [');
    for (let e = 0; e < epochs; e++) fit.push(`  [${epochOrder(run.seed, e, trainRows).join(', ')}],`);
    fit.push(']', '', T.train, 'history = {}', 'for epoch, order in enumerate(EPOCH_ORDERS[:EPOCHS]):',
      `  h = model.fit(x=X_train[order], y=y_train[order]${validation},`,
      '                batch_size=BATCH_SIZE, initial_epoch=epoch, epochs=epoch + 1,',
      '                shuffle=False, verbose=2)',
      '  for key, values in h.history.items():',
      '    history.setdefault(key, []).extend(values)');
  } else {
    md(T.fitPlain(epochs));
    fit.push('', `hist = model.fit(x=X_train, y=y_train${validation},`,
      '                 batch_size=BATCH_SIZE, epochs=EPOCHS, shuffle=False, verbose=2)',
      'history = hist.history');
  }
  code(fit);

  // (7) the history plotted, as the series' notebook does
  md(T.evaluation);
  const plot = ["plt.plot(history.get('loss', []), label='loss (Training)')"];
  if (hasValidation) plot.push("plt.plot(history.get('val_loss', []), label='val_loss (Validation)')");
  plot.push("plt.xlabel('epoch')", "plt.ylabel('loss')", 'plt.legend()', 'plt.show()');
  code(plot);

  // (8) test rows
  const test = run.test ?? { x: run.data.xValid, y: run.data.yValid };
  const [testRows] = rowsOf(test.x);
  md(T.test(testRows, run.test !== undefined));
  const testCode = [matrix('X_test', test.x), matrix('y_test', test.y), '', 'test_loss = model.evaluate(X_test, y_test, verbose=0)', 'print(test_loss)'];
  if (run.test?.logs) testCode.push('', T.testExpected, `print({${Object.entries(run.test.logs).map(([k, v]) => `'${k}': ${pyNumber(v)}`).join(', ')}})`);
  code(testCode);

  // the run's numbers beside Keras'
  md(T.compare);
  const keys = ['loss', ...(metric ? [metric] : []), ...(hasValidation ? ['val_loss', ...(metric ? [`val_${metric}`] : [])] : [])].filter((k) => history[k]);
  const compareCode = [T.nnplayLoss, 'NNPLAY = {'];
  for (const k of keys) compareCode.push(`  '${k}': ${pyList(history[k].slice(0, epochs))},`);
  compareCode.push('}', '',
    "print(f\"{'epoch':>5}  {'key':<22} {'nnplay':>12} {'Keras':>12} {'difference':>12}\")",
    'for key, values in NNPLAY.items():',
    '  for epoch, (ours, theirs) in enumerate(zip(values, history.get(key, []))):',
    "    print(f'{epoch + 1:>5}  {key:<22} {ours:>12.6f} {theirs:>12.6f} {theirs - ours:>12.2e}')",
    '',
    "relative = [abs(theirs - ours) / max(abs(ours), 1e-12) for ours, theirs in zip(NNPLAY['loss'], history.get('loss', []))]",
    `print(${JSON.stringify(T.largest)}, max(relative, default=0.0))`);
  code(compareCode);

  return JSON.stringify(document(cells), null, 1) + '\n';
}

function optimizerClass(compile: string[]): string {
  const line = compile.find((l) => l.startsWith('OPTIMIZER = tf.keras.optimizers.'))!;
  return line.slice('OPTIMIZER = tf.keras.optimizers.'.length).split(/\s/)[0];
}

// nbformat 4.5: every cell has an id; sources are lists of lines that keep their '\n'.
function document(cells: Cell[]) {
  return {
    cells: cells.map((c, i) => {
      const source = c.source.flatMap((s) => s.split('\n')).map((l, j, all) => (j < all.length - 1 ? `${l}\n` : l));
      const id = `cell-${i + 1}`;
      return c.cell_type === 'code'
        ? { cell_type: 'code', execution_count: null, id, metadata: {}, outputs: [], source }
        : { cell_type: 'markdown', id, metadata: {}, source };
    }),
    metadata: {
      kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' },
      language_info: { name: 'python' },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
}
