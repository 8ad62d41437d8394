// Side-by-side runs (the article's figure 5-10): one model per value of the compared
// setting, all on the same data, trained one epoch each per frame so they stay in lockstep.
import type { CustomData, FitSession, Nnplay, Sequential, TrainingSetup } from '../../../bindings/src/index.js';
import type { PlaygroundState } from '../../../bindings/src/state.js';
import type { PreparedData } from '../../../bindings/src/playgroundEngine.js';
import { fitArgs } from '../../../bindings/src/runPlan.js';
import { isDiverged } from '../../../bindings/src/stopReason.js';
import { type CompareResult, GRID, type Metrics } from '../protocol.js';
import { CompareLandscape } from './compareLandscape.js';
import { metricsOf } from './metrics.js';

interface Run {
  setup: TrainingSetup;
  model: Sequential;
  session: FitSession | null;
  pending: Metrics[];
  last: Metrics | null;
  grid: { data: Float32Array; shape: [number, number] };
  diverged: boolean;
}

let runs: Run[] = [];
let epoch = 0;
let limit = 100;
let shared: CompareLandscape | null = null;  // one landscape under all the runs' paths
let sharedMode: 'random' | 'pca' = 'pca';

// setting: the compared key (a shared landscape only where the runs share the loss surface).
export function startComparison(nn: Nnplay, states: PlaygroundState[], epochs: number, grid: Float32Array, custom?: CustomData, setting = ''): void {
  stopComparison();
  epoch = 0;
  limit = epochs;
  let first: PreparedData | null = null;
  runs = states.map((state) => {
    const setup = nn.playground.setup(state, custom);
    const data = nn.playground.prepareData(setup, custom);
    first ??= data;
    if (data.train.x.shape[0] === 0) throw new Error('side by side needs data: draw at least 2 points first');
    const model = nn.playground.buildModel(setup);
    // The plan's fit settings, but every run the same length and no early stop (runs keep in lockstep).
    const { batchSize, shuffle, validationData } = fitArgs(setup.fit, data, false);
    const session = model.beginFit(data.train.x, data.train.y, { batchSize, epochs, shuffle, validationData, seed: setup.modelSeed });
    const gridFeatures = nn.datasets.makeFeatures({ data: grid, shape: [GRID * GRID, 2] }, setup.features);
    // epoch 0: the initial weights, evaluated (the curves start where training starts)
    const logs: Record<string, number> = { ...model.evaluate(data.train.x, data.train.y) };
    if (data.valid.x.shape[0]) for (const [k, v] of Object.entries(model.evaluate(data.valid.x, data.valid.y))) logs[`val_${k}`] = v;
    const initial = { ...metricsOf(logs, setup.metrics[0]), epoch: 0 };
    return { setup, model, session, pending: [initial], last: initial, grid: gridFeatures, diverged: false };
  });
  sharedMode = states[0]?.landscape === 'random' ? 'random' : 'pca';
  if (first && runs.length && CompareLandscape.shared(setting)) {
    const { x, y } = (first as PreparedData).train;
    shared = new CompareLandscape(nn, nn.playground.buildModel(runs[0].setup), x, y, runs.length);
  }
}

export function stopComparison(): void {
  shared?.dispose();
  shared = null;
  for (const run of runs) {
    run.session?.end();
    run.model.dispose();
  }
  runs = [];
}

// One epoch for every run still training (none when train is false), then what the views need.
export function compareFrame(nn: Nnplay, train = true): CompareResult {
  for (const [i, run] of (train ? runs : []).entries()) {
    if (!run.session || run.session.done) continue;
    const { done, logs } = run.session.runEpoch();
    if (logs) shared?.record(nn, i, run.model);
    if (logs) {
      run.last = { ...metricsOf(logs, run.setup.metrics[0]), epoch: run.session.epoch };
      run.pending.push(run.last);
    }
    if (done && isDiverged(run.session.history().stopReason)) run.diverged = true;
  }
  if (train && runs.some((r) => r.pending.length > 0)) epoch++;
  const done = epoch >= limit || runs.every((r) => !r.session || r.session.done);
  const result: CompareResult = {
    type: 'compare',
    epoch,
    done,
    landscape: shared?.compute(nn, sharedMode, done || !train) ?? null,
    sharedLandscape: shared !== null,
    runs: runs.map((run) => {
      const output = run.model.predict(run.grid, { batchSize: GRID * GRID }).data;
      const r = { metrics: run.last, newEpochs: run.pending, output, units: run.setup.outputUnits, outputActivation: run.setup.outputActivation, diverged: run.diverged, loss: run.setup.loss };
      run.pending = [];
      return r;
    }),
  };
  return result;
}
