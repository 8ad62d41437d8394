// The colour-range rule (web/src/outputRange.ts with views/colors.ts) as functions: whatever
// the loss, class 0 is orange and class 1 blue on the plot, the output nodes and the test points,
// and the legend is ticked in the output's own range. The Chromium journey
// (tests/e2e/learner-weights.test.mjs, "the colours follow the output range") checks the pixels a learner sees.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { init } from 'nnplay';
import { importPage } from './page-modules.mjs';

let nn, m;
before(async () => {
  nn = await init();
  m = await importPage(`
    export { outputForColour, unitForColour, pointValue, legendTicks, toColourRange } from './web/src/outputRange.ts';
    export { ColourScale } from './web/src/views/colors.ts';
  `);
});

// The colour ColourScale.paint gives one pixel of (values, units).
function pixel(values, units) {
  const px = new Uint8ClampedArray(4);
  new m.ColourScale('default').paint(Float32Array.from(values), units, px, { discretize: false, alpha: 255, grey: false });
  return [...px.slice(0, 3)];
}
const isOrange = ([r, , b]) => r > b + 60;
const isBlue = ([r, , b]) => b > r + 60;

// A confident output for class c (0 or 1) as each loss's output layer gives it.
const OUTPUTS = {
  mse: { activation: 'tanh', units: 1, of: (c) => [c ? 0.95 : -0.95], ticks: ['-1', '0', '1'] },
  binary_crossentropy: { activation: 'sigmoid', units: 1, of: (c) => [c ? 0.97 : 0.03], ticks: ['0', '0.5', '1'] },
  categorical_crossentropy: { activation: 'softmax', units: 2, of: (c) => (c ? [0.03, 0.97] : [0.97, 0.03]), ticks: ['0', '0.5', '1'] },
};

test('the plan gives each loss the output this rule colours (tanh, sigmoid, 2 softmax units)', () => {
  for (const [loss, o] of Object.entries(OUTPUTS)) {
    const plan = nn.playground.plan(nn.state.parse(`#dataset=gauss&loss=${loss}`, '1').state);
    assert.deepEqual([plan.outputActivation, plan.outputUnits], [o.activation, o.units], loss);
  }
});

test('under mse, binary and categorical cross entropy class 0 is orange and class 1 blue: plot, output nodes, test points, legend', () => {
  for (const [loss, o] of Object.entries(OUTPUTS)) {
    for (const c of [0, 1]) {
      const want = c ? isBlue : isOrange;
      const plot = m.outputForColour(Float32Array.from(o.of(c)), o.units, o.activation);
      assert.ok(want(pixel(plot.values, plot.units)), `${loss}: the plot for class ${c}: ${pixel(plot.values, plot.units)}`);
      // the output node of class c (one unit: the unit itself; two: unit c)
      const unit = o.units === 2 ? c : 0;
      const node = m.unitForColour(Float32Array.from([o.of(c)[unit]]), unit, o.units, o.activation);
      assert.ok(want(pixel(node.values, node.units)), `${loss}: the output node for class ${c}`);
      const point = m.pointValue(o.of(c), o.activation);
      assert.ok(want(pixel([point.isClass ? (point.value ? 1 : -1) : point.value], 1)), `${loss}: a test point of class ${c}`);
    }
    assert.deepEqual(m.legendTicks(o.units, o.activation), o.ticks, `${loss}: legend ticks`);
  }
  // three classes: the class colours, one swatch each
  assert.deepEqual(m.legendTicks(3, 'softmax'), ['0', '1', '2']);
  const scale = new m.ColourScale('default');
  assert.deepEqual(scale.classes, [[0xf5, 0x93, 0x22], [0x08, 0x77, 0xbd], [0x2c, 0xa0, 0x2c]]);
  assert.deepEqual(pixel([0, 0, 1], 3), [0x2c, 0xa0, 0x2c], 'a certain third class is painted in its class colour');
  const [r, g, b] = pixel([0.1, 0.2, 0.7], 3);
  assert.ok(g > r + 40 && g > b + 40, `the likeliest of three, green, paler as it is less sure: ${[r, g, b]}`);
});

test('a sigmoid probability of 0.5 is the scale\'s middle (grey), not orange', () => {
  assert.equal(m.toColourRange(0.5, 'sigmoid'), 0);
  assert.equal(m.toColourRange(0.5, 'tanh'), 0.5);
  const [r, g, b] = pixel([m.toColourRange(0.5, 'sigmoid')], 1);
  assert.ok(Math.abs(r - b) < 40 && g > 200, `grey: ${[r, g, b]}`);
});
