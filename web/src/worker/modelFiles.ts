// The page's model as tfjs LayersModel files, and files chosen or dropped on the page read
// back: the worker saves and loads (the module's model.save / nn.loadLayersModel); the page
// downloads the files and applies a fitting model's shape to its state, then its weights.
import type { Nnplay, PlaygroundState, Sequential } from '../../../bindings/src/index.js';
import { modelJsonText, downloadNames } from '../../../bindings/src/layersModel/artifacts.js';
import { message } from '../../../bindings/src/messages.js';
import { modelFit } from '../modelFit.js';
import type { FromWorker } from '../protocol.js';

export const MODEL_FILE_NAME = 'nnplay-model';  // as tfjs' 'downloads://nnplay-model': .json + .weights.bin

export async function savedModel(model: Sequential): Promise<FromWorker & { type: 'modelSaved' }> {
  const artifacts = await model.save();
  const names = downloadNames(MODEL_FILE_NAME);
  return {
    type: 'modelSaved',
    json: { name: names.json, text: modelJsonText(artifacts, `./${names.weights}`) },
    weights: { name: names.weights, data: artifacts.weightData as ArrayBuffer },
  };
}

export async function loadedModel(nn: Nnplay, files: File[], state: PlaygroundState, customClasses?: 2 | 3): Promise<FromWorker & { type: 'modelLoaded' }> {
  let model: Sequential;
  try {
    model = await nn.loadLayersModel(files);
  } catch (e) {
    return { type: 'modelLoaded', ok: false, why: message('model.unreadable', { reason: (e as Error).message.replace(/^loadLayersModel: /, '') }) };
  }
  try {
    const fit = modelFit(model.layers, state, customClasses);
    if (!fit.ok) return { type: 'modelLoaded', ok: false, why: fit.why };
    const file = files.find((f) => f.name.endsWith('.json'))?.name ?? 'model.json';
    const weights = model.getWeights().map((w) => ({ shape: w.shape, data: w.data }));
    return { type: 'modelLoaded', ok: true, changes: fit.changes, weights, done: message('model.loaded', { file, ...fit.summary }) };
  } finally {
    model.dispose();
  }
}
