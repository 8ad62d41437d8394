// From a playground state to a training setup: which data, which labels, which output
// layer and metric the chosen loss needs. The page and the CLI both train through this,
// so a URL and a command line mean the same run.
import type { Engine, Matrix2D } from './engine.mjs';
import { dense, type DenseLayer, type Regularizer } from './layers.js';
import { Sequential } from './model.js';
import { makeOptimizer, type OptimizerSpec } from './optimizers.js';
import { FEATURE_KEYS, type PlaygroundState } from './state.js';

export interface TrainingSetup {
  problem: 'classification' | 'regression';
  dataset: string;        // circle, xor, gauss, spiral, gauss3, reg-plane, reg-gauss
  classes: number;        // 2, 3, or 0 for regression
  noise: number;          // fraction, 0..0.8
  trainingRatio: number;  // fraction
  features: string[];
  hidden: number[];
  activation: string;
  outputActivation: string;
  outputUnits: number;
  labels: 'plus-minus-one' | 'zero-one' | 'one-hot' | 'real';
  loss: string;           // Keras name
  metrics: string[];
  optimizer: OptimizerSpec;
  batchSize: number | 'all';
  regularizer: Regularizer;
  initializer: 'glorot_uniform' | 'playground';
  dataSeed: number;
  splitSeed: number;
  modelSeed: number;
  notes: string[];        // what was adjusted to make the combination meaningful, in words
}

const KERAS_LOSS: Record<string, string> = {
  mse: 'mean_squared_error',
  mae: 'mean_absolute_error',
  binary_crossentropy: 'binary_crossentropy',
  categorical_crossentropy: 'categorical_crossentropy',
};

// Three seeds from the one seed string, so that data, split and weights do not share a stream.
// 'weightsSeed', when set, replaces the weights' seed (the page's "new weights").
function seeds(engine: Engine, seed: string, weightsSeed: number | null) {
  const h = engine.seedFromString(seed) >>> 0;
  return { dataSeed: h, splitSeed: (h ^ 0x9e3779b9) >>> 0, modelSeed: weightsSeed ?? (h ^ 0x85ebca6b) >>> 0 };
}

// Own data: points with class indices 0, 1 (two classes, trained as -1 / +1) or 0, 1, 2.
export interface CustomData {
  points: Float32Array;  // [n, 2]
  classes: Float32Array; // [n]
}

export function customClassCount(custom: CustomData | undefined): number {
  return custom && custom.classes.some((c) => c === 2) ? 3 : 2;
}

export function setup(engine: Engine, s: PlaygroundState, custom?: CustomData): TrainingSetup {
  const notes: string[] = [];
  const problem = s.problem;
  const dataset = problem === 'regression' ? s.regDataset : s.dataset;
  const classes = problem === 'regression' ? 0 : dataset === 'gauss3' ? 3 : dataset === 'custom' ? customClassCount(custom) : 2;
  let loss = s.loss as string;
  let outputActivation: string;
  let outputUnits = 1;
  let labels: TrainingSetup['labels'];
  let metrics: string[];
  if (problem === 'regression') {
    if (loss === 'binary_crossentropy' || loss === 'categorical_crossentropy') {
      notes.push(`Cross entropy is for classification; regression uses mean squared error instead of ${loss}.`);
      loss = 'mse';
    }
    outputActivation = 'linear';
    labels = 'real';
    metrics = [];
  } else if (classes === 3 || loss === 'categorical_crossentropy') {
    outputActivation = 'softmax';
    outputUnits = classes;
    labels = 'one-hot';
    metrics = ['categorical_accuracy'];
    if (classes === 3 && loss !== 'categorical_crossentropy') {
      notes.push('Three classes need a softmax output of 3 units with one-hot labels.');
    } else if (classes === 2) {
      notes.push('Categorical cross entropy needs a softmax output: 2 units (one per class) with one-hot labels.');
    }
  } else if (loss === 'binary_crossentropy') {
    outputActivation = 'sigmoid';
    labels = 'zero-one';
    metrics = ['binary_accuracy'];
    notes.push('Binary cross entropy needs a sigmoid output and labels 0/1 (instead of tanh and ±1).');
  } else {
    outputActivation = 'tanh';  // the playground's and the tutorial's output
    labels = 'plus-minus-one';
    metrics = ['tanh_accuracy'];
  }
  const features = FEATURE_KEYS.filter((f) => s[f]);
  if (features.length === 0) {
    notes.push('No input feature was selected; X1 and X2 are used.');
    features.push('x', 'y');
  }
  const rate = s.regularizationRate;
  const regularizer = s.regularization === 'L1' ? { l1: rate, l2: 0 } : s.regularization === 'L2' ? { l1: 0, l2: rate } : { l1: 0, l2: 0 };
  const options: Record<string, number> = { learningRate: s.learningRate };
  if (s.momentum !== null && ['sgd', 'rmsprop'].includes(s.optimizer)) options.momentum = s.momentum;
  if (s.rho !== null && ['rmsprop', 'adadelta'].includes(s.optimizer)) options.rho = s.rho;
  if (s.beta1 !== null && ['adam', 'adamax', 'nadam'].includes(s.optimizer)) options.beta1 = s.beta1;
  if (s.beta2 !== null && ['adam', 'adamax', 'nadam'].includes(s.optimizer)) options.beta2 = s.beta2;
  return {
    problem,
    dataset,
    classes,
    noise: s.noise / 100,
    trainingRatio: s.percTrainData / 100,
    features,
    hidden: [...s.networkShape],
    activation: s.activation,
    outputActivation,
    outputUnits,
    labels,
    loss: KERAS_LOSS[loss],
    metrics,
    optimizer: makeOptimizer(s.optimizer, options),
    batchSize: s.batchFull ? 'all' : s.batchSize,
    regularizer,
    initializer: s.initOrigin ? 'playground' : 'glorot_uniform',
    ...seeds(engine, s.seed, s.weightsSeed),
    notes,
  };
}

// ±1 labels (as generated) -> what the setup's loss needs.
export function convertLabels(labels: Matrix2D, setup: TrainingSetup): Matrix2D {
  const [n, c] = labels.shape;
  if (setup.labels === 'zero-one') return { data: labels.data.map((v) => (v > 0 ? 1 : 0)), shape: [n, 1] };
  if (setup.labels === 'one-hot' && c === 1) {
    const data = new Float32Array(n * 2);
    for (let i = 0; i < n; i++) data[i * 2 + (labels.data[i] > 0 ? 1 : 0)] = 1;  // class 0 = -1, class 1 = +1
    return { data, shape: [n, 2] };
  }
  return labels;
}

export interface PreparedData {
  points: Matrix2D;  // all points, before the split
  train: { points: Matrix2D; x: Matrix2D; y: Matrix2D };
  valid: { points: Matrix2D; x: Matrix2D; y: Matrix2D };
}

// Labels of own data as the generators give them: ±1 for two classes, one-hot for three.
function customLabels(custom: CustomData, classes: number): Matrix2D {
  const n = custom.classes.length;
  if (classes === 2) return { data: custom.classes.map((c) => (c > 0 ? 1 : -1)), shape: [n, 1] };
  const data = new Float32Array(n * 3);
  custom.classes.forEach((c, i) => (data[i * 3 + c] = 1));
  return { data, shape: [n, 3] };
}

function empty(cols: number): Matrix2D {
  return { data: new Float32Array(0), shape: [0, cols] };
}

export function prepareData(engine: Engine, setup: TrainingSetup, custom?: CustomData): PreparedData {
  let d: { points: Matrix2D; labels: Matrix2D };
  if (setup.dataset === 'custom') {
    const n = custom?.classes.length ?? 0;
    if (n < 2) {  // nothing to split yet: the page waits for points
      const none = { points: empty(2), x: empty(setup.features.length), y: empty(setup.outputUnits) };
      return { points: custom?.points ? { data: custom.points, shape: [n, 2] } : empty(2), train: none, valid: none };
    }
    d = { points: { data: custom!.points, shape: [n, 2] }, labels: customLabels(custom!, setup.classes) };
  } else {
    d = engine.generateDataset(setup.dataset, setup.noise, setup.dataSeed, 0);
  }
  const s = engine.splitDataset(d.points, convertLabels(d.labels, setup), setup.trainingRatio, setup.splitSeed);
  return {
    points: d.points,
    train: { points: s.xTrain, x: engine.makeFeatures(s.xTrain, setup.features), y: s.yTrain },
    valid: { points: s.xValid, x: engine.makeFeatures(s.xValid, setup.features), y: s.yValid },
  };
}

// Fresh points of the same dataset (the tutorial's step 8), with features and labels.
export function testData(engine: Engine, setup: TrainingSetup, seed: number, samples = 0) {
  const d = engine.generateDataset(setup.dataset, setup.noise, seed >>> 0, samples);
  return { points: d.points, x: engine.makeFeatures(d.points, setup.features), y: convertLabels(d.labels, setup) };
}

export function layersFor(setup: TrainingSetup): DenseLayer[] {
  const init = setup.initializer;
  const common = { kernelInitializer: init, biasInitializer: init === 'playground' ? 'playground' : 'zeros' };
  const layers: DenseLayer[] = [];
  const sizes = [...setup.hidden, setup.outputUnits];
  sizes.forEach((units, i) => {
    const hidden = i < setup.hidden.length;
    layers.push(dense({
      units,
      activation: hidden ? setup.activation : setup.outputActivation,
      ...common,
      ...(setup.regularizer.l1 || setup.regularizer.l2 ? { kernelRegularizer: setup.regularizer } : {}),
      ...(i === 0 ? { inputShape: [setup.features.length] as [number] } : {}),
    }));
  });
  return layers;
}

export function buildModel(engine: Engine, setup: TrainingSetup): Sequential {
  const model = new Sequential(engine, layersFor(setup), { seed: setup.modelSeed });
  model.compile({ optimizer: setup.optimizer, loss: setup.loss, metrics: setup.metrics });
  return model;
}
