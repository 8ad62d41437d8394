// Why training stopped, as data: one set of names for the engine (fit()'s history), the
// page's worker, the page, the pages that embed it and the CLI, and the facts each reason's
// words need. Pure: no engine.
import { type Message, message } from './messages.js';

// The engine's reasons (core/include/nnplay/callbacks.hpp), then 'interrupted' (the CLI's
// Ctrl-C) and 'paused' (the page's reader paused or reset).
export const STOP_REASONS = ['max_epochs', 'early_stopping', 'diverged', 'non_finite_weights', 'callback', 'interrupted', 'paused'] as const;
export type StopReasonName = (typeof STOP_REASONS)[number];
// What fit()'s history says.
export type EngineStopReason = Exclude<StopReasonName, 'interrupted' | 'paused'>;

export interface StopReason {
  reason: StopReasonName;
  epoch: number;          // epochs completed when training stopped
  maxEpochs?: number;     // max_epochs: the maximum reached
  monitor?: string;       // early_stopping: what it watched (val_loss), its patience, the best value and its epoch (from 1)
  patience?: number;
  best?: number;
  bestEpoch?: number;
  loss?: number;          // diverged, non_finite_weights: the last loss (NaN, ±Infinity) and the learning rate
  learningRate?: number;
}

// What of a fit's history and settings the reason needs.
export interface StopFacts {
  stopReason: EngineStopReason;
  history: Record<string, number[]>;
  epoch: number;                 // epochs completed
  maxEpochs: number | null;
  monitor: string;
  patience: number | null;
  learningRate: number;
}

// A non-finite loss or weights: the run cannot go on.
export function isDiverged(reason: StopReasonName | undefined): boolean {
  return reason === 'diverged' || reason === 'non_finite_weights';
}

export function stopReasonOf(f: StopFacts): StopReason {
  const base = { reason: f.stopReason, epoch: f.epoch };
  if (f.stopReason === 'max_epochs') return { ...base, maxEpochs: f.maxEpochs ?? f.epoch };
  if (f.stopReason === 'diverged' || f.stopReason === 'non_finite_weights') {
    return { ...base, loss: f.history.loss?.at(-1) ?? NaN, learningRate: f.learningRate };
  }
  if (f.stopReason === 'early_stopping') {
    const monitored = f.history[f.monitor] ?? [];
    let best = 0;
    monitored.forEach((v, i) => { if (v < monitored[best]) best = i; });
    return { ...base, monitor: f.monitor, patience: f.patience ?? 0, ...(monitored.length ? { best: monitored[best], bestEpoch: best + 1 } : {}) };
  }
  return base;
}

export function pausedAt(epoch: number): StopReason {
  return { reason: 'paused', epoch };
}

// The reason in words, as a code and parameters (the page words it in its language; `text` is English).
export function stopMessage(stop: StopReason | null): Message | null {
  if (stop === null || stop.reason === 'paused' || stop.reason === 'interrupted' || stop.reason === 'callback') return null;
  if (stop.reason === 'max_epochs') return message('stop.max', { epochs: stop.maxEpochs ?? stop.epoch });
  if (isDiverged(stop.reason)) return message('stop.diverged', { epoch: stop.epoch, loss: String(stop.loss), learningRate: stop.learningRate ?? NaN });
  return message('stop.early', {
    monitor: stop.monitor ?? 'val_loss',
    patience: stop.patience ?? 0,
    best: stop.best === undefined ? '' : stop.best.toFixed(4),
    bestEpoch: stop.bestEpoch ?? 0,
  });
}
