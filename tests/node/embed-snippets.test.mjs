// The Embed dialog's snippets (web/src/embed-snippets.ts): the short hash opens the same
// setup as the page's full one, and the snippets carry every setting, escaped for HTML.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importPage } from './page-modules.mjs';

const m = await importPage("export * from './web/src/embed-snippets.ts'; export { parseHash, defaultState } from './bindings/src/state.ts';");

test('compactHash keeps only what differs from the defaults (and the seed), and parses back to the same state', () => {
  const state = { ...m.defaultState('0.5'), dataset: 'spiral', networkShape: [5, 3, 1], learningRate: 0.3, hideText: true, lang: 'en', hide: ['playButton', 'xSquared'] };
  const hash = m.compactHash(state);
  assert.deepEqual(hash.split('&').sort(), ['dataset=spiral', 'learningRate=0.3', 'networkShape=5,3,1', 'seed=0.5', 'hideText=true', 'lang=en', 'playButton_hide=true', 'xSquared_hide=true'].sort());
  const back = m.parseHash(hash, 'other').state;
  assert.deepEqual(back, state);
  assert.equal(m.compactHash(m.defaultState('0.25')), 'seed=0.25');
});

test('the iframe snippet: the page and hash HTML-escaped; a script to follow the height only for height auto', () => {
  const setup = { page: 'https://example.org/nn/index.html', hash: 'seed=0.5&hideText=true', width: '600px', height: 'auto' };
  const auto = m.iframeSnippet(setup);
  assert.match(auto, /^<iframe id="nnplay" src="https:\/\/example\.org\/nn\/index\.html#seed=0\.5&amp;hideText=true"/);
  assert.match(auto, /style="width: 600px; height: 900px; border: 0"/);
  assert.match(auto, /e\.data\.type === 'size'/);
  const fixed = m.iframeSnippet({ ...setup, height: 700 });
  assert.match(fixed, /height: 700px/);
  assert.doesNotMatch(fixed, /<script>/);
});

test('the component snippet: its script next to the page, each setting a lower-case attribute, values escaped', () => {
  const snippet = m.componentSnippet({ page: 'https://example.org/nn/index.html', hash: `seed=${encodeURIComponent('a"<b>&c')}&learningRate=0.3&xSquared_hide=true`, width: '100%', height: 800 });
  assert.equal(snippet, '<script src="https://example.org/nn/nnplay-playground.js"></script>\n'
    + '<nnplay-playground seed="a&quot;&lt;b&gt;&amp;c" learningrate="0.3" xsquared_hide="true" height="800"></nnplay-playground>');
});
