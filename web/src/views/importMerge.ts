// What a CSV import does to own data: replace the points already there or add to them (the
// page asks when there are points), up to the page's cap. Labels -1 / 0 (any ≤ 0) -> class 0
// (orange), 1 -> class 1 (blue), 2 -> class 2 (green); other labels are reported per row.
// Coordinates go on the link's grid (bindings/src/pointsLink.ts), so a shared link gives
// the same points.
import { type Message, message } from '../../../bindings/src/messages.js';
import { type OwnPoints, quantizePoint } from '../../../bindings/src/pointsLink.js';

export type ImportMode = 'replace' | 'add';

export interface ImportedRows {
  points: ArrayLike<number>;  // x0, y0, x1, y1, …
  labels: ArrayLike<number>;
  rows: number[];             // each point's row in the file (for messages)
}

export interface MergeResult extends OwnPoints {
  added: number;
  errors: Message[];
}

export function classOfLabel(label: number): number {
  return label <= 0 ? 0 : label === 1 ? 1 : label === 2 ? 2 : -1;
}

// How many file rows to read: the room left under the cap.
export function importRoom(mode: ImportMode, existing: number, max: number): number {
  return mode === 'replace' ? max : Math.max(0, max - existing);
}

export function mergeImport(existing: OwnPoints, rows: ImportedRows, mode: ImportMode, max: number): MergeResult {
  const out: MergeResult = mode === 'replace'
    ? { points: [], classes: [], added: 0, errors: [] }
    : { points: [...existing.points], classes: [...existing.classes], added: 0, errors: [] };
  for (let i = 0; i < rows.labels.length; i++) {
    const c = classOfLabel(rows.labels[i]);
    if (c < 0) {
      out.errors.push(message('csv.badLabel', { row: rows.rows[i], label: rows.labels[i] }));
      continue;
    }
    if (out.classes.length >= max) break;
    out.points.push(quantizePoint(rows.points[2 * i]), quantizePoint(rows.points[2 * i + 1]));
    out.classes.push(c);
    out.added++;
  }
  return out;
}
