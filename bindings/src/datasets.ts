// nn.datasets: the playground's generators (plygdata-style: noise as a fraction 0..0.5),
// the training / validation split, and the seven input features.
import type { Engine, Matrix2D } from './engine.mjs';
import { DATASET_NAMES, NOISE_MAX } from './registry.js';
import { FEATURE_KEYS } from './state.js';
import { type TensorLike, toMatrix } from './tensors.js';
import { arrayOf, check, checkOptions, countRule, either, fail, isPlainObject, named, numberRule, oneOf, randomSeedNumber, SEED_RULE, show, type Rule } from './validate.js';

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

export const DATASETS = DATASET_NAMES;  // core/registry.json

// A seed: a whole number in [0, 2^32), or a string (hashed, as the playground's seeds are).
const seedRule: Rule<number | string> = either(SEED_RULE, {
  allowed: 'a string of up to 1000 characters',
  test: (v: unknown): v is string => typeof v === 'string' && v.length <= 1000,
});

export function toSeed(engine: Engine, seed: number | string | undefined, what: string): number {
  if (seed === undefined) return randomSeedNumber();
  check(what, 'seed', seed, seedRule);
  if (typeof seed === 'string') return engine.seedFromString(seed) >>> 0;
  return seed;
}

const GENERATE_SPEC = { type: oneOf(DATASETS), noise: numberRule({ min: 0, max: NOISE_MAX }), seed: seedRule, samples: countRule(0) };
const SPLIT_SPEC = { trainingRatio: numberRule({ min: 0, max: 1 }), seed: seedRule };
const coordinate = numberRule();
const featuresRule = arrayOf(oneOf(FEATURE_KEYS));

// split()'s data: {points, labels}, or a whole dataset as generate() returns it.
function checkData(call: string, data: unknown): { points: TensorLike; labels: TensorLike } {
  if (!isPlainObject(data)) fail(`${call}: data must be {points, labels} (e.g. what datasets.generate returns), got ${show(data)}`);
  const allowed = ['type', 'seed', 'noise', 'points', 'labels', 'classes'];
  for (const key of Object.keys(data)) {
    if (!allowed.includes(key)) fail(`${call}: unknown key '${key}' in data; allowed: ${allowed.join(', ')}`);
  }
  if (data.points === undefined || data.labels === undefined) fail(`${call}: data needs points and labels`);
  return data as { points: TensorLike; labels: TensorLike };
}

export function makeDatasets(engine: Engine) {
  return {
    names: DATASETS,
    features: FEATURE_KEYS,
    generate(args: { type: string; noise?: number; seed?: number | string; samples?: number }): Dataset {
      const call = 'datasets.generate';
      if (!isPlainObject(args)) fail(`${call}: expected {type, noise, seed, samples}, got ${show(args)}`);
      const o = checkOptions(call, args, GENERATE_SPEC);
      if (o.type === undefined) fail(`${call}: type is required; allowed: ${DATASETS.join(', ')}`);
      const noise = o.noise ?? 0;
      const samples = o.samples ?? 0;
      const seed = toSeed(engine, o.seed, call);
      const d = named(call, () => engine.generateDataset(o.type as string, noise, seed, samples));
      return { type: d.type, seed, noise, points: d.points, labels: d.labels, classes: d.classes };
    },
    // Shuffles (seeded) and takes floor(n · trainingRatio) rows for training.
    split(data: { points: TensorLike; labels: TensorLike }, args: { trainingRatio?: number; seed?: number | string } = {}): Split {
      const call = 'datasets.split';
      const d = checkData(call, data);
      const o = checkOptions(call, args, SPLIT_SPEC);
      const seed = toSeed(engine, o.seed ?? 0, call);
      const points = toMatrix(d.points, `${call}: points`), labels = toMatrix(d.labels, `${call}: labels`);
      return named(call, () => engine.splitDataset(points, labels, o.trainingRatio ?? 0.5, seed));
    },
    // The dataset's noise-free label at (x, y): circle, xor, reg-plane, reg-gauss; else null.
    trueLabel(type: string, x: number, y: number): number | null {
      const call = 'datasets.trueLabel';
      return named(call, () => engine.trueLabel(check(call, 'type', type, oneOf(DATASETS)), check(call, 'x', x, coordinate), check(call, 'y', y, coordinate)));
    },
    // [n, 2] points -> [n, features.length] inputs (x, y, xSquared, ySquared, xTimesY, sinX, sinY).
    makeFeatures(points: TensorLike, features: readonly string[]): Matrix2D {
      const call = 'datasets.makeFeatures';
      const names = check(call, 'features', features, featuresRule);
      const m = toMatrix(points, `${call}: points`);
      if (m.shape[1] !== 2 && m.shape[0] > 0) fail(`${call}: points must have 2 columns (x, y), got ${m.shape[1]}`);
      return named(call, () => engine.makeFeatures(m, [...names]));
    },
  };
}
