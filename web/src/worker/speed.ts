// The worker's own bound on its speed setting (epochs per display frame). The page offers
// 1, 5, 20 and 0 (as many as fit in a frame's time budget); the worker does not trust the
// message either: a whole number from 0 to MAX_EPOCHS_PER_FRAME is taken as is, a larger one
// is clamped to it (1e9 epochs in one frame would keep the worker busy for minutes, deaf to
// Pause), anything else (negative, fractional, NaN, a string) keeps the current speed.
export const MAX_EPOCHS_PER_FRAME = 20;

export function boundedSpeed(requested: unknown, current: number): number {
  if (typeof requested !== 'number' || !Number.isInteger(requested) || requested < 0) {
    return requested === Infinity ? MAX_EPOCHS_PER_FRAME : current;
  }
  return Math.min(requested, MAX_EPOCHS_PER_FRAME);
}
