// nn.optimizers.{sgd, adagrad, rmsprop, adadelta, adam, adamax, nadam}: tfjs-style camelCase
// options with tf.keras 2.x defaults. Names and options come from the registry
// (core/registry.json); the engine holds the defaults and checks the ranges.
import { apiOptions, findOptimizer, type OptimizerEntry, OPTIMIZER_KEYS, OPTIMIZERS } from './registry.js';

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
}

// The registry's keys, for TypeScript (tests/node/types.test.mjs checks that they agree).
export type OptimizerName = 'sgd' | 'adagrad' | 'rmsprop' | 'adadelta' | 'adam' | 'adamax' | 'nadam';

export function optimizerEntry(name: string): OptimizerEntry {
  const entry = findOptimizer(name);
  if (!entry) throw new Error(`optimizer: unknown optimizer '${name}'; allowed: ${OPTIMIZER_KEYS.join(', ')}`);
  return entry;
}

export function makeOptimizer(name: string, options: OptimizerOptions = {}): OptimizerSpec {
  const entry = optimizerEntry(name);
  const allowed = apiOptions(entry);
  for (const [k, v] of Object.entries(options ?? {})) {
    if (v === undefined) continue;
    const option = allowed.find((o) => o.camel === k);
    if (!option) {
      throw new Error(`${entry.className}: unknown option '${k}'; allowed: ${allowed.map((o) => o.camel).join(', ')}`);
    }
    if (typeof v !== 'number' && typeof v !== 'boolean') {
      throw new Error(`${entry.className}: ${k} must be a number${typeof option.default === 'boolean' ? ' or boolean' : ''}, got ${JSON.stringify(v)}`);
    }
  }
  return Object.freeze({ className: entry.className, options: Object.freeze({ ...options }) as Record<string, number | boolean> });
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

// nn.optimizers.sgd(options), nn.optimizers.adam(options), ...: one factory per registry entry.
export const optimizers = Object.fromEntries(
  OPTIMIZERS.map((o) => [o.key, (options: OptimizerOptions = {}) => makeOptimizer(o.key, options)]),
) as Record<OptimizerName, (options?: OptimizerOptions) => OptimizerSpec>;

// Steps one of the engine's optimizers on a single parameter w along a loss curve whose
// gradient is grad(w); returns w after each step (the page's gradient descent view).
export function descend(engine: import('./engine.mjs').Engine, spec: OptimizerSpec, w0: number, grad: (w: number) => number, steps: number): number[] {
  const optimizer = new engine.ScalarOptimizer(spec.className, engineOptions(spec));
  try {
    const path = [w0];
    let w = w0;
    for (let i = 0; i < steps && Number.isFinite(w) && Math.abs(w) < 1e6; i++) {
      w = optimizer.step(w, grad(w));
      path.push(w);
    }
    return path;
  } finally {
    optimizer.delete();
  }
}
