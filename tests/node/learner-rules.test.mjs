// Rules a learner meets on the page that are functions, tested here in milliseconds rather than
// in Chromium (tests/e2e keeps the journeys and the wiring): the 全部 batch, the 3-class set's
// softmax plan and its note in both languages, and the one spelling of RMSprop.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { init } from 'nnplay';
import { importPage } from './page-modules.mjs';

let nn, page;

before(async () => {
  nn = await init();
  page = await importPage(`
    export { ja } from './web/src/i18n/ja.ts';
    export { en } from './web/src/i18n/en.ts';
    export { JAPANESE } from './web/src/i18n/messagesJa.ts';
    export { ENGLISH } from './bindings/src/messages.ts';
    export { OPTIMIZERS } from './bindings/src/registry.ts';
  `);
});

const stateOf = (hash) => nn.state.parse(hash, '1').state;

test('全部 (batchFull): a batch is every training point, 250 of 500 at 50 % and 350 at 70 %; the label reads 全部 / All', () => {
  assert.equal(page.ja.batchFull, '全部');
  assert.equal(page.en.batchFull, 'All');
  for (const [perc, rows] of [[50, 250], [70, 350]]) {
    const st = stateOf(`#batchFull=true&percTrainData=${perc}`);
    assert.equal(nn.playground.plan(st).fit.batchSize, 'all');
    const data = nn.playground.prepareData(nn.playground.setup(st));
    assert.equal(data.train.y.shape[0], rows, `${perc} % of 500 points`);
    assert.equal(nn.playground.batchRows('all', data.train.y.shape[0]), rows, 'the batch holds every training point');
  }
  // unticked, the slider's batch size is back
  assert.equal(nn.playground.plan(stateOf("#batchFull=false&batchSize=10")).fit.batchSize, 10);
});

test('the 3-class set: every loss gets a softmax output of 3 units and one-hot labels; a note unless the loss is categorical cross entropy', () => {
  for (const loss of ['mse', 'mae', 'binary_crossentropy', 'categorical_crossentropy']) {
    const plan = nn.playground.plan(stateOf(`#dataset=gauss3&loss=${loss}`));
    assert.deepEqual([plan.classes, plan.outputUnits, plan.outputActivation, plan.labels], [3, 3, 'softmax', 'one-hot'], loss);
    const codes = plan.noteMessages.map((m) => m.code);
    assert.deepEqual(codes, loss === 'categorical_crossentropy' ? [] : ['plan.threeClassesSoftmax'], `${loss}: notes`);
  }
  // two classes keep one tanh unit under MSE (the note belongs to three classes only)
  const two = nn.playground.plan(stateOf('#dataset=gauss&loss=mse'));
  assert.deepEqual([two.outputUnits, two.outputActivation, two.noteMessages.length], [1, 'tanh', 0]);
});

test('the 3-class note is worded in Japanese and in English', () => {
  assert.match(page.JAPANESE['plan.threeClassesSoftmax']({}), /3クラス.*softmax/);
  assert.match(page.ENGLISH['plan.threeClassesSoftmax']({}), /^Three classes need a softmax output of 3 units/);
});

test('the 3-class set learns under mse, binary and categorical cross entropy: accuracy > 0.5 after 3 epochs of the page\'s defaults', () => {
  for (const loss of ['mse', 'binary_crossentropy', 'categorical_crossentropy']) {
    const setup = nn.playground.setup(stateOf(`#dataset=gauss3&loss=${loss}`));
    const data = nn.playground.prepareData(setup);
    const model = nn.playground.buildModel(setup);
    const session = model.beginFit(data.train.x, data.train.y, { batchSize: 10, epochs: 3, seed: setup.modelSeed });
    let logs;
    while (!session.done) ({ logs } = session.runEpoch());
    session.end();
    model.dispose();
    assert.ok(logs.categorical_accuracy > 0.5, `${loss}: accuracy ${JSON.stringify(logs)}`);
  }
});

test('RMSprop has one spelling: the optimizer menus (the registry\'s names), the page texts in both languages, the messages and the tf.keras code', () => {
  const rms = page.OPTIMIZERS.find((o) => o.key === 'rmsprop');
  assert.equal(rms.className, 'RMSprop', 'the #optimizer and #descentOptimizer options show the className');
  assert.equal(rms.ja, 'RMSprop');
  const code = nn.codegen.keras(stateOf('#optimizer=rmsprop'));
  assert.match(code, /tf\.keras\.optimizers\.RMSprop\b/);
  const words = (table) => Object.values(table).map((v) => (typeof v === 'function' ? v({}) : String(v)));
  const texts = [...words(page.ja), ...words(page.en), ...words(page.JAPANESE), ...words(page.ENGLISH),
    ...page.OPTIMIZERS.flatMap((o) => [o.className, o.ja]), code,
    readFileSync(new URL('../../web/index.html', import.meta.url), 'utf8')];
  const wrong = texts.filter((t) => /Rmsprop|RMSProp/.test(t));
  assert.deepEqual(wrong, [], 'another spelling of RMSprop');
});
