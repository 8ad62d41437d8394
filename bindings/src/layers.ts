// nn.layers.dense and nn.regularizers: tfjs-layers' names for Keras' Dense arguments.
import { ACTIVATION_NAMES, type ActivationName } from './registry.js';
import { booleanRule, checkOptions, countRule, either, fail, isPlainObject, nullable, numberRule, objectOf, oneOf, arrayOf } from './validate.js';

export interface Regularizer {
  l1: number;
  l2: number;
}

export type InitializerName =
  | 'glorot_uniform' | 'he_uniform' | 'lecun_uniform' | 'random_uniform' | 'zeros' | 'ones' | 'playground'
  | 'glorotUniform' | 'heUniform' | 'leCunUniform' | 'randomUniform';

export interface DenseArgs {
  units: number;
  activation?: ActivationName;
  useBias?: boolean;
  kernelInitializer?: InitializerName;
  biasInitializer?: InitializerName;
  kernelRegularizer?: Regularizer | 'l1' | 'l2' | 'l1l2' | 'l1_l2' | null;
  inputShape?: [number];  // the first layer's, as in tfjs
  inputDim?: number;      // Keras' input_dim, the same thing
}

export interface DenseLayer {
  readonly className: 'Dense';
  readonly config: Readonly<DenseArgs>;
}

// tfjs' camelCase initializer names -> Keras' names
const INITIALIZERS: Record<string, string> = {
  glorotUniform: 'glorot_uniform',
  heUniform: 'he_uniform',
  leCunUniform: 'lecun_uniform',
  randomUniform: 'random_uniform',
};
const INITIALIZER_NAMES = ['glorot_uniform', 'he_uniform', 'lecun_uniform', 'random_uniform', 'zeros', 'ones', 'playground', ...Object.keys(INITIALIZERS)];

const rate = numberRule({ min: 0 });
const REGULARIZER_NAMES = ['l1', 'l2', 'l1l2', 'l1_l2'] as const;
const DENSE_SPEC = {
  units: countRule(1),
  activation: oneOf(ACTIVATION_NAMES),
  useBias: booleanRule,
  kernelInitializer: oneOf(INITIALIZER_NAMES),
  biasInitializer: oneOf(INITIALIZER_NAMES),
  kernelRegularizer: nullable(either(oneOf(REGULARIZER_NAMES), objectOf({ l1: rate, l2: rate }, 'nn.regularizers.l2({l2: 0.01})'))),
  inputShape: arrayOf(countRule(1), { length: 1 }),
  inputDim: countRule(1),
};

export function dense(args: DenseArgs): DenseLayer {
  if (!isPlainObject(args)) fail(`Dense: expected an object of arguments such as {units: 3, activation: "tanh"}, got ${args === undefined ? 'nothing' : typeof args}`);
  const c = checkOptions('Dense', args, DENSE_SPEC, 'arguments');
  if (c.units === undefined) fail('Dense: units is required (a whole number from 1), e.g. {units: 3}');
  if (c.inputShape && c.inputDim !== undefined && c.inputShape[0] !== c.inputDim) {
    fail(`Dense: inputShape [${c.inputShape[0]}] and inputDim ${c.inputDim} disagree; give one of them`);
  }
  const config = { ...c, ...(c.inputShape ? { inputShape: [...c.inputShape] as [number] } : {}) } as DenseArgs;
  const layer = Object.freeze({ className: 'Dense' as const, config: Object.freeze(config) });
  DENSE_LAYERS.add(layer);
  return layer;
}

const DENSE_LAYERS = new WeakSet<object>();
// Marks layers made by dense(), so that add() can tell them from look-alikes.
export function isDenseLayer(value: unknown): value is DenseLayer {
  return typeof value === 'object' && value !== null && DENSE_LAYERS.has(value);
}

// Keras' l1(0.01) / l2(0.01) / l1_l2 defaults; tfjs' {l1} / {l2} / {l1, l2} options.
export const regularizers = {
  l1: (o?: { l1?: number }): Regularizer => ({ l1: checkOptions('regularizers.l1', o, { l1: rate }).l1 ?? 0.01, l2: 0 }),
  l2: (o?: { l2?: number }): Regularizer => ({ l1: 0, l2: checkOptions('regularizers.l2', o, { l2: rate }).l2 ?? 0.01 }),
  l1l2: (o?: { l1?: number; l2?: number }): Regularizer => {
    const c = checkOptions('regularizers.l1l2', o, { l1: rate, l2: rate });
    return { l1: c.l1 ?? 0.01, l2: c.l2 ?? 0.01 };
  },
};

export function engineDenseConfig(layer: DenseLayer, first: boolean) {
  const c = layer.config;
  let reg: Regularizer = { l1: 0, l2: 0 };
  const r = c.kernelRegularizer;
  if (typeof r === 'string') {
    if (r === 'l1') reg = regularizers.l1();
    else if (r === 'l2') reg = regularizers.l2();
    else if (r === 'l1l2' || r === 'l1_l2') reg = regularizers.l1l2();
    else throw new Error(`Dense: unknown kernelRegularizer '${r}'; allowed: l1, l2, l1l2, or nn.regularizers.l2({l2: 0.03})`);
  } else if (r) {
    reg = { l1: r.l1 ?? 0, l2: r.l2 ?? 0 };
  }
  const inputDim = c.inputShape ? c.inputShape[0] : c.inputDim;
  if (c.inputShape && (!Array.isArray(c.inputShape) || c.inputShape.length !== 1)) {
    throw new Error(`Dense: inputShape must be [features] (one number), got ${JSON.stringify(c.inputShape)}`);
  }
  if (first && inputDim === undefined) throw new Error('Dense: the first layer needs inputShape, e.g. {inputShape: [2], units: 3}');
  const init = (name: string | undefined) => (name === undefined ? undefined : INITIALIZERS[name] ?? name);
  return {
    units: c.units,
    activation: c.activation ?? 'linear',
    useBias: c.useBias ?? true,
    kernelInitializer: init(c.kernelInitializer),
    biasInitializer: init(c.biasInitializer),
    l1: reg.l1,
    l2: reg.l2,
    inputDim: inputDim ?? 0,
  };
}
