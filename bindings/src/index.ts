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
import { checkWeightsFit, notebookFor } from './notebook_api.js';
import * as exports from './exports.js';
import { makeDatasets } from './datasets.js';
import { dense, regularizers } from './layers.js';
import { type DenseLayer } from './layers.js';
import { Sequential } from './model.js';
import { installModelDisplay } from './model_display.js';
import { landscape, snapshot } from './landscape.js';
import { loadLayersModel } from './layersModel/load.js';
import type { LoadSource } from './layersModel/io.js';
import { checkCustom, checkHistory, checkMatrix, checkSetup, checkState, checkText, checkWeightList, registerSetup } from './api_checks.js';
import { checkSequentialArgs } from './model_checks.js';
import { descend, makeOptimizer, type OptimizerSpec, optimizers } from './optimizers.js';
import * as playground from './playground.js';
import * as runPlan from './runPlan.js';
import * as playgroundEngine from './playgroundEngine.js';
import { ACTIVATION_NAMES, LOSS_NAMES, METRIC_NAMES, OPTIMIZER_KEYS } from './registry.js';
import * as state from './state.js';
import type { Matrix2D, WeightArray } from './engine.mjs';
import { check, checkArray, checkOptions, countRule, either, fail, isPlainObject, named, oneOf, type Rule, SEED_RULE, show, stringRule } from './validate.js';

export type { Dataset, Split } from './datasets.js';
export type { DenseArgs, DenseLayer, InitializerName, Regularizer } from './layers.js';
export type { CompileArgs, EarlyStoppingArgs, FitArgs, FitCallbacks, FitSession, History, LayerInfo, Logs, Matrix2D, WeightArray } from './model.js';
export type { OptimizerFactory, OptimizerName, OptimizerOptions, OptimizerSpec } from './optimizers.js';
export type { CompiledOptimizer, ParameterSlots, WeightKind } from './optimizerState.js';
export type { Landscape, LandscapeOptions } from './landscape.js';
export type { ModelArtifacts, ModelArtifactsInfo, ModelJson, SaveResult, WeightSpec, TrainingConfig } from './layersModel/artifacts.js';
export type { LoadHandler, LoadSource, SaveHandler, SaveTarget } from './layersModel/io.js';
export type { ActivationName, DatasetName, FeatureName, LossName, MetricName } from './registry.js';
export type { PlaygroundState, ParseResult } from './state.js';
export type { CustomData, ModelPlan, RunPlan } from './playground.js';
export type { FitPlan } from './runPlan.js';
export type { TrainingSetup } from './playgroundEngine.js';
export type { TensorLike } from './tensors.js';
export { Sequential };
installModelDisplay(Sequential);  // console.log(model) shows its layers (model_display.ts)

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
    // sequential([layers], {seed}) or tfjs' sequential({layers, seed})
    sequential: (layers?: DenseLayer[] | { layers?: DenseLayer[]; seed?: number }, options?: { seed?: number }) => {
      const args = checkSequentialArgs(layers, options);
      return new Sequential(engine, args.layers, args.seed);
    },
    layers: { dense },
    regularizers,
    // tfjs' tf.loadLayersModel: 'file://…/model.json', a URL, File objects, a handler {load()}
    // or artifacts; Sequential models of Dense layers (bindings/src/layersModel/).
    // options.seed: the seed of the model's own randomness (shuffling, initializers on a rebuild).
    loadLayersModel: (source: LoadSource, options?: { seed?: number }) =>
      loadLayersModel(engine, source, checkOptions('loadLayersModel', options ?? {}, { seed: SEED_RULE })),
    optimizers: {
      ...optimizers,
      get: makeOptimizer,
      names: OPTIMIZER_KEYS,
      // w after each of `steps` updates of one parameter whose loss has gradient grad(w).
      // (steps at most 1e6: the path is an array of steps + 1 numbers)
      descend: (spec: OptimizerSpec | string, w0: number, grad: (w: number) => number, steps: number) => descend(engine, spec, w0, grad, steps),
    },
    // The training loss on a plane through the weights (Li et al. 2018); .snapshot(model)
    // gives the weight vector a trajectory is made of.
    landscape: Object.assign(landscape, { snapshot }),
    losses: LOSSES,
    metrics: METRICS,
    activations: ACTIVATIONS,
    datasets: makeDatasets(engine),
    state: {
      // Never throws for a bad hash (every bad key becomes a notice); only non-strings are refused.
      parse: (hash: string, seed?: string) => state.parseHash(checkText('state.parse', 'hash', hash), seed === undefined ? undefined : checkText('state.parse', 'seed', seed, 40)),
      serialize: (s: state.PlaygroundState) => state.serializeHash(checkState('state.serialize', s)),
      defaults: state.defaultState,
      schema: state.SCHEMA,
      // What a change of these keys rebuilds: 'data' | 'model' | 'session' | 'none'.
      rebuildFor: (changed: readonly string[]) => state.rebuildFor(checkArray('state.rebuildFor', 'changed', changed, stringRule)),
    },
    // tf.keras code for a playground state, in the article's style (listings 5-1 … 5-6).
    // options: { lang: 'ja' | 'en' (default: the state's), weights: trained weights to set (set_weights) }
    codegen: {
      keras: (s: state.PlaygroundState, custom?: { classes: ArrayLike<number> }, options?: codegen.KerasOptions) =>
        codegen.keras(checkState('codegen.keras', s), custom === undefined || custom === null ? undefined : checkCustomClasses('codegen.keras', custom), checkKerasOptions(s, custom, options)),
    },
    // A Jupyter notebook (.ipynb text) that replays a run in tf.keras: the state, the run's initial
    // weights and history, and optionally its data (default: the state's own), docs/KERAS_SEMANTICS.md §8.
    notebook: (s: state.PlaygroundState, run: NotebookRunArgs) => notebookFor(engine, s, run),
    // Data as CSV (plygdata's columns), history as Keras' CSVLogger, weights as JSON; CSV import.
    exports: {
      datasetCsv: (points: Matrix2D, labels: Matrix2D) => {
        const p = checkMatrix('exports.datasetCsv', 'points', points, 2);
        const l = checkMatrix('exports.datasetCsv', 'labels', labels);
        if (l.shape[0] !== p.shape[0]) fail(`exports.datasetCsv: labels has ${l.shape[0]} rows but points has ${p.shape[0]}`);
        return exports.datasetCsv(p, l);
      },
      historyCsv: (history: { epoch: number[]; history: Record<string, number[]> }) => exports.historyCsv(checkHistory('exports.historyCsv', history)),
      weightsJson: (weights: WeightArray[]) => exports.weightsJson(checkWeightList('exports.weightsJson', weights)),
      parseDatasetCsv: exports.parseDatasetCsv,  // checks its own arguments (csv.ts)
    },
    // The page's and the CLI's path from a playground state to data and a compiled model.
    playground: {
      // The pure state -> run rule (no engine), and 'all' / too-large batch sizes resolved.
      plan: (s: state.PlaygroundState, customClasses?: 2 | 3) =>
        playground.plan(checkState('playground.plan', s), customClasses === undefined ? undefined : check('playground.plan', 'customClasses', customClasses, oneOfNumbers([2, 3]))),
      batchRows: (batchSize: number | 'all', rows: number) =>
        runPlan.batchRows(check('playground.batchRows', 'batchSize', batchSize, either(oneOf(['all'] as const), countRule(1))), check('playground.batchRows', 'rows', rows, countRule(0))),
      setup: (s: state.PlaygroundState, custom?: playground.CustomData) =>
        registerSetup(playgroundEngine.setup(engine, checkState('playground.setup', s), checkCustom('playground.setup', custom))),
      prepareData: (setup: playgroundEngine.TrainingSetup, custom?: playground.CustomData) => {
        const call = 'playground.prepareData';
        const [checked, data] = [checkSetup(call, setup), checkCustom(call, custom)];
        return named(call, () => playgroundEngine.prepareData(engine, checked, data));
      },
      testData: (setup: playgroundEngine.TrainingSetup, seed: number, samples?: number) => {
        const call = 'playground.testData';
        const [checked, s, n] = [checkSetup(call, setup), check(call, 'seed', seed, SEED_RULE), samples === undefined ? undefined : check(call, 'samples', samples, countRule(0))];
        return named(call, () => playgroundEngine.testData(engine, checked, s, n));
      },
      buildModel: (setup: playgroundEngine.TrainingSetup) => {
        const checked = checkSetup('playground.buildModel', setup);
        return named('playground.buildModel', () => playgroundEngine.buildModel(engine, checked));
      },
    },
    memory: {
      // Bytes malloc'd in the wasm heap, and the heap's size (for leak checks).
      bytesInUse: () => engine.heapBytesInUse(),
      heapSize: () => engine.heapSize(),
    },
  };
}

// A number from a short list (customClasses: 2 or 3).
function oneOfNumbers<T extends number>(values: readonly T[]): Rule<T> {
  return { allowed: `one of ${values.join(', ')}`, test: (v: unknown): v is T => (values as readonly unknown[]).includes(v) };
}

// codegen.keras' options: the comments' language and the trained weights to write in.
function checkKerasOptions(s: state.PlaygroundState, custom: { classes: ArrayLike<number> } | undefined | null, options: unknown): codegen.KerasOptions {
  const o = checkOptions('codegen.keras', options, { lang: oneOf(['ja', 'en'] as const), weights: { allowed: 'an array of {shape, data} as getWeights() returns it', test: (_v: unknown): _v is unknown => true } });
  if (o.weights === undefined) return { lang: o.lang };
  const model = playground.plan(s, playground.customClassCount(custom ?? undefined));
  const item = {
    allowed: '{shape, data} as getWeights() returns it (data: a Float32Array or numbers)',
    test: (v: unknown): v is { shape: number[]; data: ArrayLike<number> } => isPlainObject(v) && Array.isArray(v.shape) && (v.data instanceof Float32Array || Array.isArray(v.data)),
  };
  return { lang: o.lang, weights: checkWeightsFit('codegen.keras', 'options.weights', checkArray('codegen.keras', 'options.weights', o.weights, item), model) };
}

// nn.notebook's second argument (notebook_api.ts checks it).
export interface NotebookRunArgs {
  weights: WeightArray[];  // the run's initial weights
  history: { epoch: number[]; history: Record<string, number[]> };  // what fit() returned
  data?: { xTrain: Matrix2D; yTrain: Matrix2D; xValid: Matrix2D; yValid: Matrix2D };
  test?: { x: Matrix2D; y: Matrix2D; logs?: Record<string, number> };
  shuffle?: boolean;  // default true (fit's default)
  seed?: number;      // the shuffle's seed; default: the setup's weights seed (what the page and the CLI use)
  custom?: playground.CustomData;
  lang?: 'ja' | 'en';
  changed?: 'weights' | 'learningRate' | 'data';
}

// codegen.keras' own data: only the class labels matter.
function checkCustomClasses(call: string, custom: unknown): { classes: ArrayLike<number> } {
  if (!isPlainObject(custom) || !(custom.classes instanceof Float32Array || Array.isArray(custom.classes))) {
    fail(`${call}: custom must be {classes: Float32Array of 0, 1, 2}, got ${show(custom)}`);
  }
  checkArray(call, 'custom.classes', Array.from(custom.classes as ArrayLike<unknown>), oneOfNumbers([0, 1, 2]));
  return custom as { classes: ArrayLike<number> };
}

export type Nnplay = ReturnType<typeof makeApi>;

let loading: Promise<Nnplay> | undefined;

// Loads the engine (once; later calls share it). No network access: the wasm is inlined.
export function init(): Promise<Nnplay> {
  loading ??= createNnplayEngine().then(makeApi);
  return loading;
}
