import type { Matrix2D } from '../../../bindings/src/index.js';

// Labels as the plot colours them: one column as it is (±1 or a value); one-hot rows as
// their class index.
export function classIndices(m: Matrix2D): Float32Array {
  const [rows, cols] = m.shape;
  if (cols === 1) return m.data.slice();
  const out = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    let best = 0;
    for (let c = 1; c < cols; c++) if (m.data[r * cols + c] > m.data[r * cols + best]) best = c;
    out[r] = best;
  }
  return out;
}

// Classification labels as the plot colours its points: the class index (0, 1, 2) whatever
// the loss's encoding (±1, 0/1 or one-hot), so class 0 is orange under every loss.
export function pointClasses(m: Matrix2D): Float32Array {
  return m.shape[1] === 1 ? m.data.map((v) => (v > 0 ? 1 : 0)) : classIndices(m);
}
