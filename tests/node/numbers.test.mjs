// Issue 20's rules (pure functions, no browser): the losses' display scale (web/src/lossScale.ts),
// what the read-outs are called, the lossScale key of the URL-state schema, the embed dialog's
// labels. The page's journey is tests/e2e/learner-numbers.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nn } from './helpers.mjs';
import { importPage } from './page-modules.mjs';

const m = await importPage(`export * from './web/src/lossScale.ts'; export { ja } from './web/src/i18n/ja.ts'; export { en } from './web/src/i18n/en.ts';
        export { partLabel } from './web/src/views/embedDialog.ts'; export { HIDABLE_PARTS } from './bindings/src/state.ts';
        export { JAPANESE } from './web/src/i18n/messagesJa.ts';`);

test('the ½ scale halves squared error only; keras leaves every loss as it is', () => {
  assert.equal(m.lossFactor('half', 'mean_squared_error'), 0.5);
  for (const loss of ['mean_absolute_error', 'binary_crossentropy', 'categorical_crossentropy']) {
    assert.equal(m.lossFactor('half', loss), 1, `${loss} has no ½ form`);
  }
  for (const loss of ['mean_squared_error', 'mean_absolute_error']) assert.equal(m.lossFactor('keras', loss), 1);
  // figure 5-10: Keras' 0.645 at lr 0.003 is the article's ≈ 0.32
  assert.equal(m.shownLoss(0.645, 'half', 'mean_squared_error'), 0.3225);
  assert.equal(m.shownLoss(0.645, 'keras', 'mean_squared_error'), 0.645);
  assert.equal(m.shownLoss(0.2, 'half', 'mean_absolute_error'), 0.2);
  // nothing to scale passes through: no NaN made from null
  assert.equal(m.shownLoss(null, 'half', 'mean_squared_error'), null);
  assert.equal(m.shownLoss(undefined, 'half', 'mean_squared_error'), undefined);
  assert.ok(Number.isNaN(m.shownLoss(NaN, 'half', 'mean_squared_error')));
  assert.equal(m.shownLoss(Infinity, 'half', 'mean_squared_error'), Infinity);
});

test('the note says the scale, how the two relate, and that ½ is for MSE only', () => {
  assert.equal(m.scaleNoteKey('keras', 'mean_squared_error'), 'scaleKerasMse');
  assert.equal(m.scaleNoteKey('half', 'mean_squared_error'), 'scaleHalfMse');
  assert.equal(m.scaleNoteKey('half', 'mean_absolute_error'), 'scaleHalfOther');
  assert.equal(m.scaleNoteKey('keras', 'binary_crossentropy'), 'scaleKerasOther');
  assert.match(m.ja.scaleKerasMse, /Keras の MSE.*½/);
  assert.match(m.en.scaleKerasMse, /MSE.*½/);
  assert.match(m.ja.scaleHalfMse, /½ × 二乗誤差（Keras の MSE の ½）/);
  assert.match(m.en.scaleHalfMse, /½ × squared error.*Keras' MSE ÷ 2/);
  assert.match(m.ja.scaleHalfOther, /二乗誤差（MSE）だけ/);
  assert.match(m.en.scaleHalfOther, /squared error \(MSE\) only/);
  // the hover says how the scales relate, and that training, code and saved files stay Keras'
  assert.match(m.ja.lossScaleHover, /½ × 二乗和.*2倍.*tf\.keras コード・保存ファイルは Keras/);
  assert.match(m.en.lossScaleHover, /½ × sum of squares.*twice.*tf\.keras code and the saved files stay Keras'/);
});

test('the read-outs are named: epoch mean as Keras reports, or at the current weights', () => {
  assert.deepEqual(m.readoutKeys('epochMean'), { label: 'readoutEpochMean', hover: 'readoutEpochMeanHover' });
  assert.deepEqual(m.readoutKeys('current'), { label: 'readoutCurrent', hover: 'readoutCurrentHover' });
  for (const [table, mean, current] of [[m.ja, /平均.*fit\(\)/, /現在の重み.*evaluate\(\)/], [m.en, /mean.*fit\(\)/, /current weights.*evaluate\(\)/]]) {
    assert.match(table.readoutEpochMean, mean);
    assert.match(table.readoutEpochMean, /\{epoch\}/);
    assert.match(table.readoutCurrent, current);
    assert.ok(table.readoutEpochMeanHover.length > 40 && table.readoutCurrentHover.length > 40, 'the hovers explain');
  }
  assert.match(m.en['loss.mse'], /mainly/, '"mainly" as 主に');
  assert.ok(!m.JAPANESE['stop.early']({ monitor: 'val_loss', patience: 2, best: '0.1', bestEpoch: 3 }).includes('早期終了しました'),
    'the status line says 早期終了しました once; the message does not repeat it');
});

test('lossScale: a key of the URL state, keras by default (omitted), half parsed, anything else refused with a notice', () => {
  const { parse, serialize, defaults } = nn.state;
  const d = defaults('1');
  assert.equal(d.lossScale, 'keras');
  assert.doesNotMatch(serialize(d), /lossScale/, 'the default is not written');
  const { state, notices } = parse('#seed=1&lossScale=half');
  assert.deepEqual(notices, []);
  assert.equal(state.lossScale, 'half');
  assert.match(serialize(state), /&lossScale=half/);
  const bad = parse('#lossScale=double');
  assert.equal(bad.state.lossScale, 'keras');
  assert.equal(bad.notices.length, 1);
  assert.match(bad.notices[0], /lossScale.*double.*keras, half/);
  // display only: the tf.keras code is the same on either scale
  assert.equal(nn.codegen.keras(state), nn.codegen.keras({ ...state, lossScale: 'keras' }));
});

test('the embed dialog labels every hidable part in words, never its raw key', () => {
  for (const part of m.HIDABLE_PARTS) {
    const label = m.partLabel(part);
    assert.ok(label && label !== part, `${part} has a label in words: ${label}`);
  }
  assert.equal(m.partLabel('cnum1'), '番号 1 のバッジ');
  assert.equal(m.partLabel('numNodes3'), '隠れ層 3 のニューロン数 ⊕⊖');
  assert.equal(m.partLabel('gd'), m.ja.descentTitle);
});

test('every text of issue 20 exists in both languages', () => {
  const keys = Object.keys(m.ja);
  const block = keys.slice(keys.indexOf('lossScaleToggle'), keys.indexOf('partStats') + 1);
  assert.ok(block.length > 20, `the issue 20 block: ${block.length} keys`);
  for (const key of block) {
    for (const [lang, table] of [['ja', m.ja], ['en', m.en]]) assert.ok(typeof table[key] === 'string' && table[key].length > 0, `${lang} has ${key}`);
  }
});
