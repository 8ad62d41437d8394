// The worker's pictures over the plot's grid: the model's features there, every neuron's
// thumbnail, one neuron's full grid (the plot while the neuron is hovered), and the
// dataset pickers' thumbnails.
import type { Matrix2D, Nnplay, Sequential } from '../../../bindings/src/index.js';
import { column, gridPoints, thumbnails } from '../grid.js';
import { type FromWorker, GRID, THUMB } from '../protocol.js';
import { classIndices } from './labels.js';

export const GRID_POINTS = gridPoints();

// The grid's points as the given input features (e.g. a setup's, or all seven).
export function featuresOnGrid(nn: Nnplay, features: readonly string[]): Matrix2D {
  return nn.datasets.makeFeatures({ data: GRID_POINTS, shape: [GRID * GRID, 2] }, features);
}

// Every input feature's thumbnail, active or not (the network view shows them all).
export function featureThumbnails(nn: Nnplay): Float32Array {
  return thumbnails(featuresOnGrid(nn, nn.datasets.features).data, nn.datasets.features.length);
}

// Every hidden neuron's thumbnail, layer by layer, from the layers' outputs over the grid.
export function hiddenThumbnails(model: Sequential, outputs: Float32Array[]): Float32Array {
  const hidden = model.layers.slice(0, -1);
  const out = new Float32Array(hidden.reduce((n, l) => n + l.units, 0) * THUMB * THUMB);
  let offset = 0;
  hidden.forEach((layer, l) => {
    thumbnails(outputs[l], layer.units, out, offset);
    offset += layer.units * THUMB * THUMB;
  });
  return out;
}

// One neuron's output over the grid; layer -1: an input feature, by its index among all seven.
export function neuronGrid(nn: Nnplay, model: Sequential, gridFeatures: Matrix2D, layer: number, unit: number): FromWorker & { type: 'neuron' } {
  const all = nn.datasets.features;
  const values = layer < 0
    ? column(featuresOnGrid(nn, all).data, all.length, unit)
    : column(model.layerOutputsView(gridFeatures)[layer], model.layers[layer].units, unit);
  return { type: 'neuron', layer, unit, grid: values };
}

// 200 noise-free points of every dataset (201 for three classes), for the pickers.
export function datasetThumbnails(nn: Nnplay): FromWorker & { type: 'thumbnails' } {
  const sets = nn.datasets.names.map((name) => {
    const d = nn.datasets.generate({ type: name, noise: 0, seed: 1, samples: name === 'gauss3' ? 201 : 200 });
    return { name, points: d.points.data, labels: classIndices(d.labels) };
  });
  return { type: 'thumbnails', sets };
}
