import type { ColourScale } from './colors.js';
export interface PointSet {
    points: Float32Array;
    labels: Float32Array;
    stroke: string;
    ring?: boolean;
}
export declare class Heatmap {
    #private;
    constructor(canvas: HTMLCanvasElement, overlay: HTMLCanvasElement, coords: HTMLElement, onClick: (x: number, y: number) => void);
    draw(values: Float32Array, units: number, colours: ColourScale, opts: {
        discretize: boolean;
        grey: boolean;
    }): void;
    get values(): Float32Array | null;
    get units(): number;
    setPoints(sets: PointSet[], classes: number): void;
    drawPoints(colours: ColourScale): void;
}
