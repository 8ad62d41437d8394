export type Palette = 'default' | 'cb';
export declare class ColourScale {
    readonly shades: Uint8ClampedArray;
    readonly classes: [number, number, number][];
    readonly palette: Palette;
    constructor(palette: Palette);
    index(v: number): number | null;
    css(v: number): string;
    classCss(c: number): string;
    paint(values: Float32Array, units: number, pixels: Uint8ClampedArray, opts: {
        discretize: boolean;
        alpha: number;
        grey: boolean;
    }): void;
}
