// The colour-range rule: whatever the loss, class 0 is drawn in the scale's low colour
// (orange) and class 1 in its high colour (blue); the colour scale spans [-1, 1].
//   tanh (±1 labels):             the output as it is.
//   sigmoid (0/1 labels):         p -> 2p - 1, so p = 0 is orange, not the scale's middle.
//   softmax over 2 units:         p1 - p0, one value on the same scale.
//   softmax over 3 units:         class colours (ColourScale.paint with units >= 3).
//   regression (linear):          the value as it is (the scale clamps at ±1).
// The legend shows the output's own range (legendTicks).
const PROBABILITY_OUTPUTS = ['sigmoid', 'softmax'];

export function toColourRange(value: number, outputActivation: string): number {
  return PROBABILITY_OUTPUTS.includes(outputActivation) ? 2 * value - 1 : value;
}

// A GRID² × units output ready for ColourScale.paint: one unit in [-1, 1] for one output
// or two classes; three or more units stay probabilities (paint shows the likeliest class).
export function outputForColour(values: Float32Array, units: number, outputActivation: string): { values: Float32Array; units: number } {
  if (units === 2) {
    const out = new Float32Array(values.length / 2);
    for (let k = 0; k < out.length; k++) out[k] = values[k * 2 + 1] - values[k * 2];
    return { values: out, units: 1 };
  }
  if (units > 2 || !PROBABILITY_OUTPUTS.includes(outputActivation)) return { values, units };
  return { values: values.map((v) => toColourRange(v, outputActivation)), units: 1 };
}

// One output unit's thumbnail (THUMB² values of that unit) ready for paint: a single unit on
// the [-1, 1] scale; with two softmax units, each unit its class's probability in its class's
// colour (unit 0: grey to orange, unit 1: grey to blue); with three or more, `units` values
// per pixel where only this unit's class is set.
export function unitForColour(values: Float32Array, unit: number, units: number, outputActivation: string): { values: Float32Array; units: number } {
  if (units === 1) return { values: values.map((v) => toColourRange(v, outputActivation)), units: 1 };
  if (units === 2) return { values: values.map((p) => (unit === 1 ? p : -p)), units: 1 };
  const out = new Float32Array(values.length * units);
  for (let k = 0; k < values.length; k++) out[k * units + unit] = values[k] + 1e-6;  // this class wins; its confidence is p
  return { values: out, units };
}

// A test point's colour value: one output on the [-1, 1] scale, else its predicted class.
export function pointValue(output: number[], outputActivation: string): { value: number; isClass: boolean } {
  if (output.length === 1) return { value: toColourRange(output[0], outputActivation), isClass: false };
  return { value: output.indexOf(Math.max(...output)), isClass: true };
}

// The legend's tick labels, left to right: the output's real range.
export function legendTicks(units: number, outputActivation: string): string[] {
  if (units >= 3) return Array.from({ length: units }, (_, c) => String(c));  // class swatches
  if (units === 2 || PROBABILITY_OUTPUTS.includes(outputActivation)) return ['0', '0.5', '1'];
  return ['-1', '0', '1'];
}
