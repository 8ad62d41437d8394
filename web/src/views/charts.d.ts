import type { Metrics } from '../protocol.js';
export declare class Charts {
    #private;
    constructor(lossEl: HTMLElement, accEl: HTMLElement, labels: {
        train: string;
        valid: string;
        loss: string;
        acc: string;
    });
    clear(): void;
    append(metrics: Metrics[]): void;
    get length(): number;
}
