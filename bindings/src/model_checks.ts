// The argument checks of Sequential's methods (model.ts calls one at the top of each): every
// unknown key, wrong type, hole or non-finite number is refused before the engine, naming
// the call, the argument, the value and what is allowed.
import { type FitProgress, fitProgress } from './fit_progress.js';
import { isDenseLayer, type DenseLayer } from './layers.js';
import type { EngineCompileConfig } from './engine.mjs';
import type { EarlyStoppingArgs, FitArgs, FitCallbacks } from './model_args.js';
import { checkOptimizer, engineOptions, type OptimizerSpec } from './optimizers.js';
import { callbacksWithAccAliases } from './tfjs_aliases.js';
import { LOSS_SPELLINGS, METRIC_SPELLINGS } from './registry.js';
import {
  arrayOf, booleanRule, check, checkArray, checkOptions, countRule, either, fail, functionRule, isPlainObject, nullable,
  numberRule, objectOf, oneOf, randomSeedNumber, type Rule, SEED_RULE, show, stringRule,
} from './validate.js';

// sequential([layers], {seed}) or tfjs' sequential({layers, seed}); no seed: a random one.
export function checkSequentialArgs(first: unknown, second: unknown): { layers: DenseLayer[]; seed: number } {
  const call = 'sequential';
  let layers: unknown = first ?? [];
  let options: unknown = second;
  if (isPlainObject(first)) {
    if (second !== undefined) fail(`${call}: give either (layers, {seed}) or ({layers, seed}), not both; got a second argument ${show(second)}`);
    const { layers: l, ...rest } = first;
    layers = l ?? [];
    options = rest;
  }
  const o = checkOptions(call, options, { seed: SEED_RULE });
  const list = checkArray(call, 'layers', layers, { allowed: 'a layer made by nn.layers.dense({...})', test: isDenseLayer });
  return { layers: list, seed: o.seed ?? randomSeedNumber() };
}

export function checkLayer(call: string, layer: unknown): DenseLayer {
  return check(call, 'layer', layer, { allowed: 'a layer made by nn.layers.dense({...})', test: isDenseLayer });
}

const optimizerRule: Rule = {
  allowed: "a name such as 'sgd' or nn.optimizers.sgd({...})",
  test: (v: unknown): v is unknown => typeof v === 'string' || isPlainObject(v),
  check: (call, _name, v) => checkOptimizer(call, v),
};
const metricRule = oneOf(METRIC_SPELLINGS);
const COMPILE_SPEC = {
  optimizer: optimizerRule,
  loss: oneOf(LOSS_SPELLINGS),
  metrics: either(metricRule, arrayOf(metricRule)),  // tfjs and Keras take one name too
};

// compile()'s arguments as the engine takes them: the optimizer's class and Keras-named options.
export function checkCompileArgs(args: unknown): EngineCompileConfig {
  const call = 'compile';
  if (!isPlainObject(args)) fail(`${call}: expected {optimizer, loss, metrics}, got ${show(args)}`);
  const c = checkOptions(call, args, COMPILE_SPEC, 'arguments');
  if (c.optimizer === undefined) fail(`${call}: optimizer is required, e.g. 'sgd' or nn.optimizers.sgd({learningRate: 0.03})`);
  if (c.loss === undefined) fail(`${call}: loss is required; allowed: ${LOSS_SPELLINGS.join(', ')}`);
  const metrics = c.metrics === undefined ? [] : typeof c.metrics === 'string' ? [c.metrics] : c.metrics;
  metrics.forEach((m, i) => {
    if (metrics.indexOf(m) !== i) fail(`${call}: metrics lists '${m}' twice`);
  });
  const spec = c.optimizer as OptimizerSpec;  // optimizerRule's check made it one
  return { optimizer: spec.className, optimizerOptions: engineOptions(spec), loss: c.loss, metrics };
}

const EARLY_STOPPING_SPEC = {
  monitor: stringRule,
  minDelta: numberRule(),
  patience: countRule(0),
  mode: oneOf(['auto', 'min', 'max'] as const),
  baseline: nullable(numberRule()),
  restoreBestWeights: booleanRule,
};

const CALLBACK_SPEC = {
  onTrainBegin: functionRule,
  onTrainEnd: functionRule,
  onEpochBegin: functionRule,
  onEpochEnd: functionRule,
  onBatchEnd: functionRule,
};
const callbacksObject = objectOf(CALLBACK_SPEC, '{onEpochEnd(epoch, logs) {...}}');

const tensorPair: Rule = {
  allowed: 'an array [x, y]',
  test: (v: unknown): v is unknown => Array.isArray(v) && v.length === 2 && 0 in v && 1 in v,
};

const BEGIN_FIT_SPEC = {
  batchSize: countRule(1),
  epochs: countRule(0),
  initialEpoch: countRule(0),
  shuffle: booleanRule,
  validationSplit: numberRule({ min: 0, below: 1 }),
  validationData: tensorPair,
  earlyStopping: nullable(objectOf(EARLY_STOPPING_SPEC, "{monitor: 'val_loss', patience: 10}")),
  seed: SEED_RULE,
};
const FIT_SPEC = {
  ...BEGIN_FIT_SPEC,
  callbacks: either(callbacksObject, arrayOf(callbacksObject)),  // tfjs takes an array of callback objects
  yieldEvery: oneOf(['epoch', 'never'] as const),
  // tfjs' and Keras' verbose: 0 prints nothing (the default), 1 Keras' progress bar, 2 one line per epoch (fit_progress.ts).
  verbose: numberRule({ min: 0, max: 2, integer: true }),
};

export type BeginFitArgs = Omit<FitArgs, 'callbacks' | 'yieldEvery' | 'verbose'>;

export function checkBeginFitArgs(args: unknown, call = 'beginFit'): BeginFitArgs {
  return checkOptions(call, args, BEGIN_FIT_SPEC) as BeginFitArgs;
}

// Several callback objects as one: each hook calls every object's, in order, one after the other.
const NO_CALLBACKS: FitCallbacks = Object.freeze({});

export function mergeCallbacks(list: readonly FitCallbacks[]): FitCallbacks {
  if (list.length === 0) return NO_CALLBACKS;
  if (list.length === 1) return list[0];
  const merged: Record<string, (...args: unknown[]) => Promise<void>> = {};
  for (const key of Object.keys(CALLBACK_SPEC) as (keyof FitCallbacks)[]) {
    const owners = list.filter((c) => c[key] !== undefined);
    if (owners.length === 0) continue;  // fit() chooses its path by which hooks exist
    merged[key] = async (...args: unknown[]) => {
      for (const owner of owners) await (owner[key] as (...a: unknown[]) => unknown).apply(owner, args);
    };
  }
  return merged as FitCallbacks;
}

// progress: what verbose 1 or 2 prints, already among the callbacks (first, as Keras' ProgbarLogger
// runs before the user's); fit() tells it the rows once it knows them.
export function checkFitArgs(args: unknown): { callbacks: FitCallbacks; yieldEvery: 'epoch' | 'never'; options: BeginFitArgs; progress: FitProgress | null } {
  const { callbacks, yieldEvery, verbose, ...options } = checkOptions('fit', args, FIT_SPEC);
  const list = callbacks === undefined ? [] : Array.isArray(callbacks) ? callbacks : [callbacks];
  const progress = verbose === 1 || verbose === 2 ? fitProgress(verbose, options as BeginFitArgs) : null;
  const user = (list as FitCallbacks[]).map(callbacksWithAccAliases);  // logs.acc as in tfjs (tfjs_aliases.ts)
  const all = progress ? [progress as FitCallbacks, ...user] : user;
  return { callbacks: mergeCallbacks(all), yieldEvery: yieldEvery ?? 'epoch', options: options as BeginFitArgs, progress };
}

export function checkBatchOptions(call: string, args: unknown): { batchSize?: number } {
  return checkOptions(call, args, { batchSize: countRule(1) });
}

export function checkPrintFn(printFn: unknown): ((line: string) => void) | null {
  return check('summary', 'printFn', printFn, nullable(functionRule)) as ((line: string) => void) | null;
}

interface WeightInput { name?: string; shape: number[]; data: ArrayLike<number> }

// setWeights' argument: one {shape, data} per kernel and bias, in getWeights()' order, with
// the shapes the model has (`expected`), every value finite.
export function checkWeights(weights: unknown, expected: readonly (readonly number[])[]): WeightInput[] {
  const call = 'setWeights';
  const dataRule: Rule = {
    allowed: 'a Float32Array or an array of numbers',
    test: (v: unknown): v is unknown => Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView) && !(v instanceof BigInt64Array) && !(v instanceof BigUint64Array)),
  };
  const item = objectOf({ name: stringRule, shape: arrayOf(countRule(0)), data: dataRule }, '{shape: [2, 3], data: Float32Array}');
  const list = checkArray(call, 'weights', weights, item) as WeightInput[];
  if (list.length !== expected.length) {
    fail(`${call}: expected ${expected.length} arrays (kernel, then bias, per layer), as getWeights() returns, got ${list.length}`);
  }
  list.forEach((w, i) => {
    if (w.shape === undefined || w.data === undefined) fail(`${call}: weights[${i}] needs shape and data`);
    const want = expected[i];
    if (w.shape.length !== want.length || w.shape.some((s, k) => s !== want[k])) {
      fail(`${call}: weights[${i}].shape must be [${want.join(', ')}], got [${w.shape.join(', ')}]`);
    }
    const size = want.reduce((a, b) => a * b, 1);
    if (w.data.length !== size) fail(`${call}: weights[${i}].data must have ${size} values, got ${w.data.length}`);
    const plain = Array.isArray(w.data);
    for (let k = 0; k < size; k++) {
      if (plain && !(k in w.data)) fail(`${call}: weights[${i}].data[${k}] is a hole in the array; every value must be a finite number`);
      const v = w.data[k];
      if (typeof v !== 'number' || !Number.isFinite(v) || Math.abs(v) > 3.4028234663852886e38) {
        fail(`${call}: weights[${i}].data[${k}] must be a finite number within float32's range, got ${show(v)}`);
      }
    }
  });
  return list;
}

export type { EarlyStoppingArgs };
