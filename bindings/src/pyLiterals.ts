// Python literals for float32 numbers and arrays, exact: each number is the shortest decimal that
// reads back (Python float, then np.float32) as the same float32, so weights and data written
// into generated code are the engine's own values, bit for bit.
export interface WeightLike {
  shape: number[];
  data: ArrayLike<number>;
}

export function pyFloat32(v: number): string {
  if (!Number.isFinite(v)) throw new Error(`a weight or data value must be a finite number, got ${v}`);
  const f = Math.fround(v);
  if (Object.is(f, -0)) return '-0.0';
  for (let digits = 1; digits <= 9; digits++) {
    const text = String(Number(f.toPrecision(digits)));  // JS's shortest form: valid Python too ('1e-7')
    if (Math.fround(Number(text)) === f) return text;
  }
  return String(f);  // never reached: 9 significant digits always identify a float32
}

// Rows of a [rows, cols] matrix as nested lists, one row per line.
export function pyRows(data: ArrayLike<number>, rows: number, cols: number, indent = '  '): string {
  const out: string[] = [];
  for (let r = 0; r < rows; r++) {
    const row: string[] = [];
    for (let c = 0; c < cols; c++) row.push(pyFloat32(data[r * cols + c]));
    out.push(`[${row.join(', ')}]`);
  }
  return `[\n${out.map((r) => indent + r).join(',\n')},\n]`;
}

// np.array(..., dtype=np.float32) for a kernel [in, out] or a bias [units], on one line.
export function pyWeights(w: WeightLike): string {
  if (w.shape.length === 1) return `np.array([${Array.from(w.data, pyFloat32).join(', ')}], dtype=np.float32)`;
  const [rows, cols] = w.shape;
  const r: string[] = [];
  for (let i = 0; i < rows; i++) r.push(`[${Array.from({ length: cols }, (_, j) => pyFloat32(w.data[i * cols + j])).join(', ')}]`);
  return `np.array([${r.join(', ')}], dtype=np.float32)`;
}
