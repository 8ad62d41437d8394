// The one-parameter loss curve of the "gradient descent, seen" view (the article's figures
// 5-5 … 5-9): a local minimum near w = 1.86 and the global one near w = -2.11, with a hump
// at w = 0.25 between them. Its curvature at the minima (≈ 5.6) makes learning rate 0.3
// overshoot, 0.03 settle, 0.003 crawl, and 3 fly off.
export const W_RANGE: [number, number] = [-3.5, 3.5];
export const START = 3;

export function loss(w: number): number {
  return 0.15 * w ** 4 - 1.2 * w ** 2 + 0.6 * w + 3;
}

export function gradient(w: number): number {
  return 0.6 * w ** 3 - 2.4 * w + 0.6;
}
