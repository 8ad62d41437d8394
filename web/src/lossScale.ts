// The losses' display scale (URL key lossScale; docs/PLAYGROUND.md §2.5): 'keras' shows every
// loss as Keras reports it; 'half' shows squared error on the Deep Insider playground's scale,
// ½ × squared error (the article's figures and its footnote "½ × 二乗和"), i.e. half of Keras'
// MSE. Only squared error has a ½ form: MAE and cross entropy are shown as Keras reports them
// on either scale, and the note says so. Display only: training, code and exports stay Keras.
// Pure rules (no DOM): the views and tests/node/numbers.test.mjs use them.
import type { ReadoutKind } from './protocol.js';

export type LossScale = 'keras' | 'half';
export const SQUARED_ERROR = 'mean_squared_error';

// What a Keras loss value is multiplied by for display.
export function lossFactor(scale: LossScale, kerasLoss: string): number {
  return scale === 'half' && kerasLoss === SQUARED_ERROR ? 0.5 : 1;
}

// A Keras loss on the display scale (null, NaN and ±Infinity pass through as they are).
export function shownLoss<T extends number | null | undefined>(value: T, scale: LossScale, kerasLoss: string): T {
  return (typeof value === 'number' ? value * lossFactor(scale, kerasLoss) : value) as T;
}

// The one-line note shown wherever a loss is: which scale the numbers are on and how the
// two scales relate (an i18n key; the texts are in i18n/ja.ts and en.ts).
export type ScaleNoteKey = 'scaleKerasMse' | 'scaleHalfMse' | 'scaleHalfOther' | 'scaleKerasOther';
export function scaleNoteKey(scale: LossScale, kerasLoss: string): ScaleNoteKey {
  const mse = kerasLoss === SQUARED_ERROR;
  if (scale === 'half') return mse ? 'scaleHalfMse' : 'scaleHalfOther';
  return mse ? 'scaleKerasMse' : 'scaleKerasOther';
}

// What the loss/accuracy read-outs are, as a short label and a hover (i18n keys).
export function readoutKeys(kind: ReadoutKind): { label: 'readoutEpochMean' | 'readoutCurrent'; hover: 'readoutEpochMeanHover' | 'readoutCurrentHover' } {
  return kind === 'epochMean'
    ? { label: 'readoutEpochMean', hover: 'readoutEpochMeanHover' }
    : { label: 'readoutCurrent', hover: 'readoutCurrentHover' };
}
