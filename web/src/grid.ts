// The plot's grid, shared by the worker (which evaluates the model on it) and the page
// (which draws it): GRID × GRID points on [-6, 6]², row-major from the top-left corner
// (row j has y = 6 - 12·j/(GRID-1), column i has x = -6 + 12·i/(GRID-1)), as the
// playground's heatmap.
import { DOMAIN, GRID, THUMB } from './protocol.js';

const THUMB_SIZE = THUMB * THUMB;

export function gridPoints(): Float32Array {
  const p = new Float32Array(GRID * GRID * 2);
  for (let j = 0; j < GRID; j++) {
    for (let i = 0; i < GRID; i++) {
      const k = (j * GRID + i) * 2;
      p[k] = -DOMAIN + (2 * DOMAIN * i) / (GRID - 1);
      p[k + 1] = DOMAIN - (2 * DOMAIN * j) / (GRID - 1);
    }
  }
  return p;
}

// Block-averages unit `unit` of a [GRID², units] layer output into THUMB² values at `out`.
export function thumbnail(values: Float32Array, units: number, unit: number, out: Float32Array, offset: number): void {
  const block = GRID / THUMB;
  out.fill(0, offset, offset + THUMB_SIZE);
  for (let j = 0; j < GRID; j++) {
    const tj = Math.floor(j / block);
    for (let i = 0; i < GRID; i++) {
      out[offset + tj * THUMB + Math.floor(i / block)] += values[(j * GRID + i) * units + unit];
    }
  }
  const scale = 1 / (block * block);
  for (let k = 0; k < THUMB_SIZE; k++) out[offset + k] *= scale;
}

// Every unit's thumbnail of a [GRID², units] output, one after another (units × THUMB²),
// written at `offset` of `out`.
export function thumbnails(values: Float32Array, units: number, out = new Float32Array(units * THUMB_SIZE), offset = 0): Float32Array {
  for (let u = 0; u < units; u++) thumbnail(values, units, u, out, offset + u * THUMB_SIZE);
  return out;
}

// Column `unit` of a [GRID², units] matrix as a GRID² array.
export function column(values: Float32Array, units: number, unit: number): Float32Array {
  const out = new Float32Array(GRID * GRID);
  for (let k = 0; k < GRID * GRID; k++) out[k] = values[k * units + unit];
  return out;
}
