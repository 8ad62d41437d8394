// tfjs LayersModel artifacts -> what nnplay builds: the Dense layers, their weights (read
// from the little-endian float32 data by the manifest), and the compile() arguments.
// Everything is checked here, before the engine sees anything, so a bad file gets one
// clear error and no model is half built. Engine-free.
import { ACTIVATION_NAMES, findOptimizer, LOSSES, METRIC_SPELLINGS } from '../registry.js';
import type { ModelArtifacts, WeightSpec } from './artifacts.js';
import { joinWeightData } from './artifacts.js';
import { describeJson, initializerName, optimizerFromConfig, regularizerRates } from './kerasNames.js';

// nnplay's limits (README "Limits"; the engine enforces them too).
export const MAX_UNITS = 65_536;
export const MAX_LAYER_WEIGHTS = 16_777_216;

export interface PlannedLayer {
  name: string;  // the file's layer name: its weights are found by it
  units: number;
  activation: string;
  useBias: boolean;
  inputDim: number;
  kernelInitializer: string;
  biasInitializer: string;
  l1: number;
  l2: number;
  kernelInitializerJson?: unknown;  // kept when nnplay does not draw it (the weights came with the file)
  biasInitializerJson?: unknown;
}

export interface LoadPlan {
  layers: PlannedLayer[];
  weights: { name: string; shape: number[]; data: Float32Array }[] | null;  // null: topology only
  compile: { optimizer: { key: string; options: Record<string, number | boolean> }; loss: string; metrics: string[] } | null;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const CALL = 'loadLayersModel';
function fail(what: string): never {
  throw new Error(`${CALL}: ${what}`);
}

// Dense options that change nothing nnplay computes (or that it checks on its own).
const DENSE_KEYS = new Set(['units', 'activation', 'use_bias', 'kernel_initializer', 'bias_initializer', 'kernel_regularizer',
  'bias_regularizer', 'activity_regularizer', 'kernel_constraint', 'bias_constraint', 'name', 'trainable', 'dtype',
  'batch_input_shape', 'batch_size', 'input_dim', 'input_shape', 'lora_rank', 'lora_alpha', 'quantization_config']);
const snake = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

export function readArtifacts(a: unknown): LoadPlan {
  if (!isObject(a)) fail(`expected model artifacts {modelTopology, weightSpecs, weightData}, got ${describeJson(a)}`);
  const artifacts = a as unknown as ModelArtifacts;
  if (!isObject(artifacts.modelTopology)) fail('model.json has no modelTopology (the Keras model config); is this a tfjs LayersModel file?');
  if (artifacts.format !== undefined && artifacts.format !== 'layers-model') {
    fail(`format '${artifacts.format}' is not a LayersModel ('layers-model'); graph models (tf.loadGraphModel) cannot be trained by nnplay`);
  }
  const layers = readTopology(artifacts.modelTopology);
  const weights = artifacts.weightData === undefined && artifacts.weightSpecs === undefined ? null : readWeights(artifacts, layers);
  if (!weights) {
    layers.forEach((l, i) => {
      if (l.kernelInitializerJson !== undefined || l.biasInitializerJson !== undefined) {
        fail(`layer ${i} (Dense): initializer ${describeJson(l.kernelInitializerJson ?? l.biasInitializerJson)} cannot be drawn by nnplay, and the file has no weights`);
      }
    });
  }
  const ud = artifacts.userDefinedMetadata;
  const own = isObject(ud) && isObject(ud.nnplay) ? (ud.nnplay as Json).trainingConfig : undefined;
  // nnplay's own copy has what tfjs' form lacks; it counts while the file's trainingConfig
  // still says the same (a model recompiled in tfjs and saved again keeps the old copy).
  const tc = own !== undefined && agrees(own, artifacts.trainingConfig) ? own : artifacts.trainingConfig;
  return { layers, weights, compile: tc === undefined || tc === null ? null : readTrainingConfig(tc) };
}

function agrees(own: unknown, tc: unknown): boolean {
  if (tc === undefined || tc === null) return true;
  if (!isObject(own) || !isObject(tc)) return false;
  const a = optimizerFromConfig(own.optimizer_config), b = optimizerFromConfig(tc.optimizer_config);
  return typeof a !== 'string' && typeof b !== 'string' && a.key === b.key && a.options.learningRate === b.options.learningRate && snake(String(own.loss)) === snake(String(tc.loss));
}

function readTopology(topology: Json): PlannedLayer[] {
  const model = isObject(topology.model_config) ? topology.model_config : topology;
  if (model.class_name !== 'Sequential') {
    fail(`model class '${String(model.class_name)}' is not supported; nnplay runs Sequential models of Dense layers`);
  }
  const config = model.config;
  const list = Array.isArray(config) ? config : isObject(config) ? config.layers : undefined;
  if (!Array.isArray(list)) fail('modelTopology.config.layers is missing (expected the Sequential\'s list of layers)');
  let inputDim: number | undefined;
  const layers: PlannedLayer[] = [];
  list.forEach((layer: unknown, i: number) => {
    if (!isObject(layer) || !isObject(layer.config)) fail(`layer ${i} is not {class_name, config}: ${describeJson(layer)}`);
    const cls = layer.class_name;
    const c = layer.config as Json;
    if (cls === 'InputLayer' && layers.length === 0 && inputDim === undefined) {
      inputDim = inputDimOf(c, i, 'InputLayer', true);
      return;
    }
    if (cls !== 'Dense') fail(`layer ${i}: layer class '${String(cls)}' is not supported; nnplay runs Dense layers only`);
    layers.push(readDense(c, i, layers.length === 0 ? inputDimOf(c, i, 'Dense', inputDim === undefined) ?? inputDim! : layers[layers.length - 1].units));
  });
  if (layers.length === 0) fail('the model has no Dense layer');
  return layers;
}

// [null, n] from batch_input_shape / batch_shape, or input_dim / input_shape.
function inputDimOf(c: Json, i: number, cls: string, required: boolean): number | undefined {
  const shape = c.batch_input_shape ?? c.batch_shape ?? (Array.isArray(c.input_shape) ? [null, ...(c.input_shape as unknown[])] : c.input_dim !== undefined ? [null, c.input_dim] : undefined);
  if (shape === undefined) {
    if (required) fail(`layer ${i} (${cls}): the first layer needs batch_input_shape [null, inputs]`);
    return undefined;
  }
  if (!Array.isArray(shape) || shape.length !== 2 || !isCount(shape[1], 1, MAX_UNITS)) {
    fail(`layer ${i} (${cls}): batch_input_shape ${JSON.stringify(shape)} is not supported; nnplay takes [null, n] with n from 1 to ${MAX_UNITS}`);
  }
  return shape[1] as number;
}

const isCount = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

function readDense(c: Json, i: number, inputDim: number): PlannedLayer {
  const where = `layer ${i} (Dense${typeof c.name === 'string' ? ` '${c.name}'` : ''})`;
  for (const [k, v] of Object.entries(c)) {
    if (!DENSE_KEYS.has(k) && v !== null && v !== undefined) fail(`${where}: option ${k} ${JSON.stringify(v)} is not supported by nnplay`);
  }
  if (!isCount(c.units, 1, MAX_UNITS)) fail(`${where}: units ${JSON.stringify(c.units)} must be a whole number from 1 to ${MAX_UNITS}`);
  const units = c.units as number;
  if (inputDim * units > MAX_LAYER_WEIGHTS) fail(`${where}: ${inputDim} × ${units} weights; nnplay's limit for one layer is ${MAX_LAYER_WEIGHTS}`);
  const activation = c.activation === undefined || c.activation === null ? 'linear' : c.activation;
  if (typeof activation !== 'string' || !ACTIVATION_NAMES.includes(snake(activation) as never)) {
    fail(`${where}: activation ${describeJson(activation)} is not supported; nnplay runs ${ACTIVATION_NAMES.join(', ')}`);
  }
  const useBias = c.use_bias ?? true;
  if (typeof useBias !== 'boolean') fail(`${where}: use_bias must be true or false, got ${JSON.stringify(useBias)}`);
  for (const k of ['bias_regularizer', 'activity_regularizer', 'kernel_constraint', 'bias_constraint']) {
    if (c[k] !== null && c[k] !== undefined) fail(`${where}: ${k} ${describeJson(c[k])} is not supported; nnplay runs kernel_regularizer only`);
  }
  if (c.trainable === false) fail(`${where}: trainable false (a frozen layer) is not supported`);
  if (c.dtype !== undefined && c.dtype !== null && c.dtype !== 'float32' && !(isObject(c.dtype) && isObject(c.dtype.config) && (c.dtype.config as Json).name === 'float32')) {
    fail(`${where}: dtype ${describeJson(c.dtype)} is not supported; nnplay computes in float32`);
  }
  const reg = regularizerRates(c.kernel_regularizer);
  if (typeof reg === 'string') fail(`${where}: kernel_regularizer ${reg} is not supported; nnplay runs L1L2 {l1, l2}`);
  const kernel = initializerName(c.kernel_initializer, false);
  const bias = initializerName(c.bias_initializer, true);
  return {
    name: typeof c.name === 'string' ? c.name : i === 0 ? 'dense' : `dense_${i}`,
    units,
    activation: snake(activation as string),
    useBias,
    inputDim,
    kernelInitializer: kernel ?? 'glorot_uniform',
    biasInitializer: bias ?? 'zeros',
    l1: (reg as { l1: number }).l1,
    l2: (reg as { l2: number }).l2,
    ...(kernel === null ? { kernelInitializerJson: c.kernel_initializer } : {}),
    ...(bias === null ? { biasInitializerJson: c.bias_initializer } : {}),
  };
}

const BYTES: Record<string, number> = { float32: 4, int32: 4, bool: 1, uint8: 1, float16: 2 };

function readWeights(a: ModelArtifacts, layers: PlannedLayer[]): LoadPlan['weights'] {
  if (!Array.isArray(a.weightSpecs)) fail('the weights manifest is missing (weightsManifest in model.json, or weightSpecs)');
  const data = a.weightData instanceof ArrayBuffer || Array.isArray(a.weightData) ? joinWeightData(a.weightData) : fail(`weightData must be an ArrayBuffer (the .bin file), got ${describeJson(a.weightData)}`);
  // Where each spec's bytes are: the manifest's order, each spec's shape × dtype size.
  const specs = a.weightSpecs as unknown[];
  const found = new Map<string, { spec: WeightSpec; offset: number }>();
  let offset = 0;
  specs.forEach((s, k) => {
    if (!isObject(s) || typeof s.name !== 'string' || !Array.isArray(s.shape) || typeof s.dtype !== 'string') {
      fail(`weight ${k} in the manifest is not {name, shape, dtype}: ${describeJson(s)}`);
    }
    const spec = s as unknown as WeightSpec;
    if (spec.quantization !== undefined && spec.quantization !== null) fail(`weight '${spec.name}' is quantized; nnplay reads float32 weights only (save without quantization)`);
    const bytes = BYTES[spec.dtype];
    if (bytes === undefined) fail(`weight '${spec.name}' has dtype '${spec.dtype}'; nnplay reads float32 weights only`);
    let size = 1;
    for (const d of spec.shape) {
      if (!isCount(d, 0, Number.MAX_SAFE_INTEGER)) fail(`weight '${spec.name}' has shape ${JSON.stringify(spec.shape)}: every dimension must be a whole number`);
      size *= d;
    }
    const need = size * bytes;
    if (offset + need > data.byteLength) {
      fail(`the manifest does not add up: weight '${spec.name}' with shape [${spec.shape.join(', ')}] (${formatBytes(need)}) needs bytes ${offset} to ${offset + need}, but the weights data has ${data.byteLength} bytes (a truncated .bin, or the wrong .bin)`);
    }
    if (spec.group !== 'optimizer') {
      if (found.has(spec.name)) fail(`the manifest lists weight '${spec.name}' twice`);
      found.set(spec.name, { spec, offset });
    }
    offset += need;
  });
  if (offset !== data.byteLength) {
    fail(`the manifest does not add up: its weights take ${offset} bytes but the weights data has ${data.byteLength} bytes (the wrong .bin, or a manifest of another model)`);
  }
  const view = new DataView(data);
  const out: NonNullable<LoadPlan['weights']> = [];
  const used = new Set<string>();
  layers.forEach((layer, i) => {
    for (const [kind, shape] of [['kernel', [layer.inputDim, layer.units]], ...(layer.useBias ? [['bias', [layer.units]]] : [])] as [string, number[]][]) {
      const hit = findWeight(found, layer.name, kind);
      if (!hit) fail(`the manifest has no ${kind} for layer ${i} (Dense '${layer.name}'): expected a weight named '${layer.name}/${kind}'; the manifest has ${[...found.keys()].map((n) => `'${n}'`).join(', ') || 'none'}`);
      const { spec, offset: at } = hit;
      if (spec.dtype !== 'float32') fail(`weight '${spec.name}' has dtype '${spec.dtype}'; nnplay reads float32 weights only`);
      if (spec.shape.length !== shape.length || spec.shape.some((d, k) => d !== shape[k])) {
        fail(`weight '${spec.name}' has shape [${spec.shape.join(', ')}] but layer ${i} needs [${shape.join(', ')}]`);
      }
      const values = new Float32Array(shape.reduce((p, d) => p * d, 1));
      for (let k = 0; k < values.length; k++) {
        const v = view.getFloat32(at + k * 4, true);
        if (!Number.isFinite(v)) fail(`weight '${spec.name}' value ${k} is ${v}; every weight must be a finite number`);
        values[k] = v;
      }
      used.add(spec.name);
      out.push({ name: spec.name, shape, data: values });
    }
  });
  const extra = [...found.keys()].filter((n) => !used.has(n));
  if (extra.length) fail(`the manifest does not add up: weight(s) ${extra.map((n) => `'${n}'`).join(', ')} belong to no layer of the model`);
  return out;
}

// Weights are matched to layers by name, as tfjs does ('dense_1/kernel', also with a model
// prefix or a ':0' suffix).
function findWeight(found: Map<string, { spec: WeightSpec; offset: number }>, layer: string, kind: string) {
  const exact = found.get(`${layer}/${kind}`) ?? found.get(`${layer}/${kind}:0`);
  if (exact) return exact;
  for (const [n, v] of found) if (n.endsWith(`/${layer}/${kind}`) || n.endsWith(`/${layer}/${kind}:0`)) return v;
  return undefined;
}

function formatBytes(n: number): string {
  return n >= 2 ** 30 ? `${(n / 2 ** 30).toFixed(1)} GB` : n >= 2 ** 20 ? `${(n / 2 ** 20).toFixed(1)} MB` : `${n} bytes`;
}

function readTrainingConfig(tc: unknown): LoadPlan['compile'] {
  if (!isObject(tc)) fail(`trainingConfig must be {loss, metrics, optimizer_config}, got ${describeJson(tc)}`);
  for (const k of ['loss_weights', 'sample_weight_mode', 'weighted_metrics']) {
    if (tc[k] !== undefined && tc[k] !== null && !(Array.isArray(tc[k]) && (tc[k] as unknown[]).length === 0)) fail(`trainingConfig.${k} is not supported`);
  }
  const lossName = typeof tc.loss === 'string' ? tc.loss : Array.isArray(tc.loss) && tc.loss.length === 1 ? tc.loss[0] : tc.loss;
  const loss = typeof lossName === 'string' ? LOSSES.find((l) => [l.name, l.short, l.camel].includes(lossName as never) || l.name === snake(lossName)) : undefined;
  if (!loss) fail(`trainingConfig.loss ${describeJson(tc.loss)} is not supported; nnplay runs ${LOSSES.map((l) => l.name).join(', ')}`);
  const metricsIn = tc.metrics === undefined || tc.metrics === null ? [] : tc.metrics;
  if (!Array.isArray(metricsIn)) fail(`trainingConfig.metrics must be a list of names, got ${describeJson(metricsIn)}`);
  const metrics = metricsIn.map((m: unknown) => {
    const spelled = typeof m === 'string' ? [m, snake(m)].find((x) => METRIC_SPELLINGS.includes(x as never)) : undefined;
    if (!spelled) fail(`trainingConfig metric ${describeJson(m)} is not supported; nnplay computes ${METRIC_SPELLINGS.join(', ')}`);
    return spelled!;
  });
  const optimizer = optimizerFromConfig(tc.optimizer_config);
  if (typeof optimizer === 'string') fail(`trainingConfig: ${optimizer} is not supported`);
  if (!findOptimizer((optimizer as { key: string }).key)) fail('trainingConfig: unknown optimizer');
  return { optimizer: optimizer as { key: string; options: Record<string, number | boolean> }, loss: loss!.name, metrics };
}
