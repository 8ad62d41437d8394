// The registry (core/registry.json): the optimizers with their tf.keras 2.x defaults and
// ranges, the losses, activations, metrics and input features with their display names,
// and fit()'s defaults. The engine's tables are generated from the same file
// (cmake/registry.cmake), so the JS API, the URL schema, the page, the CLI, the code
// generator and the engine's error messages share one list.
import data from '../../core/registry.json';

export interface OptimizerOption {
  name: string;              // Keras' snake_case name (the engine's)
  camel: string;             // the JS API's camelCase name
  default: number | boolean; // tf.keras 2.x's default
  min?: number;              // the range the engine accepts, if any
  max?: number;
  maxOpen?: boolean;
  engineOnly?: boolean;      // accepted by the engine, not offered by the JS API
}

// The names as TypeScript literal unions. Imported JSON gives only `string`, so they are
// written out here; tests/node/types.test.mjs compiles them against core/registry.json both
// ways (every registry name is in the union, every union member is in the registry).
export type OptimizerName = 'sgd' | 'adagrad' | 'rmsprop' | 'adadelta' | 'adam' | 'adamax' | 'nadam';
// Keras' names, the playground's short names and tfjs' camelCase names: the engine takes all.
export type LossName =
  | 'mean_squared_error' | 'mse' | 'meanSquaredError'
  | 'mean_absolute_error' | 'mae' | 'meanAbsoluteError'
  | 'binary_crossentropy' | 'binaryCrossentropy'
  | 'categorical_crossentropy' | 'categoricalCrossentropy';
export type ActivationName = 'linear' | 'sigmoid' | 'tanh' | 'relu' | 'elu' | 'selu' | 'softplus' | 'softsign' | 'softmax';
// Keras' names and tfjs' camelCase names.
export type MetricName =
  | 'tanh_accuracy' | 'tanhAccuracy' | 'binary_accuracy' | 'binaryAccuracy' | 'categorical_accuracy' | 'categoricalAccuracy'
  | 'accuracy' | 'acc' | 'mse' | 'meanSquaredError' | 'mae' | 'meanAbsoluteError';
// The input features, by their URL keys (the playground's).
export type FeatureName = 'x' | 'y' | 'xSquared' | 'ySquared' | 'xTimesY' | 'sinX' | 'sinY';
// The generated datasets; the regression ones are named reg-*.
export type DatasetName = 'circle' | 'xor' | 'gauss' | 'spiral' | 'reg-plane' | 'reg-gauss' | 'gauss3';
export type RegressDatasetName = Extract<DatasetName, `reg-${string}`>;
export type ClassifyDatasetName = Exclude<DatasetName, RegressDatasetName>;

export interface OptimizerEntry {
  key: OptimizerName;  // sgd, rmsprop, ...: the URL's and the CLI's name
  className: string;   // Keras' class and the display name: SGD, RMSprop, ...
  ja: string;          // the name in the article's Japanese
  positional: number;  // how many options (in order) may also be given as positional arguments
  options: OptimizerOption[];
}

export interface LossEntry {
  name: LossName;   // Keras' name
  short: LossName;  // the playground's name (URL, page)
  camel: LossName;  // tfjs' name
  ja: string;
}

export interface ActivationEntry {
  name: ActivationName;
  label: string;         // display name
  outputOnly?: boolean;  // softmax: an output layer's activation, not offered for hidden layers
}

export interface MetricEntry {
  name: MetricName;
  camel?: MetricName;
}

export interface FeatureEntry {
  name: FeatureName;  // the URL key and the engine's name
  label: string;      // the page's network diagram: X₁²
  text: string;       // plain text (help, docs, code comments): X1²
  code: string;       // NumPy, in the generated tf.keras code: x1 ** 2
  default: boolean;   // on in a new playground
  hashOrder: number;  // its place among the features in the Deep Insider URL
}

export interface DatasetEntry {
  name: DatasetName;
  problem: 'classification' | 'regression';
  plygdata?: string;  // the playground-data package's DatasetType (none: the generated code reads a CSV)
  ja: string;         // the article's name
}

const registry = data as unknown as {
  optimizers: OptimizerEntry[]; losses: LossEntry[]; activations: ActivationEntry[]; metrics: MetricEntry[];
  features: FeatureEntry[]; datasets: DatasetEntry[]; noiseMax: number; fit: { batchSize: number; epochs: number };
};

export const OPTIMIZERS: readonly OptimizerEntry[] = registry.optimizers;
export const OPTIMIZER_KEYS: readonly OptimizerName[] = OPTIMIZERS.map((o) => o.key);

// The entry for a key in any case (Keras takes 'Adam' and 'adam'), or undefined.
export function findOptimizer(name: string): OptimizerEntry | undefined {
  const key = String(name).toLowerCase();
  return OPTIMIZERS.find((o) => o.key === key);
}

// The options the JS API offers, in Keras' order.
export function apiOptions(entry: OptimizerEntry): OptimizerOption[] {
  return entry.options.filter((o) => !o.engineOnly);
}

export const LOSSES: readonly LossEntry[] = registry.losses;
export const LOSS_NAMES: readonly LossName[] = LOSSES.map((l) => l.name);
export const LOSS_SHORT_NAMES: readonly LossName[] = LOSSES.map((l) => l.short);
// Every spelling compile() takes, in the registry's order, without repeats.
export const LOSS_SPELLINGS: readonly LossName[] = [...new Set(LOSSES.flatMap((l) => [l.name, l.short, l.camel]))];

// The loss entry for a playground short name ('mse') or a Keras name.
export function findLoss(name: string): LossEntry | undefined {
  return LOSSES.find((l) => l.short === name || l.name === name);
}

export const ACTIVATIONS: readonly ActivationEntry[] = registry.activations;
export const ACTIVATION_NAMES: readonly ActivationName[] = ACTIVATIONS.map((a) => a.name);
export const HIDDEN_ACTIVATIONS: readonly string[] = ACTIVATIONS.filter((a) => !a.outputOnly).map((a) => a.name);

export function activationLabel(name: string): string {
  return ACTIVATIONS.find((a) => a.name === name)?.label ?? name;
}

export const METRIC_NAMES: readonly MetricName[] = registry.metrics.map((m) => m.name);
export const METRIC_SPELLINGS: readonly MetricName[] = [...new Set(registry.metrics.flatMap((m) => (m.camel ? [m.name, m.camel] : [m.name])))];

// In the engine's order (the input columns' order).
export const FEATURES: readonly FeatureEntry[] = registry.features;
export const FEATURE_NAMES: readonly FeatureName[] = FEATURES.map((f) => f.name);

export function findFeature(name: string): FeatureEntry | undefined {
  return FEATURES.find((f) => f.name === name);
}

// In the engine's order.
export const DATASETS: readonly DatasetEntry[] = registry.datasets;
export const DATASET_NAMES: readonly DatasetName[] = DATASETS.map((d) => d.name);
export const CLASSIFY_DATASET_NAMES = DATASETS.filter((d) => d.problem === 'classification').map((d) => d.name as ClassifyDatasetName);
export const REGRESS_DATASET_NAMES = DATASETS.filter((d) => d.problem === 'regression').map((d) => d.name as RegressDatasetName);

// The largest noise a dataset takes, as a fraction (the page's percent: × 100).
export const NOISE_MAX: number = registry.noiseMax;

export function findDataset(name: string): DatasetEntry | undefined {
  return DATASETS.find((d) => d.name === name);
}

// Keras' defaults of fit(), evaluate() and predict() (the engine's too).
export const FIT_DEFAULTS: { readonly batchSize: number; readonly epochs: number } = registry.fit;
