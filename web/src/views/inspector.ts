// The optimizer inspector (issue 13): one weight or bias, picked from the list or by a
// click on its line or square in the network; per batch its gradient, every slot the
// optimizer keeps for it, the update Δw, the tf.keras 2.x formula filled in with those
// numbers, and sparklines of w, g and Δw over the last ~100 batches.
import { explain, fmt } from '../inspector/formulas.js';
import { t } from '../i18n/index.js';
import { byId } from '../dom.js';
import type { InspectorInfo } from '../protocol.js';

// "layer,from,to" (kernel weight) or "layer,unit" (bias), layers from 0.
export function targetLabel(target: number[]): string {
  const [l, a, b] = target;
  return target.length === 2 ? `${t('bias')} L${l + 1}·${a + 1}` : `${t('weight')} L${l + 1}: ${a + 1} → ${b + 1}`;
}

const SHOWN_PX = 140;  // on a touch screen, at least this much of the opened panel is in view

// Built lazily: nothing is drawn or listed until the panel is first opened (a link with
// `inspect` opens it), so the page's start-up does no work for it.
export class InspectorView {
  #panel = byId<HTMLDetailsElement>('inspectorPanel');
  #select = byId<HTMLSelectElement>('inspectTarget');
  #last: InspectorInfo | null = null;
  #layers: number[] = [];
  #target: number[] | null = null;
  #listed = '';  // the network and pick the list was built for
  #opened = false;

  constructor(pick: (target: number[] | null) => void, stepBatch: () => void) {
    this.#select.addEventListener('change', () => pick(this.#select.value ? this.#select.value.split(',').map(Number) : null));
    byId('inspectStep').addEventListener('click', stepBatch);
    this.#panel.addEventListener('toggle', () => this.#show());
  }

  // A weight picked in the network: the panel opens beside it, under the network diagram
  // (its place in the extras below the test table is off screen then). With a mouse nothing
  // scrolls (the weight's editing card stays under the pointer); on a touch screen, where the
  // network fills the screen, the page scrolls just enough to show the panel's top, the
  // weight staying in view above it.
  reveal(): void {
    const home = document.querySelector('.column.network');
    if (home && this.#panel.parentElement !== home) {
      home.append(this.#panel);
      this.#panel.classList.add('beside-network');
    }
    this.#panel.open = true;
    if (!matchMedia('(hover: none)').matches) return;
    const top = this.#panel.getBoundingClientRect().top;
    if (top > innerHeight - SHOWN_PX) scrollBy({ top: top - (innerHeight - 2 * SHOWN_PX), behavior: 'auto' });
  }

  // The network's shape (units per layer, inputs first) and the picked weight.
  setNetwork(layers: number[], target: number[] | null): void {
    this.#layers = [...layers];
    this.#target = target;
    if (target && !this.#opened) this.#panel.open = true;  // a link that names a weight opens the panel
    this.#opened ||= target !== null;
    this.#show();
  }

  // Lists the weights (when the network or the pick changed) and draws the last numbers; only while open.
  #show() {
    if (!this.#panel.open) return;
    const layers = this.#layers, target = this.#target;
    const key = layers.join(',') + '|' + (target?.join(',') ?? '');
    if (key !== this.#listed) {
      this.#listed = key;
      const options = [new Option(t('inspectNone'), '')];
      for (let l = 1; l < layers.length; l++) {
        for (let from = 0; from < layers[l - 1]; from++) {
          for (let to = 0; to < layers[l]; to++) options.push(new Option(targetLabel([l - 1, from, to]), `${l - 1},${from},${to}`));
        }
        for (let u = 0; u < layers[l]; u++) options.push(new Option(targetLabel([l - 1, u]), `${l - 1},${u}`));
      }
      this.#select.replaceChildren(...options);
      this.#select.value = target ? target.join(',') : '';
    }
    if (!target) this.#clear();
    else if (this.#select.value === '') {  // a link's (or an old network's) weight that is not here
      this.#clear();
      byId('inspectStatus').textContent = t('inspectGone');
    } else if (this.#last?.target.join(',') === target.join(',')) this.#draw(this.#last);
    else byId('inspectStatus').textContent = t('inspectNoStep');
  }

  // The texts again in the page's (new) language.
  reword(): void {
    this.#listed = '';
    this.#show();
  }

  #clear() {
    this.#last = null;
    byId('inspectValues').replaceChildren();
    byId('inspectFormula').textContent = '';
    byId('inspectStatus').textContent = t('inspectHelp');
    for (const id of ['sparkW', 'sparkG', 'sparkDw']) {
      const c = byId<HTMLCanvasElement>(id);
      c.getContext('2d')!.clearRect(0, 0, c.width, c.height);
    }
  }

  get last(): InspectorInfo | null {
    return this.#last;
  }

  update(info: InspectorInfo): void {
    this.#last = info;
    if (this.#panel.open && this.#select.value !== '' && info.target.join(',') === this.#target?.join(',')) this.#draw(info);
  }

  #draw(info: InspectorInfo) {
    const rows: [string, number][] = [['w', info.w], ['g', info.g]];
    for (const [name, value] of Object.entries(info.after)) rows.push([name, value]);
    if (info.momentumCache !== null) rows.push(['momentum_cache', info.momentumCache]);
    rows.push(['Δw', info.dw]);
    const table = byId('inspectValues');
    table.replaceChildren(...rows.map(([name, value]) => {
      const tr = document.createElement('tr');
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = name;
      const td = document.createElement('td');
      td.textContent = Number.isFinite(value) ? fmt(value) : '—';
      td.dataset.name = name;
      td.dataset.value = String(value);
      tr.append(th, td);
      return tr;
    }));
    if (info.diverged || ![info.w, info.g, info.dw].every(Number.isFinite)) {  // diverged: no step to fill in
      byId('inspectFormula').textContent = '';
      byId('inspectStatus').textContent = `${t('diverged')} — ${t('divergedHelp')}`;
    } else if (info.iterations === 0) {
      byId('inspectFormula').textContent = '';
      byId('inspectStatus').textContent = t('inspectNoStep');
    } else {
      const e = explain(info);
      const formula = byId('inspectFormula');
      formula.textContent = e.lines.join('\n');
      formula.dataset.predicted = String(e.predicted);
      byId('inspectStatus').textContent = `${info.optimizer} · ${t('inspectEngine')} Δw = ${fmt(info.dw)}`;
    }
    spark(byId<HTMLCanvasElement>('sparkW'), 'w', info.history.w, '#1f77b4');
    spark(byId<HTMLCanvasElement>('sparkG'), 'g', info.history.g, '#d62728');
    spark(byId<HTMLCanvasElement>('sparkDw'), 'Δw', info.history.dw, '#2ca02c');
  }
}

// A sparkline of the last batches; its label (and tooltip) gives the range it spans.
function spark(canvas: HTMLCanvasElement, name: string, all: number[], colour: string) {
  const g = canvas.getContext('2d')!;
  const w = canvas.width, h = canvas.height;
  g.clearRect(0, 0, w, h);
  const values = all.filter(Number.isFinite);  // a diverged run's NaNs leave a gap at the end
  canvas.title = values.length ? `${name}: ${fmt(Math.min(...values))} … ${fmt(Math.max(...values))} (${values.length})` : name;
  canvas.setAttribute('aria-label', canvas.title);
  if (values.length === 0) return;
  let lo = Math.min(...values), hi = Math.max(...values);
  if (lo === hi) {
    lo -= 1e-9 + Math.abs(lo) * 0.01;
    hi += 1e-9 + Math.abs(hi) * 0.01;
  }
  const y = (v: number) => h - 2 - ((v - lo) / (hi - lo)) * (h - 4);
  if (lo < 0 && hi > 0) {  // the zero line
    g.strokeStyle = '#ccc';
    g.beginPath();
    g.moveTo(0, y(0));
    g.lineTo(w, y(0));
    g.stroke();
  }
  g.strokeStyle = colour;
  g.lineWidth = 1.5;
  g.beginPath();
  values.forEach((v, i) => {
    const x = values.length === 1 ? w / 2 : (i / (values.length - 1)) * (w - 2) + 1;
    if (i === 0) g.moveTo(x, y(v));
    else g.lineTo(x, y(v));
  });
  g.stroke();
}
