// What the plot shows as points: the training data (white ring), the validation data
// (black ring) and the test points (red ring, coloured by the model's output), as chosen.
import type { PlaygroundState } from '../../../bindings/src/state.js';
import { toColourRange } from '../outputRange.js';
import type { DataInfo, TestResult } from '../protocol.js';
import type { PointSet } from './heatmap.js';

export function pointSets(state: PlaygroundState, data: DataInfo, test: TestResult | null): PointSet[] {
  const sets: PointSet[] = [];
  if (state.showTrainData) sets.push({ ...data.train, stroke: '#fff' });
  if (state.showValidationData) sets.push({ ...data.valid, stroke: '#000' });
  if (state.showTestData && test) {
    const points = Float32Array.from(test.rows.flatMap((r) => [r.x, r.y]));
    // one output: its value on the colour scale; several: the predicted class
    const labels = Float32Array.from(test.rows.map((r) => {
      if (r.output.length === 1) return toColourRange(r.output[0], data.outputActivation);
      const best = r.output.indexOf(Math.max(...r.output));
      return data.classes === 3 ? best : best === 1 ? 1 : -1;  // two classes: the −1 / +1 colours
    }));
    sets.push({ points, labels, stroke: '#f00', ring: true });
  }
  return sets;
}
