// Train/validation loss and accuracy per epoch, with axes and a hover read-out (uPlot's
// cursor legend). The Deep Insider playground has only a loss sparkline; these follow
// Keras' History (the loss is the epoch's running mean, as fit() reports it).
// Train is a solid dark line, validation a dashed magenta one (told apart without colour
// too); the axes are drawn before the first epoch (epochs 0-10, loss 0-1).
import type uPlot from 'uplot';
import { loadUplot, uplotNow } from './uplot.js';
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

export class Charts {
  #loss: uPlot | null = null;
  #acc: uPlot | null = null;
  #lossEl: HTMLElement;
  #accEl: HTMLElement;
  #labels: ChartLabels;
  #epochs: number[] = [];
  #series = { loss: [] as (number | null)[], valLoss: [] as (number | null)[], acc: [] as (number | null)[], valAcc: [] as (number | null)[] };

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
  }

  #make(): void {
    const U = uplotNow();
    if (!U) {
      loadUplot().then(() => this.#make(), () => {});
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
          x: { time: false, range: (_u, min, max) => (min == null || max == null || min === max ? EMPTY_EPOCHS : [min, max]) },
          y: { range: range ?? ((_u, min, max) => (min == null || max == null ? [0, 1] : [Math.min(0, min), max > min ? max : min + 1])) },
        },
        axes: [{ label: labels.epoch, size: 30, labelSize: 14 }, { size: 44, label: name, labelSize: 14 }],
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

  append(metrics: Metrics[]): void {
    if (metrics.length === 0) return;
    const finite = (v: number | null) => (v === null || !Number.isFinite(v) ? null : v);
    for (const m of metrics) {
      this.#epochs.push(this.#epochs.length + 1);
      this.#series.loss.push(finite(m.loss));
      this.#series.valLoss.push(finite(m.valLoss));
      this.#series.acc.push(finite(m.acc));
      this.#series.valAcc.push(finite(m.valAcc));
    }
    this.#redraw();
  }

  get length(): number {
    return this.#epochs.length;
  }

  #redraw() {
    if (!this.#loss || !this.#acc) return;
    this.#loss.setData([this.#epochs, this.#series.loss, this.#series.valLoss] as uPlot.AlignedData);
    this.#acc.setData([this.#epochs, this.#series.acc, this.#series.valAcc] as uPlot.AlignedData);
  }
}
