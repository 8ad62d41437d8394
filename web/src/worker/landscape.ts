// The loss landscape's side in the worker: records the weight trajectory as training goes
// (a snapshot per epoch, thinned to at most MAX_SNAPSHOTS) and computes the slice through
// the current weights with the engine, at most every REFRESH_MS while training runs.
import type { Nnplay, Sequential } from '../../../bindings/src/index.js';
import type { PreparedData } from '../../../bindings/src/playgroundEngine.js';
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
  #diverged = false;

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

  // The weights moved without an epoch (one batch, an edit): the slice is due again, so that
  // its centre is the read-outs' loss at the current weights.
  moved(): void {
    this.#dirty = true;
  }

  // After an epoch (or a step): one more point of the path.
  record(nn: Nnplay, model: Sequential): void {
    this.#trajectory.push(nn.landscape.snapshot(model));
    if (this.#trajectory.length > MAX_SNAPSHOTS) this.#trajectory = this.#trajectory.filter((_, i) => i % 2 === 0 || i === this.#trajectory.length - 1);
    this.#dirty = true;
  }

  // A slice when one is due (force: now, e.g. after a step or a change of mode), else null.
  // diverged: training stopped on a non-finite loss (a slice is due at once, saying so).
  compute(nn: Nnplay, model: Sequential, data: PreparedData, force: boolean, diverged = false): LandscapeInfo | null {
    if (diverged !== this.#diverged) {
      this.#diverged = diverged;
      this.#dirty = true;
      force = true;
    }
    if (this.#mode === 'off' || !this.#dirty) return null;
    const now = performance.now();
    if (!force && now - this.#last < REFRESH_MS) return null;
    const { x, y } = data.train;
    if (x.shape[0] === 0) return null;
    const pca = this.#mode === 'pca' && this.#distinct() >= 2;
    const directions = pca ? 'pca' : 'random';
    const current = nn.landscape.snapshot(model);
    this.#last = performance.now();
    this.#dirty = false;
    if (!allFinite(current)) return { ...divergedLandscape(directions, now), diverged: true };
    const trajectory = [...this.#trajectory.filter(allFinite), current];
    const l = nn.landscape(model, x, y, { directions, resolution: RESOLUTION, seed: SEED, trajectory });
    this.#last = performance.now();
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
      diverged,
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

export const allFinite = (w: Float32Array): boolean => w.every(Number.isFinite);

// Weights that are NaN or infinite have no landscape: a grey slice whose loss says so.
function divergedLandscape(directions: 'random' | 'pca', since: number): LandscapeInfo {
  return {
    type: 'landscape', directions, alpha: [-1, 1], beta: [-1, 1], loss: new Float32Array(4).fill(NaN), path: [],
    centerLoss: NaN, explained: [0, 0], ms: performance.now() - since, diverged: true,
  };
}
