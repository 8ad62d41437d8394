// uPlot, the charts' library, is a classic script of its own (dist/uplot.js), loaded when the
// first chart is made: evaluating it sets up number formats and the time zone, which made a
// fifth of app.js's start-up task, and most readers see the charts only after scrolling.
// When it cannot be loaded, or throws while it runs (e.g. Intl refusing the browser's
// language), the charts say so and the rest of the page goes on: loadUplot() then rejects,
// and it tries again only when a chart asks, at most MAX_ATTEMPTS times in all.
import type uPlot from 'uplot';
import { t } from '../i18n/index.js';
import { besideApp, loadScript } from '../loadScript.js';

export const UPLOT_SCRIPT = 'uplot.js';
const MAX_ATTEMPTS = 2;
type UPlot = typeof uPlot;

let loading: Promise<UPlot> | null = null;
let attempts = 0;

// uPlot if it has arrived (so that a chart remade later is made at once), else null.
export function uplotNow(): UPlot | null {
  return (window as unknown as { nnplayUplot?: UPlot }).nnplayUplot ?? null;
}

export function loadUplot(): Promise<UPlot> {
  if (loading) return loading;
  if (attempts >= MAX_ATTEMPTS) return Promise.reject(new Error(`${UPLOT_SCRIPT}: gave up after ${attempts} attempts`));
  attempts++;
  const src = besideApp(UPLOT_SCRIPT).href;
  let thrown = '';  // what the script threw while it ran, if it did
  const onError = (e: ErrorEvent) => {
    if (e.filename === src) thrown = e.message;
  };
  window.addEventListener('error', onError);
  loading = loadScript(UPLOT_SCRIPT).then(() => {
    const U = uplotNow();
    if (!U) throw new Error(`${src} ran but did not set up uPlot${thrown ? `: ${thrown}` : ''}`);
    return U;
  }).catch((e: Error) => {
    console.error(`nnplay: the charts are unavailable: ${e.message}`);
    loading = null;  // another chart may try again (within MAX_ATTEMPTS)
    throw e;
  }).finally(() => window.removeEventListener('error', onError));
  return loading;
}

// In place of a chart: why it is not there, in the page's language.
export function showChartsUnavailable(el: HTMLElement): void {
  const note = document.createElement('p');
  note.className = 'chart-unavailable';
  note.setAttribute('role', 'status');
  note.textContent = t('chartsUnavailable').replace('{file}', UPLOT_SCRIPT);
  el.replaceChildren(note);
}
