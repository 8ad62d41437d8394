// Step 8: the model's output at test points, their true labels where the dataset defines
// one, and the test loss and accuracy over those (one output unit only).
import type { Nnplay, Sequential, TrainingSetup } from '../../../bindings/src/index.js';
import type { TestResult } from '../protocol.js';

export function testPoints(nn: Nnplay, setup: TrainingSetup, model: Sequential, points: [number, number][]): TestResult {
  const x = nn.datasets.makeFeatures({ data: Float32Array.from(points.flat()), shape: [points.length, 2] }, setup.features);
  const out = model.predict(x);
  const units = out.shape[1];
  const rows = points.map(([px, py], r) => ({
    x: px,
    y: py,
    output: Array.from(out.data.subarray(r * units, (r + 1) * units)),
    truth: nn.datasets.trueLabel(setup.dataset, px, py),
  }));
  const known = rows.filter((r) => r.truth !== null);
  let loss: number | null = null;
  let acc: number | null = null;
  if (known.length > 0 && setup.outputUnits === 1) {
    const target = known.map((r) => [setup.labels === 'zero-one' ? (r.truth! > 0 ? 1 : 0) : r.truth!]);
    const features = nn.datasets.makeFeatures(known.map((r) => [r.x, r.y]), setup.features);
    const logs = model.evaluate(features, target);
    loss = logs.loss;
    acc = setup.metrics[0] ? logs[setup.metrics[0]] : null;
  }
  return { type: 'test', rows, loss, acc };
}
