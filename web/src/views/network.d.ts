import { type PlaygroundState } from '../../../bindings/src/state.js';
import type { ColourScale } from './colors.js';
export interface NetworkEvents {
    toggleFeature(feature: string): void;
    setLayers(shape: number[]): void;
    hoverNeuron(layer: number | null, unit: number): void;
    editWeight(layer: number, from: number, to: number, value: number): void;
    editBias(layer: number, unit: number, value: number): void;
}
export declare class NetworkView {
    #private;
    constructor(root: HTMLElement, svg: SVGSVGElement, card: HTMLElement, events: NetworkEvents);
    invalidate(): void;
    setStructure(state: PlaygroundState, outputUnits: number): void;
    setInputThumbs(thumbs: Float32Array): void;
    update(thumbs: Float32Array, outputThumb: Float32Array, outputUnits: number, weights: Float32Array[], biases: Float32Array[], colours: ColourScale, diverged: boolean): void;
}
