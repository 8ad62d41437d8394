// The one-parameter loss curve of the "gradient descent, seen" view (the article's figures
// 5-5 … 5-9): the global minimum near w = 2.11 (loss 0.14), a local minimum near w = -1.86
// (loss 3.0) behind a hump at w = -0.25, and no negative loss anywhere. The curvature at
// the global minimum (≈ 6.8) sets what the article's learning rates do from START with SGD:
// 0.003 crawls (still 0.15 short after 60 steps), 0.03 reaches the minimum, 0.3 overshoots
// and keeps zig-zagging across it (0.3 · 6.8 just above 2: a two-point bounce, not a
// convergence), 3 flies off. A start left of the hump ends in the local minimum (figure 5-9).
export const W_RANGE: [number, number] = [-3.2, 3.2];
export const LOSS_RANGE: [number, number] = [0, 11];
export const START = 2.8;

export function loss(w: number): number {
  return 0.18 * w ** 4 - 1.44 * w ** 2 - 0.72 * w + 4.5;
}

export function gradient(w: number): number {
  return 0.72 * w ** 3 - 2.88 * w - 0.72;
}

export const GLOBAL_MIN = 2.1149;
export const LOCAL_MIN = -1.8608;

export type Verdict = 'out' | 'zigzag' | 'global' | 'local' | 'moving';

// What a path did, in the words the view shows: flew off, keeps zig-zagging across a
// minimum, settled in the global or the local minimum, or is still on its way.
export function verdict(path: readonly number[]): Verdict {
  const w = path[path.length - 1];
  if (!Number.isFinite(w) || w < W_RANGE[0] || w > W_RANGE[1]) return 'out';
  const tail = path.slice(-8);
  const near = Math.abs(w - GLOBAL_MIN) < Math.abs(w - LOCAL_MIN) ? GLOBAL_MIN : LOCAL_MIN;
  const sides = tail.map((v) => Math.sign(v - near));
  const flips = sides.slice(1).filter((s, i) => s !== 0 && s === -sides[i]).length;
  if (tail.length >= 4 && flips >= tail.length - 2 && Math.abs(w - near) > 0.01) return 'zigzag';
  if (Math.abs(w - near) < 0.01) return near === GLOBAL_MIN ? 'global' : 'local';
  return 'moving';
}
