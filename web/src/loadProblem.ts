// When one of the page's own files does not load, the page says which (index.html's
// #loadProblem, over the plot). Before any script runs, the static text there names app.js
// and shows itself after a few seconds (styles.css); once app.js runs it hides that and
// names the worker or the wasm if either does not load, in the page's language.
import { t } from './i18n/index.js';

// app.js has run: the static message about it is not true.
export function appLoaded(): void {
  const box = document.getElementById('loadProblem');
  if (box) box.hidden = true;
}

let missing: string | null = null;  // the file named on screen

export function showLoadProblem(file: string): void {
  missing = file;
  const text = t('fileMissing').replace('{file}', file);
  const box = document.getElementById('loadProblem');
  if (box) {
    box.textContent = text;
    box.classList.add('now');  // at once, not after the static message's delay
    box.hidden = false;
  }
  const loading = document.getElementById('loading');  // no longer "loading…"
  if (loading) loading.textContent = text;
}

// The same, in the page's new language.
export function rewordLoadProblem(): void {
  if (missing) showLoadProblem(missing);
}

// The file name at the end of a URL.
export const fileOf = (url: string): string => url.replace(/[?#].*$/, '').replace(/^.*\//, '');
