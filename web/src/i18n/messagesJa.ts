// The Japanese wording of the module's and the worker's messages (bindings/src/messages.ts),
// one entry per code; web/src/wording.ts picks it or the module's English and makes the type
// checker refuse a missing code.
type MessageParams = Record<string, string | number>;

const q = (v: string | number) => `「${v}」`;

const COLUMNS: Record<string, string> = { x: 'x', y: 'y', label: 'ラベル' };

function allowed(p: MessageParams): string {
  switch (p.type) {
    case 'enum': return `${p.values} のどれか`;
    case 'bool': return 'true か false';
    case 'number': return `${p.min} から ${p.max} までの数`;
    case 'int': return `${p.min} から ${p.max} までの整数`;
    case 'intList': return `${p.min} から ${p.max} までの整数をカンマ区切りで最大 ${p.maxItems} 個`;
    case 'seed': return '英数字・ドット・ダッシュ・下線で 40 文字まで';
    case 'points': return `ページの「リンクをコピー」が書いた形の ${p.max} 点まで`;
    default: return `「設定:値1,値2,…」の形（設定は ${p.values} のどれか、値はその設定の値を 2〜4 個）`;
  }
}

const fallback = (p: MessageParams) => (p.fallbackKind === 'optimizerDefault' ? '最適化の既定値' : p.fallbackKind === 'none' ? '（なし）' : String(p.fallback));

export const JAPANESE = {
  'plan.regressionCrossEntropy': () => '交差エントロピーは分類用です。回帰では代わりに平均二乗誤差を使います。',
  'plan.threeClassesSoftmax': () => '3クラスの分類では、出力層を 3 ユニットの softmax にし、ラベルを one-hot にします。',
  'plan.categoricalTwoUnits': () => '多クラス分類の交差エントロピーでは、出力層を softmax（クラスごとに 1 ユニット、計 2 ユニット）にし、ラベルを one-hot にします。',
  'plan.binarySigmoid': () => '2クラス分類の交差エントロピーでは、出力層を sigmoid にし、ラベルを 0/1 にします（tanh と ±1 の代わり）。',
  'plan.noFeatures': () => '入力の特徴が 1 つも選ばれていないので、X1 と X2 を使います。',
  'hash.tooLong': (p) => `リンクの設定が ${p.length} 文字あり、上限の ${p.limit} 文字を超えているため、無視して既定値を使います。`,
  'hash.notKeyValue': (p) => `${q(p.part)}を無視しました（「キー=値」の形ではありません）。`,
  'hash.noSuchPart': (p) => `${q(p.key)}を無視しました（${q(p.name)}という隠せる部分はありません）。`,
  'hash.hideTrueFalse': (p) => `${q(`${p.key}=${p.value}`)}を無視しました（true か false を指定してください）。`,
  'hash.unknownKey': (p) => `不明な設定${q(p.key)}を無視しました。`,
  'hash.notAllowed': (p) => `${p.key}=${q(p.value)}は使えません（${allowed(p)}）。${fallback(p)} を使います。`,
  'stop.diverged': (p) => `エポック ${p.epoch} で損失が ${p.loss} になったため、その更新をせずに学習を止めました（学習率 ${p.learningRate} が大きすぎるかもしれません）`,
  'stop.early': (p) => `${p.monitor} が ${p.patience} エポック改善しなかったため${p.bestEpoch ? `（最良は エポック ${p.bestEpoch} の ${p.best}）` : ''}`,
  'stop.max': (p) => `最大エポック数 ${p.epochs} に達しました`,
  'csv.nul': () => 'CSV のテキスト ファイルではありません（NUL バイトを含みます。バイナリ ファイルか UTF-16 のテキストです。UTF-8 の CSV で保存してください）',
  'csv.notUtf8': () => 'UTF-8 のテキスト ファイルではありません（UTF-8 ではないバイトがあります。UTF-8 の CSV で保存してください）',
  'csv.tooManyRows': (p) => `${p.row} 行目: ${p.max} 行を超えたため、残りは読み込みませんでした`,
  'csv.unclosedQuote': (p) => `${p.row} 行目: 引用符で始まる欄が閉じていません（" が足りません）`,
  'csv.textAfterQuote': (p) => `${p.row} 行目: 閉じる引用符の後に文字があります（引用符の中の " は "" と書きます）`,
  'csv.quoteInField': (p) => `${p.row} 行目: 引用符で囲まれていない欄${q(p.cell)}に引用符があります（欄全体を引用符で囲んでください）`,
  'csv.columns': (p) => `${p.row} 行目: ${p.header ? '見出し行に' : ''}3 列（x, y, ラベル）が必要ですが、${p.found} 列あります（区切り文字${q(p.delimiter === '\t' ? 'タブ' : p.delimiter)}）`,
  'csv.notNumber': (p) => `${p.row} 行目: ${COLUMNS[p.column] ?? p.column} の${q(p.cell)}は数ではありません`,
  'csv.beyondFloat32': (p) => `${p.row} 行目: ${COLUMNS[p.column] ?? p.column} の${q(p.cell)}は float32（エンジンの数、絶対値 3.4e38 まで）の範囲を超えています`,
  'csv.outside': (p) => `${p.row} 行目: 点 (${p.x}, ${p.y}) が [-6, 6]² の外にあります`,
  'csv.tooManyBad': (p) => `読み込めない行が ${p.max} を超えたため、残りは読み込みませんでした`,
  'csv.moreBad': (p) => `… ほかに読み込めない行が ${p.count} 行あります`,
  'csv.badLabel': (p) => `${p.row} 行目: ラベル ${p.label} は -1, 0, 1, 2 のどれでもありません（クラス: オレンジ -1 または 0、青 1、緑 2）`,
  'csv.tooLarge': (p) => `${p.file}: ファイルが ${p.mb} MB あります。読み込めるのは ${p.maxMb} MB までです`,
  'csv.unreadable': (p) => `ファイルを読めませんでした: ${p.reason}`,
  'csv.full': (p) => `${p.file}: 点はすでに上限の ${p.max} 個あります。先にいくつか消してください`,
  'csv.fileBytes': (p) => `ファイルが ${p.bytes} バイトあります。読み込めるのは ${p.max} バイトまでです`,
  // tfjs のモデルファイルをページに読み込む (web/src/modelFit.ts): 合わない理由
  'model.unreadable': (p) => `モデルのファイルを読み込めませんでした: ${p.reason}`,
  'model.inputs': (p) => `このモデルの入力は ${p.inputs} 個ですが、ページの入力の特徴は ${p.features} 個（${p.names}）です。特徴を ${p.inputs} 個選んでから、もう一度読み込んでください。`,
  'model.tooManyLayers': (p) => `このモデルの隠れ層は ${p.layers} 層です。ページで扱えるのは ${p.max} 層までです。`,
  'model.tooManyUnits': (p) => `隠れ層 ${p.layer} のニューロンは ${p.units} 個です。ページで扱えるのは 1 層あたり ${p.max} 個までです。`,
  'model.mixedActivations': (p) => `隠れ層ごとに活性化関数が違います（${p.activations}）。ページではすべての隠れ層で 1 つの活性化関数を使います。`,
  'model.activation': (p) => `隠れ層の活性化関数 ${q(p.activation)} は、ページにはありません（${p.allowed}）。`,
  'model.noBias': (p) => `層 ${p.layer} にはバイアスがありません（use_bias false）。ページの層にはすべてバイアスがあります。`,
  'model.output': (p) => `出力層は ${p.units} ユニットの ${q(p.activation)} です。この設定（${p.problem === 'regression' ? '回帰' : '分類'}）のページの出力層は ${p.wantUnits} ユニットの ${q(p.wantActivation)} です。`,
  'model.loaded': (p) => `${p.file} を読み込みました: 入力 ${p.inputs} 個、隠れ層 [${p.hidden}]（${p.activation}）、出力 ${p.outputUnits} 個（${p.outputActivation}）。`,
  // own data kept in this browser (web/src/views/ownData.ts)
  'ownData.capped': (p) => `このブラウザーには ${p.found} 個の点が保存されていました。このページで扱えるのは ${p.max} 個までなので、最初の ${p.max} 個を使います。`,
  'ownData.unreadable': () => 'このブラウザーに保存された点を読み込めませんでした（このページが書く形式ではありません）。点なしで始めます。',
  'ownData.notSaved': (p) => `${p.count} 個の点はこのブラウザーに保存されていません（ストレージがいっぱいか、使えません）。ページを閉じると失われます。残すには CSV に書き出してください。`,
} satisfies Record<string, (p: MessageParams) => string>;
