// What the plot shows as points: the training data (white ring), the validation data
// (black ring) and the test points (red ring, coloured by the model's output), as chosen.
import type { PlaygroundState } from '../../../bindings/src/state.js';
import { pointValue } from '../outputRange.js';
import type { DataInfo, TestResult } from '../protocol.js';
import type { PointSet } from './heatmap.js';

export function pointSets(state: PlaygroundState, data: DataInfo, test: TestResult | null): PointSet[] {
  const sets: PointSet[] = [];
  const kind = data.classes ? 'class' : 'value';
  if (state.showTrainData) sets.push({ ...data.train, kind, stroke: '#fff' });
  if (state.showValidationData) sets.push({ ...data.valid, kind, stroke: '#000' });
  if (state.showTestData && test) {
    const points = Float32Array.from(test.rows.flatMap((r) => [r.x, r.y]));
    // one output: its value on the colour scale; several: the predicted class
    const values = test.rows.map((r) => pointValue(r.output, data.outputActivation));
    const labels = Float32Array.from(values.map((v) => v.value));
    sets.push({ points, labels, kind: values[0]?.isClass ? 'class' : 'value', stroke: '#f00', ring: true });
  }
  return sets;
}
