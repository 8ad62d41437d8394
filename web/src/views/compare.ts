// Side by side (the article's figure 5-10): one setting, up to four values, trained in
// lockstep on the same data; small heatmaps and their loss and accuracy curves overlaid on
// shared axes. The comparison is part of the URL (compare=learningRate:0.003,0.03,0.3,3).
// The figure 5-10 preset runs on the figure's own setup inside this panel: the main setup
// and the model in training are left alone (a preset never destroys a run). "My current
// setup" runs the same values on the main setup instead. Cards and curves show train and
// validation (solid and dashed), from epoch 0, losses on the page's display scale.
import type uPlot from 'uplot';
import { loadUplot, showChartsUnavailable, uplotNow } from './uplot.js';
import { COMPARABLE, type Comparison, parseValue, type PlaygroundState, SCHEMA } from '../../../bindings/src/state.js';
import { FEATURES } from '../../../bindings/src/registry.js';
import { byId } from '../dom.js';
import { type MessageKey, t } from '../i18n/index.js';
import { outputForColour } from '../outputRange.js';
import { type CompareResult, GRID, type SharedLandscape } from '../protocol.js';
import { type LossScale, shownLoss } from '../lossScale.js';
import type { ColourScale } from './colors.js';
import { axisWidth, EPOCH_INCRS } from './charts.js';
import { drawLandscape } from './landscapeDraw.js';

const COLOURS = ['#e6550d', '#3182bd', '#31a354', '#756bb1'];
export const FIGURE_5_10: Comparison = { setting: 'learningRate', values: [0.003, 0.03, 0.3, 3] };
// The playground's default network and data at batch size 30, on which the article's four
// rates behave as figure 5-10 shows: 0.003 still high, 0.03 converged, 0.3 jagged, 3
// oscillating (found by searching datasets × networks × batch sizes × noise with the
// engine: at batch 10, rate 3 saturates flat instead of oscillating). The seed is fixed
// too, since the pattern depends on the data and initial weights.
export const FIGURE_5_10_BASE: Partial<PlaygroundState> = {
  seed: '1', weightsSeed: null, problem: 'classification', dataset: 'circle', networkShape: [4, 2], activation: 'tanh', loss: 'mse', optimizer: 'sgd',
  batchSize: 30, batchFull: false, noise: 0, percTrainData: 50, regularization: 'none',
  ...Object.fromEntries(FEATURES.map((f) => [f.name, f.default])),  // the default inputs, X1 and X2
};

export class CompareView {
  running = false;
  #charts: [uPlot, uPlot] | null = null;
  #epochs: number[] = [];
  #loss: (number | null)[][] = [];
  #acc: (number | null)[][] = [];
  #valLoss: (number | null)[][] = [];
  #valAcc: (number | null)[][] = [];
  #scale: LossScale = 'keras';
  #onChange: (c: Comparison | null) => void;
  #onRun: (states: PlaygroundState[], epochs: number, setting: string) => void;
  #landscape: SharedLandscape | null = null;  // the runs' shared landscape, when they have one
  #landscapes = 0;
  #comparison: Comparison | null = null;
  #base: Partial<PlaygroundState> | null = null;  // the preset's setup, over the main one, for the runs only
  #shown: Comparison | null = null;  // the runs the cards and charts show
  #lastRuns: CompareResult['runs'] = [];  // their last metrics, for a language switch
  #runLoss: string[] = [];  // each run's loss (Keras name): the ½ scale is for squared error only

  constructor(onChange: (c: Comparison | null) => void, onRun: (states: PlaygroundState[], epochs: number, setting: string) => void) {
    this.#onChange = onChange;
    this.#onRun = onRun;
    const setting = byId<HTMLSelectElement>('compareSetting');
    this.#fillSettings();
    const apply = () => {
      const text = `${setting.value}:${byId<HTMLInputElement>('compareValues').value.replace(/\s/g, '')}`;
      const parsed = parseValue(SCHEMA.find((f) => f.key === 'compare')!, text) as Comparison | undefined;
      byId('compareError').textContent = parsed ? '' : t('compareInvalid');
      if (parsed) {
        this.#setBase(null);  // the learner's own comparison runs on the main setup
        this.#onChange(parsed);
      }
    };
    setting.addEventListener('change', apply);
    byId('compareValues').addEventListener('change', apply);
    byId('comparePreset').addEventListener('click', () => {
      byId<HTMLInputElement>('compareEpochs').value = '100';
      this.#setBase(FIGURE_5_10_BASE);
      this.#onChange(FIGURE_5_10);
    });
    for (const radio of document.querySelectorAll<HTMLInputElement>('input[name=compareBase]')) {
      radio.addEventListener('change', () => this.#setBase(radio.value === 'figure' ? FIGURE_5_10_BASE : null));
    }
    // (the page starts on my current setup: index.html has its note and radio button already)
  }

  // What the runs are built on, said in the note and the radio buttons.
  #setBase(base: Partial<PlaygroundState> | null) {
    this.#base = base;
    const note = byId('compareNote');
    note.dataset.i18n = base ? 'comparePresetNote' : 'compareMineNote';  // follows the language
    note.textContent = t(base ? 'comparePresetNote' : 'compareMineNote');
    for (const radio of document.querySelectorAll<HTMLInputElement>('input[name=compareBase]')) radio.checked = radio.value === (base ? 'figure' : 'mine');
  }

  // The page's loss scale: the cards and the loss chart again on it.
  setScale(scale: LossScale): void {
    if (scale === this.#scale) return;
    this.#scale = scale;
    byId('compareRuns').querySelectorAll<HTMLTableElement>('.compare-metrics').forEach((table, i) => fillMetrics(table, this.#lastRuns[i], scale));
    this.#setChartData();
  }

  #fillSettings() {
    const setting = byId<HTMLSelectElement>('compareSetting');
    const chosen = setting.value;
    setting.replaceChildren(...COMPARABLE.map((k) => new Option(t(k as MessageKey), k)));
    if (chosen) setting.value = chosen;
  }

  // The texts again in the page's (new) language: the settings, the cards, the charts.
  reword(): void {
    this.#fillSettings();
    const c = this.#shown;
    if (!c) return;
    byId('compareRuns').querySelectorAll('figcaption').forEach((caption, i) => (caption.textContent = `${t(c.setting as MessageKey)} ${c.values[i]}`));
    byId('compareRuns').querySelectorAll<HTMLTableElement>('.compare-metrics').forEach((table, i) => fillMetrics(table, this.#lastRuns[i], this.#scale));
    this.#makeCharts(c);
    this.#setChartData();
    this.#drawLandscape();
  }

  // Shows the state's comparison in the controls.
  render(c: Comparison | null): void {
    this.#comparison = c;
    if (!c) return;
    byId<HTMLSelectElement>('compareSetting').value = c.setting;
    const input = byId<HTMLInputElement>('compareValues');
    if (document.activeElement !== input) input.value = c.values.join(',');
    byId<HTMLDetailsElement>('comparePanel').open = true;
  }

  start(state: PlaygroundState): void {
    const c = this.#comparison ?? FIGURE_5_10;
    const epochs = Math.max(1, Math.min(10000, Math.floor(Number(byId<HTMLInputElement>('compareEpochs').value) || 100)));
    const states = c.values.map((v) => ({ ...state, ...this.#base, [c.setting]: v, maxEpochs: null, patience: null, compare: null }));
    this.#epochs = [];
    this.#loss = c.values.map(() => []);
    this.#acc = c.values.map(() => []);
    this.#valLoss = c.values.map(() => []);
    this.#valAcc = c.values.map(() => []);
    this.#runLoss = [];
    this.#buildCards(c);
    this.#landscape = null;
    byId('compareLandscapeFigure').hidden = true;
    this.running = true;
    this.#onRun(states as PlaygroundState[], epochs, c.setting);
  }

  #buildCards(c: Comparison) {
    const cards = byId('compareRuns');
    cards.replaceChildren(...c.values.map((v, i) => {
      const card = document.createElement('figure');
      card.className = 'compare-run';
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = GRID;
      const caption = document.createElement('figcaption');
      caption.style.borderColor = COLOURS[i];
      caption.textContent = `${t(c.setting as MessageKey)} ${v}`;
      const metrics = document.createElement('table');
      metrics.className = 'compare-metrics';
      card.append(canvas, caption, metrics);
      return card;
    }));
    this.#shown = c;
    this.#makeCharts(c);
  }

  // Charts as wide as the panel allows (a phone's too), in the page's language.
  #makeCharts(c: Comparison) {
    for (const chart of this.#charts ?? []) chart.destroy();
    this.#charts = null;
    const U = uplotNow();
    if (!U) {
      loadUplot().then(() => {
        if (this.#shown !== c) return;  // another comparison has been set up meanwhile
        this.#makeCharts(c);
        this.#setChartData();
      }, () => showChartsUnavailable(byId('compareLoss')));
      return;
    }
    const room = byId('comparePanel').clientWidth || 480;
    const value = (_u: uPlot, x: number | null) => (x == null ? '–' : x.toFixed(4));
    const make = (el: HTMLElement, label: string, range?: [number, number]) => new U({
      width: Math.max(200, Math.min(520, room - 8, el.clientWidth || 480)),
      height: 160,
      scales: { x: { time: false }, ...(range ? { y: { range } } : {}) },
      axes: [{ label: t('epochAxis'), size: 30, labelSize: 14, incrs: EPOCH_INCRS }, { label, size: axisWidth, labelSize: 14, labelGap: 2 }],
      series: [{ label: t('epochAxis') }, ...c.values.flatMap((v, i) => [
        { label: `${v} ${t('trainShort')}`, stroke: COLOURS[i], width: 1.5, value },
        { label: `${v} ${t('validShort')}`, stroke: COLOURS[i], width: 1.5, dash: [5, 4], value },
      ])],
    }, [[], ...c.values.flatMap(() => [[], []])] as uPlot.AlignedData, el);
    byId('compareLoss').replaceChildren();
    byId('compareAcc').replaceChildren();
    this.#charts = [make(byId('compareLoss'), t('lossAxis')), make(byId('compareAcc'), t('accAxis'), [0, 1])];
  }

  // Per run its train and validation series (losses on the display scale).
  #setChartData() {
    const pad = (s: (number | null)[]) => [...s, ...Array(Math.max(0, this.#epochs.length - s.length)).fill(null)];
    const scaled = (s: (number | null)[], i: number) => pad(s.map((v) => shownLoss(v, this.#scale, this.#runLoss[i] ?? '')));
    this.#charts?.[0].setData([this.#epochs, ...this.#loss.flatMap((s, i) => [scaled(s, i), scaled(this.#valLoss[i], i)])] as uPlot.AlignedData);
    this.#charts?.[1].setData([this.#epochs, ...this.#acc.flatMap((s, i) => [pad(s), pad(this.#valAcc[i])])] as uPlot.AlignedData);
  }

  update(result: CompareResult, colours: ColourScale): void {
    const cards = byId('compareRuns').querySelectorAll('figure');
    const finite = (v: number | null) => (v !== null && Number.isFinite(v) ? v : null);
    result.runs.forEach((run, i) => {
      this.#runLoss[i] = run.loss;
      for (const m of run.newEpochs) {
        if (i === 0) this.#epochs.push(m.epoch ?? this.#epochs.length);
        this.#loss[i].push(finite(m.loss));
        this.#acc[i].push(finite(m.acc));
        this.#valLoss[i].push(finite(m.valLoss));
        this.#valAcc[i].push(finite(m.valAcc));
      }
      const card = cards[i];
      if (!card) return;
      const canvas = card.querySelector('canvas')!;
      const g = canvas.getContext('2d')!;
      const image = g.createImageData(GRID, GRID);
      const shown = outputForColour(run.output, run.units, run.outputActivation);
      colours.paint(shown.values, shown.units, image.data, { discretize: false, alpha: 255, grey: run.diverged });
      g.putImageData(image, 0, 0);
      fillMetrics(card.querySelector<HTMLTableElement>('.compare-metrics')!, run, this.#scale);
    });
    this.#setChartData();
    this.#lastRuns = result.runs;
    byId('compareEpoch').textContent = String(result.epoch);
    if (result.landscape) {
      this.#landscape = result.landscape;
      this.#landscapes++;
    }
    if (!result.sharedLandscape) this.#landscape = null;
    this.#drawLandscape();
    if (result.done) this.running = false;
  }

  // The runs' paths over their one landscape, a legend in their colours; or why there is none.
  #drawLandscape() {
    const l = this.#landscape, c = this.#shown;
    const figure = byId('compareLandscapeFigure');
    figure.hidden = !c;
    if (!c) return;
    const canvas = byId<HTMLCanvasElement>('compareLandscape');
    canvas.hidden = !l;
    const status = byId('compareLandscapeStatus');
    if (!l) {
      byId('compareLandscapeLegend').replaceChildren();
      status.textContent = t('compareLandscapeNone');
      return;
    }
    drawLandscape(canvas, l, l.paths.map((points, i) => ({ points, colour: COLOURS[i], end: COLOURS[i] })), '#000');
    byId('compareLandscapeLegend').replaceChildren(...c.values.map((v, i) => {
      const li = document.createElement('li');
      li.style.borderColor = COLOURS[i];
      const diverged = l.diverged[i] || this.#lastRuns[i]?.diverged;
      const note = [diverged ? t('compareLandscapeStopped') : '', l.leaving === i ? t('compareLandscapeLeaves') : ''].filter(Boolean).map((n) => ` — ${n}`).join('');
      li.textContent = `${t(c.setting as MessageKey)} ${v}${note}`;
      return li;
    }));
    const pca = l.directions === 'pca' ? t('landscapePca') : t('landscapeRandom');
    status.textContent = Number.isFinite(l.centerLoss)
      ? `${pca} · ${t('landscapeCenter')} ${shownLoss(l.centerLoss, this.#scale, this.#runLoss[0] ?? '').toFixed(3)} · ${l.alpha.length}×${l.beta.length} ${t('landscapeIn')} ${Math.round(l.ms)} ms`
      : pca;
  }

  // The shared landscape last drawn (and how many came), for tests and readers.
  get landscape(): SharedLandscape | null {
    return this.#landscape;
  }
  get landscapeCount(): number {
    return this.#landscapes;
  }

  // Each run's last loss, and every epoch's loss and accuracy per run (for tests and readers).
  get losses(): (number | null)[] {  // (the initial loss until an epoch is done)
    return this.#loss.map((s) => s.at(-1) ?? null);
  }
  // Keras scale, per run: the trained epochs' values (epochs 1, 2, …) and, apart, the
  // initial weights' (the curves' epoch 0).
  get series(): { epochs: number[]; loss: (number | null)[][]; acc: (number | null)[][]; valLoss: (number | null)[][]; valAcc: (number | null)[][]; initial: { loss: (number | null)[]; valLoss: (number | null)[] } } {
    const from = this.#epochs[0] === 0 ? 1 : 0;
    const copy = (x: (number | null)[][]) => x.map((s) => s.slice(from));
    return {
      epochs: this.#epochs.slice(from), loss: copy(this.#loss), acc: copy(this.#acc), valLoss: copy(this.#valLoss), valAcc: copy(this.#valAcc),
      initial: { loss: from ? this.#loss.map((s) => s[0]) : [], valLoss: from ? this.#valLoss.map((s) => s[0]) : [] },
    };
  }
}

type RunMetrics = Pick<CompareResult['runs'][number], 'metrics' | 'diverged' | 'loss'>;

// A run's last losses and accuracies as rows: [what, train, validation] (a header row
// first), losses on the page's scale; a diverged run says so in a last row.
export function metricRows(run: RunMetrics, scale: LossScale): string[][] {
  const m = run.metrics;
  if (!m) return [];
  const n = (v: number | null) => (v === null ? '–' : Number.isFinite(v) ? v.toFixed(3) : String(v));
  const rows = [['', t('trainShort'), t('validShort')], [t('lossAxis'), n(shownLoss(m.loss, scale, run.loss)), n(shownLoss(m.valLoss, scale, run.loss))]];
  if (m.acc !== null) rows.push([t('accAxis'), n(m.acc), n(m.valAcc)]);
  if (run.diverged) rows.push([t('diverged')]);
  return rows;
}

// The card's small table of metricRows (header cells in the first row and column).
function fillMetrics(table: HTMLTableElement, run: RunMetrics | undefined, scale: LossScale): void {
  const rows = run ? metricRows(run, scale) : [];
  table.replaceChildren(...rows.map((cells, r) => {
    const tr = document.createElement('tr');
    tr.append(...cells.map((text, c) => {
      const cell = document.createElement(r === 0 || c === 0 ? 'th' : 'td');
      cell.textContent = text;
      if (cells.length === 1) (cell as HTMLTableCellElement).colSpan = 3;
      return cell;
    }));
    return tr;
  }));
}
