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
    rows.push(`${coordinate(points.data[r * 2])},${coordinate(points.data[r * 2 + 1])},${label}`);
  }
  return rows.join('\n') + '\n';
}

// String(-0) is '0': the sign would be lost on the way back.
const coordinate = (v: number) => (Object.is(v, -0) ? '-0' : String(v));

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

// Own data from CSV: csv.ts.
export { CSV_MAX_ROWS, parseDatasetCsv, type ParsedCsv } from './csv.js';
