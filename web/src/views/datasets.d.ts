import type { ColourScale } from './colors.js';
type Sets = {
    name: string;
    points: Float32Array;
    labels: Float32Array;
}[];
export declare class DatasetPicker {
    #private;
    constructor(root: HTMLElement, onPick: (name: string) => void);
    setThumbnails(sets: Sets): void;
    render(problem: 'classification' | 'regression', selected: string, colours: ColourScale): void;
}
export {};
