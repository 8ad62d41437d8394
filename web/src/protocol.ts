// Messages between the page (main thread) and the training worker. Data flows one way:
// controls -> state -> worker (engine) -> snapshots -> views.
import type { Message } from '../../bindings/src/messages.js';
import type { StopReason } from '../../bindings/src/stopReason.js';
import type { PlaygroundState, Rebuild } from '../../bindings/src/state.js';

export const GRID = 100;       // the heatmap's resolution (the playground's DENSITY)
export const THUMB = 25;       // a neuron thumbnail's resolution (block average of the grid)
export const DOMAIN = 6;       // the plot shows [-6, 6]²
export const CSV_MAX_BYTES = 2 * 1024 * 1024;  // the largest CSV file the page imports

// What a change of state needs: the schema says it per key (bindings/src/state.ts).
export type { Rebuild };

export type ExportKind = 'data' | 'history' | 'weights' | 'notebook';

export type ToWorker =
  | { type: 'configure'; state: PlaygroundState; rebuild: Rebuild }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step' }        // one epoch
  | { type: 'stepBatch' }   // one mini-batch
  | { type: 'reset' }       // the same initial weights again
  | { type: 'learningRate'; value: number }
  | { type: 'speed'; epochsPerFrame: number }  // 0: as many as fit in a frame
  | { type: 'setWeight'; layer: number; from: number; to: number; value: number }
  | { type: 'setBias'; layer: number; unit: number; value: number }
  | { type: 'test'; points: [number, number][] }  // the clicked test points
  | { type: 'testFresh'; samples: number }  // fresh test points from the dataset's generator, new seed
  | { type: 'testClear' }
  | { type: 'neuron'; layer: number; unit: number }  // layer -1: an input feature
  | { type: 'thumbnails' }  // 200 noise-free points of every dataset, for the pickers
  | { type: 'export'; what: ExportKind }
  | { type: 'notebook'; lang: 'ja' | 'en' }  // the run as a notebook (answered as an 'export')
  | { type: 'custom'; points: Float32Array; classes: Float32Array }  // own data (class indices 0, 1, 2)
  | { type: 'parseCsv'; file: Blob; maxRows: number }  // own data from a CSV file, read off the main thread
  | { type: 'descend'; optimizer: string; learningRate: number; w0: number; steps: number }
  | { type: 'compareStart'; states: PlaygroundState[]; epochs: number; setting: string }  // setting: the compared key
  | { type: 'compareFrame' }
  | { type: 'inspect'; target: number[] | null }  // [layer, from, to] or [layer, unit]; null: off
  | { type: 'landscape'; directions: 'off' | 'random' | 'pca' }
  | { type: 'saveModel' }               // the model as tfjs LayersModel files
  | { type: 'loadModel'; files: File[] }  // model.json + .bin chosen or dropped on the page
  | { type: 'adoptWeights'; weights: { shape: number[]; data: Float32Array }[] }  // a loaded model's, from epoch 0
  | { type: 'frame' };

export interface Metrics {
  loss: number;
  valLoss: number | null;
  acc: number | null;      // classification only
  valAcc: number | null;
  epoch?: number;          // the chart's x: the epoch it ends (0: before training, evaluated)
}

// What a read-out's numbers are: the last epoch's (train: the mean over its batches, as
// Keras' fit() reports; validation: at the weights after it), or evaluated at the current
// weights (epoch 0, after one batch, after a weight edit), as evaluate() gives.
export type ReadoutKind = 'epochMean' | 'current';

export interface Snapshot {
  type: 'snapshot';
  epoch: number;           // epochs completed
  batch: number;           // batches done in the epoch in progress
  batches: number;         // batches per epoch
  playing: boolean;
  metrics: Metrics | null; // of the last completed epoch; evaluated at epoch 0, after one batch and after a weight edit
  metricsKind: ReadoutKind; // which of the two the metrics are
  newEpochs: Metrics[];    // completed since the last snapshot, for the charts
  output: Float32Array;    // GRID² × output units: the output over the grid
  thumbs: Float32Array;    // hidden units × THUMB²
  weights: Float32Array[]; // per layer: kernel [in, out] row-major
  biases: Float32Array[];  // per layer: [out]
  stopped: StopReason | null;  // why training stopped (max epochs, early stopping, divergence); null: it has not
  stop: Message | null;    // the same in words, as a code and parameters (the page words it)
  diverged: boolean;       // stopped on a non-finite loss or weights: Play cannot go on
  epochsPerSecond: number;
  handled: number;         // the page's messages the worker had handled when it made this snapshot (a snapshot
                           // older than the reader's last Play must not undo it: web/src/playback.ts)
}

export interface DataInfo {
  type: 'data';
  train: { points: Float32Array; labels: Float32Array };  // points [n, 2]; labels: class index (0, 1, 2) or a real value
  valid: { points: Float32Array; labels: Float32Array };
  classes: number;         // 2, 3, or 0 (regression)
  features: string[];
  inputThumbs: Float32Array;  // all seven features × THUMB², in FEATURE_KEYS order
  layers: number[];        // units per layer, input features first
  outputActivation: string;
  notes: Message[];        // adjustments the loss needed
  loss: string;            // the loss in use (Keras name): the ½ display scale applies to squared error only
}

export interface TestResult {
  type: 'test';
  // truth: ±1 (two classes), a class index (three), a value (regression); null where no rule gives it
  rows: { x: number; y: number; output: number[]; truth: number | null; fresh: boolean }[];
  loss: number | null;     // over the rows that have a true label
  acc: number | null;
  dataset: string;         // the dataset the truths are of
  fresh: number;           // how many rows the generator drew (the last rows)
  note: 'datasetChanged' | null;
}

export type FromWorker =
  | { type: 'ready' }
  | DataInfo
  | Snapshot
  | TestResult
  | { type: 'neuron'; layer: number; unit: number; grid: Float32Array }
  | { type: 'thumbnails'; sets: { name: string; points: Float32Array; labels: Float32Array }[] }
  | { type: 'export'; what: ExportKind; text: string }
  | { type: 'descend'; path: number[] }
  | CsvParsed
  | CompareResult
  | InspectorInfo
  | LandscapeInfo
  | { type: 'modelSaved'; json: { name: string; text: string }; weights: { name: string; data: ArrayBuffer } }
  | ModelLoaded
  | { type: 'error'; message: string; missing?: string };  // missing: a file of the page that did not load (the page names it)

// A model file read: the state changes and weights that show it, or why it does not fit.
export type ModelLoaded =
  | { type: 'modelLoaded'; ok: true; changes: Partial<PlaygroundState>; weights: { shape: number[]; data: Float32Array }[]; done: Message }
  | { type: 'modelLoaded'; ok: false; why: Message };

// The optimizer inspector: one weight, its last step and its last ~100 batches.
export interface InspectorInfo {
  type: 'inspector';
  target: number[];          // [layer, from, to] or [layer, unit]
  optimizer: string;         // Keras' class name
  config: Record<string, number | string>;  // learning_rate, beta_1, …, iterations
  iterations: number;        // t of the last step (0: none yet)
  w: number;                 // now
  g: number;                 // the last step's gradient
  dw: number;                // the last step's update (new w − old w)
  before: Record<string, number>;  // the slots before the last step
  after: Record<string, number>;   // the slots after it
  momentumCache: number | null;    // Nadam: Π mu_i after the last step
  history: { w: number[]; g: number[]; dw: number[] };  // oldest first
  diverged: boolean;         // training stopped on a non-finite loss: the last step was not applied
}

// The loss landscape around the current weights, with the path of training.
export interface LandscapeInfo {
  type: 'landscape';
  directions: 'random' | 'pca';
  alpha: number[];
  beta: number[];
  loss: Float32Array;        // [beta][alpha]
  path: [number, number][];
  centerLoss: number;
  explained: [number, number];
  ms: number;                // how long the engine took
  diverged: boolean;         // training stopped on a non-finite loss (the weights are the last finite ones)
}

// Side by side: runs that train in lockstep on the same data (and, where the shapes allow,
// the same initial weights).
export interface CompareResult {
  type: 'compare';
  epoch: number;
  done: boolean;
  runs: { metrics: Metrics | null; newEpochs: Metrics[]; output: Float32Array; units: number; outputActivation: string; diverged: boolean; loss: string }[];
  landscape: SharedLandscape | null;  // when one is due
  sharedLandscape: boolean;           // whether the runs share one (the same network, data and loss)
}

// The side-by-side runs' paths over one landscape around their common initial weights.
export interface SharedLandscape {
  directions: 'random' | 'pca';
  alpha: number[];
  beta: number[];
  loss: Float32Array;        // [beta][alpha]
  paths: [number, number][][];  // per run, its epochs' (α, β), the initial weights first
  leaving: number;           // the run whose path leaves the frame (-1: none)
  diverged: boolean[];       // per run: its weights blew up (its path ends at the last finite ones)
  centerLoss: number;        // at the initial weights
  ms: number;
}

// A CSV file read for own data: the points (x, y pairs), their labels and file lines, and one
// message per bad row.
export interface CsvParsed {
  type: 'parseCsv';
  points: Float32Array;
  labels: Float32Array;
  rows: number[];
  errors: Message[];
}
