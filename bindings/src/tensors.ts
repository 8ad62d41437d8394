// Inputs are number[][] (rows), number[] (one column), or {data, shape: [rows, cols]};
// outputs are always {data: Float32Array, shape: [rows, cols]}.
import type { Matrix2D } from './engine.mjs';

export type { Matrix2D };
export type TensorLike = number[][] | number[] | { data: ArrayLike<number>; shape: readonly number[] };

export function toMatrix(x: TensorLike, what: string): Matrix2D {
  if (Array.isArray(x)) {
    if (x.length === 0) return { data: new Float32Array(0), shape: [0, 0] };
    if (!Array.isArray(x[0])) {
      const column = x as number[];
      const data = new Float32Array(column.length);
      column.forEach((v, i) => {
        if (typeof v !== 'number') throw new Error(`${what}: value ${i} is ${JSON.stringify(v)}, not a number`);
        data[i] = v;
      });
      return { data, shape: [column.length, 1] };
    }
    const rows = x as number[][];
    const cols = rows[0].length;
    const data = new Float32Array(rows.length * cols);
    rows.forEach((row, r) => {
      if (!Array.isArray(row) || row.length !== cols) {
        throw new Error(`${what}: row ${r} has ${Array.isArray(row) ? row.length : 'no'} values, row 0 has ${cols}; rows must have equal length`);
      }
      row.forEach((v, c) => {
        if (typeof v !== 'number') throw new Error(`${what}: value at row ${r}, column ${c} is ${JSON.stringify(v)}, not a number`);
        data[r * cols + c] = v;
      });
    });
    return { data, shape: [rows.length, cols] };
  }
  if (x && typeof x === 'object' && 'data' in x && 'shape' in x) {
    const shape = x.shape;
    if (!Array.isArray(shape) || shape.length !== 2 || !shape.every((s) => Number.isInteger(s) && s >= 0)) {
      throw new Error(`${what}: shape must be [rows, cols] of whole numbers, got ${JSON.stringify(shape)}`);
    }
    const data = x.data instanceof Float32Array ? x.data : Float32Array.from(x.data);
    if (data.length !== shape[0] * shape[1]) {
      throw new Error(`${what}: data has ${data.length} values but shape [${shape[0]}, ${shape[1]}] needs ${shape[0] * shape[1]}`);
    }
    return { data, shape: [shape[0], shape[1]] };
  }
  throw new Error(`${what}: expected number[][] or {data, shape: [rows, cols]}, got ${typeof x}`);
}

// Row r of a matrix as a plain array.
export function row(m: Matrix2D, r: number): number[] {
  return Array.from(m.data.subarray(r * m.shape[1], (r + 1) * m.shape[1]));
}
