// The code panel's text: the tf.keras code for the state, in the page's language, and — when
// "with the trained weights" is ticked — the weights of the snapshot on screen (set_weights), so
// that pasted code predicts what the page shows.
import { keras } from '../../bindings/src/codegen.js';
import { customClassCount, plan } from '../../bindings/src/playground.js';
import type { PlaygroundState } from '../../bindings/src/state.js';
import type { Snapshot } from './protocol.js';

export function codeText(state: PlaygroundState, own: { classes: ArrayLike<number> }, withWeights: boolean, shown: Snapshot | null): string {
  return keras(state, own, { weights: withWeights && shown ? shownWeights(state, own, shown) : undefined });
}

// The snapshot's kernels and biases with their shapes, or undefined while the snapshot is of
// another network than the state's (a new one is on its way).
function shownWeights(state: PlaygroundState, own: { classes: ArrayLike<number> }, s: Snapshot) {
  const p = plan(state, customClassCount(own));
  const sizes = [p.features.length, ...p.hidden, p.outputUnits];
  if (s.weights.length !== sizes.length - 1) return undefined;
  const out: { shape: number[]; data: Float32Array }[] = [];
  for (let i = 0; i < s.weights.length; i++) {
    if (s.weights[i].length !== sizes[i] * sizes[i + 1] || s.biases[i].length !== sizes[i + 1]) return undefined;
    out.push({ shape: [sizes[i], sizes[i + 1]], data: s.weights[i] }, { shape: [sizes[i + 1]], data: s.biases[i] });
  }
  return out;
}
