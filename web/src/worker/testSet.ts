// Step 8: the test points and their evaluation. Points come two ways: clicked on the plot
// (their true label from the dataset's rule, where one exists) or drawn fresh by the
// dataset's own generator with a new seed (the tutorial's step 8: labels included, so gauss,
// spiral and the 3-class set get a test loss and accuracy too). The set is evaluated again
// whenever the page is shown a new model state, so the rows never keep stale outputs.
import type { Matrix2D, Nnplay, Sequential, TrainingSetup } from '../../../bindings/src/index.js';
import { convertLabels } from '../../../bindings/src/playground.js';
import { randomSeedNumber } from '../../../bindings/src/validate.js';
import type { TestResult } from '../protocol.js';

interface Fresh {
  dataset: string;
  noise: number;
  points: Float32Array;  // [n, 2]
  labels: Matrix2D;      // as generated: ±1, real values, or one-hot rows for three classes
}

export class TestSet {
  #clicked: [number, number][] = [];
  #fresh: Fresh | null = null;
  #note: TestResult['note'] = null;
  #dataset = '';  // the dataset the points were last judged by

  #announce = false;  // points were dropped: the page must hear it, even of an empty set

  get empty(): boolean {
    return this.#clicked.length === 0 && !this.#fresh;
  }

  // True when an evaluation has something to show or to take away.
  get pending(): boolean {
    return !this.empty || this.#announce;
  }

  setClicked(points: [number, number][]): void {
    this.#clicked = points;
    this.#note = null;
  }

  // samples fresh points of the setup's dataset; false for own data (it has no generator).
  generate(nn: Nnplay, setup: TrainingSetup, samples: number): boolean {
    if (setup.dataset === 'custom') return false;
    const seed = randomSeedNumber();
    const d = nn.datasets.generate({ type: setup.dataset, noise: setup.noise, seed, samples });
    this.#fresh = { dataset: setup.dataset, noise: setup.noise, points: d.points.data, labels: d.labels };
    this.#note = null;
    return true;
  }

  clear(): void {
    this.#clicked = [];
    this.#fresh = null;
    this.#note = null;
  }

  // New data: fresh points of another generator no longer test this model; clicked points
  // stay and are judged by the new dataset's rule. Either way the page says so.
  dataChanged(setup: TrainingSetup): void {
    const before = this.#dataset;
    this.#dataset = setup.dataset;
    if (this.empty) return;
    const f = this.#fresh;
    if (f && (f.dataset !== setup.dataset || f.noise !== setup.noise)) {
      this.#fresh = null;
      this.#announce = true;
    }
    if (before !== setup.dataset) this.#note = 'datasetChanged';
  }

  // The rows with a known truth as the model's inputs and the loss's labels (the notebook's
  // step 8), or null when there are none.
  labelled(nn: Nnplay, setup: TrainingSetup): { x: Matrix2D; y: Matrix2D } | null {
    const rows: [number, number, number][] = [];
    if (setup.dataset !== 'custom') {
      for (const [x, y] of this.#clicked) {
        const truth = nn.datasets.trueLabel(setup.dataset, x, y);
        if (truth !== null) rows.push([x, y, truth]);
      }
    }
    const f = this.#fresh;
    if (f) displayLabels(f.labels).forEach((truth, i) => rows.push([f.points[i * 2], f.points[i * 2 + 1], truth]));
    if (rows.length === 0) return null;
    const points = { data: Float32Array.from(rows.flatMap(([x, y]) => [x, y])), shape: [rows.length, 2] as [number, number] };
    return { x: nn.datasets.makeFeatures(points, setup.features), y: targets(rows.map((r) => r[2]), setup) };
  }

  // The model's output at every point, the truth where known, and the test loss and accuracy
  // over the points with a truth (model.evaluate, as the tutorial's step 8).
  evaluate(nn: Nnplay, setup: TrainingSetup, model: Sequential): TestResult {
    this.#announce = false;
    const f = this.#fresh;
    const freshCount = f ? f.points.length / 2 : 0;
    const points = new Float32Array((this.#clicked.length + freshCount) * 2);
    this.#clicked.forEach(([x, y], i) => points.set([x, y], i * 2));
    if (f) points.set(f.points, this.#clicked.length * 2);
    const n = points.length / 2;
    const base = { type: 'test' as const, dataset: setup.dataset, fresh: freshCount, note: this.#note };
    if (n === 0) return { ...base, rows: [], loss: null, acc: null };
    const out = model.predict(nn.datasets.makeFeatures({ data: points, shape: [n, 2] }, setup.features));
    const units = out.shape[1];
    // truths in the plot's terms: ±1 (two classes), a class index (three), a value (regression)
    // (own data has no rule, and no generator name the engine knows)
    const truths: (number | null)[] = this.#clicked.map(([x, y]) => (setup.dataset === 'custom' ? null : nn.datasets.trueLabel(setup.dataset, x, y)));
    if (f) truths.push(...displayLabels(f.labels));
    const rows = truths.map((truth, r) => ({
      x: points[r * 2],
      y: points[r * 2 + 1],
      output: Array.from(out.data.subarray(r * units, (r + 1) * units)),
      truth,
      fresh: r >= this.#clicked.length,
    }));
    const known = rows.map((r, i) => (r.truth === null ? -1 : i)).filter((i) => i >= 0);
    if (known.length === 0) return { ...base, rows, loss: null, acc: null };
    const x = nn.datasets.makeFeatures({ data: Float32Array.from(known.flatMap((i) => [rows[i].x, rows[i].y])), shape: [known.length, 2] }, setup.features);
    const logs = model.evaluate(x, targets(known.map((i) => rows[i].truth!), setup));
    const metric = setup.metrics[0];
    return { ...base, rows, loss: logs.loss, acc: metric ? logs[metric] ?? null : null };
  }
}

// Generated labels as the plot's truths: one column as it is; one-hot rows as class indices.
function displayLabels(labels: Matrix2D): number[] {
  const [rows, cols] = labels.shape;
  if (cols === 1) return Array.from(labels.data);
  return Array.from({ length: rows }, (_, r) => {
    const row = Array.from(labels.data.subarray(r * cols, (r + 1) * cols));
    return row.indexOf(Math.max(...row));
  });
}

// Truths (±1, class index, value) -> the labels the setup's loss needs.
function targets(truths: number[], setup: TrainingSetup): Matrix2D {
  const n = truths.length;
  if (setup.classes === 3) {
    const data = new Float32Array(n * 3);
    truths.forEach((c, i) => (data[i * 3 + c] = 1));
    return { data, shape: [n, 3] };
  }
  return convertLabels({ data: Float32Array.from(truths), shape: [n, 1] }, setup);
}
