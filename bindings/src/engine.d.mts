// Types of the Embind module bindings/embind.cpp builds (written by hand: Emscripten
// 3.1.6 cannot generate them). Internal: users see the API of index.ts.
import type { EngineStopReason } from './stopReason.js';

export interface Matrix2D {
  data: Float32Array;
  shape: [number, number];
}

export interface WeightArray {
  name: string;
  shape: number[];
  data: Float32Array;
}

export type Logs = Record<string, number>;

export interface EngineHistory {
  epoch: number[];
  history: Record<string, number[]>;
  stopReason: EngineStopReason;  // stopReason.ts: max_epochs, early_stopping, diverged, non_finite_weights, callback
  stoppedEpoch: number;
  stopMessage: string;
}

export interface EngineCompileConfig {
  optimizer: string;  // the class name
  optimizerOptions?: Record<string, number>;  // Keras' names, booleans as 0 / 1
  loss: string;
  metrics?: string[];
}

export interface EngineDenseConfig {
  units: number;
  activation?: string;
  useBias?: boolean;
  kernelInitializer?: string;
  biasInitializer?: string;
  l1?: number;
  l2?: number;
  inputDim?: number;
}

export interface EngineFitOptions {
  batchSize?: number;
  epochs?: number;
  initialEpoch?: number;
  shuffle?: boolean;
  validationSplit?: number;
  validationX?: Matrix2D;
  validationY?: Matrix2D;
  seed?: number;
  earlyStopping?: {
    monitor?: string;
    minDelta?: number;
    patience?: number;
    mode?: string;
    baseline?: number | null;
    restoreBestWeights?: boolean;
  } | null;
}

export interface EngineModel {
  addDense(config: EngineDenseConfig): void;
  compile(config: EngineCompileConfig): void;
  stopTraining(): void;
  trainOnBatch(x: Matrix2D, y: Matrix2D): Logs;
  evaluate(x: Matrix2D, y: Matrix2D, batchSize: number): Logs;
  predict(x: Matrix2D, batchSize: number): Matrix2D;
  forward(x: Matrix2D): void;
  layerOutputView(layer: number): Float32Array;
  layerOutputs(x: Matrix2D): Matrix2D[];  // copies, in passes within the memory budget
  rowsPerPass(): number;                   // rows one forward pass takes (forward refuses more)
  computeGradients(x: Matrix2D, y: Matrix2D): { loss: number; gradients: WeightArray[] };
  getWeights(): WeightArray[];
  setWeights(weights: { name?: string; shape: number[]; data: ArrayLike<number> }[]): void;
  summary(): string;
  setLearningRate(lr: number): void;
  learningRate(): number;
  optimizerConfig(): Record<string, number | string>;
  optimizerState(layer: number, which: ''): WeightArray[];
  optimizerState(layer: number, which: string): EngineParameterState;
  recordSteps(on: boolean): void;
  landscape(x: Matrix2D, y: Matrix2D, options: EngineLandscapeOptions, trajectory: ArrayLike<number>[]): EngineLandscape;
  layerInfo(i: number): { name: string; units: number; inputDim: number; activation: string; useBias: boolean };
  delete(): void;
}

export interface EngineParameterState {
  name: string;
  shape: number[];
  value: Float32Array;
  gradient: Float32Array;
  update: Float32Array;
  slots: Record<string, Float32Array>;
}

export interface EngineLandscapeOptions {
  directions?: string;
  span?: number;
  resolution?: number;
  seed?: number;
}

export interface EngineLandscape {
  alpha: Float64Array;
  beta: Float64Array;
  loss: Matrix2D;
  path: Float64Array;               // α₀, β₀, α₁, β₁, … (landscape.ts pairs them)
  centerLoss: number;
  explainedVariance: Float64Array;  // [first, second]
}

// The state after an epoch: whether the fit has ended, the epoch in progress or next to
// start (as epoch()), and the last completed epoch's logs (null before the first).
export interface EpochReport {
  done: boolean;
  epoch: number;
  logs: Logs | null;
}

// One fit of a model (nnplay::FitLoop): the same names mean the same there. delete() ends it.
export interface EngineFitLoop {
  runBatch(): boolean;         // true when that batch ended an epoch
  trainEpoch(): boolean;       // trains to the end of the epoch; true when the fit is done
  runEpoch(): EpochReport;     // trainEpoch(), then the state after it, in one call
  done(): boolean;
  epoch(): number;             // the epoch in progress, or next to start
  runningLogs(): Logs;         // the running averages of the epoch in progress
  lastEpochLogs(): Logs | null;
  history(): EngineHistory;
  delete(): void;
}

export interface EngineScalarOptimizer {
  step(w: number, gradient: number): number;
  delete(): void;
}

export interface Engine {
  Model: new (seed: number) => EngineModel;
  FitLoop: {
    new (model: EngineModel, x: Matrix2D, y: Matrix2D, options: EngineFitOptions): EngineFitLoop;
    run(model: EngineModel, x: Matrix2D, y: Matrix2D, options: EngineFitOptions): EngineHistory;  // every epoch, in one call
  };
  ScalarOptimizer: new (name: string, options: Record<string, number>) => EngineScalarOptimizer;
  generateDataset(type: string, noise: number, seed: number, samples: number): {
    type: string;
    points: Matrix2D;
    labels: Matrix2D;
    classes: number;
  };
  splitDataset(x: Matrix2D, y: Matrix2D, trainingRatio: number, seed: number): {
    xTrain: Matrix2D;
    yTrain: Matrix2D;
    xValid: Matrix2D;
    yValid: Matrix2D;
  };
  makeFeatures(points: Matrix2D, names: string[]): Matrix2D;
  trueLabel(type: string, x: number, y: number): number | null;
  seedFromString(text: string): number;
  heapBytesInUse(): number;
  heapSize(): number;
}

declare const createNnplayEngine: (options?: Record<string, unknown>) => Promise<Engine>;
export default createNnplayEngine;
