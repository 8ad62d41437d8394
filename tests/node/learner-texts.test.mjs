// Texts a learner reads that are table lookups (web/src/i18n): tested here in milliseconds; the
// journeys in tests/e2e/learner-*.test.mjs check that the page shows them and switches them with
// the language button.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { importPage } from './page-modules.mjs';

let page;

before(async () => {
  page = await importPage(`
    export { ja } from './web/src/i18n/ja.ts';
    export { en } from './web/src/i18n/en.ts';
  `);
});

test('the guidance: the top bar\'s group titles 4-6 are the article\'s steps, in Japanese and English', () => {
  assert.deepEqual([page.ja.step4, page.ja.step5, page.ja.step6], ['“手法” の選択： モデルの定義', '“学習方法” の設計： モデルの生成', '学習 ： トレーニング']);
  assert.deepEqual([page.en.step4, page.en.step5, page.en.step6], ['Choosing the “method”: model definition', 'Designing the “learning method”: model generation', 'Learning: training']);
  assert.equal(page.ja.inputHelp, '入力データとして使いたい特徴を選択してください。');
  assert.equal(page.en.inputHelp, 'Which properties do you want to feed in?');
});

test('step 8: both tests say in the page language that they turned the test data on', () => {
  assert.equal(page.ja.testShownNow, '［☑ テストデータ表示］をオンにしました。');
  assert.equal(page.en.testShownNow, 'Turned on “Show test data”.');
});

test('hints for touch say tap and never click or hover; the feature tile\'s mouse hint says click', () => {
  const tap = { ja: /タップ/, en: /\btap\b/i };
  const mouse = { ja: /マウスを乗せると|クリック/, en: /\bhover\b|\bclick\b/i };
  for (const lang of ['ja', 'en']) {
    const table = page[lang];
    const touchKeys = Object.keys(table).filter((k) => /Tap(Help)?$|^tapTo/.test(k));
    assert.ok(touchKeys.length >= 6, `${lang}: the touch hints (${touchKeys})`);
    for (const k of touchKeys) {
      assert.match(table[k], tap[lang], `${lang}.${k} says tap`);
      assert.doesNotMatch(table[k], mouse[lang], `${lang}.${k} has no mouse wording`);
    }
    assert.match(table.featureClick, mouse[lang], `${lang}.featureClick says click`);
    assert.doesNotMatch(table.featureClick, tap[lang]);
  }
  assert.match(page.ja.featureTap, /特徴のタイルをタップすると/);
  assert.match(page.en.featureTap, /tap a feature tile/);
});
