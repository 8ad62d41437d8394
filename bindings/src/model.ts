// Sequential: the Keras / tfjs-layers model API over the wasm engine.
import type { Engine, EngineFitOptions, EngineHistory, EngineModel, Logs, Matrix2D, WeightArray } from './engine.mjs';
import { EngineFitSession, type EpochReport, type FitSession } from './fit_session.js';
import { type DenseLayer, engineDenseConfig } from './layers.js';
import { type BeginFitArgs, checkBatchOptions, checkBeginFitArgs, checkCompileArgs, checkFitArgs, checkLayer, checkPrintFn, checkWeights } from './model_checks.js';
import type { CompileArgs, FitArgs, History } from './model_args.js';
import { FIT_DEFAULTS } from './registry.js';
import { booleanRule, check } from './validate.js';
import { type TensorLike, toMatrix } from './tensors.js';
import { historyWithAccAliases } from './tfjs_aliases.js';
import { nextTick } from './yield.js';
import { type CompiledOptimizer, compiledOptimizer } from './optimizerState.js';
import type { ModelArtifacts, SaveResult } from './layersModel/artifacts.js';
import type { SaveTarget } from './layersModel/io.js';
import { noteCompile, noteLayer } from './layersModel/record.js';
import { saveModel } from './layersModel/save.js';

export type { EpochReport, FitSession, Logs, Matrix2D, WeightArray };
export type { CompileArgs, EarlyStoppingArgs, FitArgs, FitCallbacks, History } from './model_args.js';

export interface LayerInfo {
  name: string;
  units: number;
  inputDim: number;
  activation: string;
  useBias: boolean;
}

// Frees the engine's memory when a model is garbage-collected without dispose().
const finalizer = new FinalizationRegistry<EngineModel>((m) => m.delete());

// The engine model behind a Sequential, for the module's own helpers (landscape.ts).
let engineOf: (model: Sequential) => EngineModel;
export function engineModelOf(model: Sequential, what: string): EngineModel {
  if (!(model instanceof Sequential)) throw new Error(`${what}: expected a model made by nn.sequential(...)`);
  return engineOf(model);
}

export class Sequential {
  static {
    engineOf = (model) => model.#m;
  }
  readonly seed: number;
  #engine: Engine;
  #model: EngineModel | null;
  #layers = 0;
  #stopRequested = false;
  #fitting = false;  // a fit() is running (from its start until it returns)
  #session: EngineFitSession | null = null;  // the last session beginFit() started

  // `layers` and `seed` as checkSequentialArgs returns them (nn.sequential), or the playground's own.
  constructor(engine: Engine, layers: readonly DenseLayer[], seed: number) {
    this.#engine = engine;
    this.seed = seed;
    this.#model = new engine.Model(this.seed);
    finalizer.register(this, this.#model, this);
    try {
      for (const layer of layers) this.#addDense(layer);
    } catch (e) {
      this.dispose();  // nobody gets this object: free the engine's model now, not at some GC
      throw e;
    }
  }

  get #m(): EngineModel {
    if (!this.#model) throw new Error('nnplay: this model has been disposed');
    return this.#model;
  }

  // A fit owns its model, as in tfjs: while one runs, what would change what it trains is refused.
  #refuseWhileFitting(what: string): void {
    if (this.#fitting) throw new Error(`${what}: another fit() is ongoing on this model; wait for it to finish`);
    if (this.#session?.running) throw new Error(`${what}: a fit session (beginFit) is ongoing on this model; end() it first`);
  }

  add(layer: DenseLayer): this {
    this.#refuseWhileFitting('add');
    this.#addDense(checkLayer('add', layer));
    return this;
  }

  #addDense(layer: DenseLayer): void {
    const config = engineDenseConfig(layer, this.#layers === 0);
    this.#m.addDense(config);
    noteLayer(this, config);  // for save(): what the engine does not keep
    this.#layers++;
  }

  compile(args: CompileArgs): void {
    this.#refuseWhileFitting('compile');
    const config = checkCompileArgs(args);
    this.#m.compile(config);
    noteCompile(this, config.loss, config.metrics ?? []);
  }

  async fit(x: TensorLike, y: TensorLike, args: FitArgs = {}): Promise<History> {
    this.#refuseWhileFitting('fit');
    const { callbacks: cb, yieldEvery, options, progress } = checkFitArgs(args);
    const epochsToRun = (options.epochs ?? 1) - (options.initialEpoch ?? 0);
    if (!cb.onTrainBegin && !cb.onTrainEnd && !cb.onEpochBegin && !cb.onEpochEnd && !cb.onBatchEnd && (yieldEvery === 'never' || epochsToRun <= 1)) {
      const history = this.#fitAtOnce(x, y, options);
      if (yieldEvery === 'epoch' && history.epoch.length > 0) await this.#yieldOwned(history.epoch.length);
      return historyWithAccAliases(history);
    }
    const session = this.#startFit(x, y, options, false);
    const samples = session.samples;
    progress?.setSamples(samples);
    this.#stopRequested = false;
    this.#fitting = true;
    let stoppedByCallback = -1;
    let engineHistory: EngineHistory;
    try {
      if (cb.onTrainBegin) await cb.onTrainBegin();
      // The epoch count and `done` are tracked here rather than asked of the engine each
      // epoch: on a small network every call into the engine is a visible share of an epoch.
      // (Likewise, awaiting an absent callback would still cost a microtask turn.)
      let done = session.done;
      for (let epoch = session.epoch; !done; epoch++) {
        if (cb.onEpochBegin) await cb.onEpochBegin(epoch);
        let logs: Logs | null = null;
        if (cb.onBatchEnd) {
          for (let batch = 0; ; batch++) {
            if (this.#stopRequested) {
              session.runBatch();  // trains nothing: ends the epoch and the fit (the engine saw the request)
              break;
            }
            const ended = session.runBatch();
            await cb.onBatchEnd(batch, session.runningLogs());
            if (ended) break;
          }
          done = session.done;
        } else if (cb.onEpochEnd) {
          ({ done, logs } = session.runEpoch());
        } else {
          done = session.trainEpoch();  // no logs object: the hot path
        }
        if (cb.onEpochEnd) await cb.onEpochEnd(epoch, logs ?? session.lastEpochLogs() ?? {});
        if (this.#stopRequested && !(done = session.done)) {
          stoppedByCallback = epoch;
          break;
        }
        if (yieldEvery === 'epoch') await nextTick();
        if (!this.#model) break;  // disposed while fit() waited
      }
    } catch (e) {
      if (this.#model) throw e;  // else: the engine refused because dispose() ended the fit
    } finally {
      engineHistory = session.history();
      session.end();
      this.#stopRequested = false;
      this.#fitting = false;
    }
    if (!this.#model) {
      throw new Error(`fit: the model was disposed while fit() was running; training stopped after ${engineHistory.epoch.length} epoch(s)`);
    }
    const history: History = {
      ...engineHistory,
      params: { epochs: options.epochs ?? FIT_DEFAULTS.epochs, batchSize: options.batchSize ?? FIT_DEFAULTS.batchSize, samples },
    };
    if (stoppedByCallback >= 0) {
      history.stopReason = 'callback';
      history.stoppedEpoch = stoppedByCallback;
      history.stopMessage = 'a callback set stopTraining';
    }
    if (cb.onTrainEnd) await cb.onTrainEnd(history);
    return historyWithAccAliases(history);
  }

  // fit() with nothing to run between epochs (no callbacks, no yield before the last epoch
  // ends): one engine call trains every epoch and returns the history. The same training as
  // the session's loop; on a small network the session's calls would cost a third of an epoch.
  #fitAtOnce(x: TensorLike, y: TensorLike, options: BeginFitArgs): History {
    const [xm, ym, engineOptions] = this.#engineFitArgs(x, y, options);
    this.#stopRequested = false;
    const history = this.#engine.FitLoop.run(this.#m, xm, ym, engineOptions) as History;  // a fresh object: completed in place
    history.params = { epochs: options.epochs ?? FIT_DEFAULTS.epochs, batchSize: options.batchSize ?? FIT_DEFAULTS.batchSize, samples: xm.shape[0] };
    return history;
  }

  // The yield after the last epoch, with the model still owned, as in fit()'s loop.
  async #yieldOwned(epochs: number): Promise<void> {
    this.#fitting = true;
    try {
      await nextTick();
    } finally {
      this.#fitting = false;
    }
    if (!this.#model) throw new Error(`fit: the model was disposed while fit() was running; training stopped after ${epochs} epoch(s)`);
  }

  // fit() taken apart, for callers that train between animation frames (the page's
  // worker): one session runs exactly as fit() would, a batch or an epoch at a time.
  beginFit(x: TensorLike, y: TensorLike, args: Omit<FitArgs, 'callbacks' | 'yieldEvery' | 'verbose'> = {}): FitSession {
    this.#refuseWhileFitting('beginFit');
    this.#session = this.#startFit(x, y, checkBeginFitArgs(args), true);
    return this.#session;
  }

  // `outlives`: the caller may drop the session without end() (beginFit), so the GC must end
  // it; fit() ends its own in a finally block and skips that bookkeeping.
  #startFit(x: TensorLike, y: TensorLike, args: BeginFitArgs, outlives: boolean): EngineFitSession {
    const [xm, ym, options] = this.#engineFitArgs(x, y, args);
    // a beginFit() session answers "disposed" with its model; fit() handles that itself
    const disposed = outlives ? () => !this.#model : undefined;
    return new EngineFitSession(new this.#engine.FitLoop(this.#m, xm, ym, options), xm.shape[0], outlives, disposed);
  }

  #engineFitArgs(x: TensorLike, y: TensorLike, args: BeginFitArgs): [Matrix2D, Matrix2D, EngineFitOptions] {
    const xm = toMatrix(x, 'fit: x');
    const ym = toMatrix(y, 'fit: y');
    const options: EngineFitOptions = {
      batchSize: args.batchSize ?? FIT_DEFAULTS.batchSize,
      epochs: args.epochs ?? FIT_DEFAULTS.epochs,
      initialEpoch: args.initialEpoch ?? 0,
      shuffle: args.shuffle ?? true,
      validationSplit: args.validationSplit ?? 0,
      seed: args.seed,
      earlyStopping: args.earlyStopping ?? null,
      ...(args.validationData
        ? { validationX: toMatrix(args.validationData[0], 'fit: validationData x'), validationY: toMatrix(args.validationData[1], 'fit: validationData y') }
        : {}),
    };
    return [xm, ym, options];
  }

  // Set to true from a callback to end fit() after the current batch (tfjs' model.stopTraining).
  set stopTraining(stop: boolean) {
    check('stopTraining', 'value', stop, booleanRule);
    this.#stopRequested = Boolean(stop);
    if (stop) this.#m.stopTraining();
  }
  get stopTraining(): boolean {
    return this.#stopRequested;
  }

  trainOnBatch(x: TensorLike, y: TensorLike): Logs {
    this.#refuseWhileFitting('trainOnBatch');
    return this.#m.trainOnBatch(toMatrix(x, 'trainOnBatch: x'), toMatrix(y, 'trainOnBatch: y'));
  }

  evaluate(x: TensorLike, y: TensorLike, args: { batchSize?: number } = {}): Logs {
    args = checkBatchOptions('evaluate', args);
    return this.#m.evaluate(toMatrix(x, 'evaluate: x'), toMatrix(y, 'evaluate: y'), args.batchSize ?? FIT_DEFAULTS.batchSize);
  }

  predict(x: TensorLike, args: { batchSize?: number } = {}): Matrix2D {
    args = checkBatchOptions('predict', args);
    return this.#m.predict(toMatrix(x, 'predict: x'), args.batchSize ?? FIT_DEFAULTS.batchSize);
  }

  // The output of every unit of every layer for x: one {data, shape: [rows, units]} per layer.
  // The views below, each sliced once in JavaScript: measured faster than slicing through
  // Embind (bench W3: the copies cost ~15% over the views instead of ~40%).
  layerOutputs(x: TensorLike): Matrix2D[] {
    const xm = toMatrix(x, 'layerOutputs: x');
    const rows = xm.shape[0];
    if (rows > this.#m.rowsPerPass()) {  // the engine's passes (memory budget), errors under this method's name
      try {
        return this.#m.layerOutputs(xm);
      } catch (e) {
        if (e instanceof Error) e.message = e.message.replace(/^layer_outputs:/, 'layerOutputs:');
        throw e;
      }
    }
    return this.#forwardViews(xm).map((view, i) => ({
      data: view.slice(),
      shape: [rows, rows > 0 ? view.length / rows : this.#m.layerInfo(i).units],
    }));
  }

  // The same without copies: views into the engine's memory, valid only until the next
  // call on any model (read them at once; slice() what you keep).
  layerOutputsView(x: TensorLike): Float32Array[] {
    return this.#forwardViews(toMatrix(x, 'layerOutputsView: x'));
  }

  #forwardViews(x: Matrix2D): Float32Array[] {
    const m = this.#m;
    m.forward(x);
    const views: Float32Array[] = [];
    for (let i = 0; i < this.#layers; i++) views.push(m.layerOutputView(i));
    return views;
  }

  computeGradients(x: TensorLike, y: TensorLike): { loss: number; gradients: WeightArray[] } {
    return this.#m.computeGradients(toMatrix(x, 'computeGradients: x'), toMatrix(y, 'computeGradients: y'));
  }

  getWeights(): WeightArray[] {
    return this.#m.getWeights();
  }

  setWeights(weights: { name?: string; shape: number[]; data: ArrayLike<number> }[]): void {
    this.#refuseWhileFitting('setWeights');
    weights = checkWeights(weights, this.layers.flatMap((l) => (l.useBias ? [[l.inputDim, l.units], [l.units]] : [[l.inputDim, l.units]])));
    this.#m.setWeights(weights.map((w, i) => {
      if (!w || !Array.isArray(w.shape) || w.data === undefined) throw new Error(`setWeights: array ${i} needs shape and data`);
      return { name: w.name ?? '', shape: w.shape, data: w.data instanceof Float32Array ? w.data : Float32Array.from(w.data) };
    }));
  }

  // tfjs' model.save: 'file://DIR', 'downloads://NAME', a handler {save(artifacts)}, or no
  // target for the artifacts (tfjs LayersModel format; bindings/src/layersModel/).
  save(): Promise<ModelArtifacts>;
  save(target: SaveTarget): Promise<SaveResult>;
  save(target?: SaveTarget): Promise<ModelArtifacts | SaveResult> {
    return saveModel(this, target);
  }

  // Keras' model.summary() table; printed with printFn (console.log by default) and returned.
  summary(printFn: ((line: string) => void) | null = console.log): string {
    printFn = checkPrintFn(printFn);
    const text = this.#m.summary();
    if (printFn) printFn(text.replace(/\n$/, ''));
    return text;
  }

  get layers(): LayerInfo[] {
    const m = this.#m;  // refuses once disposed, with or without layers
    const out: LayerInfo[] = [];
    for (let i = 0; i < this.#layers; i++) out.push(m.layerInfo(i));
    return out;
  }

  // The compiled optimizer; learningRate can be changed live, between batches; its state
  // by Keras' names (optimizerState.ts).
  get optimizer(): CompiledOptimizer {
    void this.#m;  // refuses once disposed
    return compiledOptimizer(() => this.#m, this.#layers);  // and so does every later use of it
  }

  get isDisposed(): boolean {
    return this.#model === null;
  }

  dispose(): void {
    if (!this.#model) return;  // a running fit() stops at its next step and rejects, saying why
    finalizer.unregister(this);
    this.#model.delete();
    this.#model = null;
  }
}
