// nn.layers.dense and nn.regularizers: tfjs-layers' names for Keras' Dense arguments.

export interface Regularizer {
  l1: number;
  l2: number;
}

export interface DenseArgs {
  units: number;
  activation?: string;
  useBias?: boolean;
  kernelInitializer?: string;
  biasInitializer?: string;
  kernelRegularizer?: Regularizer | 'l1' | 'l2' | 'l1l2' | 'l1_l2' | null;
  inputShape?: [number];  // the first layer's, as in tfjs
  inputDim?: number;      // Keras' input_dim, the same thing
}

export interface DenseLayer {
  readonly className: 'Dense';
  readonly config: Readonly<DenseArgs>;
}

const DENSE_KEYS = ['units', 'activation', 'useBias', 'kernelInitializer', 'biasInitializer', 'kernelRegularizer', 'inputShape', 'inputDim'];

// tfjs' camelCase initializer names -> Keras' names
const INITIALIZERS: Record<string, string> = {
  glorotUniform: 'glorot_uniform',
  heUniform: 'he_uniform',
  leCunUniform: 'lecun_uniform',
  randomUniform: 'random_uniform',
};

export function dense(args: DenseArgs): DenseLayer {
  if (!args || typeof args !== 'object') throw new Error('Dense: expected an object of arguments such as {units: 3, activation: "tanh"}');
  for (const k of Object.keys(args)) {
    if (!DENSE_KEYS.includes(k)) throw new Error(`Dense: unknown argument '${k}'; allowed: ${DENSE_KEYS.join(', ')}`);
  }
  return Object.freeze({ className: 'Dense' as const, config: Object.freeze({ ...args }) });
}

// Keras' l1(0.01) / l2(0.01) / l1_l2 defaults
export const regularizers = {
  l1: (o: { l1?: number } = {}): Regularizer => ({ l1: o.l1 ?? 0.01, l2: 0 }),
  l2: (o: { l2?: number } = {}): Regularizer => ({ l1: 0, l2: o.l2 ?? 0.01 }),
  l1l2: (o: { l1?: number; l2?: number } = {}): Regularizer => ({ l1: o.l1 ?? 0.01, l2: o.l2 ?? 0.01 }),
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
