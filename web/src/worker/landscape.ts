// The loss landscape's side in the worker: records the weight trajectory as training goes
// (a snapshot per epoch, thinned to at most MAX_SNAPSHOTS) and computes the slice through
// the current weights with the engine, at most every REFRESH_MS while training runs.
import type { Nnplay, Sequential } from '../../../bindings/src/index.js';
import type { PreparedData } from '../../../bindings/src/training.js';
import type { LandscapeInfo } from '../protocol.js';

const RESOLUTION = 41;
const MAX_SNAPSHOTS = 200;
const REFRESH_MS = 700;
const SEED = 1;

export class LandscapeTracker {
  #mode: 'off' | 'random' | 'pca' = 'off';
  #trajectory: Float32Array[] = [];
  #last = -Infinity;
  #dirty = true;

  get active(): boolean {
    return this.#mode !== 'off';
  }

  setMode(mode: 'off' | 'random' | 'pca'): void {
    this.#mode = mode;
    this.#dirty = true;
  }

  // A new model: the path starts again at its initial weights.
  restart(nn: Nnplay, model: Sequential): void {
    this.#trajectory = [nn.landscape.snapshot(model)];
    this.#dirty = true;
  }

  // After an epoch (or a step): one more point of the path.
  record(nn: Nnplay, model: Sequential): void {
    this.#trajectory.push(nn.landscape.snapshot(model));
    if (this.#trajectory.length > MAX_SNAPSHOTS) this.#trajectory = this.#trajectory.filter((_, i) => i % 2 === 0 || i === this.#trajectory.length - 1);
    this.#dirty = true;
  }

  // A slice when one is due (force: now, e.g. after a step or a change of mode), else null.
  compute(nn: Nnplay, model: Sequential, data: PreparedData, force: boolean): LandscapeInfo | null {
    if (this.#mode === 'off' || !this.#dirty) return null;
    const now = performance.now();
    if (!force && now - this.#last < REFRESH_MS) return null;
    const { x, y } = data.train;
    if (x.shape[0] === 0) return null;
    const pca = this.#mode === 'pca' && this.#distinct() >= 2;
    const directions = pca ? 'pca' : 'random';
    const l = nn.landscape(model, x, y, { directions, resolution: RESOLUTION, seed: SEED, trajectory: [...this.#trajectory, nn.landscape.snapshot(model)] });
    this.#last = performance.now();
    this.#dirty = false;
    return {
      type: 'landscape',
      directions,
      alpha: Array.from(l.alpha),
      beta: Array.from(l.beta),
      loss: l.loss.data,
      path: l.path,
      centerLoss: l.centerLoss,
      explained: l.explainedVariance,
      ms: this.#last - now,
    };
  }

  #distinct(): number {
    let n = 0;
    for (let i = 1; i < this.#trajectory.length; i++) {
      const a = this.#trajectory[i], b = this.#trajectory[i - 1];
      if (a.some((v, k) => v !== b[k])) n++;
    }
    return n;
  }
}
