// Where model files go and come from, named as tfjs names them: 'file://DIR' (Node),
// 'downloads://NAME' (a browser page), an http(s) URL, File objects (model.json and its
// .bin, from a file input or a drop), an IO handler ({save} / {load}), or the artifacts.
import { artifactsInfo, downloadNames, joinWeightData, type ModelArtifacts, type ModelJson, modelJsonText, type SaveResult } from './artifacts.js';
import { describeJson } from './kerasNames.js';

export interface SaveHandler {
  save(artifacts: ModelArtifacts): Promise<unknown> | unknown;
}
export interface LoadHandler {
  load(): Promise<ModelArtifacts> | ModelArtifacts;
}
export type SaveTarget = string | SaveHandler;
export type LoadSource = string | LoadHandler | ModelArtifacts | ArrayLike<Blob & { name?: string }>;

const FILE = 'file://';
const DOWNLOADS = 'downloads://';
const WEIGHTS_FILE = 'weights.bin';  // tfjs-node's name beside model.json
// Weights files larger than this are refused before they are read (nnplay's largest layer
// holds 64 MiB of weights; a file of gigabytes would only exhaust the memory first).
export const MAX_WEIGHTS_FILE_BYTES = 2 ** 30;
const tooLarge = (name: string, bytes: number) =>
  new Error(`loadLayersModel: the weights file ${JSON.stringify(name)} has ${bytes} bytes; nnplay reads weights files up to ${MAX_WEIGHTS_FILE_BYTES} bytes (1 GiB)`);

type NodeFs = typeof import('node:fs/promises');
type NodePath = typeof import('node:path');
// Node's fs without a static import, so that the module still loads in browsers and bundles.
async function nodeModule<T>(name: string): Promise<T> {
  const proc = (globalThis as { process?: { getBuiltinModule?: (n: string) => unknown; versions?: { node?: string } } }).process;
  if (!proc?.versions?.node) throw new Error(`'file://' paths need Node; in a browser use 'downloads://NAME' or File objects`);
  const builtin = proc.getBuiltinModule?.(name);  // Node 20.16+
  if (builtin) return builtin as T;
  // Older Node: an import() that bundlers cannot see (they would try to bundle node:fs).
  return (await (new Function('s', 'return import(s)') as (s: string) => Promise<unknown>)(name)) as T;
}

export async function saveArtifacts(artifacts: ModelArtifacts, target: unknown): Promise<SaveResult | unknown> {
  if (typeof target === 'string') {
    if (target.startsWith(FILE)) return saveToFiles(artifacts, target.slice(FILE.length));
    if (target.startsWith(DOWNLOADS)) return saveToDownloads(artifacts, target.slice(DOWNLOADS.length));
    throw new Error(`save: target ${JSON.stringify(target)} is not supported; use 'file://DIR' (Node), 'downloads://NAME' (a browser page), a handler {save(artifacts)}, or nothing for the artifacts`);
  }
  if (typeof target === 'object' && target !== null && typeof (target as SaveHandler).save === 'function') {
    return (target as SaveHandler).save(artifacts);
  }
  throw new Error(`save: target ${describeJson(target)} is not supported; use 'file://DIR', 'downloads://NAME', a handler {save(artifacts)}, or nothing for the artifacts`);
}

// tfjs-node's layout: DIR/model.json and DIR/weights.bin ('file://DIR/NAME.json' names the JSON).
async function saveToFiles(artifacts: ModelArtifacts, path: string): Promise<SaveResult> {
  const fs = await nodeModule<NodeFs>('node:fs/promises');
  const p = await nodeModule<NodePath>('node:path');
  if (path === '') throw new Error("save: 'file://' needs a directory, e.g. 'file://./my-model'");
  const json = path.endsWith('.json') ? path : p.join(path, 'model.json');
  const dir = p.dirname(json);
  const weights = p.join(dir, WEIGHTS_FILE);
  try {
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(weights, new Uint8Array(joinWeightData(artifacts.weightData)));
    await fs.writeFile(json, modelJsonText(artifacts, WEIGHTS_FILE));
  } catch (e) {
    throw new Error(`save: could not write ${JSON.stringify(json)}: ${(e as Error).message}`);
  }
  return { modelArtifactsInfo: artifactsInfo(artifacts), files: [json, weights] };
}

// tfjs' browserDownloads: NAME.json and NAME.weights.bin, one click each.
async function saveToDownloads(artifacts: ModelArtifacts, name: string): Promise<SaveResult> {
  const doc = (globalThis as { document?: Document }).document;
  if (!doc) throw new Error("save: 'downloads://' needs a browser page (a document); in Node use 'file://DIR', in a worker save() without a target and post the artifacts");
  const names = downloadNames(name);
  const click = (fileName: string, blob: Blob) => {
    const a = doc.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = fileName;
    a.dispatchEvent(new MouseEvent('click'));
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);  // after the browser has started the download
  };
  click(names.json, new Blob([modelJsonText(artifacts, `./${names.weights}`)], { type: 'application/json' }));
  await new Promise((r) => setTimeout(r, 0));  // Firefox keeps only the last of two synchronous downloads
  click(names.weights, new Blob([joinWeightData(artifacts.weightData)], { type: 'application/octet-stream' }));
  return { modelArtifactsInfo: artifactsInfo(artifacts), files: [names.json, names.weights] };
}

// ---- loading
export async function loadArtifacts(source: unknown): Promise<ModelArtifacts> {
  if (typeof source === 'string') {
    if (source.startsWith(FILE)) return fromFiles(source.slice(FILE.length));
    return fromUrl(source);
  }
  if (isFileList(source)) return fromBlobs(Array.from(source));
  if (typeof source === 'object' && source !== null) {
    if (typeof (source as LoadHandler).load === 'function') return (source as LoadHandler).load();
    if (['modelTopology', 'weightSpecs', 'weightData', 'format'].some((k) => k in source)) return source as ModelArtifacts;
  }
  throw new Error(`loadLayersModel: source ${describeJson(source)} is not supported; use 'file://…/model.json' (Node), a URL, File objects (model.json and its .bin), a handler {load()}, or artifacts {modelTopology, weightSpecs, weightData}`);
}

function isFileList(v: unknown): v is ArrayLike<Blob & { name?: string }> {
  if (typeof Blob === 'undefined' || typeof v !== 'object' || v === null || typeof (v as ArrayLike<unknown>).length !== 'number') return false;
  const list = Array.from(v as ArrayLike<unknown>);
  return list.length > 0 && list.every((f) => f instanceof Blob);
}

function parseModelJson(text: string, where: string): ModelJson {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`loadLayersModel: ${where} is not JSON (${(e as Error).message})`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error(`loadLayersModel: ${where} is not a model.json object`);
  const m = json as ModelJson;
  for (const key of ['modelTopology', 'weightsManifest'] as const) {
    if (m[key] === undefined || m[key] === null) throw new Error(`loadLayersModel: ${where} has no '${key}' (a tfjs LayersModel model.json has modelTopology and weightsManifest)`);
  }
  if (!Array.isArray(m.weightsManifest) || m.weightsManifest.some((g) => typeof g !== 'object' || g === null || !Array.isArray(g.paths) || !Array.isArray(g.weights))) {
    throw new Error(`loadLayersModel: ${where}'s weightsManifest must be a list of {paths, weights}`);
  }
  return m;
}

// The artifacts of a model.json whose weight files are fetched by `read` (by manifest path).
async function withWeights(m: ModelJson, read: (path: string) => Promise<ArrayBuffer>): Promise<ModelArtifacts> {
  const buffers: ArrayBuffer[] = [];
  for (const group of m.weightsManifest) for (const path of group.paths) buffers.push(await read(path));
  const { weightsManifest, ...rest } = m;
  return { ...rest, weightSpecs: weightsManifest.flatMap((g) => g.weights), weightData: joinWeightData(buffers) };
}

async function fromFiles(path: string): Promise<ModelArtifacts> {
  const fs = await nodeModule<NodeFs>('node:fs/promises');
  const p = await nodeModule<NodePath>('node:path');
  const json = path.endsWith('.json') ? path : p.join(path, 'model.json');
  const read = async (file: string, what: string) => {
    try {
      return await fs.readFile(file);
    } catch (e) {
      throw new Error(`loadLayersModel: cannot read ${what} ${JSON.stringify(file)}: ${(e as Error).message}`);
    }
  };
  const m = parseModelJson((await read(json, 'model.json')).toString('utf8'), JSON.stringify(json));
  return withWeights(m, async (rel) => {
    const file = p.join(p.dirname(json), rel);
    const size = await fs.stat(file).then((st) => st.size, () => 0);
    if (size > MAX_WEIGHTS_FILE_BYTES) throw tooLarge(file, size);
    const b = await read(file, 'the weights file');
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  });
}

async function fromUrl(url: string): Promise<ModelArtifacts> {
  const base = typeof location !== 'undefined' ? location.href : undefined;
  let at: URL;
  try {
    at = new URL(url, base);
  } catch {
    throw new Error(`loadLayersModel: ${JSON.stringify(url)} is neither 'file://…' nor a URL`);
  }
  const get = async (u: URL) => {
    const r = await fetch(u);
    if (!r.ok) throw new Error(`loadLayersModel: ${u.href} answered ${r.status} ${r.statusText}`);
    return r;
  };
  const m = parseModelJson(await (await get(at)).text(), at.href);
  return withWeights(m, async (rel) => (await get(new URL(rel, at))).arrayBuffer());
}

// model.json and the .bin files its manifest names (matched by base name, as tfjs' browserFiles).
async function fromBlobs(files: (Blob & { name?: string })[]): Promise<ModelArtifacts> {
  const jsons = files.filter((f) => (f.name ?? '').toLowerCase().endsWith('.json'));
  if (jsons.length !== 1) {
    throw new Error(`loadLayersModel: expected one model.json among the files, got ${jsons.length === 0 ? 'none' : jsons.map((f) => f.name).join(', ')}`);
  }
  const m = parseModelJson(await jsons[0].text(), jsons[0].name ?? 'model.json');
  const base = (path: string) => path.split('/').pop() ?? path;
  return withWeights(m, async (path) => {
    const file = files.find((f) => f.name === base(path));
    if (!file) throw new Error(`loadLayersModel: ${jsons[0].name} needs the weights file '${base(path)}'; choose it together with the model.json`);
    if (file.size > MAX_WEIGHTS_FILE_BYTES) throw tooLarge(file.name ?? path, file.size);
    return file.arrayBuffer();
  });
}
