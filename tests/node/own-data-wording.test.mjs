// The words a learner reads around own data, model files and the notebook, in both languages:
// tested here as the page's tables (web/src/i18n) and the module's messages with their Japanese
// wording, so that the Chromium journeys (ownData-journey, csvFiles-journey, modelNotebook-journey)
// run each story in one language only. The page fills the {n}/{max}/{file} slots as
// web/src/views/ownData.ts and web/src/main.ts do.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { importPage } from './page-modules.mjs';

let page;

before(async () => {
  page = await importPage(`
    export { ja } from './web/src/i18n/ja.ts';
    export { en } from './web/src/i18n/en.ts';
    export { JAPANESE } from './web/src/i18n/messagesJa.ts';
    export { ENGLISH } from './bindings/src/messages.ts';
  `);
});

const fill = (text, slots) => Object.entries(slots).reduce((s, [k, v]) => s.replace(`{${k}}`, String(v)), text);
const both = (code, params) => [page.JAPANESE[code](params), page.ENGLISH[code](params)];

test('points in a link: the own-data box says they travel, that they came from a link, or that there are too many; "Copy link" too', () => {
  assert.match(page.ja.pointsInLink, /この点も入ります/);
  assert.match(page.en.pointsInLink, /include these points/);
  assert.match(page.ja.pointsFromLink, /リンクから/);
  assert.match(page.en.pointsFromLink, /from the link/);
  assert.match(fill(page.ja.pointsNotInLink, { n: 1200, max: 1000 }), /^1200 点はリンクに入りません（リンクに入るのは 1000 点まで）/);
  assert.match(fill(page.en.pointsNotInLink, { n: 1200, max: 1000 }), /^1200 points do not fit in a link \(up to 1000\)/);
  assert.match(fill(page.ja.shareWithoutPoints, { max: 1000 }), /自分のデータの点は含まれません/);
  assert.match(fill(page.en.shareWithoutPoints, { max: 1000 }), /without your own points/);
});

test('an import into existing points asks, naming the file and the points there; the max-epochs banner in both languages', () => {
  assert.match(fill(page.ja.importAsk, { file: 'second.csv', n: 4 }), /^second\.csv: ここにはすでに 4 点/);
  assert.match(fill(page.en.importAsk, { file: 'second.csv', n: 4 }), /^second\.csv: there are already 4 points/);
  assert.match(page.ja.maxReached, /最大エポック数に達しました/);
  assert.match(page.en.maxReached, /maximum/i);
});

test('stored points: capped at 5,000 with the count there was, and a save that failed, in both languages', () => {
  const [jaCapped, enCapped] = both('ownData.capped', { found: 6000, max: 5000 });
  assert.match(jaCapped, /6000 個の点が保存されていました。このページで扱えるのは 5000 個まで/);
  assert.match(enCapped, /had 6000 points saved; the page holds at most 5000, so the first 5000 are used/);
  const [jaLost, enLost] = both('ownData.notSaved', { count: 2 });
  assert.match(jaLost, /2 個の点はこのブラウザーに保存されていません（ストレージがいっぱいか、使えません）/);
  assert.match(enLost, /The 2 points are not saved in this browser: its storage is full or unavailable/);
});

test('every CSV row message names its row, in both languages', () => {
  const rows = [
    ['csv.notNumber', { row: 4, column: 'x', cell: 'abc' }, /^4 行目: x の「abc」は数ではありません/, /^row 4: /],
    ['csv.outside', { row: 6, x: 7, y: 0 }, /^6 行目: .*外にあります/, /^row 6: the point \(7, 0\) is outside/],
    ['csv.columns', { row: 7, found: 2, header: 0, delimiter: ',' }, /^7 行目: 3 列/, /^row 7: expected 3 columns/],
    ['csv.badLabel', { row: 9, label: 5 }, /^9 行目: ラベル 5/, /^row 9: /],
    ['csv.tooManyRows', { row: 5001, max: 5000 }, /^5001 行目: /, /^row 5001: more than 5000 rows; the rest was not read$/],
  ];
  for (const [code, params, ja, en] of rows) {
    const [j, e] = both(code, params);
    assert.match(j, ja, code);
    assert.match(e, en, code);
  }
  assert.equal(page.ENGLISH['csv.tooLarge']({ file: 'huge.csv', mb: '2.0', maxMb: 2 }), 'huge.csv: the file is 2.0 MB; files up to 2 MB can be imported');
  assert.match(page.JAPANESE['csv.tooLarge']({ file: 'huge.csv', mb: '2.0', maxMb: 2 }), /^huge\.csv: .*2\.0 MB.*2 MB まで/);
});

test('model files and the notebook button, in both languages', () => {
  const [jaUnits, enUnits] = both('model.tooManyUnits', { layer: 1, units: 9, max: 8 });
  assert.equal(jaUnits, '隠れ層 1 のニューロンは 9 個です。ページで扱えるのは 1 層あたり 8 個までです。');
  assert.match(enUnits, /9/);
  const [jaInputs, enInputs] = both('model.inputs', { inputs: 2, features: 3, names: 'x, y, xSquared' });
  assert.match(enInputs, /^The model takes 2 input\(s\) but the page feeds it 3 feature\(s\) \(x, y, xSquared\); choose 2 input feature\(s\)/);
  assert.match(jaInputs, /入力は 2 個.*特徴は 3 個（x, y, xSquared）/);
  const loaded = { file: 'nnplay-model.json', inputs: 2, hidden: '5, 3', activation: 'relu', outputUnits: 1, outputActivation: 'tanh' };
  const [jaLoaded, enLoaded] = both('model.loaded', loaded);
  assert.equal(enLoaded, 'Loaded nnplay-model.json: 2 inputs, hidden layers [5, 3] (relu), output 1 (tanh).');
  assert.match(jaLoaded, /^nnplay-model\.json を読み込みました/);
  // the same label for the export group's button and the code panel's (index.html: data-i18n="exportNotebook")
  assert.equal(page.ja.exportNotebook, 'ノートブックをダウンロード');
  assert.equal(page.en.exportNotebook, 'Download notebook');
});
