// Train/validation loss and accuracy per epoch, with axes and a hover read-out (uPlot's
// cursor legend). The Deep Insider playground has only a loss sparkline; these follow
// Keras' History (the loss is the epoch's running mean, as fit() reports it).
import uPlot from 'uplot';
import type { Metrics } from '../protocol.js';

export class Charts {
  #loss: uPlot | null = null;
  #acc: uPlot | null = null;
  #epochs: number[] = [];
  #series = { loss: [] as (number | null)[], valLoss: [] as (number | null)[], acc: [] as (number | null)[], valAcc: [] as (number | null)[] };

  // The charts are made when they come near the screen (on a phone they are far below the
  // first screen: making them at start-up was a third of the page's start-up task); their
  // space is reserved in styles.css, and the data kept until then.
  constructor(lossEl: HTMLElement, accEl: HTMLElement, labels: { train: string; valid: string; loss: string; acc: string }) {
    const seen = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      seen.disconnect();
      this.#make(lossEl, accEl, labels);
    }, { rootMargin: '300px' });
    seen.observe(lossEl);
    seen.observe(accEl);
  }

  #make(lossEl: HTMLElement, accEl: HTMLElement, labels: { train: string; valid: string; loss: string; acc: string }) {
    const width = Math.max(200, Math.min(320, lossEl.clientWidth || 300));
    const make = (el: HTMLElement, name: string, range?: [number, number]) =>
      new uPlot({
        width,
        height: 140,
        legend: { show: true, live: true },
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: false }, ...(range ? { y: { range } } : {}) },
        axes: [{ label: 'epoch', size: 30, labelSize: 14 }, { size: 44, label: name, labelSize: 14 }],
        series: [
          { label: 'epoch' },
          { label: labels.train, stroke: '#777', width: 1.5, value: (_u, v) => (v == null ? '–' : v.toFixed(4)) },
          { label: labels.valid, stroke: '#000', width: 1.5, dash: [5, 3], value: (_u, v) => (v == null ? '–' : v.toFixed(4)) },
        ],
      }, [[], [], []], el);
    this.#loss = make(lossEl, labels.loss);
    this.#acc = make(accEl, labels.acc, [0, 1]);
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
