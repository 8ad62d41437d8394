import type { TestResult } from '../protocol.js';
export declare class TestTable {
    #private;
    points: [number, number][];
    constructor(table: HTMLTableElement, summary: HTMLElement, head: HTMLElement);
    add(x: number, y: number): void;
    clear(): void;
    render(result: TestResult, problem: 'classification' | 'regression', classes: number, outputActivation: string): void;
}
