// One landscape for the side-by-side runs (figure 5-10): the training loss around the runs'
// common initial weights, along directions from all runs' trajectories together (PCA) or
// filter-normalised random ones, with each run's path projected onto it. Only where the
// runs share the loss surface: the same network, data and loss (learning rate, optimizer
// or batch size compared); a run that diverges keeps its path up to its last finite weights.
import type { Nnplay, Sequential, TensorLike } from '../../../bindings/src/index.js';
import type { SharedLandscape } from '../protocol.js';
import { allFinite } from './landscape.js';

const SHARED_SETTINGS = ['learningRate', 'optimizer', 'batchSize'];
const RESOLUTION = 41;
const MAX_SNAPSHOTS = 200;
const REFRESH_MS = 1000;
const SEED = 1;
const LEAVING = 2;  // a path this many times wider than the others' leaves the frame (cut at its edge)

export class CompareLandscape {
  #reference: Sequential;  // never trained: the initial weights, the centre of the slice
  #x: TensorLike;
  #y: TensorLike;
  #paths: Float32Array[][];
  #diverged: boolean[];
  #last = -Infinity;
  #dirty = true;  // a path grew since the last slice

  constructor(nn: Nnplay, reference: Sequential, x: TensorLike, y: TensorLike, runs: number) {
    this.#reference = reference;
    this.#x = x;
    this.#y = y;
    const start = nn.landscape.snapshot(reference);
    this.#paths = Array.from({ length: runs }, () => [start]);
    this.#diverged = Array(runs).fill(false);
  }

  static shared(setting: string): boolean {
    return SHARED_SETTINGS.includes(setting);
  }

  dispose(): void {
    this.#reference.dispose();
  }

  // After an epoch of run i: one more point of its path (none after its weights blew up).
  record(nn: Nnplay, i: number, model: Sequential): void {
    if (this.#diverged[i]) return;
    const w = nn.landscape.snapshot(model);
    if (!allFinite(w)) {
      this.#diverged[i] = true;
      return;
    }
    const path = this.#paths[i];
    path.push(w);
    this.#dirty = true;
    if (path.length > MAX_SNAPSHOTS) this.#paths[i] = path.filter((_, k) => k % 2 === 0 || k === path.length - 1);
  }

  // The slice when due (force: now, e.g. at the end of the runs), else null.
  compute(nn: Nnplay, mode: 'random' | 'pca', force: boolean): SharedLandscape | null {
    const now = performance.now();
    if (!this.#dirty || (!force && now - this.#last < REFRESH_MS)) return null;
    this.#last = now;
    this.#dirty = false;
    const trajectory = this.#paths.flat();
    const moved = trajectory.some((w) => w !== trajectory[0]);
    const directions = mode === 'pca' && moved ? 'pca' : 'random';
    const options = { directions, seed: SEED, trajectory } as const;
    // a first, 2×2 pass gives the paths' extent; the slice then frames the runs that stay
    const probe = nn.landscape(this.#reference, this.#x, this.#y, { ...options, resolution: 2 });
    const extents = this.#split(probe.path).map((p) => Math.max(0, ...p.flat().map(Math.abs).filter(Number.isFinite)));
    const sorted = [...extents].sort((a, b) => b - a);
    const leaving = sorted.length > 1 && sorted[1] > 0 && sorted[0] > LEAVING * sorted[1];
    const reach = leaving ? sorted[1] : sorted[0];
    const span = reach > 0 ? 1.25 * reach : 1;
    const l = nn.landscape(this.#reference, this.#x, this.#y, { ...options, resolution: RESOLUTION, span });
    return {
      directions,
      alpha: Array.from(l.alpha),
      beta: Array.from(l.beta),
      loss: l.loss.data,
      paths: this.#split(l.path),
      leaving: leaving ? extents.indexOf(sorted[0]) : -1,
      diverged: [...this.#diverged],
      centerLoss: l.centerLoss,
      ms: performance.now() - now,
    };
  }

  // The projected points back to their runs.
  #split(points: [number, number][]): [number, number][][] {
    let at = 0;
    return this.#paths.map((p) => points.slice(at, (at += p.length)));
  }
}
