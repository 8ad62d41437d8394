// The registry (core/registry.json): the optimizers with their tf.keras 2.x defaults and
// ranges, the losses, activations and metrics, with their display names. The engine's
// tables are generated from the same file (cmake/registry.cmake), so the JS API, the URL
// schema, the page, the code generator and the engine's error messages share one list.
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

export interface OptimizerEntry {
  key: string;        // sgd, rmsprop, ...: the URL's and the CLI's name
  className: string;  // Keras' class and the display name: SGD, RMSprop, ...
  ja: string;         // the name in the article's Japanese
  options: OptimizerOption[];
}

export interface LossEntry {
  name: string;   // Keras' name
  short: string;  // the playground's name (URL, page)
  camel: string;  // tfjs' name
  ja: string;
}

export interface ActivationEntry {
  name: string;
  label: string;         // display name
  outputOnly?: boolean;  // softmax: an output layer's activation, not offered for hidden layers
}

export interface MetricEntry {
  name: string;
  camel?: string;
}

const registry = data as { optimizers: OptimizerEntry[]; losses: LossEntry[]; activations: ActivationEntry[]; metrics: MetricEntry[] };

export const OPTIMIZERS: readonly OptimizerEntry[] = registry.optimizers;
export const OPTIMIZER_KEYS: readonly string[] = OPTIMIZERS.map((o) => o.key);

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
export const LOSS_NAMES: readonly string[] = LOSSES.map((l) => l.name);
export const LOSS_SHORT_NAMES: readonly string[] = LOSSES.map((l) => l.short);

// The loss entry for a playground short name ('mse') or a Keras name.
export function findLoss(name: string): LossEntry | undefined {
  return LOSSES.find((l) => l.short === name || l.name === name);
}

export const ACTIVATIONS: readonly ActivationEntry[] = registry.activations;
export const ACTIVATION_NAMES: readonly string[] = ACTIVATIONS.map((a) => a.name);
export const HIDDEN_ACTIVATIONS: readonly string[] = ACTIVATIONS.filter((a) => !a.outputOnly).map((a) => a.name);

export function activationLabel(name: string): string {
  return ACTIVATIONS.find((a) => a.name === name)?.label ?? name;
}

export const METRIC_NAMES: readonly string[] = registry.metrics.map((m) => m.name);
