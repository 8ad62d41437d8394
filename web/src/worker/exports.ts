// Step 9's downloads as text: the data (CSV, plygdata's columns), the training history
// (CSV, as Keras' CSVLogger) or the weights (JSON).
import type { CustomData, Logs, Nnplay, Sequential, TrainingSetup } from '../../../bindings/src/index.js';
import type { ExportKind, FromWorker } from '../protocol.js';

export interface ExportSource {
  setup: TrainingSetup;
  model: Sequential;
  epochLogs: readonly Logs[];  // every completed epoch's logs, in order
  custom: CustomData | undefined;
}

export function exportText(nn: Nnplay, what: ExportKind, from: ExportSource): FromWorker & { type: 'export' } {
  return { type: 'export', what, text: text(nn, what, from) };
}

function text(nn: Nnplay, what: ExportKind, { setup, model, epochLogs, custom }: ExportSource): string {
  if (what === 'notebook') throw new Error("the notebook is asked for with {type: 'notebook', lang} (notebook.ts)");
  if (what === 'weights') return nn.exports.weightsJson(model.getWeights());
  if (what === 'history') {
    const history: Record<string, number[]> = {};
    for (const logs of epochLogs) for (const [k, v] of Object.entries(logs)) (history[k] ??= []).push(v);
    return nn.exports.historyCsv({ epoch: epochLogs.map((_, i) => i), history });
  }
  if (setup.dataset === 'custom') {
    const n = custom?.classes.length ?? 0;
    const labels = setup.classes === 3 ? custom!.classes : (custom?.classes ?? new Float32Array(0)).map((c) => (c > 0 ? 1 : -1));
    return nn.exports.datasetCsv({ data: custom?.points ?? new Float32Array(0), shape: [n, 2] }, { data: labels, shape: [n, 1] });
  }
  const d = nn.datasets.generate({ type: setup.dataset, noise: setup.noise, seed: setup.dataSeed });
  return nn.exports.datasetCsv(d.points, d.labels);
}
