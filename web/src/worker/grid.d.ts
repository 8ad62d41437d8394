export declare function gridPoints(): Float32Array;
export declare function thumbnail(values: Float32Array, units: number, unit: number, out: Float32Array, offset: number): void;
export declare function column(values: Float32Array, units: number, unit: number): Float32Array;
