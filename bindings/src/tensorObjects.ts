// tfjs tensors (and anything shaped like one: `shape` plus `dataSync()` or `arraySync()`)
// as inputs, so that code ported from tfjs passes its tensors as they are. Rank 2 is
// [rows, cols]; rank 1 is one column, as number[] is. The values are read synchronously
// and checked like any other input (tensors.ts).
import { MAX_COUNT, fail, show } from './validate.js';

export interface TensorObject {
  readonly shape: readonly number[];
  dataSync?(): ArrayLike<number>;
  arraySync?(): unknown;
  readonly dtype?: string;
}

export function isTensorObject(x: unknown): x is TensorObject {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const t = x as Record<string, unknown>;
  return Array.isArray(t.shape) && (typeof t.dataSync === 'function' || typeof t.arraySync === 'function');
}

// The tensor's values, row-major, with its shape as [rows, cols].
export function tensorValues(t: TensorObject, what: string): { values: ArrayLike<unknown>; shape: [number, number] } {
  const shape = t.shape;
  if (!shape.every((s) => Number.isInteger(s) && s >= 0 && s <= MAX_COUNT) || (shape.length !== 1 && shape.length !== 2)) {
    fail(`${what}: a tensor of shape [${shape.map(show).join(', ')}] is not allowed: use rank 2 [rows, cols] (or rank 1 for one column)`);
  }
  if (t.dtype !== undefined && t.dtype !== 'float32' && t.dtype !== 'int32' && t.dtype !== 'bool') {
    fail(`${what}: a tensor of dtype ${show(t.dtype)} is not allowed: use float32, int32 or bool`);
  }
  const rows = shape[0];
  const cols = shape.length === 2 ? shape[1] : 1;
  let values: ArrayLike<unknown>;
  try {
    values = typeof t.dataSync === 'function' ? t.dataSync() : ((t.arraySync!() as unknown[]) ?? []).flat();
  } catch (e) {
    return fail(`${what}: reading the tensor's values failed: ${(e as Error).message}`);
  }
  if (values === null || typeof values !== 'object' || typeof values.length !== 'number') fail(`${what}: the tensor's ${typeof t.dataSync === 'function' ? 'dataSync()' : 'arraySync()'} returned ${show(values)}, not an array of numbers`);
  if (values.length !== rows * cols) fail(`${what}: the tensor has ${values.length} values but its shape [${shape.join(', ')}] needs ${rows * cols}`);
  return { values, shape: [rows, cols] };
}
