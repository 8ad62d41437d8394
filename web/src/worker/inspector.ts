// The optimizer inspector's side in the worker: follows one weight (or bias) through
// training, batch by batch — its value, gradient, update and the optimizer's slots before
// and after each step — and keeps the last HISTORY batches for the sparklines.
import type { Sequential } from '../../../bindings/src/index.js';
import type { InspectorInfo } from '../protocol.js';

const HISTORY = 100;

export class Inspector {
  #target: number[] | null = null;
  #w: number[] = [];
  #g: number[] = [];
  #dw: number[] = [];
  #before: Record<string, number> = {};
  #after: Record<string, number> = {};

  get active(): boolean {
    return this.#target !== null;
  }

  // A new weight to follow (or null); its history starts afresh.
  setTarget(target: number[] | null): void {
    this.#target = target && (target.length === 2 || target.length === 3) ? [...target] : null;
    this.clear();
  }

  clear(): void {
    this.#w = [];
    this.#g = [];
    this.#dw = [];
    this.#before = {};
    this.#after = {};
  }

  // Call before a batch: remembers the slots the step will start from.
  beforeBatch(model: Sequential): void {
    const read = this.#read(model);
    if (read) this.#before = read.slots;
  }

  // Call after a batch: records the step.
  afterBatch(model: Sequential): void {
    const read = this.#read(model);
    if (!read) return;
    this.#after = read.slots;
    this.#w.push(read.w);
    this.#g.push(read.g);
    this.#dw.push(read.dw);
    for (const list of [this.#w, this.#g, this.#dw]) if (list.length > HISTORY) list.shift();
  }

  info(model: Sequential): InspectorInfo | null {
    const read = this.#read(model);
    if (!read || !this.#target) return null;
    const optimizer = model.optimizer;
    const config = optimizer.config;
    const cache = optimizer.getWeights().find((w) => w.name.endsWith('/momentum_cache:0'));
    return {
      type: 'inspector',
      target: this.#target,
      optimizer: String(config.name),
      config,
      iterations: optimizer.iterations,
      w: read.w,
      g: read.g,
      dw: read.dw,
      before: this.#before,
      after: Object.keys(this.#after).length ? this.#after : read.slots,
      momentumCache: cache ? cache.data[0] : null,
      history: { w: [...this.#w], g: [...this.#g], dw: [...this.#dw] },
      diverged: false,
    };
  }

  // The target's numbers now, or null when the network has no such weight.
  #read(model: Sequential): { w: number; g: number; dw: number; slots: Record<string, number> } | null {
    const t = this.#target;
    if (!t) return null;
    const layers = model.layers;
    const [layer, a, b] = t;
    if (layer >= layers.length) return null;
    const bias = t.length === 2;
    const units = layers[layer].units;
    if (bias ? a >= units : a >= layers[layer].inputDim || b >= units) return null;
    const index = bias ? a : a * units + b;
    const s = model.optimizer.slots(layer, bias ? 'bias' : 'kernel');
    const slots: Record<string, number> = {};
    for (const [name, values] of Object.entries(s.slots)) slots[name] = values[index];
    return { w: s.weight[index], g: s.gradient[index], dw: s.update[index], slots };
  }
}
