// Keras' and tfjs' serialized names for what nnplay runs: initializers, regularizers and
// optimizer configs, both ways. Keras writes {class_name, config} with snake_case keys;
// tfjs writes the same class names with camelCase config keys (and a few own class names:
// Momentum, RMSProp with `decay` meaning rho).
import { findOptimizer, OPTIMIZERS, type OptimizerEntry } from '../registry.js';

type Json = Record<string, unknown>;

// ---- initializers
const PLAYGROUND_KERNEL = { minval: -0.5, maxval: 0.5 };  // core: kernel U[-0.5, 0.5), bias 0.1
const PLAYGROUND_BIAS = 0.1;
const KERAS_UNIFORM = { minval: -0.05, maxval: 0.05 };    // RandomUniform's defaults

export function initializerJson(name: string | undefined, bias: boolean): Json {
  const n = name ?? (bias ? 'zeros' : 'glorot_uniform');
  switch (n) {
    case 'glorot_uniform': return { class_name: 'GlorotUniform', config: { seed: null } };
    case 'he_uniform': return { class_name: 'HeUniform', config: { seed: null } };
    case 'lecun_uniform': return { class_name: 'LeCunUniform', config: { seed: null } };
    case 'random_uniform': return { class_name: 'RandomUniform', config: { ...KERAS_UNIFORM, seed: null } };
    case 'zeros': return { class_name: 'Zeros', config: {} };
    case 'ones': return { class_name: 'Ones', config: {} };
    case 'playground':
      return bias ? { class_name: 'Constant', config: { value: PLAYGROUND_BIAS } } : { class_name: 'RandomUniform', config: { ...PLAYGROUND_KERNEL, seed: null } };
    default: throw new Error(`save: no Keras name for initializer '${n}'`);
  }
}

const snake = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
const INITIALIZER_CLASSES: Record<string, string> = {
  glorotuniform: 'glorot_uniform', glorot_uniform: 'glorot_uniform',
  heuniform: 'he_uniform', he_uniform: 'he_uniform',
  lecununiform: 'lecun_uniform', lecun_uniform: 'lecun_uniform', le_cun_uniform: 'lecun_uniform',
  zeros: 'zeros', zero: 'zeros', ones: 'ones', one: 'ones',
};

// nnplay's initializer for a serialized one (a name in Keras' or tfjs' spelling, or
// {class_name, config}); null when nnplay cannot draw it (see topology.ts).
export function initializerName(json: unknown, bias: boolean): string | null {
  if (json === null || json === undefined) return bias ? 'zeros' : 'glorot_uniform';
  if (typeof json === 'string') {
    const key = json.toLowerCase();
    return INITIALIZER_CLASSES[key] ?? INITIALIZER_CLASSES[snake(json)] ?? (snake(json) === 'random_uniform' ? 'random_uniform' : null);
  }
  if (typeof json !== 'object' || typeof (json as Json).class_name !== 'string') return null;
  const cls = (json as Json).class_name as string;
  const config = ((json as Json).config ?? {}) as Json;
  const simple = INITIALIZER_CLASSES[cls.toLowerCase()];
  if (simple) return simple;
  if (cls === 'RandomUniform') {
    const lo = config.minval ?? config.minVal, hi = config.maxval ?? config.maxVal;
    if (!bias && lo === PLAYGROUND_KERNEL.minval && hi === PLAYGROUND_KERNEL.maxval) return 'playground';
    if ((lo ?? KERAS_UNIFORM.minval) === KERAS_UNIFORM.minval && (hi ?? KERAS_UNIFORM.maxval) === KERAS_UNIFORM.maxval) return 'random_uniform';
    return null;
  }
  if (cls === 'Constant' && bias && config.value === PLAYGROUND_BIAS) return 'playground';
  if (cls === 'VarianceScaling') {  // glorot / he / lecun uniform written out
    const { scale, mode, distribution } = config as { scale?: number; mode?: string; distribution?: string };
    if (distribution !== 'uniform') return null;
    if (scale === 1 && mode === 'fan_avg') return 'glorot_uniform';
    if (scale === 2 && mode === 'fan_in') return 'he_uniform';
    if (scale === 1 && mode === 'fan_in') return 'lecun_uniform';
  }
  return null;
}

// A value for a message: {class_name, config} as "Class {config}", anything long cut short.
export function describeJson(json: unknown): string {
  const text = json && typeof json === 'object' && typeof (json as Json).class_name === 'string'
    ? `${(json as Json).class_name} ${JSON.stringify((json as Json).config ?? {})}`
    : typeof json === 'number' || json === undefined ? String(json) : JSON.stringify(json) ?? String(json);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

// ---- regularizers: tfjs writes L1L2 {l1, l2}; Keras also L1 {l1} and L2 {l2}
export function regularizerJson(l1: number, l2: number): Json | null {
  return l1 || l2 ? { class_name: 'L1L2', config: { l1, l2 } } : null;
}

export function regularizerRates(json: unknown): { l1: number; l2: number } | string {
  if (json === null || json === undefined) return { l1: 0, l2: 0 };
  if (typeof json === 'string') {
    if (json === 'l1') return { l1: 0.01, l2: 0 };
    if (json === 'l2') return { l1: 0, l2: 0.01 };
    if (json === 'l1_l2' || json === 'l1l2') return { l1: 0.01, l2: 0.01 };
    return `'${json}'`;
  }
  const cls = typeof json === 'object' ? (json as Json).class_name : undefined;
  const c = ((json as Json).config ?? {}) as Json;
  const num = (v: unknown) => (v === undefined ? 0 : typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : NaN);
  let rates: { l1: number; l2: number } | null = null;
  if (cls === 'L1L2' || cls === 'l1_l2') rates = { l1: num(c.l1), l2: num(c.l2) };
  else if (cls === 'L1' || cls === 'l1') rates = { l1: num(c.l1), l2: 0 };
  else if (cls === 'L2' || cls === 'l2') rates = { l1: 0, l2: num(c.l2) };
  if (!rates || Number.isNaN(rates.l1) || Number.isNaN(rates.l2)) return describeJson(json);
  return rates;
}

// ---- optimizers
// The engine's optimizer config (Keras keys, booleans as 0/1) -> camelCase options.
export function optimizerOptionsFromKeras(entry: OptimizerEntry, config: Json): Record<string, number | boolean> {
  const out: Record<string, number | boolean> = {};
  for (const o of entry.options) {
    if (o.engineOnly) continue;
    const v = config[o.name];
    if (v === undefined) continue;
    out[o.camel] = typeof o.default === 'boolean' ? Boolean(v) : Number(v);
  }
  return out;
}

// Keras' optimizer_config for an engine optimizer config ({name, learning_rate, ...}).
export function kerasOptimizerConfig(entry: OptimizerEntry, options: Record<string, number | boolean>): { class_name: string; config: Json } {
  const config: Json = { name: entry.className };
  for (const o of entry.options) if (!o.engineOnly) config[o.name] = options[o.camel] ?? o.default;
  return { class_name: entry.className, config };
}

const TFJS_EPSILON = 1e-7;  // tfjs' backend epsilon (float32), which its Adagrad uses

// The same in tfjs' own form, when tfjs has that optimizer with these options (else null:
// then tfjs loads the model uncompiled, and nnplay reads its own copy).
export function tfjsOptimizerConfig(entry: OptimizerEntry, o: Record<string, number | boolean>): { class_name: string; config: Json } | null {
  const v = (camel: string) => o[camel] ?? entry.options.find((x) => x.camel === camel)?.default;
  if (Number(v('decay') ?? 0) !== 0) return null;
  const learningRate = v('learningRate');
  switch (entry.key) {
    case 'sgd':
      if (Number(v('momentum')) === 0 && !v('nesterov')) return { class_name: 'SGD', config: { learningRate } };
      return { class_name: 'Momentum', config: { learningRate, momentum: v('momentum'), useNesterov: Boolean(v('nesterov')) } };
    case 'adagrad':
      return v('epsilon') === TFJS_EPSILON ? { class_name: 'Adagrad', config: { learningRate, initialAccumulatorValue: v('initialAccumulatorValue') } } : null;
    case 'adadelta':
      return { class_name: 'Adadelta', config: { learningRate, rho: v('rho'), epsilon: v('epsilon') } };
    case 'adam':
      return v('amsgrad') ? null : { class_name: 'Adam', config: { learningRate, beta1: v('beta1'), beta2: v('beta2'), epsilon: v('epsilon') } };
    case 'adamax':
      return { class_name: 'Adamax', config: { learningRate, beta1: v('beta1'), beta2: v('beta2'), epsilon: v('epsilon'), decay: 0 } };
    case 'rmsprop':
      return { class_name: 'RMSProp', config: { learningRate, decay: v('rho'), momentum: v('momentum'), epsilon: v('epsilon'), centered: Boolean(v('centered')) } };
    default:
      return null;  // Nadam: tfjs has none
  }
}

const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
// Keys that carry no training setting (Keras 2.11+ / Keras 3 write them).
const IGNORED_OPTIMIZER_KEYS = new Set(['name', 'is_legacy_optimizer', 'jit_compile', 'use_ema', 'ema_momentum', 'ema_overwrite_frequency', 'loss_scale_factor', 'gradient_accumulation_steps']);
const UNSUPPORTED_OPTIMIZER_KEYS = new Set(['clipnorm', 'clipvalue', 'global_clipnorm', 'weight_decay']);

// An optimizer_config (Keras' or tfjs' spelling) -> nnplay's optimizer key and camelCase
// options; a string saying what cannot be run otherwise.
export function optimizerFromConfig(oc: unknown): { key: string; options: Record<string, number | boolean> } | string {
  if (!oc || typeof oc !== 'object' || typeof (oc as Json).class_name !== 'string') return `optimizer_config ${JSON.stringify(oc)} (expected {class_name, config})`;
  const cls = (oc as Json).class_name as string;
  const config = ((oc as Json).config ?? {}) as Json;
  const key = cls === 'Momentum' ? 'sgd' : cls === 'RMSProp' ? 'rmsprop' : findOptimizer(cls)?.key;
  if (!key) return `optimizer '${cls}' (nnplay runs ${OPTIMIZERS.map((e) => e.className).join(', ')})`;
  const entry = findOptimizer(key)!;
  const options: Record<string, number | boolean> = {};
  for (const [k0, value] of Object.entries(config)) {
    const k = snake(k0);
    if (IGNORED_OPTIMIZER_KEYS.has(k) || value === null || value === false && k === 'use_ema') continue;
    if (UNSUPPORTED_OPTIMIZER_KEYS.has(k)) return `optimizer option ${k0}: ${JSON.stringify(value)} (nnplay has no ${k})`;
    let name = camel(k === 'lr' ? 'learning_rate' : k);
    if (cls === 'Momentum' && name === 'useNesterov') name = 'nesterov';
    if (cls === 'RMSProp' && name === 'decay') name = 'rho';  // tfjs' RMSProp calls rho `decay`
    const option = entry.options.find((o) => o.camel === name && !o.engineOnly);
    if (!option) return `${cls} option ${k0} (${entry.className} takes ${entry.options.filter((o) => !o.engineOnly).map((o) => o.name).join(', ')})`;
    if (typeof value !== (typeof option.default === 'boolean' ? 'boolean' : 'number')) return `${cls} option ${k0}: ${JSON.stringify(value)}`;
    options[name] = value as number | boolean;
  }
  return { key, options };
}
