// model.optimizer: the compiled optimizer, its hyper-parameters and its state — Keras'
// optimizer.get_weights() and, per weight array, the slots by Keras' names with the last
// gradient and update (what the page's optimizer inspector shows; docs/KERAS_SEMANTICS.md §1).
import type { EngineModel, WeightArray } from './engine.mjs';
import { learningRateRule } from './optimizers.js';
import { booleanRule, check, countRule, named, oneOf } from './validate.js';

export type WeightKind = 'kernel' | 'bias';

export interface ParameterSlots {
  name: string;             // 'dense/kernel:0'
  shape: number[];          // kernel [in, out], bias [out]
  iterations: number;       // steps applied so far (t of the last step)
  weight: Float32Array;     // the values now
  gradient: Float32Array;   // the gradient the last step used
  update: Float32Array;     // the last step's change: new w − old w
  slots: Record<string, Float32Array>;  // Keras' slot names, in Keras' order (e.g. m, v, vhat)
  // The optimizer's own scalars besides iterations, by Keras' names: Nadam's momentum_cache
  // (Π μ_i, its momentum schedule so far); {} for the others.
  scalars: Record<string, number>;
}

export interface CompiledOptimizer {
  readonly name: string;
  learningRate: number;     // may be changed between batches
  readonly config: Record<string, number | string>;
  readonly iterations: number;
  // Whether each step keeps its gradient and update for slots(): off by default, as it slows
  // training; slots() turns it on, so gradient and update are zeros until the next step.
  recording: boolean;
  // tf.keras 2.x optimizer.get_weights(): iterations, Nadam's momentum_cache, then each slot
  // name for every weight array in turn (Keras creates them in that order).
  getWeights(): WeightArray[];
  slots(layerIndex: number, which: WeightKind): ParameterSlots;
}

// get_weights()' scalars after iterations (the entries shaped []); only Nadam has one, so
// the others skip the copy of every slot that getWeights() makes.
function scalarsOf(m: EngineModel): Record<string, number> {
  const out: Record<string, number> = {};
  if (m.optimizerConfig().name !== 'Nadam') return out;
  for (const w of m.optimizerState(-1, '').slice(1)) {
    if (w.shape.length === 0) out[w.name.slice(w.name.indexOf('/') + 1, w.name.lastIndexOf(':'))] = w.data[0];
  }
  return out;
}

// Per engine model (model.optimizer makes a new view each time; compile keeps the setting).
const recordingModels = new WeakSet<EngineModel>();

// `model()` gives the engine model or throws "this model has been disposed": every getter,
// setter and method asks it first, so an optimizer kept past model.dispose() says so.
export function compiledOptimizer(model: () => EngineModel, layerCount: number): CompiledOptimizer {
  const record = (m: EngineModel, on: boolean) => {
    if (on === recordingModels.has(m)) return;
    m.recordSteps(on);
    if (on) recordingModels.add(m);
    else recordingModels.delete(m);
  };
  return {
    get name() {
      return String(model().optimizerConfig().name);
    },
    get learningRate() {
      return model().learningRate();
    },
    set learningRate(lr: number) {
      const m = model();
      m.setLearningRate(check('optimizer.learningRate', 'value', lr, learningRateRule));
    },
    get config() {
      return model().optimizerConfig();
    },
    get iterations() {
      return Number(model().optimizerConfig().iterations);
    },
    get recording() {
      return recordingModels.has(model());
    },
    set recording(on: boolean) {
      const m = model();
      record(m, check('optimizer.recording', 'value', on, booleanRule));
    },
    getWeights: () => named('optimizer.getWeights', () => model().optimizerState(-1, '')),
    slots(layerIndex: number, which: WeightKind): ParameterSlots {
      const m = model();
      check('optimizer.slots', 'layerIndex', layerIndex, countRule(0, Math.max(0, layerCount - 1)));
      check('optimizer.slots', 'which', which, oneOf(['kernel', 'bias'] as const));
      record(m, true);
      const s = named('optimizer.slots', () => m.optimizerState(layerIndex, which));
      return {
        name: s.name,
        shape: s.shape,
        iterations: Number(m.optimizerConfig().iterations),
        weight: s.value,
        gradient: s.gradient,
        update: s.update,
        slots: s.slots,
        scalars: scalarsOf(m),
      };
    },
  };
}
