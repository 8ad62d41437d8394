import type { PlaygroundState } from '../../bindings/src/state.js';
export declare const GRID = 100;
export declare const THUMB = 25;
export declare const DOMAIN = 6;
export type Rebuild = 'data' | 'model' | 'session' | 'none';
export type ToWorker = {
    type: 'configure';
    state: PlaygroundState;
    rebuild: Rebuild;
} | {
    type: 'play';
} | {
    type: 'pause';
} | {
    type: 'step';
} | {
    type: 'stepBatch';
} | {
    type: 'reset';
} | {
    type: 'learningRate';
    value: number;
} | {
    type: 'speed';
    epochsPerFrame: number;
} | {
    type: 'setWeight';
    layer: number;
    from: number;
    to: number;
    value: number;
} | {
    type: 'setBias';
    layer: number;
    unit: number;
    value: number;
} | {
    type: 'test';
    points: [number, number][];
} | {
    type: 'neuron';
    layer: number;
    unit: number;
} | {
    type: 'thumbnails';
} | {
    type: 'frame';
};
export interface Metrics {
    loss: number;
    valLoss: number | null;
    acc: number | null;
    valAcc: number | null;
}
export interface Snapshot {
    type: 'snapshot';
    epoch: number;
    batch: number;
    playing: boolean;
    metrics: Metrics | null;
    newEpochs: Metrics[];
    output: Float32Array;
    thumbs: Float32Array;
    weights: Float32Array[];
    biases: Float32Array[];
    stopped: string | null;
    diverged: boolean;
    epochsPerSecond: number;
}
export interface DataInfo {
    type: 'data';
    train: {
        points: Float32Array;
        labels: Float32Array;
    };
    valid: {
        points: Float32Array;
        labels: Float32Array;
    };
    classes: number;
    features: string[];
    inputThumbs: Float32Array;
    layers: number[];
    outputActivation: string;
    notes: string[];
}
export interface TestResult {
    type: 'test';
    rows: {
        x: number;
        y: number;
        output: number[];
        truth: number | null;
    }[];
    loss: number | null;
    acc: number | null;
}
export type FromWorker = {
    type: 'ready';
} | DataInfo | Snapshot | TestResult | {
    type: 'neuron';
    layer: number;
    unit: number;
    grid: Float32Array;
} | {
    type: 'thumbnails';
    sets: {
        name: string;
        points: Float32Array;
        labels: Float32Array;
    }[];
} | {
    type: 'error';
    message: string;
};
