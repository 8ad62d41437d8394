// model.optimizer: the compiled optimizer, its hyper-parameters and its state — Keras'
// optimizer.get_weights() and, per weight array, the slots by Keras' names with the last
// gradient and update (what the page's optimizer inspector shows; docs/KERAS_SEMANTICS.md §1).
import type { EngineModel, WeightArray } from './engine.mjs';

export type WeightKind = 'kernel' | 'bias';

export interface ParameterSlots {
  name: string;             // 'dense/kernel:0'
  shape: number[];          // kernel [in, out], bias [out]
  iterations: number;       // steps applied so far (t of the last step)
  weight: Float32Array;     // the values now
  gradient: Float32Array;   // the gradient the last step used
  update: Float32Array;     // the last step's change: new w − old w
  slots: Record<string, Float32Array>;  // Keras' slot names, in Keras' order (e.g. m, v, vhat)
}

export interface CompiledOptimizer {
  readonly name: string;
  learningRate: number;     // may be changed between batches
  readonly config: Record<string, number | string>;
  readonly iterations: number;
  // tf.keras 2.x optimizer.get_weights(): iterations, Nadam's momentum_cache, then each slot
  // name for every weight array in turn (Keras creates them in that order).
  getWeights(): WeightArray[];
  slots(layerIndex: number, which: WeightKind): ParameterSlots;
}

export function compiledOptimizer(m: EngineModel, layerCount: number): CompiledOptimizer {
  return {
    get name() {
      return String(m.optimizerConfig().name);
    },
    get learningRate() {
      return m.learningRate();
    },
    set learningRate(lr: number) {
      m.setLearningRate(lr);
    },
    get config() {
      return m.optimizerConfig();
    },
    get iterations() {
      return Number(m.optimizerConfig().iterations);
    },
    getWeights: () => m.optimizerWeights(),
    slots(layerIndex: number, which: WeightKind): ParameterSlots {
      if (!Number.isInteger(layerIndex) || layerIndex < 0 || layerIndex >= layerCount) {
        throw new Error(`slots: layerIndex must be a whole number from 0 to ${layerCount - 1}, got ${String(layerIndex)}`);
      }
      if (which !== 'kernel' && which !== 'bias') throw new Error(`slots: the weight must be 'kernel' or 'bias', got ${JSON.stringify(which)}`);
      const s = m.parameterState(layerIndex, which);
      return {
        name: s.name,
        shape: s.shape,
        iterations: Number(m.optimizerConfig().iterations),
        weight: s.value,
        gradient: s.gradient,
        update: s.update,
        slots: s.slots,
      };
    },
  };
}
