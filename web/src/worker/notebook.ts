// The "Download notebook" answer: the page's run as a Jupyter notebook that replays it in tf.keras
// (nn.notebook, docs/KERAS_SEMANTICS.md §8), from the run's start and its completed epochs.
import type { Logs, Matrix2D, Nnplay } from '../../../bindings/src/index.js';
import type { FromWorker } from '../protocol.js';
import type { RunRecord } from './runRecord.js';

// `test`: step 8's rows on the page (clicked or fresh points with a truth), if any; else the
// notebook takes nnplay train's fresh points.
export function runNotebook(nn: Nnplay, run: RunRecord, epochLogs: readonly Logs[], lang: 'ja' | 'en', test: { x: Matrix2D; y: Matrix2D } | null): FromWorker & { type: 'export' } {
  const logs = epochLogs.slice(0, run.changedAfter);  // the epochs one Keras fit can replay
  const history: Record<string, number[]> = {};
  for (const l of logs) for (const [k, v] of Object.entries(l)) (history[k] ??= []).push(v);
  history.loss ??= [];
  const { train, valid } = run.data;
  const text = nn.notebook(run.state, {
    weights: run.weights,
    history: { epoch: logs.map((_, i) => i), history },
    data: { xTrain: train.x, yTrain: train.y, xValid: valid.x, yValid: valid.y },
    custom: run.custom,
    ...(test ? { test } : {}),
    lang,
    changed: run.changed ?? undefined,
  });
  return { type: 'export', what: 'notebook', text };
}
