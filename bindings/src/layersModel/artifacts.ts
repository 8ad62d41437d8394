// tfjs' LayersModel file format (tfjs-core io/types): the artifacts a model saves and
// loads, and the model.json that holds them next to one .bin of weights. Engine-free, so
// the page can turn the worker's artifacts into files.

export interface WeightSpec {
  name: string;
  shape: number[];
  dtype: string;           // nnplay writes and reads 'float32'
  group?: string;          // tfjs: 'model' or 'optimizer'
  quantization?: unknown;  // tfjs' quantized weights (not read by nnplay)
}

export interface TrainingConfig {
  loss: string | unknown;
  metrics?: unknown;
  optimizer_config: { class_name: string; config: Record<string, unknown> };
}

export interface ModelArtifacts {
  modelTopology: Record<string, unknown>;
  format?: string;
  generatedBy?: string;
  convertedBy?: string | null;
  weightSpecs?: WeightSpec[];
  weightData?: ArrayBuffer | ArrayBuffer[];
  trainingConfig?: TrainingConfig;
  userDefinedMetadata?: Record<string, unknown>;
}

export interface WeightsManifestGroup {
  paths: string[];
  weights: WeightSpec[];
}

export interface ModelJson {
  modelTopology: Record<string, unknown>;
  format?: string;
  generatedBy?: string;
  convertedBy?: string | null;
  weightsManifest: WeightsManifestGroup[];
  trainingConfig?: TrainingConfig;
  userDefinedMetadata?: Record<string, unknown>;
}

// tfjs' ModelArtifactsInfo, as its save() returns it ({modelArtifactsInfo}).
export interface ModelArtifactsInfo {
  dateSaved: Date;
  modelTopologyType: 'JSON';
  modelTopologyBytes: number;
  weightSpecsBytes: number;
  weightDataBytes: number;
}

export interface SaveResult {
  modelArtifactsInfo: ModelArtifactsInfo;
  files?: string[];  // nnplay: the paths written ('file://') or the names downloaded ('downloads://')
}

const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;

export function joinWeightData(data: ArrayBuffer | ArrayBuffer[] | undefined): ArrayBuffer {
  if (data === undefined) return new ArrayBuffer(0);
  if (!Array.isArray(data)) return data;
  const out = new Uint8Array(data.reduce((n, b) => n + b.byteLength, 0));
  let at = 0;
  for (const b of data) {
    out.set(new Uint8Array(b), at);
    at += b.byteLength;
  }
  return out.buffer;
}

export function artifactsInfo(a: ModelArtifacts): ModelArtifactsInfo {
  return {
    dateSaved: new Date(),
    modelTopologyType: 'JSON',
    modelTopologyBytes: utf8Bytes(JSON.stringify(a.modelTopology)),
    weightSpecsBytes: utf8Bytes(JSON.stringify(a.weightSpecs ?? [])),
    weightDataBytes: joinWeightData(a.weightData).byteLength,
  };
}

// model.json's text for artifacts whose weights are saved as one file at `weightsPath`
// (relative to model.json: tfjs' 'weights.bin' for files, './NAME.weights.bin' for downloads).
export function modelJsonText(a: ModelArtifacts, weightsPath: string): string {
  const json: ModelJson = {
    modelTopology: a.modelTopology,
    format: a.format,
    generatedBy: a.generatedBy,
    convertedBy: a.convertedBy ?? null,
    weightsManifest: [{ paths: [weightsPath], weights: a.weightSpecs ?? [] }],
    ...(a.trainingConfig ? { trainingConfig: a.trainingConfig } : {}),
    ...(a.userDefinedMetadata ? { userDefinedMetadata: a.userDefinedMetadata } : {}),
  };
  return JSON.stringify(json);
}

// The file names tfjs' 'downloads://NAME' saves: NAME.json and NAME.weights.bin.
export function downloadNames(name: string): { json: string; weights: string } {
  const base = name === '' ? 'model' : name;
  return { json: `${base}.json`, weights: `${base}.weights.bin` };
}
