// What the page needs to know of new data and a new network: the points and their labels
// (for the plot), the layer sizes, the output activation and the loss's notes.
import type { Nnplay, TrainingSetup } from '../../../bindings/src/index.js';
import type { PreparedData } from '../../../bindings/src/playgroundEngine.js';
import type { DataInfo } from '../protocol.js';
import { featureThumbnails } from './grids.js';
import { pointClasses } from './labels.js';

export function dataInfo(nn: Nnplay, setup: TrainingSetup, data: PreparedData): DataInfo {
  const labels = (y: PreparedData['train']['y']) => (setup.classes ? pointClasses(y) : y.data.slice());
  return {
    type: 'data',
    train: { points: data.train.points.data.slice(), labels: labels(data.train.y) },
    valid: { points: data.valid.points.data.slice(), labels: labels(data.valid.y) },
    classes: setup.classes,
    features: [...setup.features],
    inputThumbs: featureThumbnails(nn),
    layers: [setup.features.length, ...setup.hidden, setup.outputUnits],
    outputActivation: setup.outputActivation,
    notes: setup.noteMessages,
    loss: setup.loss,
  };
}
