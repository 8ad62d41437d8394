// The fit settings of a playground run: how long, in which batches, with which stop rules.
// plan() (playground.ts) puts them in the RunPlan beside the model and the data, and the
// page's worker, the CLI and the generated tf.keras code all take them from there, so a URL
// means the same run everywhere (docs/ARCHITECTURE.md §1). Pure: no engine.
import type { Matrix2D } from './engine.mjs';
import type { PlaygroundState } from './state.js';
import { MAX_COUNT } from './validate.js';

// Epochs of a run that must end when the state sets no maximum: the article's EPOCHS = 100.
export const DEFAULT_EPOCHS = 100;

export interface FitPlan {
  maxEpochs: number | null;  // the state's maxEpochs; null: no maximum (the page trains until paused)
  epochs: number;            // a run that must end (the CLI, the generated code): maxEpochs, else DEFAULT_EPOCHS
  batchSize: number | 'all'; // 'all': one batch of every training row (the page's 全部)
  shuffle: boolean;          // Keras' default: the training rows reshuffled every epoch (seeded)
  patience: number | null;   // early stopping on val_loss with this patience (Keras' EarlyStopping); null: none
  monitor: 'val_loss';       // what early stopping watches
  validation: true;          // the rows not used for training validate (percTrainData)
}

export function fitPlan(s: PlaygroundState): FitPlan {
  return {
    maxEpochs: s.maxEpochs,
    epochs: s.maxEpochs ?? DEFAULT_EPOCHS,
    batchSize: s.batchFull ? 'all' : s.batchSize,
    shuffle: true,
    patience: s.patience,
    monitor: 'val_loss',
    validation: true,
  };
}

// The batch size fit() gets: 'all' is every training row; a larger size than the rows is the rows.
export function batchRows(batchSize: number | 'all', rows: number): number {
  return batchSize === 'all' ? rows : Math.min(batchSize, rows);
}

export interface FitData {
  train: { x: Matrix2D; y: Matrix2D };
  valid: { x: Matrix2D; y: Matrix2D };
}

// What fit() / beginFit() get for a plan and its data. `untilStopped`: the page's way, no
// maximum means train until paused; otherwise a run ends after fit.epochs. Early stopping
// needs validation rows (own data may have none yet).
export function fitArgs(fit: FitPlan, data: FitData, untilStopped: boolean) {
  const hasValidation = fit.validation && data.valid.x.shape[0] > 0;
  return {
    batchSize: batchRows(fit.batchSize, data.train.x.shape[0]),
    epochs: untilStopped ? fit.maxEpochs ?? MAX_COUNT : fit.epochs,
    shuffle: fit.shuffle,
    validationData: hasValidation ? [data.valid.x, data.valid.y] as [Matrix2D, Matrix2D] : undefined,
    earlyStopping: fit.patience !== null && hasValidation ? { monitor: fit.monitor, patience: fit.patience } : undefined,
  };
}
