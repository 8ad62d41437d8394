// Whether a loaded tfjs model fits the page (web/src/modelFit.ts): a pure rule, checked here
// over the page's state without a browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importPage } from './page-modules.mjs';

const m = await importPage("export * from './web/src/modelFit.ts'; export { defaultState } from './bindings/src/state.ts';");

const dense = (inputDim, units, activation, useBias = true) => ({ inputDim, units, activation, useBias });
const net = (inputs, hidden, activation, out = [1, 'tanh']) => {
  const sizes = [inputs, ...hidden];
  return [...hidden.map((u, i) => dense(sizes[i], u, activation)), dense(sizes.at(-1), out[0], out[1])];
};

test('a fitting model: its hidden shape and activation become the state; the loss follows a sigmoid or softmax output', () => {
  const s = m.defaultState('0.5');
  const fit = m.modelFit(net(2, [5, 3], 'relu'), s);
  assert.equal(fit.ok, true);
  assert.deepEqual(fit.changes, { networkShape: [5, 3], activation: 'relu' });
  assert.deepEqual(fit.summary, { inputs: 2, hidden: '5, 3', activation: 'relu', outputUnits: 1, outputActivation: 'tanh' });
  assert.deepEqual(m.modelFit(net(2, [4], 'tanh', [1, 'sigmoid']), s).changes, { networkShape: [4], activation: 'tanh', loss: 'binary_crossentropy' });
  assert.deepEqual(m.modelFit(net(2, [4], 'tanh', [2, 'softmax']), s).changes, { networkShape: [4], activation: 'tanh', loss: 'categorical_crossentropy' });
  assert.deepEqual(m.modelFit(net(2, [], 'tanh'), s).changes, { networkShape: [] }, 'no hidden layer: the activation stays');
  assert.deepEqual(m.modelFit(net(2, [2], 'elu'), { ...s, loss: 'binary_crossentropy' }).changes, { networkShape: [2], activation: 'elu', loss: 'mse' });
  // 3 features ticked: a 3-input model fits
  assert.equal(m.modelFit(net(3, [2], 'tanh'), { ...s, xSquared: true }).ok, true);
  // regression: a linear output
  assert.equal(m.modelFit(net(2, [2], 'tanh', [1, 'linear']), { ...s, problem: 'regression' }).ok, true);
});

const why = (fit) => (assert.equal(fit.ok, false), fit.why);

test('a model that does not fit: each reason as a message code with its numbers', () => {
  const s = m.defaultState('0.5');
  assert.deepEqual(why(m.modelFit(net(3, [2], 'tanh'), s)).params, { inputs: 3, features: 2, names: 'x, y' });
  assert.equal(why(m.modelFit(net(2, [2], 'tanh'), { ...s, xSquared: true, sinX: true })).code, 'model.inputs');
  assert.deepEqual(why(m.modelFit(net(2, [1, 1, 1, 1, 1, 1, 1], 'tanh'), s)).params, { layers: 7, max: 6 });
  assert.deepEqual(why(m.modelFit(net(2, [3, 9], 'tanh'), s)).params, { layer: 2, units: 9, max: 8 });
  const mixed = net(2, [3, 3], 'tanh');
  mixed[1].activation = 'relu';
  assert.deepEqual(why(m.modelFit(mixed, s)).params, { activations: 'tanh, relu' });
  assert.equal(why(m.modelFit(net(2, [3], 'softmax'), s)).code, 'model.activation');
  const noBias = net(2, [3], 'tanh');
  noBias[1].useBias = false;
  assert.deepEqual(why(m.modelFit(noBias, s)).params, { layer: 2 });
  const out = why(m.modelFit(net(2, [3], 'tanh', [1, 'relu']), s));
  assert.equal(out.code, 'model.output');
  assert.match(out.text, /The output layer is 1 unit\(s\) with "relu"; for this classification setup the page's output is 1 unit\(s\) with "tanh"/);
  assert.equal(why(m.modelFit(net(2, [3], 'tanh', [3, 'softmax']), s)).code, 'model.output', 'three units for two classes');
  assert.equal(why(m.modelFit(net(2, [3], 'tanh', [1, 'sigmoid']), { ...s, problem: 'regression' })).code, 'model.output');
});
