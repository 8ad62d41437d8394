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
