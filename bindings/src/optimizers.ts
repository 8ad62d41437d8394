// nn.optimizers.{sgd, adagrad, rmsprop, adadelta, adam, adamax, nadam}: tfjs-style camelCase
// options with tf.keras 2.x defaults, or tfjs' positional form (sgd(0.03), adam(lr, beta1,
// beta2, epsilon), rmsprop(lr, decay = rho, ...)). Names, options, ranges and the positional
// order come from the registry (core/registry.json); the engine holds the defaults.
import { apiOptions, findOptimizer, type OptimizerEntry, type OptimizerName, type OptimizerOption, OPTIMIZER_KEYS, OPTIMIZERS } from './registry.js';
import { booleanRule, check, checkOptions, countRule, fail, functionRule, isPlainObject, numberRule, type Rule, show } from './validate.js';

export type { OptimizerName };

export interface OptimizerSpec {
  readonly className: string;  // Keras' class name: SGD, Adam, ...
  readonly options: Readonly<Record<string, number | boolean>>;  // camelCase, as given
}

// The camelCase options of every optimizer, for TypeScript (each optimizer checks at run
// time which of them it takes: see the registry).
export interface OptimizerOptions {
  learningRate?: number;
  momentum?: number;
  nesterov?: boolean;
  rho?: number;
  epsilon?: number;
  beta1?: number;
  beta2?: number;
  amsgrad?: boolean;
  centered?: boolean;
  initialAccumulatorValue?: number;
  decay?: number;
  scheduleDecay?: number;  // Nadam: the 0.004 of its momentum schedule (docs/KERAS_SEMANTICS.md §1.8)
}

// An optimizer factory: options, or tfjs' positional arguments (learningRate first).
export type OptimizerFactory = {
  (options?: OptimizerOptions): OptimizerSpec;
  (learningRate?: number, ...more: (number | boolean | undefined)[]): OptimizerSpec;
};

export function optimizerEntry(name: unknown, call = 'optimizer'): OptimizerEntry {
  const entry = typeof name === 'string' ? findOptimizer(name) : undefined;
  if (!entry) {
    const shown = typeof name === 'string' ? `'${show(name).slice(1, -1)}'` : show(name);
    fail(`${call}: unknown optimizer ${shown}; allowed: ${OPTIMIZER_KEYS.join(', ')}`);
  }
  return entry;
}

// The rule of one option: its registry range, as the engine checks it.
function optionRule(o: OptimizerOption): Rule {
  if (typeof o.default === 'boolean') return booleanRule;
  return o.maxOpen ? numberRule({ min: o.min, below: o.max }) : numberRule({ min: o.min, max: o.max });
}

// A compiled optimizer's learning rate set live: the registry's learning_rate range (the
// same for every optimizer; SGD's entry stands for all).
export const learningRateRule = <Rule<number>>optionRule(findOptimizer('sgd')!.options.find((o) => o.name === 'learning_rate')!);

const specs = new Map<OptimizerEntry, Record<string, Rule>>(
  OPTIMIZERS.map((e) => [e, Object.fromEntries(apiOptions(e).map((o) => [o.camel, optionRule(o)]))]),
);

// An optimizer from its name and options (nn.optimizers.get, compile's optimizer: 'adam').
export function makeOptimizer(name: string, options: OptimizerOptions = {}, call?: string): OptimizerSpec {
  const entry = optimizerEntry(name, call ?? 'optimizers.get');
  const checked = checkOptions(call ?? entry.className, options, specs.get(entry)!);
  return Object.freeze({ className: entry.className, options: Object.freeze(checked) as Record<string, number | boolean> });
}

// tfjs' positional form: the first `positional` options in the registry's order.
function fromPositional(entry: OptimizerEntry, args: readonly unknown[]): OptimizerSpec {
  const order = apiOptions(entry).slice(0, entry.positional);
  if (args.length > order.length) {
    fail(`${entry.className}: takes at most ${order.length} positional arguments (${order.map((o) => o.camel).join(', ')}), got ${args.length}`);
  }
  const options: Record<string, unknown> = {};
  args.forEach((v, i) => {
    if (isPlainObject(v)) fail(`${entry.className}: give the options as one object or as positional numbers, not both (argument ${i + 1} is an object)`);
    options[order[i].camel] = v;
  });
  return makeOptimizer(entry.key, options);
}

function factory(entry: OptimizerEntry): OptimizerFactory {
  return ((...args: unknown[]) => {
    if (args.length === 0 || (args.length === 1 && (args[0] === undefined || isPlainObject(args[0])))) {
      return makeOptimizer(entry.key, args[0] as OptimizerOptions | undefined, entry.className);
    }
    if (typeof args[0] !== 'number' && args[0] !== undefined) {
      fail(`${entry.className}: the first argument must be an options object such as {learningRate: 0.01} or the learning rate (a number), got ${show(args[0])}`);
    }
    return fromPositional(entry, args);
  }) as OptimizerFactory;
}

// nn.optimizers.sgd(...), nn.optimizers.adam(...), ...: one factory per registry entry.
export const optimizers = Object.fromEntries(OPTIMIZERS.map((o) => [o.key, factory(o)])) as Record<OptimizerName, OptimizerFactory>;

// An optimizer given to compile() or descend(): a name, or a spec (made here, or the same
// shape from elsewhere, checked again).
export function checkOptimizer(call: string, value: unknown): OptimizerSpec {
  if (typeof value === 'string') return makeOptimizer(value, {}, call);
  if (isPlainObject(value) && typeof value.className === 'string' && (value.options === undefined || isPlainObject(value.options))) {
    const entry = optimizerEntry(value.className, call);
    return makeOptimizer(entry.key, value.options as OptimizerOptions, `${call}: ${entry.className}`);
  }
  return fail(`${call}: optimizer must be a name such as 'sgd' or nn.optimizers.sgd({...}), got ${show(value)}`);
}

// The engine's form: Keras' snake_case names, booleans as 0/1.
export function engineOptions(spec: OptimizerSpec): Record<string, number> {
  const entry = optimizerEntry(spec.className);
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(spec.options)) {
    if (v === undefined) continue;
    out[entry.options.find((o) => o.camel === k)?.name ?? k] = typeof v === 'boolean' ? Number(v) : v;
  }
  return out;
}

// The most steps descend() takes: its path is an array of steps + 1 numbers.
export const DESCEND_MAX_STEPS = 1e6;

// Steps one of the engine's optimizers on a single parameter w along a loss curve whose
// gradient is grad(w); returns w after each step (the page's gradient descent view).
export function descend(engine: import('./engine.mjs').Engine, spec: unknown, w0: unknown, grad: unknown, steps: unknown): number[] {
  const call = 'optimizers.descend';
  const checked = checkOptimizer(call, spec);
  const start = check(call, 'w0', w0, numberRule());
  const gradient = check(call, 'grad', grad, functionRule) as (w: number) => unknown;
  const count = check(call, 'steps', steps, countRule(0, DESCEND_MAX_STEPS));
  const optimizer = new engine.ScalarOptimizer(checked.className, engineOptions(checked));
  try {
    const path = [start];
    let w = start;
    for (let i = 0; i < count && Number.isFinite(w) && Math.abs(w) < 1e6; i++) {
      const g = gradient(w);
      if (typeof g !== 'number' || Number.isNaN(g)) fail(`${call}: grad(${w}) must return a number, got ${show(g)}`);
      w = optimizer.step(w, g);
      path.push(w);
    }
    return path;
  } finally {
    optimizer.delete();
  }
}

