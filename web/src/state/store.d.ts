import { type PlaygroundState } from '../../../bindings/src/state.js';
import type { Rebuild } from '../protocol.js';
export type Listener = (state: PlaygroundState, rebuild: Rebuild, changed: string[]) => void;
export declare class Store {
    #private;
    state: PlaygroundState;
    readonly notices: string[];
    constructor(hash: string);
    subscribe(listener: Listener): void;
    update(patch: Partial<PlaygroundState>): void;
    writeUrl(): void;
}
