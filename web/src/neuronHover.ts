// The neuron under the pointer in the network view: once the worker has sent its output
// over the grid, the plot shows that instead of the model's output.
export interface Neuron {
  layer: number;  // -1: an input feature
  unit: number;
}

export class NeuronHover {
  #target: Neuron | null = null;
  #grid: Float32Array | null = null;

  // The neuron to ask the worker for; null when the pointer left (layer null).
  set(layer: number | null, unit: number): Neuron | null {
    this.#target = layer === null ? null : { layer, unit };
    this.#grid = null;
    return this.#target;
  }

  // Keeps a grid from the worker if it is still the hovered neuron's; true when kept.
  receive(m: Neuron & { grid: Float32Array }): boolean {
    if (!this.#target || this.#target.layer !== m.layer || this.#target.unit !== m.unit) return false;
    this.#grid = m.grid;
    return true;
  }

  get grid(): Float32Array | null {
    return this.#target ? this.#grid : null;
  }
}
