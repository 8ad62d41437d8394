// Step 8's per-class summary: for each class, how many test points have it as their true
// label, how many of those the model gets right, and how many points it predicts as that
// class (rows without a true label count only there). The predicted class is the output's
// sign for one tanh unit (0.5 for a sigmoid), the larger unit of a softmax.
import type { TestResult } from '../protocol.js';

export interface ClassLine {
  label: string;             // '-1', '1' (two classes) or '0', '1', '2'
  truth: number;             // rows whose true label is this class
  right: number;             // of those, predicted as this class
  predicted: number;         // rows predicted as this class
}

export function predictedClass(output: number[], classes: number, outputActivation: string): string {
  if (output.length === 1) return output[0] >= (outputActivation === 'sigmoid' ? 0.5 : 0) ? '1' : '-1';
  if (classes === 2) return output[1] >= output[0] ? '1' : '-1';  // softmax over (−1, +1)
  let best = 0;
  for (let i = 1; i < output.length; i++) if (output[i] > output[best]) best = i;
  return String(best);
}

export function perClass(rows: TestResult['rows'], classes: number, outputActivation: string): ClassLine[] {
  const labels = classes === 3 ? ['0', '1', '2'] : ['-1', '1'];
  const lines = labels.map((label) => ({ label, truth: 0, right: 0, predicted: 0 }));
  for (const r of rows) {
    const p = predictedClass(r.output, classes, outputActivation);
    const byPrediction = lines.find((l) => l.label === p);
    if (byPrediction) byPrediction.predicted++;
    if (r.truth === null) continue;
    const byTruth = lines.find((l) => l.label === String(r.truth));
    if (!byTruth) continue;
    byTruth.truth++;
    if (p === byTruth.label) byTruth.right++;
  }
  return lines;
}
