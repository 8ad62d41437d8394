// What a model file needs that the engine does not keep: each layer's initializers and
// regularizer as built, and the compile() arguments. Kept beside the model (a WeakMap), so
// that model.ts only reports them (add / compile) and the file code stays here.
import type { EngineDenseConfig } from '../engine.mjs';

export interface LayerRecord {
  config: Required<Pick<EngineDenseConfig, 'units' | 'activation' | 'useBias' | 'l1' | 'l2' | 'inputDim'>> & {
    kernelInitializer?: string;
    biasInitializer?: string;
  };
  // A loaded file's initializer configs that nnplay does not run but keeps, to write them back
  // unchanged (the weights came with the file, so nnplay never had to draw them).
  kernelInitializerJson?: unknown;
  biasInitializerJson?: unknown;
}

export interface CompileRecord {
  loss: string;
  metrics: string[];
}

interface ModelRecord {
  layers: LayerRecord[];
  compiled: CompileRecord | null;
}

const records = new WeakMap<object, ModelRecord>();

function recordOf(model: object): ModelRecord {
  let r = records.get(model);
  if (!r) records.set(model, (r = { layers: [], compiled: null }));
  return r;
}

export function noteLayer(model: object, config: EngineDenseConfig): void {
  recordOf(model).layers.push({
    config: {
      units: config.units,
      activation: config.activation ?? 'linear',
      useBias: config.useBias ?? true,
      l1: config.l1 ?? 0,
      l2: config.l2 ?? 0,
      inputDim: config.inputDim ?? 0,
      kernelInitializer: config.kernelInitializer,
      biasInitializer: config.biasInitializer,
    },
  });
}

export function noteCompile(model: object, loss: string, metrics: string[]): void {
  recordOf(model).compiled = { loss, metrics: [...metrics] };
}

// A loaded layer's initializer configs kept verbatim (see LayerRecord).
export function noteInitializerJson(model: object, layer: number, kernel: unknown, bias: unknown): void {
  const l = recordOf(model).layers[layer];
  if (l) Object.assign(l, { kernelInitializerJson: kernel, biasInitializerJson: bias });
}

export function layerRecords(model: object): readonly LayerRecord[] {
  return recordOf(model).layers;
}

export function compileRecord(model: object): CompileRecord | null {
  return recordOf(model).compiled;
}
