import { type PlaygroundState } from '../../../bindings/src/state.js';
import type { Store } from '../state/store.js';
export declare const SPEEDS: number[];
export declare function byId<T extends HTMLElement = HTMLElement>(id: string): T;
export declare class Controls {
    #private;
    constructor(store: Store);
    build(): void;
    bind(): void;
    render(state: PlaygroundState): void;
    renderHyper(state: PlaygroundState): void;
    renderOutput(outputActivation: string, notes: string[]): void;
}
export declare function applyHides(state: PlaygroundState): void;
