// The page's run: its data, the model and the model's fit session (one PageRun per page). Play,
// pause, a step of an epoch or of one batch, a frame's worth of epochs, reset, live edits
// (learning rate, a weight, a bias), and the snapshots the page draws. Loss and accuracy
// are evaluated on the current weights at epoch 0 and after an edit (as the playground
// does at reset), so the read-outs never describe weights that are gone.
import type { CustomData, FitSession, Logs, Matrix2D, Nnplay, Sequential, TrainingSetup } from '../../../bindings/src/index.js';
import type { Message } from '../../../bindings/src/messages.js';
import type { PreparedData } from '../../../bindings/src/playgroundEngine.js';
import { fitArgs, fitPlan } from '../../../bindings/src/runPlan.js';
import { isDiverged, type StopReason, stopMessage, stopReasonOf } from '../../../bindings/src/stopReason.js';
import type { PlaygroundState } from '../../../bindings/src/state.js';
import type { Metrics, ReadoutKind, Rebuild, Snapshot } from '../protocol.js';
import { featuresOnGrid, hiddenThumbnails } from './grids.js';
import { metricsOf } from './metrics.js';
import { type RunChange, RunRecord } from './runRecord.js';
import { boundedSpeed } from './speed.js';

// Observers of training (the optimizer inspector, the loss landscape). With batch hooks set,
// epochs run batch by batch so that every step can be seen.
export interface TrainingHooks {
  perBatch(): boolean;
  beforeBatch(model: Sequential): void;
  afterBatch(model: Sequential): void;
  afterEpoch(model: Sequential): void;
  newModel(model: Sequential): void;
}
const FRAME_BUDGET_MS = 12;  // for speed 'max': train this long per frame
const RATE_WINDOW_MS = 1000;  // epochs per second over about the last second

export class PageRun {
  readonly #nn: Nnplay;
  readonly #onNewData: () => void;  // new data (and network): the page must hear of it
  #state!: PlaygroundState;
  #setup!: TrainingSetup;
  #data!: PreparedData;
  #gridFeatures!: Matrix2D;  // the grid's points as the model's input features
  #custom: CustomData | undefined;  // own data, when the dataset is 'custom'
  #model: Sequential | null = null;
  #session: FitSession | null = null;
  #loadedWeights: { shape: number[]; data: Float32Array }[] | null = null;  // a loaded model's: Reset returns to them

  #playing = false;
  #epochsPerFrame = 1;  // 0: as many as fit in FRAME_BUDGET_MS
  #epochsDone = 0;
  #batch = 0;  // batches done in the epoch in progress
  #batches = 0;  // batches per epoch
  #pending: Metrics[] = [];  // completed since the last snapshot
  #epochLogs: Logs[] = [];  // every completed epoch's Keras logs, for the CSV export
  #last: Metrics | null = null;
  #lastKind: ReadoutKind = 'current';
  #stopped: StopReason | null = null;
  #stopWords: Message | null = null;  // #stopped in words, worded once per stop
  #diverged = false;
  #rateSamples: [number, number][] = [];  // (time, epochs done)
  hooks: TrainingHooks | null = null;
  readonly run = new RunRecord();  // the run's start, for the notebook

  constructor(nn: Nnplay, onNewData: () => void) {
    this.#nn = nn;
    this.#onNewData = onNewData;
  }

  get setup(): TrainingSetup {
    return this.#setup;
  }
  get hasModel(): boolean {
    return this.#model !== null && this.#model !== undefined;
  }
  get model(): Sequential {
    if (!this.#model) throw new Error('no model yet: the page has not configured the worker');
    return this.#model;
  }
  get gridFeatures(): Matrix2D {
    return this.#gridFeatures;
  }
  get custom(): CustomData | undefined {
    return this.#custom;
  }
  get epochLogs(): readonly Logs[] {
    return this.#epochLogs;
  }
  get data(): PreparedData {
    return this.#data;
  }
  get state(): PlaygroundState {
    return this.#state;
  }
  get customClasses(): 2 | 3 | undefined {
    return this.#state?.dataset === 'custom' && this.#setup ? (this.#setup.classes === 3 ? 3 : 2) : undefined;
  }

  // A new state, and what it needs redone.
  configure(next: PlaygroundState, rebuild: Rebuild): void {
    this.#state = next;
    if (rebuild === 'none') return;
    if (rebuild === 'session') {
      if (!this.#diverged) {
        this.#stop(null);
        this.#startSession();
      }
      return;
    }
    this.#setup = this.#nn.playground.setup(this.#state, this.#custom);
    this.#data = this.#nn.playground.prepareData(this.#setup, this.#custom);
    this.#gridFeatures = featuresOnGrid(this.#nn, this.#setup.features);
    this.#onNewData();
    this.#loadedWeights = null;  // a new network: Reset draws its own initial weights
    this.#buildModel();
  }

  // New own data; true when it is in use (then the page needs a new snapshot).
  setCustom(custom: CustomData): boolean {
    this.#custom = custom;
    const s = this.#state;
    if (!s || s.dataset !== 'custom' || s.problem !== 'classification') return false;
    const before = this.#setup.outputUnits;
    this.#setup = this.#nn.playground.setup(s, custom);
    this.#data = this.#nn.playground.prepareData(this.#setup, custom);
    this.#onNewData();
    if (this.#setup.outputUnits !== before || !this.#model) {
      this.#loadedWeights = null;  // another output layer
      this.#buildModel();
    }
    else {
      this.#evaluateNow();  // the same weights on the new points
      this.#startSession();  // the same network trains on, from the current epoch
      this.#changeRun('data');
    }
    return true;
  }

  // False when there is nothing to train (own data without points) or training has finished.
  play(): boolean {
    this.#playing = !!this.#session && !this.#session.done;
    return this.#playing;
  }

  pause(): void {
    this.#playing = false;
  }

  step(): void {
    this.#playing = false;
    this.#trainEpoch();
  }

  stepBatch(): void {
    this.#playing = false;
    if (!this.#session || this.#session.done) return;
    if (this.#runBatch()) {
      this.#batch = 0;
      this.#afterEpoch();
    } else {
      this.#batch++;
    }
    // the read-outs say where the weights are now (the chart keeps the epoch means)
    if (!this.#diverged) this.#evaluateNow();
  }

  // The same initial weights again (a loaded model's, when one was loaded since the network was built).
  reset(): void {
    this.#playing = false;
    if (this.#loadedWeights) this.adoptWeights(this.#loadedWeights);
    else this.#buildModel();
  }

  // A loaded model's weights (the network already has its shape): a fresh run from epoch 0
  // that starts from them.
  adoptWeights(weights: { shape: number[]; data: Float32Array }[]): void {
    this.#buildModel();
    this.#loadedWeights = weights;
    this.#session?.end();  // a running fit owns its model: set the weights between two sessions
    this.#session = null;
    this.model.setWeights(weights);
    this.#evaluateNow();
    this.#startSession();
  }

  setSpeed(epochsPerFrame: number): void {
    this.#epochsPerFrame = boundedSpeed(epochsPerFrame, this.#epochsPerFrame);
  }

  setLearningRate(value: number): void {
    this.#state = { ...this.#state, learningRate: value };
    this.#setup = this.#nn.playground.setup(this.#state, this.#custom);  // so that a Reset builds with the new rate
    this.model.optimizer.learningRate = value;
    this.#changeRun('learningRate');
  }

  #changeRun(what: RunChange) {
    this.run.change(what, this.#epochsDone, this.#batch, { state: this.#state, data: this.#data, custom: this.#custom, model: this.model });
  }

  setWeight(layer: number, from: number, to: number, value: number): void {
    this.#edit(layer * 2, from * this.model.layers[layer].units + to, value);
    this.#evaluateNow();
  }

  setBias(layer: number, unit: number, value: number): void {
    this.#edit(layer * 2 + 1, unit, value);
    this.#evaluateNow();
  }


  // While playing: the epochs of one display frame (a number, or as many as fit the budget).
  frame(): void {
    if (!this.#playing) return;
    const start = performance.now();
    if (this.#epochsPerFrame > 0) {
      for (let i = 0; i < this.#epochsPerFrame && this.#trainEpoch(); i++) {}
    } else {
      while (this.#trainEpoch() && performance.now() - start < FRAME_BUDGET_MS) {}
    }
  }

  snapshot(handled: number): Snapshot {
    const model = this.model;
    const outputs = model.layerOutputsView(this.#gridFeatures);
    const output = outputs[outputs.length - 1].slice();  // copy before anything else allocates
    const thumbs = hiddenThumbnails(model, outputs);
    const weights = model.getWeights();
    const kernels: Float32Array[] = [];
    const biases: Float32Array[] = [];
    for (let i = 0; i < weights.length; i += 2) {
      kernels.push(weights[i].data);
      biases.push(weights[i + 1].data);
    }
    const snap: Snapshot = {
      type: 'snapshot',
      epoch: this.#epochsDone,
      batch: this.#batch,
      batches: this.#batches,
      playing: this.#playing,
      metrics: this.#last,
      metricsKind: this.#lastKind,
      newEpochs: this.#pending,
      output,
      thumbs,
      weights: kernels,
      biases,
      stopped: this.#stopped,
      stop: this.#stopWords,
      diverged: this.#diverged,
      epochsPerSecond: this.#epochsPerSecond(),
      handled,
    };
    this.#pending = [];
    return snap;
  }

  // A fit session from the current epoch on, with the current stop rules.
  #startSession() {
    this.#session?.end();
    this.#session = null;
    this.#batch = 0;
    this.#batches = 0;
    const { train } = this.#data;
    const rows = train.x.shape[0];
    if (rows === 0) return;  // own data without points yet
    // The plan's fit settings (the session's own: maxEpochs and patience change without a new model).
    const args = fitArgs(fitPlan(this.#state), this.#data, true);
    this.#batches = Math.ceil(rows / args.batchSize);
    this.#session = this.model.beginFit(train.x, train.y, { ...args, initialEpoch: this.#epochsDone, seed: this.#setup.modelSeed });
    if (this.#session.done) this.#stop({ reason: 'max_epochs', epoch: this.#epochsDone, maxEpochs: args.epochs });
  }

  #buildModel() {
    this.#playing = false;  // a new model waits for Play (the page stops its button too)
    this.#session?.end();  // a session belongs to its model: end it before the model goes
    this.#session = null;
    this.#model?.dispose();
    this.#model = this.#nn.playground.buildModel(this.#setup);
    this.run.start(this.#state, this.#data, this.#custom, this.#model);
    this.hooks?.newModel(this.#model);
    this.#epochsDone = 0;
    this.#pending = [];
    this.#epochLogs = [];
    this.#last = null;
    this.#stop(null);
    this.#evaluateNow();
    const initial = this.#last as Metrics | null;  // (set by #evaluateNow)
    if (initial) this.#pending.push({ ...initial, epoch: 0 });  // the charts start at the initial loss
    this.#startSession();
  }

  // The loss and accuracy of the current weights on the training and validation data (what
  // Keras' evaluate() gives), shown until the next epoch completes; nothing without data.
  #evaluateNow() {
    const { train, valid } = this.#data;
    if (train.x.shape[0] === 0) {
      this.#last = null;
      return;
    }
    const logs: Record<string, number> = { ...this.model.evaluate(train.x, train.y) };
    if (valid.x.shape[0] > 0) {
      for (const [k, v] of Object.entries(this.model.evaluate(valid.x, valid.y))) logs[`val_${k}`] = v;
    }
    this.#last = metricsOf(logs, this.#setup.metrics[0]);
    this.#lastKind = 'current';
  }

  // Trains one epoch (or what is left of the current one); false when training has stopped.
  #trainEpoch(): boolean {
    const session = this.#session;
    if (!session || session.done) return false;
    this.#batch = 0;
    if (this.hooks?.perBatch()) {
      while (!this.#runBatch()) {}
      this.#afterEpoch();
    } else {
      this.#afterEpoch(session.runEpoch().logs);  // one engine call: done and epoch come with it
    }
    return !session.done;
  }

  // One batch with the hooks around it; true when it ended an epoch.
  #runBatch(): boolean {
    const model = this.model;
    this.hooks?.beforeBatch(model);
    const ended = this.#session!.runBatch();
    this.hooks?.afterBatch(model);
    return ended;
  }

  // logs: the epoch's logs when the caller has them already (runEpoch returns them).
  #afterEpoch(logs: Logs | null = this.#session!.lastEpochLogs()) {
    const session = this.#session!;
    if (logs && session.epoch > this.#epochsDone) {
      this.#epochsDone = session.epoch;
      this.hooks?.afterEpoch(this.model);
      this.#last = metricsOf(logs, this.#setup.metrics[0]);
      this.#lastKind = 'epochMean';
      this.#pending.push({ ...this.#last, epoch: this.#epochsDone });
      this.#epochLogs.push(logs);
    }
    if (!session.done) return;
    const h = session.history();
    this.#playing = false;
    const fit = fitPlan(this.#state);
    this.#stop(stopReasonOf({
      stopReason: h.stopReason, history: h.history, epoch: this.#epochsDone,
      maxEpochs: fit.maxEpochs, monitor: fit.monitor, patience: fit.patience, learningRate: this.#state.learningRate,
    }));
  }

  // Why training stopped (null: it has not), and its words.
  #stop(stopped: StopReason | null) {
    this.#stopped = stopped;
    this.#stopWords = stopMessage(stopped);
    this.#diverged = isDiverged(stopped?.reason);
  }

  #epochsPerSecond(): number {
    const now = performance.now();
    const samples = this.#rateSamples;
    samples.push([now, this.#epochsDone]);
    while (samples.length > 2 && now - samples[0][0] > RATE_WINDOW_MS) samples.shift();
    const [t0, e0] = samples[0];
    return now - t0 > 100 ? Math.round(((this.#epochsDone - e0) * 1000) / (now - t0)) : 0;
  }

  #edit(index: number, at: number, value: number) {
    const w = this.model.getWeights();
    w[index].data[at] = value;
    if (this.#session && !this.#session.done) {  // a running fit owns its model: edit between two sessions
      this.#session.end();
      this.#session = null;
      this.model.setWeights(w);
      this.#startSession();
    } else {
      this.model.setWeights(w);
    }
    this.#changeRun('weights');
  }
}
