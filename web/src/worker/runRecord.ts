// What the notebook needs of the page's run (docs/KERAS_SEMANTICS.md §8): its state, data and
// weights as they were at its first batch, and whether it was changed while it trained (an
// edited weight, a new learning rate, new own data), after how many epochs. The worker owns the
// model, so the start is kept here, copied when the model is built.
import type { CustomData, Sequential, WeightArray } from '../../../bindings/src/index.js';
import type { PreparedData } from '../../../bindings/src/playgroundEngine.js';
import type { PlaygroundState } from '../../../bindings/src/state.js';

export type RunChange = 'weights' | 'learningRate' | 'data';

export class RunRecord {
  state!: PlaygroundState;
  data!: PreparedData;
  custom: CustomData | undefined;
  weights: WeightArray[] = [];
  changed: RunChange | null = null;
  changedAfter = Infinity;  // epochs completed before the first change

  // A new model (or a reset): the run starts from its weights.
  start(state: PlaygroundState, data: PreparedData, custom: CustomData | undefined, model: Sequential): void {
    this.state = state;
    this.data = data;
    this.custom = custom;
    this.weights = model.getWeights();  // copies, not views of wasm memory
    this.changed = null;
    this.changedAfter = Infinity;
  }

  // A change made while the run trains. Before its first batch the change is still its start.
  change(what: RunChange, epochsDone: number, batchesDone: number, now: { state: PlaygroundState; data: PreparedData; custom: CustomData | undefined; model: Sequential }): void {
    if (epochsDone === 0 && batchesDone === 0) {
      this.start(now.state, now.data, now.custom, now.model);
    } else if (this.changed === null) {
      this.changed = what;
      this.changedAfter = epochsDone;
    }
  }
}
