// The playground state schema: the Deep Insider playground's links, round trips, and
// malformed or hostile hashes falling back to defaults with a notice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nn } from './helpers.mjs';

const { parse, serialize, defaults } = nn.state;

// A real embedding link of the tutorial series (docs/PLAYGROUND.md §2.7), abridged where marked …
const deepInsiderLink = '#activation=tanh&activspacer=false&loss=mse&batchSize=10&batchFull=false&dataset=gauss&regDataset=reg-plane&learningRate=0.03&regularizationRate=0&noise=0&networkShape=&seed=0.17900&showTrainData=true&showValidationData=false&showTestData=true&discretize=false&percTrainData=50&x=true&y=true&xTimesY=false&xSquared=false&ySquared=false&sinX=false&sinY=false&problem=classification&initOrigin=false&hideText=true&xSquared_hide=true&ySquared_hide=true&xTimesY_hide=true&sinX_hide=true&sinY_hide=true';

test('a Deep Insider link opens its setup with no notice', () => {
  const { state, notices } = parse(deepInsiderLink);
  assert.deepEqual(notices, []);
  assert.equal(state.dataset, 'gauss');
  assert.deepEqual(state.networkShape, []);
  assert.equal(state.seed, '0.17900');
  assert.equal(state.hideText, true);
  assert.equal(state.showTestData, true);
  assert.deepEqual(state.hide, ['xSquared', 'ySquared', 'xTimesY', 'sinX', 'sinY']);
  assert.equal(state.optimizer, 'sgd');  // nnplay's own key, defaulted
});

test('serialize then parse gives the same state, in the Deep Insider key order', () => {
  const s = defaults('0.12345');
  s.networkShape = [8, 8, 3];
  s.learningRate = 0.003;
  s.optimizer = 'adam';
  s.beta1 = 0.8;
  s.regularization = 'L2';
  s.regularizationRate = 0.03;
  s.hide = ['playButton'];
  const hash = serialize(s);
  assert.ok(hash.startsWith('#activation=tanh&activspacer=false&loss=mse&regularization=L2&batchSize=10'));
  assert.match(hash, /networkShape=8,8,3&seed=0\.12345/);
  assert.match(hash, /&beta1=0\.8&/);
  assert.ok(!hash.includes('momentum='), 'unset optimizer options are not written');
  assert.ok(hash.endsWith('&playButton_hide=true'));
  const back = parse(hash);
  assert.deepEqual(back.notices, []);
  assert.deepEqual(back.state, s);
  // regularization=none is omitted, as upstream does
  assert.ok(!serialize(defaults('1')).includes('regularization='));
});

test('missing keys take defaults; the seed is generated when absent', () => {
  const { state, notices } = parse('#learningRate=0.3');
  assert.deepEqual(notices, []);
  assert.equal(state.learningRate, 0.3);
  assert.equal(state.activation, 'tanh');
  assert.deepEqual(state.networkShape, [4, 2]);
  assert.match(state.seed, /^0\.\d{5}$/);
});

test('malformed values fall back per key with a notice', () => {
  const { state, notices } = parse('#learningRate=abc&networkShape=4,99&batchSize=0&noise=-5&activation=swish&showTestData=yes&dataset=gauss&seed=a%20b');
  assert.equal(state.learningRate, 0.03);
  assert.deepEqual(state.networkShape, [4, 2]);
  assert.equal(state.batchSize, 10);
  assert.equal(state.noise, 0);
  assert.equal(state.activation, 'tanh');
  assert.equal(state.showTestData, true);
  assert.equal(state.dataset, 'gauss', 'valid keys next to bad ones still apply');
  assert.equal(notices.length, 7);
  assert.match(notices[0], /learningRate="abc" is not allowed \(a number from 0\.00001 to 10\); using 0\.03/);
  assert.ok(notices.some((n) => /networkShape="4,99" is not allowed \(up to 6 comma-separated whole numbers from 1 to 8\)/.test(n)));
});

test('hostile hashes: unknown keys, markup, huge input, broken escapes', () => {
  const script = parse('#activation=<script>alert(1)</script>&foo=bar&x_hide=maybe&nothing_hide=true&%E0%A4%A=1&=&justakey');
  assert.equal(script.state.activation, 'tanh');
  assert.ok(script.notices.some((n) => n.includes('activation=')));
  assert.ok(script.notices.some((n) => /unknown setting "foo"/.test(n)));
  // a misspelt or malformed <part>_hide is for the link's author, not its readers
  assert.ok(script.authorNotices.some((n) => /no part named "nothing"/.test(n)));
  assert.ok(script.authorNotices.some((n) => /x_hide/.test(n)));
  assert.ok(!script.notices.some((n) => /_hide/.test(n)), 'no _hide notice for readers');
  // notices are plain text that quotes the value; the page shows them with textContent
  assert.ok(script.notices.some((n) => n.includes('activation="<script>alert(1)</script>" is not allowed')));
  const huge = parse('#learningRate=0.1&' + 'a'.repeat(30000));
  assert.equal(huge.state.learningRate, 0.03);
  assert.equal(huge.notices.length, 1);
  const long = parse('#seed=' + '1'.repeat(10000));
  assert.match(long.state.seed, /^0\.\d{5}$/);
  assert.equal(long.notices.length, 1);
  assert.ok(long.notices[0].length < 300);
  // upstream keys that nnplay does not use are accepted silently
  assert.deepEqual(parse('#tutorial=x&collectStats=false&cosX=false&initZero=false').notices, []);
});

test('a state becomes a training setup that fits the loss', () => {
  const setup = (hash) => nn.playground.setup(parse(hash, '1').state);
  const base = setup('#loss=mse');
  assert.equal(base.outputActivation, 'tanh');
  assert.deepEqual(base.metrics, ['tanh_accuracy']);
  assert.equal(base.loss, 'mean_squared_error');
  const bce = setup('#loss=binary_crossentropy');
  assert.equal(bce.outputActivation, 'sigmoid');
  assert.equal(bce.labels, 'zero-one');
  assert.match(bce.notes[0], /sigmoid/);
  const cce = setup('#loss=categorical_crossentropy');
  assert.equal(cce.outputActivation, 'softmax');
  assert.equal(cce.outputUnits, 2);
  const reg = setup('#problem=regression&loss=binary_crossentropy');
  assert.equal(reg.loss, 'mean_squared_error');
  assert.equal(reg.outputActivation, 'linear');
  assert.match(reg.notes[0], /regression/);
  const three = setup('#dataset=gauss3');
  assert.equal(three.outputUnits, 3);
  const opt = setup('#optimizer=rmsprop&momentum=0.5&beta1=0.5');
  assert.deepEqual(opt.optimizer.options, { learningRate: 0.03, momentum: 0.5 });
  const none = setup('#x=false&y=false');
  assert.deepEqual(none.features, ['x', 'y']);
  for (const loss of ['mse', 'mae', 'binary_crossentropy', 'categorical_crossentropy']) {
    const s = setup(`#loss=${loss}&dataset=xor`);
    const data = nn.playground.prepareData(s);
    const model = nn.playground.buildModel(s);
    assert.equal(data.train.y.shape[1], s.outputUnits);
    model.dispose();
  }
});
