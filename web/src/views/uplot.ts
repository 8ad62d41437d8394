// uPlot, the charts' library, is a classic script of its own (dist/uplot.js), loaded when the
// first chart is made: evaluating it sets up number formats and the time zone, which made a
// fifth of app.js's start-up task, and most readers see the charts only after scrolling.
import type uPlot from 'uplot';
import { loadScript } from '../loadScript.js';

export const UPLOT_SCRIPT = 'uplot.js';
type UPlot = typeof uPlot;

let loading: Promise<UPlot> | null = null;

// uPlot if it has arrived (so that a chart remade later is made at once), else null.
export function uplotNow(): UPlot | null {
  return (window as unknown as { nnplayUplot?: UPlot }).nnplayUplot ?? null;
}

export function loadUplot(): Promise<UPlot> {
  loading ??= loadScript(UPLOT_SCRIPT).then(() => uplotNow()!, (e: Error) => {
    console.error(`nnplay: the charts' script ${e.message} could not be loaded`);
    loading = null;  // another chart may try again
    throw e;
  });
  return loading;
}
