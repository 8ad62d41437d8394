// What a run can be saved as: the data as CSV with plygdata's columns (x, y, label), the
// history as Keras' CSVLogger writes it, the weights as JSON that setWeights() accepts;
// and own data read back from such a CSV, with a clear message for a bad row.
import type { Matrix2D, WeightArray } from './engine.mjs';

// labels: [n, 1] values, or [n, k] one-hot rows written as the class index.
export function datasetCsv(points: Matrix2D, labels: Matrix2D): string {
  const [n] = points.shape;
  const k = labels.shape[1];
  const rows = ['x,y,label'];
  for (let r = 0; r < n; r++) {
    let label: number;
    if (k === 1) label = labels.data[r];
    else {
      label = 0;
      for (let c = 1; c < k; c++) if (labels.data[r * k + c] > labels.data[r * k + label]) label = c;
    }
    rows.push(`${points.data[r * 2]},${points.data[r * 2 + 1]},${label}`);
  }
  return rows.join('\n') + '\n';
}

// Keras' CSVLogger: 'epoch' then the log keys in sorted order, one row per epoch.
export function historyCsv(history: { epoch: number[]; history: Record<string, number[]> }): string {
  const keys = Object.keys(history.history).sort();
  const rows = [['epoch', ...keys].join(',')];
  history.epoch.forEach((epoch, i) => rows.push([String(epoch), ...keys.map((k) => formatNumber(history.history[k][i]))].join(',')));
  return rows.join('\r\n') + '\r\n';  // the csv module's default line ending
}

function formatNumber(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  return String(v);
}

export function weightsJson(weights: WeightArray[]): string {
  return JSON.stringify(weights.map((w) => ({ name: w.name, shape: w.shape, data: Array.from(w.data) })), null, 1);
}

export interface ParsedCsv {
  points: Matrix2D;
  labels: Matrix2D;  // [n, 1]
  rows: number[];    // the file's line number of each point read (1-based)
  errors: string[];  // one per bad row; the good rows are kept
}

// Reads 'x,y,label' rows (a header line is optional). Coordinates must lie in [-6, 6]
// (the plot's domain); labels are numbers (±1 or 0/1 for two classes, 0/1/2 for three,
// any value for regression).
export function parseDatasetCsv(text: string, maxRows = 10000): ParsedCsv {
  const errors: string[] = [];
  const xs: number[] = [];
  const labels: number[] = [];
  const rows: number[] = [];
  const lines = String(text).split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const cells = line.split(/[,;\t]/).map((c) => c.trim());
    if (i === 0 && cells.some((c) => c !== '' && Number.isNaN(Number(c)))) return;  // a header
    const where = `row ${i + 1}`;
    if (cells.length < 3) {
      errors.push(`${where}: expected 3 columns (x, y, label), found ${cells.length}`);
      return;
    }
    const values = cells.slice(0, 3).map(Number);
    const bad = values.findIndex((v, c) => cells[c] === '' || !Number.isFinite(v));
    if (bad >= 0) {
      errors.push(`${where}: ${['x', 'y', 'label'][bad]} ${JSON.stringify(cells[bad].slice(0, 20))} is not a number`);
      return;
    }
    if (Math.abs(values[0]) > 6 || Math.abs(values[1]) > 6) {
      errors.push(`${where}: the point (${values[0]}, ${values[1]}) is outside [-6, 6]²`);
      return;
    }
    if (xs.length / 2 >= maxRows) {
      errors.push(`${where}: more than ${maxRows} rows; the rest was not read`);
      return;
    }
    xs.push(values[0], values[1]);
    labels.push(values[2]);
    rows.push(i + 1);
  });
  return {
    points: { data: Float32Array.from(xs), shape: [labels.length, 2] },
    labels: { data: Float32Array.from(labels), shape: [labels.length, 1] },
    rows,
    errors: errors.length > 20 ? [...errors.slice(0, 20), `… and ${errors.length - 20} more bad rows`] : errors,
  };
}
