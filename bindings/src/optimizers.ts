// nn.optimizers.{sgd, adagrad, rmsprop, adadelta, adam, adamax, nadam}: tfjs-style camelCase
// options with tf.keras 2.x defaults (the engine holds the defaults and checks the ranges).

export interface OptimizerSpec {
  readonly className: string;  // Keras' class name: SGD, Adam, ...
  readonly options: Readonly<Record<string, number | boolean>>;  // camelCase, as given
}

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

// camelCase option -> the engine's Keras name
const KERAS_NAMES: Record<string, string> = {
  learningRate: 'learning_rate',
  momentum: 'momentum',
  nesterov: 'nesterov',
  rho: 'rho',
  epsilon: 'epsilon',
  beta1: 'beta_1',
  beta2: 'beta_2',
  amsgrad: 'amsgrad',
  centered: 'centered',
  initialAccumulatorValue: 'initial_accumulator_value',
  decay: 'decay',
};

export const OPTIMIZERS: Record<string, { className: string; options: string[] }> = {
  sgd: { className: 'SGD', options: ['learningRate', 'momentum', 'nesterov', 'decay'] },
  adagrad: { className: 'Adagrad', options: ['learningRate', 'initialAccumulatorValue', 'epsilon', 'decay'] },
  rmsprop: { className: 'RMSprop', options: ['learningRate', 'rho', 'momentum', 'epsilon', 'centered', 'decay'] },
  adadelta: { className: 'Adadelta', options: ['learningRate', 'rho', 'epsilon', 'decay'] },
  adam: { className: 'Adam', options: ['learningRate', 'beta1', 'beta2', 'epsilon', 'amsgrad', 'decay'] },
  adamax: { className: 'Adamax', options: ['learningRate', 'beta1', 'beta2', 'epsilon', 'decay'] },
  nadam: { className: 'Nadam', options: ['learningRate', 'beta1', 'beta2', 'epsilon'] },
};

export function optimizerKey(name: string): string {
  const key = String(name).toLowerCase();
  if (!(key in OPTIMIZERS)) {
    throw new Error(`optimizer: unknown optimizer '${name}'; allowed: ${Object.keys(OPTIMIZERS).join(', ')}`);
  }
  return key;
}

export function makeOptimizer(name: string, options: OptimizerOptions = {}): OptimizerSpec {
  const key = optimizerKey(name);
  const allowed = OPTIMIZERS[key].options;
  for (const [k, v] of Object.entries(options ?? {})) {
    if (v === undefined) continue;
    if (!allowed.includes(k)) {
      throw new Error(`${OPTIMIZERS[key].className}: unknown option '${k}'; allowed: ${allowed.join(', ')}`);
    }
    if (typeof v !== 'number' && typeof v !== 'boolean') {
      throw new Error(`${OPTIMIZERS[key].className}: ${k} must be a number${['nesterov', 'amsgrad', 'centered'].includes(k) ? ' or boolean' : ''}, got ${JSON.stringify(v)}`);
    }
  }
  return Object.freeze({ className: OPTIMIZERS[key].className, options: Object.freeze({ ...options }) as Record<string, number | boolean> });
}

// The engine's form: Keras' snake_case names, booleans as 0/1.
export function engineOptions(spec: OptimizerSpec): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(spec.options)) {
    if (v === undefined) continue;
    out[KERAS_NAMES[k]] = typeof v === 'boolean' ? Number(v) : v;
  }
  return out;
}

export const optimizers = {
  sgd: (o: Pick<OptimizerOptions, 'learningRate' | 'momentum' | 'nesterov' | 'decay'> = {}) => makeOptimizer('sgd', o),
  adagrad: (o: Pick<OptimizerOptions, 'learningRate' | 'initialAccumulatorValue' | 'epsilon' | 'decay'> = {}) => makeOptimizer('adagrad', o),
  rmsprop: (o: Pick<OptimizerOptions, 'learningRate' | 'rho' | 'momentum' | 'epsilon' | 'centered' | 'decay'> = {}) => makeOptimizer('rmsprop', o),
  adadelta: (o: Pick<OptimizerOptions, 'learningRate' | 'rho' | 'epsilon' | 'decay'> = {}) => makeOptimizer('adadelta', o),
  adam: (o: Pick<OptimizerOptions, 'learningRate' | 'beta1' | 'beta2' | 'epsilon' | 'amsgrad' | 'decay'> = {}) => makeOptimizer('adam', o),
  adamax: (o: Pick<OptimizerOptions, 'learningRate' | 'beta1' | 'beta2' | 'epsilon' | 'decay'> = {}) => makeOptimizer('adamax', o),
  nadam: (o: Pick<OptimizerOptions, 'learningRate' | 'beta1' | 'beta2' | 'epsilon'> = {}) => makeOptimizer('nadam', o),
};

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
