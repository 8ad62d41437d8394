// nn.landscape(model, x, y, {directions, span, resolution, seed, trajectory}): the training
// loss on a plane through the model's current weights (Li et al., NeurIPS 2018), computed
// by the engine (core/include/nnplay/landscape.hpp); the model's weights are left as they were.
import type { EngineModel } from './engine.mjs';
import { engineModelOf, type Sequential } from './model.js';
import { type TensorLike, toMatrix } from './tensors.js';

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

const KEYS = ['directions', 'span', 'resolution', 'seed', 'trajectory'];

export function landscape(model: Sequential, x: TensorLike, y: TensorLike, options: LandscapeOptions = {}): Landscape {
  const m: EngineModel = engineModelOf(model, 'landscape');
  if (options === null || typeof options !== 'object') throw new Error(`landscape: options must be an object, got ${String(options)}`);
  for (const key of Object.keys(options)) {
    if (!KEYS.includes(key)) throw new Error(`landscape: unknown option '${key}'; allowed: ${KEYS.join(', ')}`);
  }
  const directions = options.directions ?? 'random';
  if (directions !== 'random' && directions !== 'pca') throw new Error(`landscape: directions must be 'random' or 'pca', got ${JSON.stringify(directions)}`);
  for (const key of ['span', 'resolution', 'seed'] as const) {
    const v = options[key];
    if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v))) throw new Error(`landscape: ${key} must be a finite number, got ${JSON.stringify(v)}`);
  }
  if (options.resolution !== undefined && (!Number.isInteger(options.resolution) || options.resolution < 2 || options.resolution > 201)) {
    throw new Error(`landscape: resolution must be a whole number from 2 to 201, got ${options.resolution}`);
  }
  if (options.span !== undefined && options.span <= 0) throw new Error(`landscape: span must be > 0, got ${options.span}`);
  const trajectory = options.trajectory ?? [];
  if (!Array.isArray(trajectory)) throw new Error('landscape: trajectory must be an array of weight vectors (nn.landscape.snapshot(model))');
  const result = m.landscape(toMatrix(x, 'landscape: x'), toMatrix(y, 'landscape: y'), {
    directions,
    span: options.span ?? 0,
    resolution: options.resolution ?? 41,
    seed: options.seed ?? 0,
  }, trajectory.map((s, i) => {
    if (!s || typeof s.length !== 'number') throw new Error(`landscape: trajectory[${i}] must be an array of numbers`);
    return s instanceof Float32Array ? s : Float32Array.from(s);
  }));
  return { ...result, directions };
}

// Every weight of the model as one vector, in getWeights() order: a point of a trajectory.
export function snapshot(model: Sequential): Float32Array {
  return engineModelOf(model, 'landscape.snapshot').flatWeights();
}
