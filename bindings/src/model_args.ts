// The arguments of Sequential's methods and fit()'s history, as the JS API's types: model.ts
// takes them, model_checks.ts checks them (neither imports the other's types through a circle).
import type { Logs } from './engine.mjs';
import type { OptimizerSpec } from './optimizers.js';
import type { LossName, MetricName, OptimizerName } from './registry.js';
import type { EngineStopReason } from './stopReason.js';
import type { TensorLike } from './tensors.js';

export interface CompileArgs {
  optimizer: OptimizerSpec | OptimizerName;
  loss: LossName;
  metrics?: MetricName[] | MetricName;
}

export interface EarlyStoppingArgs {
  monitor?: string;  // default 'val_loss'
  minDelta?: number;
  patience?: number;
  mode?: 'auto' | 'min' | 'max';
  baseline?: number;
  restoreBestWeights?: boolean;
}

export interface FitCallbacks {
  onTrainBegin?: () => void | Promise<void>;
  onTrainEnd?: (history: History) => void | Promise<void>;
  onEpochBegin?: (epoch: number) => void | Promise<void>;
  onEpochEnd?: (epoch: number, logs: Logs) => void | Promise<void>;
  onBatchEnd?: (batch: number, logs: Logs) => void | Promise<void>;
}

export interface FitArgs {
  verbose?: 0 | 1 | 2;       // tfjs / Keras: 0 prints nothing (default), 1 Keras' progress bar, 2 a line per epoch
  batchSize?: number;        // default: Keras' 32 (core/registry.json)
  epochs?: number;           // default 1
  initialEpoch?: number;
  shuffle?: boolean;         // default true: reshuffled every epoch, seeded
  validationSplit?: number;  // the last fraction of x / y, taken before shuffling
  validationData?: [TensorLike, TensorLike];
  earlyStopping?: EarlyStoppingArgs;
  seed?: number;             // the shuffling seed; default: the model's seed
  callbacks?: FitCallbacks | FitCallbacks[];  // an array: each object's hooks, in order
  yieldEvery?: 'epoch' | 'never';  // default 'epoch': let the event loop run between epochs
}

export interface History {
  epoch: number[];
  history: Record<string, number[]>;
  params: { epochs: number; batchSize: number; samples: number };
  stopReason: EngineStopReason;  // stopReason.ts: max_epochs, early_stopping, diverged, non_finite_weights, callback
  stoppedEpoch: number;  // -1 unless training stopped early
  stopMessage: string;
}
