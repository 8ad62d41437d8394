// Downloads of the worker's exports (step 9): a file name per export, saved via a Blob URL.
import type { ExportKind } from './protocol.js';

const FILE_NAMES: Record<ExportKind, string> = {
  data: 'nnplay-data.csv',
  history: 'nnplay-history.csv',
  weights: 'nnplay-weights.json',
  notebook: 'nnplay-run.ipynb',
};

export function downloadExport(what: ExportKind, text: string): void {
  download(FILE_NAMES[what], text);
}

export function download(name: string, text: string): void {
  const a = document.createElement('a');
  const type = name.endsWith('.json') ? 'application/json' : name.endsWith('.ipynb') ? 'application/x-ipynb+json' : 'text/csv';
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);  // after the browser has started the download
}

// The model as tfjs' 'downloads://' saves it: NAME.json, then NAME.weights.bin (one task
// later: Firefox keeps only the last of two downloads started in the same task).
export function downloadModel(json: { name: string; text: string }, weights: { name: string; data: ArrayBuffer }): void {
  saveBlob(json.name, new Blob([json.text], { type: 'application/json' }));
  setTimeout(() => saveBlob(weights.name, new Blob([weights.data], { type: 'application/octet-stream' })), 0);
}

function saveBlob(name: string, blob: Blob): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}
