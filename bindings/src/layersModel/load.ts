// nn.loadLayersModel(source): a tfjs LayersModel (files, URL, File objects, a handler or
// artifacts) as an nnplay Sequential, compiled when the file says how. The whole file is
// read and checked first (read.ts); a model that then fails to build is disposed at once.
import type { Engine } from '../engine.mjs';
import { dense } from '../layers.js';
import { Sequential } from '../model.js';
import { makeOptimizer } from '../optimizers.js';
import type { InitializerName } from '../layers.js';
import type { ActivationName, LossName, MetricName } from '../registry.js';
import { loadArtifacts, type LoadSource } from './io.js';
import { readArtifacts } from './read.js';
import { randomSeedNumber } from '../validate.js';
import { noteInitializerJson } from './record.js';

export async function loadLayersModel(engine: Engine, source: LoadSource, options: { seed?: number } = {}): Promise<Sequential> {
  const plan = readArtifacts(await loadArtifacts(source));
  const layers = plan.layers.map((l, i) => dense({
    units: l.units,
    activation: l.activation as ActivationName,
    useBias: l.useBias,
    kernelInitializer: l.kernelInitializer as InitializerName,
    biasInitializer: l.biasInitializer as InitializerName,
    ...(l.l1 || l.l2 ? { kernelRegularizer: { l1: l.l1, l2: l.l2 } } : {}),
    ...(i === 0 ? { inputShape: [l.inputDim] as [number] } : {}),
  }));
  const model = new Sequential(engine, layers, options.seed ?? randomSeedNumber());  // sequential()'s seed rule
  try {
    plan.layers.forEach((l, i) => {
      if (l.kernelInitializerJson !== undefined || l.biasInitializerJson !== undefined) noteInitializerJson(model, i, l.kernelInitializerJson, l.biasInitializerJson);
    });
    if (plan.weights) model.setWeights(plan.weights);
    if (plan.compile) {
      const { optimizer, loss, metrics } = plan.compile;
      model.compile({ optimizer: makeOptimizer(optimizer.key, optimizer.options, 'loadLayersModel'), loss: loss as LossName, metrics: metrics as MetricName[] });
    }
  } catch (e) {
    model.dispose();
    throw e;
  }
  return model;
}
