// How a model prints: console.log(model) in Node (util.inspect) and String(model) show
// `Sequential { layers: [...], optimizer, seed }`, as a tfjs or Keras user expects to see
// it, instead of the class's private-field shell (only `seed` is an own property).
import type { LayerInfo, Sequential } from './model.js';

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

type Inspect = (value: unknown, options?: Record<string, unknown>) => string;

// A plain description: one line per layer, the compiled optimizer's name and learning rate.
export function describeModel(model: Sequential): Record<string, unknown> {
  if (model.isDisposed) return { disposed: true, seed: model.seed };
  const layers = model.layers.map((l: LayerInfo) => `${l.name}: Dense(units=${l.units}, activation=${l.activation}${l.useBias ? '' : ', useBias=false'}) ← ${l.inputDim} input${l.inputDim === 1 ? '' : 's'}`);
  let optimizer: string;
  try {
    const o = model.optimizer;
    optimizer = `${o.name}(learningRate=${o.learningRate})`;
  } catch {
    optimizer = 'not compiled';
  }
  return { layers, optimizer, seed: model.seed };
}

export function installModelDisplay(cls: typeof Sequential): void {
  Object.defineProperty(cls.prototype, INSPECT, {
    configurable: true,
    value(this: Sequential, depth: number, options: Record<string, unknown>, inspect?: Inspect) {
      const described = describeModel(this);
      if (typeof inspect !== 'function') return described;
      return `Sequential ${inspect(described, { ...options, depth: depth === null ? null : Math.max(depth, 2) })}`;
    },
  });
  Object.defineProperty(cls.prototype, 'toString', {
    configurable: true,
    writable: true,
    value(this: Sequential) {
      const d = describeModel(this);
      if (d.disposed) return `Sequential { disposed, seed: ${d.seed} }`;
      return `Sequential { layers: [${(d.layers as string[]).join('; ')}], optimizer: ${d.optimizer}, seed: ${d.seed} }`;
    },
  });
}
