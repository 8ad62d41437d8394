// The colour-range rule: the colour scale spans [-1, 1], so an output in its activation's
// range is mapped there. A probability (sigmoid, softmax: [0, 1]) is stretched to 2p - 1;
// tanh's [-1, 1] and a regression's value are used as they are (the scale clamps).
const PROBABILITY_OUTPUTS = ['sigmoid', 'softmax'];

export function toColourRange(value: number, outputActivation: string): number {
  return PROBABILITY_OUTPUTS.includes(outputActivation) ? 2 * value - 1 : value;
}

// A GRID² × units output ready for ColourScale.paint: one unit in [-1, 1]; several units
// stay probabilities (paint shows the likeliest class).
export function outputForColour(values: Float32Array, units: number, outputActivation: string): Float32Array {
  if (units > 1 || !PROBABILITY_OUTPUTS.includes(outputActivation)) return values;
  return values.map((v) => toColourRange(v, outputActivation));
}
