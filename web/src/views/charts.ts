// Train/validation loss and accuracy per epoch, with axes and a hover read-out (uPlot's
// cursor legend). The Deep Insider playground has only a loss sparkline; these follow
// Keras' History (the loss is the epoch's running mean, as fit() reports it), from epoch 0:
// the initial weights, evaluated. Losses are kept on the display scale (lossScale.ts): a
// change of scale rescales what is kept once, not every frame.
// Train is a solid dark line, validation a dashed magenta one (told apart without colour
// too); the axes are drawn before the first epoch (epochs 0-10, loss 0-1).
import type uPlot from 'uplot';
import { loadUplot, showChartsUnavailable, uplotNow } from './uplot.js';
import type { Metrics } from '../protocol.js';

export interface ChartLabels {
  train: string;
  valid: string;
  loss: string;
  acc: string;
  epoch: string;
}

export const SERIES_STYLE = {
  train: { stroke: '#333', width: 2 },
  valid: { stroke: '#c2185b', width: 2, dash: [6, 4] },
};

const EMPTY_EPOCHS: [number, number] = [0, 10];
// Epochs are whole numbers: ticks at these steps only (never 1.25, 1.5, 1.75).
export const EPOCH_INCRS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000, 200000, 500000, 1000000];
// The y axis' width from its widest tick label, so that its title never overlaps them.
export const axisWidth = (_u: uPlot, values: string[] | null): number =>
  14 + 8 + 7 * Math.max(3, ...(values ?? []).map((v) => String(v ?? '').length));

// The epoch axis: from 0 (or the first epoch charted) to at least 10, so that the epoch-0
// point alone sits at the left of a 0-10 axis, as before training.
// (uPlot pads a single point's range to 0-100 before asking: points says how many there are.)
export const epochRange = (points: number, min: number | null, max: number | null): [number, number] =>
  min == null || max == null || points < 2 ? EMPTY_EPOCHS : [Math.min(0, min), Math.max(EMPTY_EPOCHS[1], max)];

// A Keras-scale loss series' next value on the display scale.
const finite = (v: number | null) => (v === null || !Number.isFinite(v) ? null : v);

export class Charts {
  #loss: uPlot | null = null;
  #acc: uPlot | null = null;
  #lossEl: HTMLElement;
  #accEl: HTMLElement;
  #labels: ChartLabels;
  #unavailable = false;  // uplot.js could not be loaded or failed: the charts say so
  #epochs: number[] = [];
  #series = { loss: [] as (number | null)[], valLoss: [] as (number | null)[], acc: [] as (number | null)[], valAcc: [] as (number | null)[] };
  #factor = 1;  // display scale: Keras loss × factor (lossScale.ts)

  // The charts are made when they come near the screen (on a phone they are far below the
  // first screen: making them at start-up was a third of the page's start-up task); their
  // space is reserved in styles.css, and the data kept until then.
  constructor(lossEl: HTMLElement, accEl: HTMLElement, labels: ChartLabels) {
    this.#lossEl = lossEl;
    this.#accEl = accEl;
    this.#labels = labels;
    const seen = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      seen.disconnect();
      this.#make();
    }, { rootMargin: '300px' });
    seen.observe(lossEl);
    seen.observe(accEl);
    // Printing shows the charts even if they were never scrolled near (issue 20 §8).
    const print = () => {
      if (this.#loss) return;
      seen.disconnect();
      this.#make();
    };
    addEventListener('beforeprint', print);
    matchMedia('print').addEventListener('change', (e) => e.matches && print());
  }

  // New texts (a language switch): the charts are rebuilt with them, keeping the data.
  setLabels(labels: ChartLabels): void {
    this.#labels = labels;
    if (this.#loss) this.#make();
    else if (this.#unavailable) this.#sayUnavailable();
  }

  #sayUnavailable(): void {
    this.#unavailable = true;
    showChartsUnavailable(this.#lossEl);
    showChartsUnavailable(this.#accEl);
  }

  #make(): void {
    const U = uplotNow();
    if (!U) {
      // loadUplot() resolves only with uPlot there, so #make does not come back here
      loadUplot().then(() => this.#make(), () => this.#sayUnavailable());
      return;
    }
    const labels = this.#labels;
    this.#loss?.destroy();
    this.#acc?.destroy();
    const width = Math.max(200, Math.min(320, this.#lossEl.clientWidth || 300));
    const value = (_u: uPlot, v: number | null) => (v == null ? '–' : v.toFixed(4));
    const make = (el: HTMLElement, name: string, range?: [number, number]) =>
      new U({
        width,
        height: 130,
        legend: { show: true, live: true, markers: { dash: (u, i) => (u.series[i].dash ? 'dashed' : 'solid') } },
        cursor: { drag: { x: false, y: false } },
        scales: {
          x: { time: false, range: (u, min, max) => epochRange(u.data[0]?.length ?? 0, min, max) },
          y: { range: range ?? ((_u, min, max) => (min == null || max == null ? [0, 1] : [Math.min(0, min), max > min ? max : min + 1])) },
        },
        axes: [{ label: labels.epoch, size: 30, labelSize: 14, incrs: EPOCH_INCRS }, { size: axisWidth, label: name, labelSize: 14, labelGap: 2 }],
        series: [
          { label: labels.epoch },
          { label: labels.train, ...SERIES_STYLE.train, value },
          { label: labels.valid, ...SERIES_STYLE.valid, value },
        ],
      }, [[], [], []], el);
    this.#loss = make(this.#lossEl, labels.loss);
    this.#acc = make(this.#accEl, labels.acc, [0, 1]);
    this.#redraw();
  }

  clear(): void {
    this.#epochs = [];
    this.#series = { loss: [], valLoss: [], acc: [], valAcc: [] };
    this.#redraw();
  }

  // The display scale's factor: what is kept is rescaled once.
  setLossFactor(factor: number): void {
    if (factor === this.#factor) return;
    const k = factor / this.#factor;
    this.#factor = factor;
    for (const s of [this.#series.loss, this.#series.valLoss]) s.forEach((v, i) => (s[i] = v === null ? null : v * k));
    this.#redraw();
  }

  append(metrics: Metrics[]): void {
    if (metrics.length === 0) return;
    const f = this.#factor;
    for (const m of metrics) {
      if (m.epoch === 0) this.clear();  // a new model: its curves start again at its initial loss
      this.#epochs.push(m.epoch ?? this.#epochs.length);
      const loss = finite(m.loss), valLoss = finite(m.valLoss);
      this.#series.loss.push(loss === null ? null : loss * f);
      this.#series.valLoss.push(valLoss === null ? null : valLoss * f);
      this.#series.acc.push(finite(m.acc));
      this.#series.valAcc.push(finite(m.valAcc));
    }
    this.#redraw();
  }

  // Epochs trained that are charted (the epoch-0 point not counted).
  get length(): number {
    return this.#epochs.length - (this.#epochs[0] === 0 ? 1 : 0);
  }
  // What the charts plot, on the display scale (for tests and readers).
  get plotted(): { epochs: number[]; loss: (number | null)[]; valLoss: (number | null)[] } {
    return { epochs: [...this.#epochs], loss: [...this.#series.loss], valLoss: [...this.#series.valLoss] };
  }

  #redraw() {
    if (!this.#loss || !this.#acc) return;
    this.#loss.setData([this.#epochs, this.#series.loss, this.#series.valLoss] as uPlot.AlignedData);
    this.#acc.setData([this.#epochs, this.#series.acc, this.#series.valAcc] as uPlot.AlignedData);
  }
}
