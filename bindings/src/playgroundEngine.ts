// The engine's part of a playground run: the seeds, the data, the test points and the
// compiled model for a plan (playground.ts holds the rule itself).
import type { Engine, Matrix2D } from './engine.mjs';
import { Sequential } from './model.js';
import { convertLabels, type CustomData, customClassCount, layersFor, type RunPlan, plan } from './playground.js';
import type { PlaygroundState } from './state.js';

// A plan and its seeds: what the engine needs to make the data and the model.
export interface TrainingSetup extends RunPlan {
  dataSeed: number;
  splitSeed: number;
  modelSeed: number;
}

// Three seeds from the one seed string, so that data, split and weights do not share a stream.
// 'weightsSeed', when set, replaces the weights' seed (the page's "new weights").
function seeds(engine: Engine, seed: string, weightsSeed: number | null) {
  const h = engine.seedFromString(seed) >>> 0;
  return { dataSeed: h, splitSeed: (h ^ 0x9e3779b9) >>> 0, modelSeed: weightsSeed ?? (h ^ 0x85ebca6b) >>> 0 };
}

// The plan plus the seeds the engine derives from the state's seed string.
export function setup(engine: Engine, s: PlaygroundState, custom?: CustomData): TrainingSetup {
  return { ...plan(s, customClassCount(custom)), ...seeds(engine, s.seed, s.weightsSeed) };
}

export interface PreparedData {
  points: Matrix2D;  // all points, before the split
  train: { points: Matrix2D; x: Matrix2D; y: Matrix2D };
  valid: { points: Matrix2D; x: Matrix2D; y: Matrix2D };
}

// Labels of own data as the generators give them: ±1 for two classes, one-hot for three.
function customLabels(custom: CustomData, classes: number): Matrix2D {
  const n = custom.classes.length;
  if (classes === 2) return { data: custom.classes.map((c) => (c > 0 ? 1 : -1)), shape: [n, 1] };
  const data = new Float32Array(n * 3);
  custom.classes.forEach((c, i) => (data[i * 3 + c] = 1));
  return { data, shape: [n, 3] };
}

function empty(cols: number): Matrix2D {
  return { data: new Float32Array(0), shape: [0, cols] };
}

export function prepareData(engine: Engine, setup: TrainingSetup, custom?: CustomData): PreparedData {
  let d: { points: Matrix2D; labels: Matrix2D };
  if (setup.dataset === 'custom') {
    const n = custom?.classes.length ?? 0;
    if (n < 2) {  // nothing to split yet: the page waits for points
      const none = { points: empty(2), x: empty(setup.features.length), y: empty(setup.outputUnits) };
      return { points: custom?.points ? { data: custom.points, shape: [n, 2] } : empty(2), train: none, valid: none };
    }
    d = { points: { data: custom!.points, shape: [n, 2] }, labels: customLabels(custom!, setup.classes) };
  } else {
    d = engine.generateDataset(setup.dataset, setup.noise, setup.dataSeed, 0);
  }
  const s = engine.splitDataset(d.points, convertLabels(d.labels, setup), setup.trainingRatio, setup.splitSeed);
  return {
    points: d.points,
    train: { points: s.xTrain, x: engine.makeFeatures(s.xTrain, setup.features), y: s.yTrain },
    valid: { points: s.xValid, x: engine.makeFeatures(s.xValid, setup.features), y: s.yValid },
  };
}

// Fresh points of the same dataset (the tutorial's step 8), with features and labels.
export function testData(engine: Engine, setup: TrainingSetup, seed: number, samples = 0) {
  const d = engine.generateDataset(setup.dataset, setup.noise, seed >>> 0, samples);
  return { points: d.points, x: engine.makeFeatures(d.points, setup.features), y: convertLabels(d.labels, setup) };
}

export function buildModel(engine: Engine, setup: TrainingSetup): Sequential {
  const model = new Sequential(engine, layersFor(setup), setup.modelSeed);
  model.compile({ optimizer: setup.optimizer, loss: setup.loss, metrics: setup.metrics });
  return model;
}
