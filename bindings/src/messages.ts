// Messages that reach a reader: a code and its parameters next to the English text. The
// module and the CLI print `text`; the page words `code` + `params` in its own language
// (web/src/i18n/messagesJa.ts has a Japanese wording for every code, checked by the type checker).
export type MessageParams = Record<string, string | number>;

type Wording = (p: MessageParams) => string;

const q = (v: string | number) => JSON.stringify(String(v));

// The English wording of every code (the module's and the CLI's messages).
export const ENGLISH = {
  // playground.plan: what was adjusted to make the combination meaningful
  'plan.regressionCrossEntropy': (p) => `Cross entropy is for classification; regression uses mean squared error instead of ${p.loss}.`,
  'plan.threeClassesSoftmax': () => 'Three classes need a softmax output of 3 units with one-hot labels.',
  'plan.categoricalTwoUnits': () => 'Categorical cross entropy needs a softmax output: 2 units (one per class) with one-hot labels.',
  'plan.binarySigmoid': () => 'Binary cross entropy needs a sigmoid output and labels 0/1 (instead of tanh and ±1).',
  'plan.noFeatures': () => 'No input feature was selected; X1 and X2 are used.',
  // state.parseHash: what a link's URL could not apply
  'hash.tooLong': (p) => `The link's settings are ${p.length} characters long (the limit is ${p.limit}); they were ignored and the defaults are used.`,
  'hash.notKeyValue': (p) => `Ignored ${q(p.part)}: not a key=value setting.`,
  'hash.noSuchPart': (p) => `Ignored ${q(p.key)}: there is no part named ${q(p.name)} to hide.`,
  'hash.hideTrueFalse': (p) => `Ignored ${q(p.key)}=${q(p.value)}: use true or false.`,
  'hash.unknownKey': (p) => `Ignored unknown setting ${q(p.key)}.`,
  'hash.notAllowed': (p) => `${p.key}=${q(p.value)} is not allowed (${englishAllowed(p)}); using ${englishFallback(p)}.`,
  // training stopped (the page's status line)
  'stop.diverged': (p) => `epoch ${p.epoch}: the loss became ${p.loss}; training stopped without applying that update (the learning rate ${p.learningRate} may be too high)`,
  'stop.early': (p) => `early stopping: ${p.monitor} did not improve for ${p.patience} epoch(s)${p.bestEpoch ? `; best ${p.best} at epoch ${p.bestEpoch}` : ''}`,
  'stop.max': (p) => `reached the maximum of ${p.epochs} epochs`,
  // CSV import of own data (bindings/src/csv.ts and the page's checks)
  'csv.nul': () => 'this is not a CSV text file: it contains NUL bytes (a binary file, or UTF-16 text; save it as UTF-8 CSV)',
  'csv.notUtf8': () => 'this is not a UTF-8 text file: it has bytes that are not UTF-8 (save it as UTF-8 CSV)',
  'csv.tooManyRows': (p) => `row ${p.row}: more than ${p.max} rows; the rest was not read`,
  'csv.unclosedQuote': (p) => `row ${p.row}: a quoted field is not closed (a " is missing)`,
  'csv.textAfterQuote': (p) => `row ${p.row}: text after a closing quote (write "" for a quote inside quotes)`,
  'csv.quoteInField': (p) => `row ${p.row}: a quote inside an unquoted field ${q(p.cell)} (quote the whole field)`,
  'csv.columns': (p) => `row ${p.row}: expected 3 columns (x, y, label), found ${p.found}${p.header ? ' in the header' : ''} (delimiter ${JSON.stringify(p.delimiter)})`,
  'csv.notNumber': (p) => `row ${p.row}: ${p.column} ${q(p.cell)} is not a number`,
  'csv.beyondFloat32': (p) => `row ${p.row}: ${p.column} ${q(p.cell)} is beyond float32, the engine's numbers (|v| <= 3.4e38)`,
  'csv.outside': (p) => `row ${p.row}: the point (${p.x}, ${p.y}) is outside [-6, 6]²`,
  'csv.tooManyBad': (p) => `more than ${p.max} bad rows; the rest was not read`,
  'csv.moreBad': (p) => `… and ${p.count} more bad rows`,
  'csv.badLabel': (p) => `row ${p.row}: label ${p.label} is not one of -1, 0, 1, 2 (classes: orange -1 or 0, blue 1, green 2)`,
  'csv.tooLarge': (p) => `${p.file}: the file is ${p.mb} MB; files up to ${p.maxMb} MB can be imported`,
  'csv.unreadable': (p) => `the file could not be read: ${p.reason}`,
  'csv.full': (p) => `${p.file}: there are already ${p.max} points, the most the page holds; clear some first`,
  'csv.fileBytes': (p) => `the file has ${p.bytes} bytes; at most ${p.max} can be imported`,
  // a tfjs model file loaded into the page (web/src/modelFit.ts): why it does not fit
  'model.unreadable': (p) => `The model files could not be loaded: ${p.reason}`,
  'model.inputs': (p) => `The model takes ${p.inputs} input(s) but the page feeds it ${p.features} feature(s) (${p.names}); choose ${p.inputs} input feature(s) and load it again.`,
  'model.tooManyLayers': (p) => `The model has ${p.layers} hidden layers; the page shows at most ${p.max}.`,
  'model.tooManyUnits': (p) => `Hidden layer ${p.layer} has ${p.units} units; the page shows at most ${p.max} per layer.`,
  'model.mixedActivations': (p) => `The hidden layers use different activations (${p.activations}); the page uses one activation for every hidden layer.`,
  'model.activation': (p) => `The hidden layers use ${q(p.activation)}, which the page does not offer (${p.allowed}).`,
  'model.noBias': (p) => `Layer ${p.layer} has no bias (use_bias false); every layer of the page has one.`,
  'model.output': (p) => `The output layer is ${p.units} unit(s) with ${q(p.activation)}; for this ${p.problem} setup the page's output is ${p.wantUnits} unit(s) with ${q(p.wantActivation)}.`,
  'model.loaded': (p) => `Loaded ${p.file}: ${p.inputs} inputs, hidden layers [${p.hidden}] (${p.activation}), output ${p.outputUnits} (${p.outputActivation}).`,
  // own data kept in this browser (web/src/views/ownData.ts)
  'ownData.capped': (p) => `This browser had ${p.found} points saved; the page holds at most ${p.max}, so the first ${p.max} are used.`,
  'ownData.unreadable': () => 'The points saved in this browser could not be read (not what this page writes); starting with none.',
  'ownData.notSaved': (p) => `The ${p.count} points are not saved in this browser: its storage is full or unavailable. They are lost when the page closes; export them as CSV to keep them.`,
} satisfies Record<string, Wording>;

export type MessageCode = keyof typeof ENGLISH;

export interface Message {
  code: MessageCode;
  params: MessageParams;
  text: string;  // the English wording
}

export function message(code: MessageCode, params: MessageParams = {}): Message {
  return { code, params, text: ENGLISH[code](params) };
}

// hash.notAllowed's params: `type` (the field's type) and min, max, values, maxItems, setting
// as the type has them; fallback (the value used) or fallbackKind 'optimizerDefault' / 'none'.
export function englishAllowed(p: MessageParams): string {
  switch (p.type) {
    case 'enum': return `one of ${p.values}`;
    case 'bool': return 'true or false';
    case 'number': return `a number from ${p.min} to ${p.max}`;
    case 'int': return `a whole number from ${p.min} to ${p.max}`;
    case 'intList': return `up to ${p.maxItems} comma-separated whole numbers from ${p.min} to ${p.max}`;
    case 'seed': return 'up to 40 letters, digits, dots, dashes or underscores';
    case 'points': return `up to ${p.max} points as the page's "Copy link" writes them`;
    default: return `setting:v1,v2,… with setting one of ${p.values} and 2 to 4 of its values`;
  }
}

function englishFallback(p: MessageParams): string {
  return p.fallbackKind === 'optimizerDefault' ? "the optimizer's default" : p.fallbackKind === 'none' ? '(none)' : String(p.fallback);
}
