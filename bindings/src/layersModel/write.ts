// A Sequential as tfjs LayersModel artifacts: the Keras topology (what tfjs' own
// model.save writes for Dense layers), the weight specs in manifest order (per layer its
// kernel, then its bias) and the weights as little-endian float32.
import type { Sequential } from '../model.js';
import registry from '../../../core/registry.json';
import { findOptimizer, LOSSES } from '../registry.js';
import type { ModelArtifacts, TrainingConfig, WeightSpec } from './artifacts.js';
import { initializerJson, kerasOptimizerConfig, optimizerOptionsFromKeras, regularizerJson, tfjsOptimizerConfig } from './kerasNames.js';
import { compileRecord, layerRecords } from './record.js';

declare const __NNPLAY_VERSION__: string;
const VERSION = typeof __NNPLAY_VERSION__ === 'string' ? __NNPLAY_VERSION__ : 'dev';

// The metrics tfjs' compile() knows by these names (it refuses others, e.g. tanh_accuracy).
const TFJS_METRICS = new Set(['accuracy', 'acc', 'binary_accuracy', 'categorical_accuracy', 'mse', 'mae']);

export function modelArtifacts(model: Sequential): ModelArtifacts {
  const records = layerRecords(model);
  const infos = model.layers;
  if (infos.length === 0) throw new Error('save: the model has no layers; add a Dense layer first');
  const layers = infos.map((info, i) => {
    const r = records[i];
    const c = r.config;
    return {
      class_name: 'Dense',
      config: {
        units: info.units,
        activation: info.activation,
        use_bias: info.useBias,
        kernel_initializer: r.kernelInitializerJson ?? initializerJson(c.kernelInitializer, false),
        bias_initializer: r.biasInitializerJson ?? initializerJson(c.biasInitializer, true),
        kernel_regularizer: regularizerJson(c.l1, c.l2),
        bias_regularizer: null,
        activity_regularizer: null,
        kernel_constraint: null,
        bias_constraint: null,
        name: info.name,
        trainable: true,
        ...(i === 0 ? { batch_input_shape: [null, info.inputDim] } : {}),
        dtype: 'float32',
      },
    };
  });

  const weights = model.getWeights();
  const weightSpecs: WeightSpec[] = weights.map((w) => ({ name: w.name.replace(/:0$/, ''), shape: [...w.shape], dtype: 'float32' }));
  const bytes = new Uint8Array(weights.reduce((n, w) => n + w.data.length * 4, 0));
  const view = new DataView(bytes.buffer);
  let at = 0;
  for (const w of weights) {
    for (let k = 0; k < w.data.length; k++, at += 4) view.setFloat32(at, w.data[k], true);
  }

  const artifacts: ModelArtifacts = {
    modelTopology: {
      class_name: 'Sequential',
      config: { name: 'sequential', layers },
      keras_version: `nnplay ${VERSION}`,
      backend: 'nnplay',
    },
    format: 'layers-model',
    generatedBy: `nnplay ${VERSION}`,
    convertedBy: null,
    weightSpecs,
    weightData: bytes.buffer,
  };
  const training = trainingConfigs(model);
  if (training.tfjs) artifacts.trainingConfig = training.tfjs;
  if (training.keras) artifacts.userDefinedMetadata = { nnplay: { trainingConfig: training.keras } };
  return artifacts;
}

// The compiled setup twice: in tf.keras' form (all of it, read back by nnplay from
// userDefinedMetadata.nnplay) and as tfjs' trainingConfig where tfjs has that optimizer
// (tfjs compiles the loaded model with it; it refuses what it lacks, so that is left out).
function trainingConfigs(model: Sequential): { tfjs?: TrainingConfig; keras?: TrainingConfig } {
  const compiled = compileRecord(model);
  if (!compiled) return {};
  const engineConfig = model.optimizer.config as Record<string, unknown>;
  const entry = findOptimizer(String(engineConfig.name))!;
  const options = optimizerOptionsFromKeras(entry, engineConfig);
  const loss = LOSSES.find((l) => [l.name, l.short, l.camel].includes(compiled.loss as never))?.name ?? compiled.loss;
  const metrics = compiled.metrics.map(kerasMetric);
  const keras: TrainingConfig = { loss, metrics, optimizer_config: kerasOptimizerConfig(entry, options) };
  const tfjsOptimizer = tfjsOptimizerConfig(entry, options);
  return {
    keras,
    tfjs: tfjsOptimizer ? { loss, metrics: metrics.filter((m) => TFJS_METRICS.has(m)), optimizer_config: tfjsOptimizer } : undefined,
  };
}

// A metric in any spelling compile() takes -> its Keras name.
function kerasMetric(m: string): string {
  return (registry.metrics as { name: string; camel?: string }[]).find((e) => e.name === m || e.camel === m)?.name ?? m;
}
