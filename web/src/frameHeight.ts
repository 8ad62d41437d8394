// What <nnplay-playground> makes of the height its frame reports (a `size` message): the
// frame is another document, so its word is checked like an attribute. Only a finite number
// is taken (not the string "1e9", NaN or Infinity: null, ignored), rounded up to whole
// pixels and clamped to the bounds of the height attribute, so a frame cannot make the
// article 1e9 px tall.
import { MAX_HEIGHT, MIN_HEIGHT } from './embed-events.js';

export function frameHeight(reported: unknown): number | null {
  if (typeof reported !== 'number' || !Number.isFinite(reported)) return null;
  return Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Math.ceil(reported)));
}
