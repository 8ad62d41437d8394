// Inputs are number[][] (rows), number[] (one column), or {data, shape: [rows, cols]};
// outputs are always {data: Float32Array, shape: [rows, cols]}. Every value must be a finite
// number float32 can hold: a hole, a string, NaN or 1e39 is refused here, naming its place
// (the engine checks Float32Array data itself).
import type { Matrix2D } from './engine.mjs';
import { isTensorObject, type TensorObject, tensorValues } from './tensorObjects.js';
import { FLOAT32_MAX, MAX_COUNT, fail, isPlainObject, show } from './validate.js';

export type { Matrix2D };
export type { TensorObject };
export type TensorLike = number[][] | number[] | { data: ArrayLike<number>; shape: readonly number[] } | TensorObject;

function badValue(v: unknown): string | undefined {
  if (typeof v !== 'number') return `${show(v)}, not a number`;
  if (Number.isNaN(v) || !(Math.abs(v) <= FLOAT32_MAX)) return `${show(v)}; only finite numbers within float32's range (±3.4e38) are allowed`;
  return undefined;
}

function copyValues(values: ArrayLike<unknown>, into: Float32Array, offset: number, where: (i: number) => string): void {
  const plain = Array.isArray(values);
  for (let i = 0; i < values.length; i++) {
    if (plain && !(i in values)) fail(`${where(i)} is a hole in the array (an empty slot); every value must be a number`);
    const v = values[i];
    const bad = badValue(v);
    if (bad) fail(`${where(i)} is ${bad}`);
    into[offset + i] = v as number;
  }
}

export function toMatrix(x: TensorLike, what: string): Matrix2D {
  if (Array.isArray(x)) {
    if (x.length === 0) return { data: new Float32Array(0), shape: [0, 0] };
    if (!(0 in x)) fail(`${what}: row 0 is a hole in the array (an empty slot)`);
    if (!Array.isArray(x[0])) {
      const data = new Float32Array(x.length);
      copyValues(x, data, 0, (i) => `${what}: value ${i}`);
      return { data, shape: [x.length, 1] };
    }
    const rows = x as unknown[];
    const cols = (rows[0] as unknown[]).length;
    const data = new Float32Array(rows.length * cols);
    for (let r = 0; r < rows.length; r++) {
      if (!(r in rows)) fail(`${what}: row ${r} is a hole in the array (an empty slot)`);
      const row = rows[r];
      if (!Array.isArray(row) || row.length !== cols) {
        fail(`${what}: row ${r} has ${Array.isArray(row) ? `${row.length} values` : `no values (it is ${show(row)})`}, row 0 has ${cols}; rows must have equal length`);
      }
      copyValues(row, data, r * cols, (c) => `${what}: value at row ${r}, column ${c}`);
    }
    return { data, shape: [rows.length, cols] };
  }
  if (isTensorObject(x)) {  // before {data, shape}: a tfjs tensor has an async data() method
    const { values, shape } = tensorValues(x, what);
    if (values instanceof Float32Array) return { data: values, shape };
    const data = new Float32Array(values.length);
    copyValues(values, data, 0, (i) => `${what}: the tensor's value ${i}`);
    return { data, shape };
  }
  if (isPlainObject(x) && 'data' in x && 'shape' in x) {
    const shape = x.shape;
    if (!Array.isArray(shape) || shape.length !== 2 || !shape.every((s) => Number.isInteger(s) && s >= 0 && s <= MAX_COUNT)) {
      fail(`${what}: shape must be [rows, cols] of whole numbers from 0 to ${MAX_COUNT}, got ${show(shape)}${Array.isArray(shape) ? ` [${shape.map(show).join(', ')}]` : ''}`);
    }
    const source = x.data as unknown;
    const view = ArrayBuffer.isView(source) && !(source instanceof DataView) && !(source instanceof BigInt64Array) && !(source instanceof BigUint64Array);
    if (!Array.isArray(source) && !view) fail(`${what}: data must be a Float32Array or an array of numbers, got ${show(source)}`);
    const values = source as ArrayLike<unknown>;
    if (values.length !== shape[0] * shape[1]) {
      fail(`${what}: data has ${values.length} values but shape [${shape[0]}, ${shape[1]}] needs ${shape[0] * shape[1]}`);
    }
    if (values instanceof Float32Array) return { data: values, shape: [shape[0], shape[1]] };
    const data = new Float32Array(values.length);
    copyValues(values, data, 0, (i) => `${what}: data[${i}]`);
    return { data, shape: [shape[0], shape[1]] };
  }
  return fail(`${what}: expected number[][], number[], {data, shape: [rows, cols]} or a tensor (shape and dataSync()), got ${show(x)}`);
}

// Row r of a matrix as a plain array.
export function row(m: Matrix2D, r: number): number[] {
  return Array.from(m.data.subarray(r * m.shape[1], (r + 1) * m.shape[1]));
}
