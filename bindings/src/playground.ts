// From a playground state to a run plan: which data, which labels, which output layer,
// loss and metric, and how it is fitted (epochs, batch size, shuffle, early stopping,
// validation: runPlan.ts). A pure function (no engine): the page, the worker, the compare
// runs, the CLI and the code generator all read it, so a URL, a command line and the
// generated tf.keras code mean the same run. playgroundEngine.ts adds the engine's part.
import type { Matrix2D } from './engine.mjs';
import { dense, type DenseLayer, type Regularizer } from './layers.js';
import { type Message, message } from './messages.js';
import { makeOptimizer, type OptimizerSpec } from './optimizers.js';
import { type ActivationName, findLoss, findOptimizer, type LossName, type MetricName } from './registry.js';
import { type FitPlan, fitPlan } from './runPlan.js';
import { FEATURE_KEYS, OPTIMIZER_STATE_KEYS, type PlaygroundState } from './state.js';

// The state -> run rule, without the engine: the page, the worker, the compare runs,
// the CLI and the code generator all read their run from this one function.
export interface RunPlan {
  problem: 'classification' | 'regression';
  dataset: string;        // circle, xor, gauss, spiral, gauss3, custom, reg-plane, reg-gauss
  classes: number;        // 2, 3, or 0 for regression
  noise: number;          // fraction, 0..NOISE_MAX (core/registry.json)
  trainingRatio: number;  // fraction
  features: string[];
  hidden: number[];
  activation: ActivationName;
  outputActivation: ActivationName;
  outputUnits: number;
  labels: 'plus-minus-one' | 'zero-one' | 'one-hot' | 'real';
  loss: LossName;         // Keras name
  metrics: MetricName[];
  optimizer: OptimizerSpec;
  fit: FitPlan;           // epochs, batch size, shuffle, early stopping, validation
  regularizer: Regularizer;
  initializer: 'glorot_uniform' | 'playground';
  notes: string[];        // what was adjusted to make the combination meaningful, in words
  noteMessages: Message[]; // the same notes as codes and parameters (the page words them)
}
// The name it had before it held the fit settings too (the module's public type).
export type ModelPlan = RunPlan;

// Own data: points with class indices 0, 1 (two classes, trained as -1 / +1) or 0, 1, 2.
export interface CustomData {
  points: Float32Array;  // [n, 2]
  classes: Float32Array; // [n]
}

export function customClassCount(custom: { classes: ArrayLike<number> } | undefined): number {
  return Array.from(custom?.classes ?? []).includes(2) ? 3 : 2;
}

// The state's optimizer hyper-parameters that its optimizer takes (camelCase), learning rate first.
export function optimizerOptions(s: PlaygroundState): Record<string, number> {
  const taken = findOptimizer(s.optimizer)?.options ?? [];
  const options: Record<string, number> = { learningRate: s.learningRate };
  for (const key of OPTIMIZER_STATE_KEYS) {
    const v = (s as unknown as Record<string, number | null>)[key];
    if (v !== null && taken.some((o) => o.camel === key)) options[key] = v;
  }
  return options;
}

// The pure rule. `customClasses`: own data's class count (2 or 3), see customClassCount.
export function plan(s: PlaygroundState, customClasses = 2): RunPlan {
  const notes: Message[] = [];
  const problem = s.problem;
  const dataset = problem === 'regression' ? s.regDataset : s.dataset;
  const classes = problem === 'regression' ? 0 : dataset === 'gauss3' ? 3 : dataset === 'custom' ? customClasses : 2;
  let loss = s.loss;
  let outputActivation: ActivationName;
  let outputUnits = 1;
  let labels: RunPlan['labels'];
  let metrics: MetricName[];
  if (problem === 'regression') {
    if (loss === 'binary_crossentropy' || loss === 'categorical_crossentropy') {
      notes.push(message('plan.regressionCrossEntropy', { loss }));
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
      notes.push(message('plan.threeClassesSoftmax'));
    } else if (classes === 2) {
      notes.push(message('plan.categoricalTwoUnits'));
    }
  } else if (loss === 'binary_crossentropy') {
    outputActivation = 'sigmoid';
    labels = 'zero-one';
    metrics = ['binary_accuracy'];
    notes.push(message('plan.binarySigmoid'));
  } else {
    outputActivation = 'tanh';  // the playground's and the tutorial's output
    labels = 'plus-minus-one';
    metrics = ['tanh_accuracy'];
  }
  const features: string[] = FEATURE_KEYS.filter((f) => s[f]);
  if (features.length === 0) {
    notes.push(message('plan.noFeatures'));
    features.push('x', 'y');
  }
  const rate = s.regularizationRate;
  const regularizer = s.regularization === 'L1' ? { l1: rate, l2: 0 } : s.regularization === 'L2' ? { l1: 0, l2: rate } : { l1: 0, l2: 0 };
  return {
    problem,
    dataset,
    classes,
    noise: s.noise / 100,
    trainingRatio: s.percTrainData / 100,
    features,
    hidden: [...s.networkShape],
    activation: s.activation as ActivationName,  // the schema allows only registry names
    outputActivation,
    outputUnits,
    labels,
    loss: findLoss(loss)!.name,
    metrics,
    optimizer: makeOptimizer(s.optimizer, optimizerOptions(s)),
    fit: fitPlan(s),
    regularizer,
    initializer: s.initOrigin ? 'playground' : 'glorot_uniform',
    notes: notes.map((n) => n.text),
    noteMessages: notes,
  };
}

// ±1 labels (as generated) -> what the setup's loss needs.
export function convertLabels(labels: Matrix2D, setup: RunPlan): Matrix2D {
  const [n, c] = labels.shape;
  if (setup.labels === 'zero-one') return { data: labels.data.map((v) => (v > 0 ? 1 : 0)), shape: [n, 1] };
  if (setup.labels === 'one-hot' && c === 1) {
    const data = new Float32Array(n * 2);
    for (let i = 0; i < n; i++) data[i * 2 + (labels.data[i] > 0 ? 1 : 0)] = 1;  // class 0 = -1, class 1 = +1
    return { data, shape: [n, 2] };
  }
  return labels;
}

export function layersFor(setup: RunPlan): DenseLayer[] {
  const init = setup.initializer;
  const common = { kernelInitializer: init, biasInitializer: init === 'playground' ? 'playground' as const : 'zeros' as const };
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
