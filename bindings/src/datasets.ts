// nn.datasets: the playground's generators (plygdata-style: noise as a fraction 0..0.5),
// the training / validation split, and the seven input features.
import type { Engine, Matrix2D } from './engine.mjs';
import { FEATURE_KEYS } from './state.js';
import { type TensorLike, toMatrix } from './tensors.js';

export interface Dataset {
  type: string;
  seed: number;
  noise: number;
  points: Matrix2D;  // [n, 2]
  labels: Matrix2D;  // [n, 1] (±1, or real values for regression), or [n, 3] one-hot for gauss3
  classes: number;   // 2, 3, or 0 for regression
}

export interface Split {
  xTrain: Matrix2D;
  yTrain: Matrix2D;
  xValid: Matrix2D;
  yValid: Matrix2D;
}

export const DATASETS = ['circle', 'xor', 'gauss', 'spiral', 'reg-plane', 'reg-gauss', 'gauss3'] as const;

export function toSeed(engine: Engine, seed: number | string | undefined, what: string): number {
  if (seed === undefined) return Math.floor(Math.random() * 2 ** 32);
  if (typeof seed === 'string') return engine.seedFromString(seed) >>> 0;
  if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) {
    throw new Error(`${what}: seed must be a whole number in [0, 2^32) or a string, got ${seed}`);
  }
  return seed;
}

export function makeDatasets(engine: Engine) {
  return {
    names: DATASETS,
    features: FEATURE_KEYS,
    generate(args: { type: string; noise?: number; seed?: number | string; samples?: number }): Dataset {
      if (!args || typeof args.type !== 'string') throw new Error(`datasets.generate: type is required; allowed: ${DATASETS.join(', ')}`);
      const noise = args.noise ?? 0;
      const samples = args.samples ?? 0;
      if (!Number.isInteger(samples) || samples < 0) throw new Error(`datasets.generate: samples must be a whole number >= 0, got ${samples}`);
      const seed = toSeed(engine, args.seed, 'datasets.generate');
      const d = engine.generateDataset(args.type, noise, seed, samples);
      return { type: d.type, seed, noise, points: d.points, labels: d.labels, classes: d.classes };
    },
    // Shuffles (seeded) and takes floor(n · trainingRatio) rows for training.
    split(data: { points: TensorLike; labels: TensorLike }, args: { trainingRatio?: number; seed?: number | string } = {}): Split {
      const seed = toSeed(engine, args.seed ?? 0, 'datasets.split');
      return engine.splitDataset(toMatrix(data.points, 'split: points'), toMatrix(data.labels, 'split: labels'), args.trainingRatio ?? 0.5, seed);
    },
    // The dataset's noise-free label at (x, y): circle, xor, reg-plane, reg-gauss; else null.
    trueLabel(type: string, x: number, y: number): number | null {
      return engine.trueLabel(type, x, y);
    },
    // [n, 2] points -> [n, features.length] inputs (x, y, xSquared, ySquared, xTimesY, sinX, sinY).
    makeFeatures(points: TensorLike, features: readonly string[]): Matrix2D {
      return engine.makeFeatures(toMatrix(points, 'features: points'), [...features]);
    },
  };
}
