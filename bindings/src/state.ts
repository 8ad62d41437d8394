// The playground state: one schema (names, defaults, allowed values, validation) for the
// page's URL hash and the CLI's --state. Key names and value formats are the Deep Insider
// playground's (docs/PLAYGROUND.md §2.7), so its links open the same setup; nnplay's own keys
// come after them. Nothing parsed here is ever treated as HTML: values are checked
// against the schema and notices are plain text.

import { hashOfLink } from './stateLink.js';
import { englishAllowed, type Message, message, type MessageParams } from './messages.js';
import { decodePoints, encodePoints, type OwnPoints, POINTS_IN_LINK, POINTS_MAX_CHARS } from './pointsLink.js';
import {
  CLASSIFY_DATASET_NAMES, type ClassifyDatasetName, FEATURE_NAMES, FEATURES, type FeatureName, HIDDEN_ACTIVATIONS, LOSS_SHORT_NAMES,
  NOISE_MAX, OPTIMIZER_KEYS, OPTIMIZERS, REGRESS_DATASET_NAMES, type RegressDatasetName,
} from './registry.js';

export type FieldType = 'enum' | 'number' | 'int' | 'bool' | 'intList' | 'seed' | 'compare' | 'points';

// What a change of the setting makes the page redo: new data (and so a new model), a new
// model, a new fit session (same weights), or nothing (views only, or set live).
export type Rebuild = 'data' | 'model' | 'session' | 'none';

export interface Field {
  key: string;
  type: FieldType;
  default: unknown;
  values?: readonly string[];  // enum
  min?: number;                // number, int, intList items
  max?: number;
  maxItems?: number;           // intList
  optional?: boolean;          // absent = the engine's default (not serialised)
  serializeDefault?: 'omit';   // like upstream's regularization=none
  optimizerOption?: boolean;   // one of the optimizers' hyper-parameters (camelCase, as in the registry)
  rebuild: Rebuild;
  help: string;
}

// The page's learning-rate menu; the URL's learningRate is any number in its range (the
// engine takes any finite rate >= 0, core/registry.json: the page's range is narrower).
export const LEARNING_RATES = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10] as const;
export const REGULARIZATION_RATES = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10] as const;
// The registry's datasets by problem; 'custom': points drawn on the plot or imported from CSV
// (kept by the page, not in the URL).
export const CLASSIFY_DATASETS: readonly (ClassifyDatasetName | 'custom')[] = [...CLASSIFY_DATASET_NAMES, 'custom'];
export const REGRESS_DATASETS: readonly RegressDatasetName[] = REGRESS_DATASET_NAMES;
// The input features' URL keys, in the engine's order (core/registry.json).
export const FEATURE_KEYS: readonly FeatureName[] = FEATURE_NAMES;
// The page's network: at most this many hidden layers of at most this many neurons each.
export const MAX_HIDDEN_LAYERS = 6;
export const MAX_NEURONS = 8;

// Parts of the page an embedding article may hide with <part>_hide=true.
export const HIDABLE_PARTS: readonly string[] = [
  'showTrainData', 'showValidationData', 'showTestData', 'discretize', 'playButton', 'stepButton', 'resetButton',
  'learningRate', 'activation', 'loss', 'optimizer', 'regularization', 'regularizationRate', 'problem', 'dataset',
  'percTrainData', 'noise', 'batchSize', 'batchFull', 'numHiddenLayers', ...FEATURE_KEYS, 'prepare', 'description',
  'cnum1', 'cnum2', 'cnum3', 'cnum4', 'cnum5', 'cnum6', 'cnum7', 'cnum8', 'numNodes1', 'numNodes2', 'numNodes3',
  'numNodes4', 'numNodes5', 'numNodes6', 'epoch', 'tlabel', 'metrics', 'stats', 'network', 'outactiv', 'testButton',
  'code', 'exports', 'gd', 'compare', 'inspector', 'landscape',
];

// Keys of upstream / Deep Insider links that nnplay accepts and ignores.
const IGNORED_KEYS = ['tutorial', 'collectStats', 'cosX', 'cosY', 'initZero'];

// 'beta_1 (Adam, Adamax, Nadam)': the Keras name and the optimizers that take it.
function optimizerHelp(camel: string): string {
  const takers = OPTIMIZERS.filter((o) => o.options.some((x) => x.camel === camel));
  return `${takers[0].options.find((x) => x.camel === camel)!.name} (${takers.map((o) => o.className).join(', ')})`;
}

// One bool field per input feature (x, y, …), in the Deep Insider URL's order.
const featureFields: Field[] = [...FEATURES].sort((a, b) => a.hashOrder - b.hashOrder)
  .map((f) => ({ key: f.name, type: 'bool', default: f.default, rebuild: 'model', help: `input feature ${f.text}` }));

// In the Deep Insider playground's serialisation order, then nnplay's own keys.
export const SCHEMA: readonly Field[] = [
  { key: 'activation', type: 'enum', default: 'tanh', values: HIDDEN_ACTIVATIONS, rebuild: 'model', help: 'hidden-layer activation' },
  { key: 'activspacer', type: 'bool', default: false, rebuild: 'none', help: 'show an empty spacer cell in the top bar (Deep Insider)' },
  { key: 'loss', type: 'enum', default: 'mse', values: LOSS_SHORT_NAMES, rebuild: 'model', help: 'loss function' },
  { key: 'regularization', type: 'enum', default: 'none', values: ['none', 'L1', 'L2'], serializeDefault: 'omit', rebuild: 'model', help: 'kernel regularizer' },
  { key: 'batchSize', type: 'int', default: 10, min: 1, max: 10000, rebuild: 'model', help: 'mini-batch size' },
  { key: 'batchFull', type: 'bool', default: false, rebuild: 'model', help: 'one batch of all training data (全部)' },
  { key: 'dataset', type: 'enum', default: 'circle', values: CLASSIFY_DATASETS, rebuild: 'data', help: 'classification dataset' },
  { key: 'regDataset', type: 'enum', default: 'reg-plane', values: REGRESS_DATASETS, rebuild: 'data', help: 'regression dataset' },
  { key: 'learningRate', type: 'number', default: 0.03, min: LEARNING_RATES[0], max: LEARNING_RATES[LEARNING_RATES.length - 1], rebuild: 'none', help: 'learning rate (the page sets it live)' },
  { key: 'regularizationRate', type: 'number', default: 0, min: 0, max: 10, rebuild: 'model', help: 'regularization rate' },
  { key: 'noise', type: 'number', default: 0, min: 0, max: Math.round(NOISE_MAX * 100), rebuild: 'data', help: 'noise in percent (0-50 on the slider)' },
  { key: 'networkShape', type: 'intList', default: [4, 2], min: 1, max: MAX_NEURONS, maxItems: MAX_HIDDEN_LAYERS, rebuild: 'model', help: 'neurons per hidden layer, e.g. 4,2 (empty: no hidden layer)' },
  { key: 'seed', type: 'seed', default: '', rebuild: 'data', help: 'random seed, e.g. 0.12345: the same seed gives the same data and initial weights' },
  { key: 'showTrainData', type: 'bool', default: true, rebuild: 'none', help: 'show training points' },
  { key: 'showValidationData', type: 'bool', default: false, rebuild: 'none', help: 'show validation points' },
  { key: 'showTestData', type: 'bool', default: true, rebuild: 'none', help: 'show test points' },
  { key: 'discretize', type: 'bool', default: false, rebuild: 'none', help: 'discretize the output' },
  { key: 'percTrainData', type: 'int', default: 50, min: 10, max: 90, rebuild: 'data', help: 'percentage of data used for training' },
  ...featureFields,
  { key: 'problem', type: 'enum', default: 'classification', values: ['classification', 'regression'], rebuild: 'data', help: 'problem type' },
  { key: 'initOrigin', type: 'bool', default: false, rebuild: 'model', help: "the original playground's initial weights (U[-0.5, 0.5), bias 0.1) instead of Glorot" },
  { key: 'hideText', type: 'bool', default: false, rebuild: 'none', help: 'hide the header and text (for embedding)' },
  // nnplay's own keys
  { key: 'optimizer', type: 'enum', default: 'sgd', values: OPTIMIZER_KEYS, rebuild: 'model', help: 'optimizer (tf.keras 2.x defaults)' },
  { key: 'momentum', type: 'number', default: null, optional: true, min: 0, max: 1, optimizerOption: true, rebuild: 'model', help: optimizerHelp('momentum') },
  { key: 'rho', type: 'number', default: null, optional: true, min: 0, max: 1, optimizerOption: true, rebuild: 'model', help: optimizerHelp('rho') },
  { key: 'beta1', type: 'number', default: null, optional: true, min: 0, max: 0.9999, optimizerOption: true, rebuild: 'model', help: optimizerHelp('beta1') },
  { key: 'beta2', type: 'number', default: null, optional: true, min: 0, max: 0.99999, optimizerOption: true, rebuild: 'model', help: optimizerHelp('beta2') },
  { key: 'weightsSeed', type: 'int', default: null, optional: true, min: 0, max: 4294967295, rebuild: 'model', help: "initial weights' own seed (set by 'new weights'; absent: derived from seed)" },
  { key: 'maxEpochs', type: 'int', default: null, optional: true, min: 1, max: 1000000, rebuild: 'session', help: 'stop after this many epochs' },
  { key: 'patience', type: 'int', default: null, optional: true, min: 0, max: 10000, rebuild: 'session', help: "early stopping on val_loss with this patience (Keras' EarlyStopping)" },
  { key: 'compare', type: 'compare', default: null, optional: true, rebuild: 'none', help: 'side-by-side runs: setting:v1,v2,… (learningRate, optimizer, loss, batchSize or activation; 2-4 values)' },
  { key: 'inspect', type: 'intList', default: null, optional: true, min: 0, max: MAX_NEURONS, maxItems: 3, rebuild: 'none', help: 'the optimizer inspector\'s weight: layer,from,to (a kernel weight) or layer,unit (a bias); layers from 0' },
  { key: 'landscape', type: 'enum', default: 'off', values: ['off', 'random', 'pca'], serializeDefault: 'omit', rebuild: 'none', help: 'the loss landscape view: off, random (filter-normalised directions) or pca (of the weight trajectory)' },
  { key: 'lang', type: 'enum', default: 'ja', values: ['ja', 'en'], rebuild: 'none', help: 'page language' },
  { key: 'palette', type: 'enum', default: 'default', values: ['default', 'cb'], rebuild: 'none', help: 'colours: the playground\'s orange/blue, or cb (colour-blind-safe)' },
  { key: 'lossScale', type: 'enum', default: 'keras', values: ['keras', 'half'], serializeDefault: 'omit', rebuild: 'none', help: "losses shown as Keras reports them, or half: squared error on the Deep Insider playground's ½ scale (display only; code and exports stay Keras)" },
  { key: 'theme', type: 'enum', default: 'auto', values: ['auto', 'light', 'dark'], serializeDefault: 'omit', rebuild: 'none', help: 'page colours: auto follows the system (prefers-color-scheme); light or dark forces one (for embedding in a light or dark article)' },
  // own data in the link (bindings/src/pointsLink.ts); the page sets it while dataset=custom
  { key: 'points', type: 'points', default: null, optional: true, max: POINTS_IN_LINK, rebuild: 'none', help: `own data (dataset=custom): up to ${POINTS_IN_LINK} drawn or imported points, coordinates on a 0.005 grid, base64url as the page writes it` },
];

// The optimizers' hyper-parameters the state holds (momentum, rho, beta1, beta2).
export const OPTIMIZER_STATE_KEYS: readonly string[] = SCHEMA.filter((f) => f.optimizerOption).map((f) => f.key);

// What a change of these keys makes the page redo: the largest of their schema entries'
// rebuilds (data > model > session > none; keys outside the schema, like hide, rebuild nothing).
export function rebuildFor(changed: readonly string[]): Rebuild {
  const kinds = changed.map((k) => SCHEMA.find((f) => f.key === k)?.rebuild ?? 'none');
  return (['data', 'model', 'session'] as const).find((r) => kinds.includes(r)) ?? 'none';
}

// (the input features' bool fields, x … sinY, come from the registry)
export interface PlaygroundState extends Record<FeatureName, boolean> {
  activation: string;  // one of the registry's HIDDEN_ACTIVATIONS
  activspacer: boolean;
  loss: string;        // a registry loss's short name
  regularization: 'none' | 'L1' | 'L2';
  batchSize: number;
  batchFull: boolean;
  dataset: (typeof CLASSIFY_DATASETS)[number];
  regDataset: (typeof REGRESS_DATASETS)[number];
  learningRate: number;
  regularizationRate: number;
  noise: number;
  networkShape: number[];
  seed: string;
  showTrainData: boolean;
  showValidationData: boolean;
  showTestData: boolean;
  discretize: boolean;
  percTrainData: number;
  problem: 'classification' | 'regression';
  initOrigin: boolean;
  hideText: boolean;
  optimizer: string;   // a registry optimizer's key
  momentum: number | null;
  rho: number | null;
  beta1: number | null;
  beta2: number | null;
  weightsSeed: number | null;
  maxEpochs: number | null;
  patience: number | null;
  compare: Comparison | null;
  inspect: number[] | null;  // [layer, from, to] or [layer, unit]
  landscape: 'off' | 'random' | 'pca';
  lang: 'ja' | 'en';
  palette: 'default' | 'cb';
  lossScale: 'keras' | 'half';
  theme: 'auto' | 'light' | 'dark';
  points: OwnPoints | null;
  hide: string[];  // parts hidden by <part>_hide=true, in the order given
}

// Side by side: one setting, 2-4 values (e.g. the article's figure 5-10: learning rates
// 0.003, 0.03, 0.3, 3), each value checked by that setting's own field.
export const COMPARABLE = ['learningRate', 'optimizer', 'loss', 'batchSize', 'activation'] as const;
export interface Comparison {
  setting: (typeof COMPARABLE)[number];
  values: (string | number)[];
}

const MAX_HASH = 20000;
const MAX_VALUE = 200;

// The playground's seed format: Math.random().toFixed(5)
export function randomSeed(): string {
  return Math.random().toFixed(5);
}

export function defaultState(seed: string = randomSeed()): PlaygroundState {
  const s: Record<string, unknown> = { hide: [] };
  for (const f of SCHEMA) s[f.key] = Array.isArray(f.default) ? [...f.default] : f.default;
  s.seed = seed;
  return s as unknown as PlaygroundState;
}

export function describeAllowed(f: Field): string {
  return englishAllowed(allowedParams(f));
}

// Returns the parsed value, or undefined when `text` is not allowed for the field.
export function parseValue(f: Field, text: string): unknown {
  if (text.length > (f.type === 'points' ? POINTS_MAX_CHARS : MAX_VALUE)) return undefined;
  switch (f.type) {
    case 'points':
      return decodePoints(text);
    case 'enum':
      return f.values!.includes(text) ? text : undefined;
    case 'bool':
      return text === 'true' ? true : text === 'false' ? false : undefined;
    case 'number':
    case 'int': {
      if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return undefined;
      const v = Number(text);
      if (!Number.isFinite(v) || v < f.min! || v > f.max!) return undefined;
      if (f.type === 'int' && !Number.isInteger(v)) return undefined;
      return v;
    }
    case 'intList': {
      if (text === '') return [];
      const items = text.split(',');
      if (items.length > f.maxItems!) return undefined;
      const out: number[] = [];
      for (const item of items) {
        if (!/^\d+$/.test(item)) return undefined;
        const v = Number(item);
        if (v < f.min! || v > f.max!) return undefined;
        out.push(v);
      }
      return out;
    }
    case 'seed':
      return /^[A-Za-z0-9._-]{1,40}$/.test(text) ? text : undefined;
    case 'compare': {
      const [setting, list, ...rest] = text.split(':');
      if (rest.length || !list || !(COMPARABLE as readonly string[]).includes(setting)) return undefined;
      const field = SCHEMA.find((f) => f.key === setting)!;
      const values = list.split(',').map((v) => parseValue(field, v));
      if (values.length < 2 || values.length > 4 || values.some((v) => v === undefined)) return undefined;
      return { setting, values } as Comparison;
    }
  }
}

export function formatValue(f: Field, v: unknown): string {
  if (f.type === 'intList') return (v as number[]).join(',');
  if (f.type === 'compare') return `${(v as Comparison).setting}:${(v as Comparison).values.join(',')}`;
  if (f.type === 'points') return encodePoints(v as OwnPoints) ?? '';
  return String(v);
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

// Shown in notices (quoted by the wording): printable, short, never interpreted.
function shown(text: string): string {
  const clean = text.replace(/[^\x20-\x7e]/g, '?');
  return clean.length > 40 ? clean.slice(0, 40) + '…' : clean;
}

export interface ParseResult {
  state: PlaygroundState;
  notices: string[];     // plain text, one per ignored or replaced key
  messages: Message[];   // the same notices as codes and parameters (the page words them)
  authorNotices: string[];  // the same for <part>_hide keys: for the link's author (the page logs them), not its readers
}

// hash.notAllowed's description of what a field allows (messages.ts words it).
function allowedParams(f: Field): MessageParams {
  const p: MessageParams = { type: f.type };
  if (f.min !== undefined) p.min = f.min;
  if (f.max !== undefined) p.max = f.max;
  if (f.maxItems !== undefined) p.maxItems = f.maxItems;
  if (f.type === 'enum') p.values = f.values!.join(', ');
  if (f.type === 'compare') p.values = COMPARABLE.join(', ');
  return p;
}

// '#activation=tanh&learningRate=0.03&…' (leading '#' or '?' optional) -> state. Every key
// that is missing takes its default; every key that is malformed takes its default and
// adds a notice; nothing throws.
export function parseHash(hash: string, seed: string = randomSeed()): ParseResult {
  const state = defaultState(seed) as unknown as Record<string, unknown>;
  const messages: Message[] = [];
  const authorNotices: string[] = [];
  let text = hashOfLink(String(hash ?? '')).replace(/^[#?]/, '');  // a whole page link: its hash
  if (text.length > MAX_HASH) {
    messages.push(message('hash.tooLong', { length: text.length, limit: MAX_HASH }));
    text = '';
  }
  const hide = new Set<string>();
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawKey = eq < 0 ? part : part.slice(0, eq);
    const rawValue = eq < 0 ? undefined : part.slice(eq + 1);
    const key = safeDecode(rawKey);
    const value = rawValue === undefined ? undefined : safeDecode(rawValue);
    if (key === undefined || value === undefined) {
      messages.push(message('hash.notKeyValue', { part: shown(part) }));
      continue;
    }
    if (key.endsWith('_hide')) {
      const name = key.slice(0, -'_hide'.length);
      if (!HIDABLE_PARTS.includes(name)) authorNotices.push(message('hash.noSuchPart', { key: shown(key), name: shown(name) }).text);
      else if (value === 'true') hide.add(name);
      else if (value !== 'false') authorNotices.push(message('hash.hideTrueFalse', { key: shown(key), value: shown(value) }).text);
      continue;
    }
    if (IGNORED_KEYS.includes(key)) continue;
    const field = SCHEMA.find((f) => f.key === key);
    if (!field) {
      messages.push(message('hash.unknownKey', { key: shown(key) }));
      continue;
    }
    const parsed = parseValue(field, value);
    if (parsed === undefined) {
      const used = state[key] === null ? '' : formatValue(field, state[key]);
      const fallback: MessageParams = state[key] === null ? { fallbackKind: 'optimizerDefault' } : used ? { fallback: used } : { fallbackKind: 'none' };
      messages.push(message('hash.notAllowed', { key, value: shown(value), ...allowedParams(field), ...fallback }));
      continue;
    }
    state[key] = parsed;
  }
  state.hide = [...hide];
  return { state: state as unknown as PlaygroundState, notices: messages.map((m) => m.text), messages, authorNotices };
}

// state -> '#activation=tanh&…' in the schema's order; optional keys only when set.
export function serializeHash(state: PlaygroundState): string {
  const s = state as unknown as Record<string, unknown>;
  const parts: string[] = [];
  for (const f of SCHEMA) {
    const v = s[f.key];
    if (v === null || v === undefined) continue;
    if (f.serializeDefault === 'omit' && v === f.default) continue;
    parts.push(`${f.key}=${encodeURIComponent(formatValue(f, v)).replace(/%2C/g, ',').replace(/%3A/g, ':')}`);
  }
  for (const part of state.hide ?? []) parts.push(`${part}_hide=true`);
  return '#' + parts.join('&');
}
