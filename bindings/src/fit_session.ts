// FitSession: one fit of a model run a batch or an epoch at a time (the page's worker trains
// between animation frames with it). It wraps the engine's FitLoop; `done` and `epoch` are
// remembered from the last call that could change them, so an epoch costs one engine call.
import type { EngineFitLoop, EngineHistory, EpochReport, Logs } from './engine.mjs';

export type { EpochReport };

export interface FitSession {
  runBatch(): boolean;       // true when that batch ended an epoch
  runEpoch(): EpochReport;   // trains to the end of the epoch: {done, epoch, logs} in one engine call
  readonly done: boolean;
  readonly epoch: number;    // the epoch in progress, or next to start
  runningLogs(): Logs;       // the running averages of the epoch in progress
  lastEpochLogs(): Logs | null;  // the last completed epoch's logs, validation included
  history(): EngineHistory;
  end(): void;               // frees the engine's copy of the data; the session is unusable after
}

// Ends sessions that are garbage-collected without end().
const finalizer = new FinalizationRegistry<EngineFitLoop>((loop) => loop.delete());

export class EngineFitSession implements FitSession {
  #loop: EngineFitLoop | null;
  #done: boolean;
  #epoch: number;
  #stale = false;  // done / epoch may have changed (after a batch that ended an epoch)

  readonly samples: number;  // rows of x (validationSplit's rows included)
  #finalized: boolean;
  #modelDisposed: () => boolean;  // a session of a disposed model answers so (end() still frees it)

  constructor(loop: EngineFitLoop, samples: number, endWhenCollected = true, modelDisposed: () => boolean = () => false) {
    this.#loop = loop;
    this.#modelDisposed = modelDisposed;
    this.samples = samples;
    this.#done = loop.done();
    this.#epoch = loop.epoch();
    this.#finalized = endWhenCollected;
    if (endWhenCollected) finalizer.register(this, loop, this);
  }

  get #l(): EngineFitLoop {
    if (this.#modelDisposed()) throw new Error('fit session: this model has been disposed');
    if (!this.#loop) throw new Error('fit session: this session has ended (end() was called); start another with beginFit()');
    return this.#loop;
  }

  #refresh(): void {
    if (!this.#stale) return;
    this.#done = this.#l.done();
    this.#epoch = this.#l.epoch();
    this.#stale = false;
  }

  runBatch(): boolean {
    const ended = this.#l.runBatch();
    if (ended) this.#stale = true;  // only the end of an epoch changes done / epoch
    return ended;
  }

  runEpoch(): EpochReport {
    const report = this.#l.runEpoch();
    this.#done = report.done;
    this.#epoch = report.epoch;
    this.#stale = false;
    return report;
  }

  // The hot path of Sequential.fit(): no logs object built.
  trainEpoch(): boolean {
    this.#done = this.#l.trainEpoch();
    this.#stale = true;
    return this.#done;
  }

  // Not ended and not done: the session owns its model.
  get running(): boolean {
    if (!this.#loop) return false;
    this.#refresh();
    return !this.#done;
  }

  get done(): boolean {
    void this.#l;  // refuses once ended
    this.#refresh();
    return this.#done;
  }

  get epoch(): number {
    void this.#l;  // refuses once ended
    this.#refresh();
    return this.#epoch;
  }

  runningLogs(): Logs {
    return this.#l.runningLogs();
  }

  lastEpochLogs(): Logs | null {
    return this.#l.lastEpochLogs();
  }

  history(): EngineHistory {
    return this.#l.history();
  }

  end(): void {
    if (!this.#loop) return;
    if (this.#finalized) finalizer.unregister(this);
    this.#loop.delete();
    this.#loop = null;
  }
}
