// model.save(target): the model as tfjs LayersModel artifacts, written where target says.
import type { Sequential } from '../model.js';
import type { ModelArtifacts, SaveResult } from './artifacts.js';
import { saveArtifacts, type SaveTarget } from './io.js';
import { modelArtifacts } from './write.js';

export async function saveModel(model: Sequential, target?: SaveTarget): Promise<ModelArtifacts | SaveResult> {
  const artifacts = modelArtifacts(model);
  return target === undefined ? artifacts : ((await saveArtifacts(artifacts, target)) as SaveResult);
}
