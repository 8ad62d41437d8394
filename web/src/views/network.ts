// The network: input features (click to use one), hidden layers with a thumbnail of every
// neuron's output (hover shows it large), weight lines whose width and colour follow the
// weight, bias squares, and a hover card that edits a weight or bias on click. Weights are
// one keyboard stop (arrow keys move between them, Enter edits); a card closes when the
// pointer or the focus leaves what it is about.
import { findFeature } from '../../../bindings/src/registry.js';
import { FEATURE_KEYS, MAX_NEURONS, type PlaygroundState } from '../../../bindings/src/state.js';
import { t } from '../i18n/index.js';
import { touchInput } from './inputWords.js';
import { unitForColour } from '../outputRange.js';
import { THUMB } from '../protocol.js';
import type { ColourScale } from './colors.js';
import { OnScreen } from './onScreen.js';

const SVG = 'http://www.w3.org/2000/svg';

export interface NetworkEvents {
  toggleFeature(feature: string): void;
  setLayers(shape: number[]): void;
  hoverNeuron(layer: number | null, unit: number): void;  // layer -1: an input feature; null: none
  editWeight(layer: number, from: number, to: number, value: number): void;
  editBias(layer: number, unit: number, value: number): void;
  pick(target: number[]): void;  // the optimizer inspector's weight: [layer, from, to] or [layer, unit]
}

interface Link {
  layer: number;
  from: number;
  to: number;
  path: SVGPathElement;
  hit: SVGPathElement;
}

export class NetworkView {
  #root: HTMLElement;
  #svg: SVGSVGElement;
  #card: HTMLElement;
  #events: NetworkEvents;
  #structure = '';
  #canvases: HTMLCanvasElement[][] = [];  // [layer][unit], layer 0 = inputs (active ones)
  #biases: HTMLElement[][] = [];          // [layer][unit] for layers 1..
  #links: Link[] = [];
  #weights: Float32Array[] = [];
  #biasValues: Float32Array[] = [];
  #activeFeatures: string[] = [];
  #inputThumbs: Float32Array | null = null;
  #cardAnchor: Element | null = null;
  #closeTimer: number | undefined;

  constructor(root: HTMLElement, svg: SVGSVGElement, card: HTMLElement, events: NetworkEvents) {
    this.#root = root;
    this.#onScreen = new OnScreen(root, () => {
      if (this.#stale) this.#paint();
    });
    this.#svg = svg;
    this.#card = card;
    this.#events = events;
    new ResizeObserver(() => this.#layoutLinks()).observe(root);
    svg.removeAttribute('aria-hidden');  // the weights are reachable (by keyboard and screen readers)
    svg.setAttribute('role', 'group');
    card.addEventListener('mouseenter', () => clearTimeout(this.#closeTimer));
    card.addEventListener('mouseleave', () => this.#closeSoon());
    card.addEventListener('focusout', (e) => {
      if (!card.contains(e.relatedTarget as Node) && e.relatedTarget !== this.#cardAnchor) this.#closeSoon();
    });
  }

  // The next setStructure rebuilds the DOM (e.g. for another language).
  invalidate(): void {
    this.#structure = '';
  }

  // Rebuilds the DOM when the shape or the features change.
  setStructure(state: PlaygroundState, outputUnits: number): void {
    const visible = FEATURE_KEYS.filter((f) => !state.hide.includes(f));
    const active = FEATURE_KEYS.filter((f) => state[f]);
    const key = JSON.stringify([visible, active, state.networkShape, outputUnits, state.hide]);
    if (key === this.#structure) return;
    this.#structure = key;
    this.#activeFeatures = active.length ? active : ['x', 'y'];
    const layers = this.#root.querySelector('.layers')!;
    layers.replaceChildren();
    this.#canvases = [];
    this.#biases = [];

    // inputs
    const inputCol = column('inputs');
    const inputCanvases: HTMLCanvasElement[] = [];
    const title = document.createElement('div');
    title.className = 'layer-title';
    title.textContent = t('inputLayer');
    inputCol.append(title);
    for (const f of visible) {
      const on = this.#activeFeatures.includes(f);
      const node = document.createElement('button');
      node.type = 'button';
      node.className = `node input ui-${f}${on ? ' active' : ''}`;
      node.setAttribute('aria-pressed', String(on));
      node.setAttribute('aria-label', `${findFeature(f)!.label} (${f})`);
      const canvas = thumbCanvas();
      canvas.dataset.feature = f;
      node.append(canvas, label(findFeature(f)!.label));
      node.addEventListener('click', () => this.#events.toggleFeature(f));
      node.addEventListener('mouseenter', () => this.#events.hoverNeuron(-1, FEATURE_KEYS.indexOf(f)));
      node.addEventListener('mouseleave', () => this.#events.hoverNeuron(null, 0));
      inputCol.append(node);
      if (on) inputCanvases.push(canvas);
    }
    this.#canvases.push(inputCanvases);
    layers.append(inputCol);

    // hidden layers and the output
    const sizes = [...state.networkShape, outputUnits];
    sizes.forEach((units, l) => {
      const output = l === sizes.length - 1;
      const col = column(output ? 'output-layer' : 'hidden');
      const head = document.createElement('div');
      head.className = `layer-title ui-numNodes${l + 1}`;
      if (!output) {
        const plus = smallButton('+', t('addNeuron'), () => this.#resize(state, l, +1));
        const minus = smallButton('−', t('removeNeuron'), () => this.#resize(state, l, -1));
        plus.disabled = units >= MAX_NEURONS;
        minus.disabled = units <= 1;
        const count = document.createElement('span');
        count.className = 'count';
        count.textContent = `${units} ${t('neurons')}`;
        head.append(plus, minus, count);
      } else {
        head.textContent = t('outputLayer');
      }
      col.append(head);
      const canvases: HTMLCanvasElement[] = [];
      const biases: HTMLElement[] = [];
      for (let u = 0; u < units; u++) {
        const node = document.createElement('div');
        node.className = 'node';
        node.tabIndex = 0;
        node.setAttribute('role', 'img');
        node.setAttribute('aria-label', `${output ? t('outputLayer') : t('hiddenLayers')} ${l + 1}, ${u + 1}`);
        const canvas = thumbCanvas();
        const bias = document.createElement('div');
        bias.className = 'bias';
        bias.tabIndex = 0;
        bias.setAttribute('role', 'button');
        bias.setAttribute('aria-label', `${t('bias')} ${l + 1}, ${u + 1}`);
        bias.addEventListener('mouseenter', () => this.#showCard(bias, 'bias', l, u, 0));
        bias.addEventListener('focus', () => this.#showCard(bias, 'bias', l, u, 0));
        bias.addEventListener('mouseleave', () => this.#closeSoon());
        bias.addEventListener('blur', (e) => this.#leftAnchor(e));
        // A click both opens the editing card and picks the bias for the optimizer inspector.
        bias.addEventListener('click', (e) => {
          e.stopPropagation();
          this.#edit(bias, 'bias', l, u, 0);
          this.#events.pick([l, u]);
        });
        bias.addEventListener('keydown', (e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            this.#edit(bias, 'bias', l, u, 0);
            this.#events.pick([l, u]);
          }
        });
        node.append(canvas);
        node.addEventListener('mouseenter', () => this.#events.hoverNeuron(l, u));
        node.addEventListener('mouseleave', () => this.#events.hoverNeuron(null, 0));
        node.addEventListener('focus', () => this.#events.hoverNeuron(l, u));  // the keyboard's hover
        node.addEventListener('blur', () => this.#events.hoverNeuron(null, 0));
        const neuron = document.createElement('div');  // the bias button beside the node, not inside it
        neuron.className = 'neuron';
        neuron.append(node, bias);
        col.append(neuron);
        canvases.push(canvas);
        biases.push(bias);
      }
      this.#canvases.push(canvases);
      this.#biases.push(biases);
      layers.append(col);
    });
    this.#buildLinks();
    this.#scheduleLayout();
    if (this.#inputThumbs) this.setInputThumbs(this.#inputThumbs);
  }

  #resize(state: PlaygroundState, layer: number, delta: number) {
    const shape = [...state.networkShape];
    shape[layer] = Math.max(1, Math.min(MAX_NEURONS, shape[layer] + delta));
    this.#events.setLayers(shape);
  }

  #buildLinks() {
    this.#svg.replaceChildren();
    this.#svg.setAttribute('aria-label', t('weight'));  // rebuilt with the language
    this.#links = [];
    for (let l = 1; l < this.#canvases.length; l++) {
      for (let from = 0; from < this.#canvases[l - 1].length; from++) {
        for (let to = 0; to < this.#canvases[l].length; to++) {
          const path = document.createElementNS(SVG, 'path');
          path.setAttribute('class', 'link');
          const hit = document.createElementNS(SVG, 'path');
          hit.setAttribute('class', 'link-hover');
          hit.setAttribute('role', 'button');
          hit.setAttribute('tabindex', this.#links.length === 0 ? '0' : '-1');  // one tab stop for all weights
          hit.setAttribute('aria-label', `${t('weightLink')} ${l}: ${from + 1} → ${to + 1}`);
          const link = { layer: l - 1, from, to, path, hit };
          const index = this.#links.length;
          hit.addEventListener('mouseenter', () => this.#showCard(hit, 'weight', l - 1, from, to));
          hit.addEventListener('mouseleave', () => this.#closeSoon());
          hit.addEventListener('focus', () => this.#showCard(hit, 'weight', l - 1, from, to));
          hit.addEventListener('blur', (e) => this.#leftAnchor(e));
          // A click both opens the editing card and picks the weight for the optimizer inspector.
          hit.addEventListener('click', () => {
            this.#edit(hit, 'weight', l - 1, from, to);
            this.#events.pick([l - 1, from, to]);
          });
          hit.addEventListener('keydown', (e) => this.#weightKey(e, index));
          this.#svg.append(path, hit);
          this.#links.push(link);
        }
      }
    }
  }

  // Once per frame, at its rendering step: structure changes come in bursts at start-up, and
  // laying the page out in the middle of a script is paid again at the frame.
  #layoutPending = false;
  #scheduleLayout() {
    if (this.#layoutPending) return;
    this.#layoutPending = true;
    requestAnimationFrame(() => {
      this.#layoutPending = false;
      this.#layoutLinks();
    });
  }

  // Every position is read before anything is written: a write between two reads would make
  // each read lay out the page again (forced layouts were a large part of start-up).
  #layoutLinks() {
    // relative to the SVG, which scrolls with the layers when a narrow page scrolls them;
    // every layout read before any write (one layout per frame)
    const box = this.#svg.getBoundingClientRect();
    const width = this.#root.scrollWidth, height = this.#root.scrollHeight;
    const ends = this.#links.map((link) => [this.#canvases[link.layer][link.from]?.getBoundingClientRect(), this.#canvases[link.layer + 1][link.to]?.getBoundingClientRect()]);
    this.#svg.setAttribute('width', String(width));
    this.#svg.setAttribute('height', String(height));
    this.#links.forEach((link, i) => {
      const [a, b] = ends[i];
      if (!a || !b) return;
      const x1 = a.right - box.left, y1 = a.top + a.height / 2 - box.top;
      const x2 = b.left - box.left, y2 = b.top + b.height / 2 - box.top;
      const mx = (x1 + x2) / 2;
      const d = `M${x1},${y1} C${mx},${y1} ${mx},${y2} ${x2},${y2}`;
      link.path.setAttribute('d', d);
      link.hit.setAttribute('d', d);
    });
  }

  setInputThumbs(thumbs: Float32Array): void {
    this.#inputThumbs = thumbs;
  }

  // Redraws thumbnails, weights and biases from a snapshot. outputThumbs: one THUMB² block
  // per output unit, in the output activation's range.
  update(thumbs: Float32Array, outputThumbs: Float32Array, outputActivation: string, weights: Float32Array[], biases: Float32Array[], colours: ColourScale, diverged: boolean): void {
    this.#weights = weights;
    this.#biasValues = biases;
    this.#snapshot = { thumbs, outputThumbs, outputActivation, colours, diverged };
    if (this.#onScreen.visible) this.#paint();
    else this.#stale = true;
  }

  // Off-screen, thumbnails and weights are not drawn; the latest snapshot is when the network
  // comes into view.
  #onScreen: OnScreen;
  #stale = false;
  #snapshot: { thumbs: Float32Array; outputThumbs: Float32Array; outputActivation: string; colours: ColourScale; diverged: boolean } | null = null;

  #paint() {
    this.#stale = false;
    if (!this.#snapshot) return;
    const { thumbs, outputThumbs, outputActivation, colours, diverged } = this.#snapshot;
    const weights = this.#weights, biases = this.#biasValues;
    const size = THUMB * THUMB;
    if (this.#inputThumbs) {
      for (const canvas of this.#root.querySelectorAll<HTMLCanvasElement>('canvas[data-feature]')) {
        const f = FEATURE_KEYS.indexOf(canvas.dataset.feature as (typeof FEATURE_KEYS)[number]);
        paintThumb(canvas, this.#inputThumbs.subarray(f * size, (f + 1) * size), 1, colours, false);
      }
    }
    let k = 0;
    for (let l = 1; l < this.#canvases.length - 1; l++) {
      for (const canvas of this.#canvases[l]) {
        paintThumb(canvas, thumbs.subarray(k * size, (k + 1) * size), 1, colours, diverged);
        k++;
      }
    }
    const outputs = this.#canvases[this.#canvases.length - 1];
    outputs.forEach((canvas, u) => {
      const unit = unitForColour(outputThumbs.subarray(u * size, (u + 1) * size), u, outputs.length, outputActivation);
      paintThumb(canvas, unit.values, unit.units, colours, diverged);
    });
    for (const link of this.#links) {
      const w = weights[link.layer]?.[link.from * this.#canvases[link.layer + 1].length + link.to] ?? 0;
      link.path.setAttribute('stroke', colours.css(w));
      link.path.setAttribute('stroke-width', String(Number.isFinite(w) ? Math.min(10, 1 + (Math.abs(w) / 5) * 9) : 1));
    }
    this.#biases.forEach((layer, l) => layer.forEach((el, u) => el.style.setProperty('--bias', colours.css(biases[l]?.[u] ?? 0))));
  }

  #value(kind: 'weight' | 'bias', layer: number, a: number, b: number): number | undefined {
    return kind === 'bias' ? this.#biasValues[layer]?.[a] : this.#weights[layer]?.[a * this.#canvases[layer + 1].length + b];
  }

  // Arrow keys move between the weights (one tab stop), Enter or Space edits one.
  #weightKey(e: KeyboardEvent, index: number) {
    const link = this.#links[index];
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.#edit(link.hit, 'weight', link.layer, link.from, link.to);
      this.#events.pick([link.layer, link.from, link.to]);
      return;
    }
    const step = e.key === 'ArrowDown' || e.key === 'ArrowRight' ? 1 : e.key === 'ArrowUp' || e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = this.#links[(index + step + this.#links.length) % this.#links.length];
    link.hit.setAttribute('tabindex', '-1');
    next.hit.setAttribute('tabindex', '0');
    (next.hit as unknown as HTMLElement).focus();
  }

  #place(anchor: Element) {
    clearTimeout(this.#closeTimer);
    this.#cardAnchor = anchor;
    const card = this.#card;
    card.hidden = false;  // before offsetParent: a hidden element has none
    const parent = (card.offsetParent ?? this.#root).getBoundingClientRect();
    const r = anchor.getBoundingClientRect();
    card.style.left = `${r.left - parent.left + r.width / 2}px`;
    card.style.top = `${r.top - parent.top + r.height / 2}px`;
  }

  // The card for a weight or a bias: its value, and a button that edits it.
  #showCard(anchor: Element, kind: 'weight' | 'bias', layer: number, a: number, b: number) {
    const value = this.#value(kind, layer, a, b);
    if (value === undefined) return;
    if (this.#cardAnchor === anchor && !this.#card.hidden && this.#card.querySelector('input')) return;  // editing it already
    this.#place(anchor);
    const text = document.createElement('span');
    text.textContent = `${kind === 'bias' ? t('bias') : t('weight')}: ${value.toPrecision(2)} `;
    const edit = document.createElement('button');
    edit.type = 'button';
    edit.textContent = t(touchInput() ? 'tapToEdit' : 'clickToEdit');
    edit.addEventListener('click', () => this.#edit(anchor, kind, layer, a, b));
    this.#card.replaceChildren(text, edit);
  }

  // Edits a weight or a bias in place; every keystroke with a number applies it.
  #edit(anchor: Element, kind: 'weight' | 'bias', layer: number, a: number, b: number) {
    const value = this.#value(kind, layer, a, b);
    if (value === undefined) return;
    this.#place(anchor);
    const card = this.#card;
    const input = document.createElement('input');
    input.type = 'number';
    input.step = '0.01';
    input.value = String(Number(value.toPrecision(4)));
    input.setAttribute('aria-label', kind === 'bias' ? t('bias') : t('weight'));
    input.addEventListener('input', () => {
      const v = Number(input.value);
      if (input.value.trim() === '' || !Number.isFinite(v)) return;
      if (kind === 'bias') this.#events.editBias(layer, a, v);
      else this.#events.editWeight(layer, a, b, v);
    });
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === 'Escape') {
        e.preventDefault();
        this.#close();
        (anchor as HTMLElement).focus?.();
      }
    });
    card.replaceChildren(input);
    input.focus();
    const away = (e: Event) => {
      if (!card.contains(e.target as Node) && e.target !== anchor) {
        this.#close();
        document.removeEventListener('pointerdown', away);
      }
    };
    document.addEventListener('pointerdown', away);
  }

  // The pointer left the anchor or the card: close, unless it comes back at once (into the card) or an edit is open.
  #closeSoon() {
    clearTimeout(this.#closeTimer);
    this.#closeTimer = window.setTimeout(() => {
      if (this.#card.matches(':hover') || this.#card.contains(document.activeElement)) return;
      this.#close();
    }, 150);
  }

  #leftAnchor(e: FocusEvent) {
    if (!this.#card.contains(e.relatedTarget as Node)) this.#closeSoon();
  }

  #close() {
    clearTimeout(this.#closeTimer);
    this.#card.hidden = true;
    this.#cardAnchor = null;
  }
}

function column(kind: string): HTMLElement {
  const col = document.createElement('div');
  col.className = `layer ${kind}`;
  return col;
}

function label(text: string): HTMLElement {
  const span = document.createElement('span');
  span.className = 'node-label';
  span.textContent = text;
  return span;
}

function smallButton(text: string, name: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'small-icon';
  b.textContent = text;
  b.setAttribute('aria-label', name);
  b.title = name;
  b.addEventListener('click', onClick);
  return b;
}

function thumbCanvas(): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.width = c.height = THUMB;
  c.className = 'thumb';
  return c;
}

// Each canvas keeps its pixels between snapshots: a new ImageData per thumbnail per frame was
// garbage for the collector to find, mid-frame.
const thumbPixels = new WeakMap<HTMLCanvasElement, ImageData>();

function paintThumb(canvas: HTMLCanvasElement, values: Float32Array, units: number, colours: ColourScale, grey: boolean) {
  const g = canvas.getContext('2d')!;
  let image = thumbPixels.get(canvas);
  if (!image) thumbPixels.set(canvas, (image = g.createImageData(THUMB, THUMB)));
  colours.paint(values, units, image.data, { discretize: false, alpha: 255, grey });
  g.putImageData(image, 0, 0);
}
