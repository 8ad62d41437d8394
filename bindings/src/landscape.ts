// nn.landscape(model, x, y, {directions, span, resolution, seed, trajectory}): the training
// loss on a plane through the model's current weights (Li et al., NeurIPS 2018), computed
// by the engine (core/include/nnplay/landscape.hpp); the model's weights are left as they were.
// It runs synchronously within a time budget: a request costing more than 1e10 (cells × rows ×
// (weights + 64), core/include/nnplay/limits.hpp) is refused at once, naming what to lower.
import type { EngineModel } from './engine.mjs';
import { engineModelOf, type Sequential } from './model.js';
import { type TensorLike, toMatrix } from './tensors.js';
import { arrayOf, checkOptions, countRule, named, numberRule, oneOf, type Rule, SEED_RULE } from './validate.js';

export interface LandscapeOptions {
  // 'random': filter-normalised Gaussian directions (biases 0); 'pca': the first two
  // principal components of `trajectory` (with the current weights).
  directions?: 'random' | 'pca';
  // α, β ∈ [-span, span]. Default: 1 for random (the paper's range); for pca 1.25 × the
  // path's largest coordinate (in weight units).
  span?: number;
  resolution?: number;  // grid points per axis, 2 to 201; default 41
  seed?: number;        // the random directions (and PCA's start); default 0
  // Earlier weight vectors, oldest first (nn.landscape.snapshot(model) after each step or
  // epoch you want on the path). Projected onto the plane as `path`.
  trajectory?: ArrayLike<number>[];
}

export interface Landscape {
  alpha: Float64Array;  // the grid's α values (columns), ascending
  beta: Float64Array;   // the grid's β values (rows), ascending
  loss: { data: Float32Array; shape: [number, number] };  // [beta.length, alpha.length], row-major
  path: [number, number][];  // each trajectory snapshot's (α, β)
  centerLoss: number;        // the loss at the current weights (α = β = 0): evaluate()'s loss
  explainedVariance: [number, number];  // pca: each direction's share of the trajectory's variance (random: 0, 0)
  directions: 'random' | 'pca';
}

const OPTIONS = {
  directions: oneOf(['random', 'pca'] as const),
  span: numberRule({ above: 0 }),
  resolution: countRule(2, 201),
  seed: SEED_RULE,
  trajectory: arrayOf(weightVector()),
};

function weightVector(): Rule<ArrayLike<number>> {
  return { allowed: 'an array of numbers (nn.landscape.snapshot(model))', test: isNumberArray };
}

function isNumberArray(v: unknown): v is ArrayLike<number> {
  if (v instanceof Float32Array || v instanceof Float64Array) return true;
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (!(i in v) || typeof v[i] !== 'number') return false;  // every() skips holes
  return true;
}

export function landscape(model: Sequential, x: TensorLike, y: TensorLike, options: LandscapeOptions = {}): Landscape {
  const m: EngineModel = engineModelOf(model, 'landscape');
  const o = checkOptions('landscape', options, OPTIONS);
  const directions = o.directions ?? 'random';
  const r = named('landscape', () => m.landscape(toMatrix(x, 'landscape: x'), toMatrix(y, 'landscape: y'), {
    directions,
    span: o.span ?? 0,
    resolution: o.resolution ?? 41,
    seed: o.seed ?? 0,
  }, (o.trajectory ?? []).map((s) => (s instanceof Float32Array ? s : Float32Array.from(s)))));
  const path: [number, number][] = [];
  for (let i = 0; i < r.path.length; i += 2) path.push([r.path[i], r.path[i + 1]]);
  return {
    alpha: r.alpha,
    beta: r.beta,
    loss: r.loss,
    path,
    centerLoss: r.centerLoss,
    explainedVariance: [r.explainedVariance[0], r.explainedVariance[1]],
    directions,
  };
}

// Every weight of the model as one vector, in getWeights() order: a point of a trajectory.
export function snapshot(model: Sequential): Float32Array {
  const arrays = engineModelOf(model, 'landscape.snapshot').getWeights();
  const out = new Float32Array(arrays.reduce((n, w) => n + w.data.length, 0));
  let at = 0;
  for (const w of arrays) {
    out.set(w.data, at);
    at += w.data.length;
  }
  return out;
}
