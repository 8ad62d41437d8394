// The training worker: owns the engine, the data and the model; trains between the page's
// animation frames and answers with snapshots. The page never touches the engine.
import { type CustomData, init, type FitSession, type Nnplay, type Sequential, type TrainingSetup } from '../../../bindings/src/index.js';
import type { PlaygroundState } from '../../../bindings/src/state.js';
import { type FromWorker, GRID, type Metrics, type Rebuild, type Snapshot, THUMB, type ToWorker } from '../protocol.js';
import { gradient } from '../descent/curve.js';
import { compareFrame, startComparison } from './compare.js';
import { column, gridPoints, thumbnail } from './grid.js';

const NO_LIMIT = 1_000_000_000;
const FRAME_BUDGET_MS = 12;  // for speed 'max': train this long per frame

let nn: Nnplay;
let state: PlaygroundState;
let setup: TrainingSetup;
let data: ReturnType<Nnplay['playground']['prepareData']>;
let model: Sequential | null = null;
let session: FitSession | null = null;
let gridFeatures: { data: Float32Array; shape: [number, number] };
let custom: CustomData | undefined;  // own data, when the dataset is 'custom'
const grid = gridPoints();

let playing = false;
let epochsPerFrame = 1;
let epochsDone = 0;
let pending: Metrics[] = [];
let epochLogs: Record<string, number>[] = [];  // every completed epoch's Keras logs, for the CSV export
let last: Metrics | null = null;
let stopped: string | null = null;
let diverged = false;
const rateSamples: [number, number][] = [];  // (time, epochs done), for epochs per second

function post(message: FromWorker, transfer: Transferable[] = []) {
  (self as unknown as Worker).postMessage(message, transfer);
}

function metricsOf(logs: Record<string, number>): Metrics {
  const acc = setup.metrics[0];
  return {
    loss: logs.loss,
    valLoss: logs.val_loss ?? null,
    acc: acc ? logs[acc] : null,
    valAcc: acc && `val_${acc}` in logs ? logs[`val_${acc}`] : null,
  };
}

// A fit session from the current epoch on, with the current stop rules.
function startSession() {
  session?.end();
  session = null;
  const rows = data.train.x.shape[0];
  if (rows === 0) return;  // own data without points yet
  session = model!.beginFit(data.train.x, data.train.y, {
    batchSize: setup.batchSize === 'all' ? rows : Math.min(setup.batchSize, rows),
    epochs: state.maxEpochs ?? NO_LIMIT,
    initialEpoch: epochsDone,
    validationData: data.valid.x.shape[0] > 0 ? [data.valid.x, data.valid.y] : undefined,
    earlyStopping: state.patience !== null && data.valid.x.shape[0] > 0 ? { monitor: 'val_loss', patience: state.patience } : undefined,
    seed: setup.modelSeed,
  });
  if (session.done) stopped = `max:${state.maxEpochs}`;
}

function buildModel() {
  session?.end();  // a session belongs to its model: end it before the model goes
  session = null;
  model?.dispose();
  model = nn.playground.buildModel(setup);
  epochsDone = 0;
  pending = [];
  epochLogs = [];
  last = null;
  stopped = null;
  diverged = false;
  startSession();
}

function sendData() {
  const labels = (m: { data: Float32Array; shape: [number, number] }) => {
    if (m.shape[1] === 1) return m.data.slice();
    const out = new Float32Array(m.shape[0]);  // one-hot -> class index
    for (let r = 0; r < m.shape[0]; r++) {
      let best = 0;
      for (let c = 1; c < m.shape[1]; c++) if (m.data[r * m.shape[1] + c] > m.data[r * m.shape[1] + best]) best = c;
      out[r] = best;
    }
    return out;
  };
  // every feature's image, active or not (the network view shows them all)
  const all = nn.datasets.features;
  const inputs = nn.datasets.makeFeatures({ data: grid, shape: [GRID * GRID, 2] }, all);
  const inputThumbs = new Float32Array(all.length * THUMB * THUMB);
  all.forEach((_, f) => thumbnail(inputs.data, all.length, f, inputThumbs, f * THUMB * THUMB));
  post({
    type: 'data',
    train: { points: data.train.points.data.slice(), labels: labels(data.train.y) },
    valid: { points: data.valid.points.data.slice(), labels: labels(data.valid.y) },
    classes: setup.classes,
    features: [...setup.features],
    inputThumbs,
    layers: [setup.features.length, ...setup.hidden, setup.outputUnits],
    outputActivation: setup.outputActivation,
    notes: setup.notes,
  });
}

function configure(next: PlaygroundState, rebuild: Rebuild) {
  state = next;
  if (rebuild === 'none') return;
  if (rebuild === 'session') {
    if (!diverged) {
      stopped = null;
      startSession();
    }
    return;
  }
  setup = nn.playground.setup(state, custom);
  data = nn.playground.prepareData(setup, custom);
  gridFeatures = nn.datasets.makeFeatures({ data: grid, shape: [GRID * GRID, 2] }, setup.features);
  sendData();
  buildModel();
}

// Trains one epoch (or what is left of the current one); false when training has stopped.
function trainEpoch(): boolean {
  if (!session || session.done) return false;
  const t0 = performance.now();
  const { done, epoch, logs } = session.runEpoch();  // one engine call per epoch
  afterEpoch(t0, done, epoch, logs);
  return !done;
}

function afterEpoch(t0: number, done: boolean, epoch: number, logs: Record<string, number> | null) {
  if (logs && epoch > epochsDone) {
    epochsDone = epoch;
    last = metricsOf(logs);
    pending.push(last);
    epochLogs.push(logs);
  }
  if (done) {
    const h = session!.history();
    playing = false;
    if (h.stopReason === 'non_finite_loss' || h.stopReason === 'non_finite_weights') {
      diverged = true;
      stopped = h.stopMessage;
    } else if (h.stopReason === 'early_stopping') {
      stopped = h.stopMessage;
    } else {
      stopped = `max:${state.maxEpochs}`;
    }
  }
}

function epochsPerSecond(): number {
  const now = performance.now();
  rateSamples.push([now, epochsDone]);
  while (rateSamples.length > 2 && now - rateSamples[0][0] > 1000) rateSamples.shift();
  const [t0, e0] = rateSamples[0];
  return now - t0 > 100 ? Math.round(((epochsDone - e0) * 1000) / (now - t0)) : 0;
}

function snapshot(): Snapshot {
  const views = model!.layerOutputsView(gridFeatures);
  const layers = model!.layers;
  const outUnits = layers[layers.length - 1].units;
  const output = views[views.length - 1].slice();  // copy before anything else allocates
  const hiddenUnits = layers.slice(0, -1).reduce((n, l) => n + l.units, 0);
  const thumbs = new Float32Array(hiddenUnits * THUMB * THUMB);
  let k = 0;
  for (let l = 0; l < layers.length - 1; l++) {
    for (let u = 0; u < layers[l].units; u++, k++) thumbnail(views[l], layers[l].units, u, thumbs, k * THUMB * THUMB);
  }
  void outUnits;
  const weights = model!.getWeights();
  const kernels: Float32Array[] = [];
  const biases: Float32Array[] = [];
  for (let i = 0; i < weights.length; i += 2) {
    kernels.push(weights[i].data);
    biases.push(weights[i + 1].data);
  }
  const snap: Snapshot = {
    type: 'snapshot',
    epoch: epochsDone,
    batch: 0,
    playing,
    metrics: last,
    newEpochs: pending,
    output,
    thumbs,
    weights: kernels,
    biases,
    stopped,
    diverged,
    epochsPerSecond: epochsPerSecond(),
  };
  pending = [];
  return snap;
}

function sendSnapshot() {
  const s = snapshot();
  post(s, [s.output.buffer, s.thumbs.buffer]);
}

function editWeight(index: number, at: number, value: number) {
  const w = model!.getWeights();
  w[index].data[at] = value;
  if (session && !session.done) {  // a running fit owns its model: edit between two sessions
    session.end();
    session = null;
    model!.setWeights(w);
    startSession();
  } else {
    model!.setWeights(w);
  }
}

function test(points: [number, number][]) {
  const x = nn.datasets.makeFeatures({ data: Float32Array.from(points.flat()), shape: [points.length, 2] }, setup.features);
  const out = model!.predict(x);
  const units = out.shape[1];
  const rows = points.map(([px, py], r) => ({
    x: px,
    y: py,
    output: Array.from(out.data.subarray(r * units, (r + 1) * units)),
    truth: nn.datasets.trueLabel(setup.dataset, px, py),
  }));
  const known = rows.filter((r) => r.truth !== null);
  let loss: number | null = null;
  let acc: number | null = null;
  if (known.length > 0 && setup.outputUnits === 1) {
    const target = known.map((r) => [setup.labels === 'zero-one' ? (r.truth! > 0 ? 1 : 0) : r.truth!]);
    const features = nn.datasets.makeFeatures(known.map((r) => [r.x, r.y]), setup.features);
    const logs = model!.evaluate(features, target);
    loss = logs.loss;
    acc = setup.metrics[0] ? logs[setup.metrics[0]] : null;
  }
  post({ type: 'test', rows, loss, acc });
}

function handle(msg: ToWorker) {
  switch (msg.type) {
    case 'configure':
      configure(msg.state, msg.rebuild);
      sendSnapshot();
      return;
    case 'play':
      if (!session || session.done) {  // nothing to train (own data without points) or finished
        playing = false;
        return sendSnapshot();
      }
      playing = true;
      return;
    case 'pause':
      playing = false;
      return sendSnapshot();
    case 'step':
      playing = false;
      trainEpoch();
      return sendSnapshot();
    case 'stepBatch': {
      playing = false;
      if (session && !session.done) {
        const t0 = performance.now();
        if (session.runBatch()) afterEpoch(t0, session.done, session.epoch, session.lastEpochLogs());
      }
      return sendSnapshot();
    }
    case 'reset':
      playing = false;
      buildModel();
      return sendSnapshot();
    case 'learningRate':
      state = { ...state, learningRate: msg.value };
      setup = nn.playground.setup(state, custom);  // so that a Reset builds with the new rate
      model!.optimizer.learningRate = msg.value;
      return;
    case 'speed':
      epochsPerFrame = msg.epochsPerFrame;
      return;
    case 'setWeight': {
      const layer = model!.layers[msg.layer];
      editWeight(msg.layer * 2, msg.from * layer.units + msg.to, msg.value);
      return sendSnapshot();
    }
    case 'setBias':
      editWeight(msg.layer * 2 + 1, msg.unit, msg.value);
      return sendSnapshot();
    case 'test':
      return test(msg.points);
    case 'neuron': {
      let values: Float32Array;
      if (msg.layer < 0) {  // an input feature, by its index among all seven
        const all = nn.datasets.makeFeatures({ data: grid, shape: [GRID * GRID, 2] }, nn.datasets.features);
        values = column(all.data, nn.datasets.features.length, msg.unit);
      } else {
        const views = model!.layerOutputsView(gridFeatures);
        values = column(views[msg.layer], model!.layers[msg.layer].units, msg.unit);
      }
      post({ type: 'neuron', layer: msg.layer, unit: msg.unit, grid: values }, [values.buffer]);
      return;
    }
    case 'thumbnails': {
      const sets = nn.datasets.names.map((name) => {
        const d = nn.datasets.generate({ type: name, noise: 0, seed: 1, samples: name === 'gauss3' ? 201 : 200 });
        const labels = d.labels.shape[1] === 1 ? d.labels.data : Float32Array.from({ length: d.labels.shape[0] }, (_, r) => d.labels.data.subarray(r * 3, r * 3 + 3).indexOf(1));
        return { name, points: d.points.data, labels };
      });
      post({ type: 'thumbnails', sets });
      return;
    }
    case 'custom': {
      custom = { points: msg.points, classes: msg.classes };
      if (!state || state.dataset !== 'custom' || state.problem !== 'classification') return;
      const before = setup.outputUnits;
      setup = nn.playground.setup(state, custom);
      data = nn.playground.prepareData(setup, custom);
      sendData();
      if (setup.outputUnits !== before || !model) buildModel();
      else startSession();  // the same network trains on, from the current epoch
      return sendSnapshot();
    }
    case 'compareStart':
      startComparison(nn, msg.states, msg.epochs, grid, custom);
      return post(compareFrame(false));
    case 'compareFrame': {
      const result = compareFrame();
      return post(result, result.runs.map((r) => r.output.buffer));
    }
    case 'descend': {
      const spec = nn.optimizers.get(msg.optimizer, { learningRate: msg.learningRate });
      post({ type: 'descend', path: nn.optimizers.descend(spec, msg.w0, gradient, msg.steps) });
      return;
    }
    case 'export': {
      let text: string;
      if (msg.what === 'weights') text = nn.exports.weightsJson(model!.getWeights());
      else if (msg.what === 'history') {
        const history: Record<string, number[]> = {};
        for (const logs of epochLogs) for (const [k, v] of Object.entries(logs)) (history[k] ??= []).push(v);
        text = nn.exports.historyCsv({ epoch: epochLogs.map((_, i) => i), history });
      } else if (setup.dataset === 'custom') {
        const n = custom?.classes.length ?? 0;
        const labels = setup.classes === 3 ? custom!.classes : (custom?.classes ?? new Float32Array(0)).map((c) => (c > 0 ? 1 : -1));
        text = nn.exports.datasetCsv({ data: custom?.points ?? new Float32Array(0), shape: [n, 2] }, { data: labels, shape: [n, 1] });
      } else {
        const d = nn.datasets.generate({ type: setup.dataset, noise: setup.noise, seed: setup.dataSeed });
        text = nn.exports.datasetCsv(d.points, d.labels);
      }
      post({ type: 'export', what: msg.what, text });
      return;
    }
    case 'frame':
      if (playing) {
        const start = performance.now();
        if (epochsPerFrame > 0) {
          for (let i = 0; i < epochsPerFrame && trainEpoch(); i++) {}
        } else {
          while (trainEpoch() && performance.now() - start < FRAME_BUDGET_MS) {}
        }
      }
      return sendSnapshot();
  }
}

self.onmessage = (e: MessageEvent<ToWorker>) => {
  try {
    handle(e.data);
  } catch (err) {
    post({ type: 'error', message: (err as Error).message });
  }
};

init().then(
  (api) => {
    nn = api;
    post({ type: 'ready' });
  },
  (err) => post({ type: 'error', message: `the engine did not load: ${(err as Error).message}` }),
);
