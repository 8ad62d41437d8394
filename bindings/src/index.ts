// nnplay: the module users import, in Node 20, browsers, module workers and bundlers.
//
//   import { init } from 'nnplay';
//   const nn = await init();
//   const model = nn.sequential([nn.layers.dense({ inputShape: [2], units: 3, activation: 'tanh' }), ...]);
//
// Names follow tfjs-layers where it has one; numbers follow tf.keras 2.x.
import createNnplayEngine from './engine.mjs';
import type { Engine } from './engine.mjs';
import * as codegen from './codegen.js';
import * as exports from './exports.js';
import { makeDatasets } from './datasets.js';
import { dense, regularizers } from './layers.js';
import { type DenseLayer } from './layers.js';
import { Sequential } from './model.js';
import { landscape, snapshot } from './landscape.js';
import { descend, makeOptimizer, type OptimizerSpec, optimizers } from './optimizers.js';
import * as playground from './playground.js';
import * as training from './training.js';
import { ACTIVATION_NAMES, LOSS_NAMES, METRIC_NAMES, OPTIMIZER_KEYS } from './registry.js';
import * as state from './state.js';

export type { Dataset, Split } from './datasets.js';
export type { DenseArgs, DenseLayer, Regularizer } from './layers.js';
export type { CompileArgs, EarlyStoppingArgs, FitArgs, FitCallbacks, FitSession, History, LayerInfo, Logs, Matrix2D, WeightArray } from './model.js';
export type { OptimizerName, OptimizerOptions, OptimizerSpec } from './optimizers.js';
export type { CompiledOptimizer, ParameterSlots, WeightKind } from './optimizerState.js';
export type { Landscape, LandscapeOptions } from './landscape.js';
export type { PlaygroundState, ParseResult } from './state.js';
export type { CustomData, ModelPlan } from './playground.js';
export type { TrainingSetup } from './training.js';
export type { TensorLike } from './tensors.js';
export { Sequential };

// package.json's version, put in by the build (scripts/build.mjs).
declare const __NNPLAY_VERSION__: string;
export const version: string = __NNPLAY_VERSION__;

// The registry's names (core/registry.json): Keras' loss names, the metric and activation names.
export const LOSSES = LOSS_NAMES;
export const METRICS = METRIC_NAMES;
export const ACTIVATIONS = ACTIVATION_NAMES;

function makeApi(engine: Engine) {
  return {
    version,
    sequential: (layers: DenseLayer[] = [], options: { seed?: number } = {}) => new Sequential(engine, layers, options),
    layers: { dense },
    regularizers,
    optimizers: {
      ...optimizers,
      get: makeOptimizer,
      names: OPTIMIZER_KEYS,
      // w after each of `steps` updates of one parameter whose loss has gradient grad(w).
      descend: (spec: OptimizerSpec, w0: number, grad: (w: number) => number, steps: number) => descend(engine, spec, w0, grad, steps),
    },
    // The training loss on a plane through the weights (Li et al. 2018); .snapshot(model)
    // gives the weight vector a trajectory is made of.
    landscape: Object.assign(landscape, { snapshot }),
    losses: LOSSES,
    metrics: METRICS,
    activations: ACTIVATIONS,
    datasets: makeDatasets(engine),
    state: {
      parse: state.parseHash,
      serialize: state.serializeHash,
      defaults: state.defaultState,
      schema: state.SCHEMA,
      // What a change of these keys rebuilds: 'data' | 'model' | 'session' | 'none'.
      rebuildFor: state.rebuildFor,
    },
    // tf.keras code for a playground state, in the article's style (listings 5-1 … 5-6).
    codegen: { keras: codegen.keras },
    // Data as CSV (plygdata's columns), history as Keras' CSVLogger, weights as JSON; CSV import.
    exports: {
      datasetCsv: exports.datasetCsv,
      historyCsv: exports.historyCsv,
      weightsJson: exports.weightsJson,
      parseDatasetCsv: exports.parseDatasetCsv,
    },
    // The page's and the CLI's path from a playground state to data and a compiled model.
    playground: {
      // The pure state -> model rule (no engine), and 'all' / too-large batch sizes resolved.
      plan: playground.plan,
      batchRows: playground.batchRows,
      setup: (s: state.PlaygroundState, custom?: playground.CustomData) => training.setup(engine, s, custom),
      prepareData: (setup: training.TrainingSetup, custom?: playground.CustomData) => training.prepareData(engine, setup, custom),
      testData: (setup: training.TrainingSetup, seed: number, samples?: number) => training.testData(engine, setup, seed, samples),
      buildModel: (setup: training.TrainingSetup) => training.buildModel(engine, setup),
    },
    memory: {
      // Bytes malloc'd in the wasm heap, and the heap's size (for leak checks).
      bytesInUse: () => engine.heapBytesInUse(),
      heapSize: () => engine.heapSize(),
    },
  };
}

export type Nnplay = ReturnType<typeof makeApi>;

let loading: Promise<Nnplay> | undefined;

// Loads the engine (once; later calls share it). No network access: the wasm is inlined.
export function init(): Promise<Nnplay> {
  loading ??= createNnplayEngine().then(makeApi);
  return loading;
}
