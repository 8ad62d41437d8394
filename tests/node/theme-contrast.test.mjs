// The page's light and dark colours (web/styles.css, issue 20 §8): every text colour on
// every background it is used on has a WCAG contrast of at least 4.5:1, the system's dark
// (prefers-color-scheme) and the URL's theme=dark are the same colours, and the data colours
// are not part of either (they stay the same).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const css = readFileSync(new URL('../../web/styles.css', import.meta.url), 'utf8');

// WCAG 2.x relative luminance and contrast ratio of two #rgb / #rrggbb colours.
const long = (hex) => (hex.length === 4 ? '#' + [...hex.slice(1)].map((c) => c + c).join('') : hex);
function luminance(short) {
  const hex = long(short);
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
// rgba(r, g, b, a) over an opaque #rrggbb
function over(rgba, opaque) {
  const base = long(opaque);
  const [r, g, b, a] = rgba.match(/[\d.]+/g).map(Number);
  const mix = (c, i) => Math.round(c * a + parseInt(base.slice(i, i + 2), 16) * (1 - a));
  return '#' + [mix(r, 1), mix(g, 3), mix(b, 5)].map((v) => v.toString(16).padStart(2, '0')).join('');
}

// The custom properties of the first rule whose selector is exactly `selector`.
function vars(selector, from = css) {
  const at = from.indexOf(`${selector} {`);
  assert.ok(at >= 0, `styles.css has a rule ${selector}`);
  const body = from.slice(from.indexOf('{', at) + 1, from.indexOf('}', at));
  return Object.fromEntries([...body.matchAll(/--([\w-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]));
}

const base = vars(':root');                          // --text, --muted, --badge, the data colours
const light = { ...base, ...vars(':root', css.slice(css.indexOf('--page: #fff') - 10)) };
const dark = { ...light, ...vars(':root[data-theme=dark]') };
const system = vars(':root:not([data-theme=light])');

test('the contrast formula: black on white is 21:1, a colour on itself 1:1, #777 on white just under 4.5', () => {
  assert.equal(contrast('#000000', '#ffffff'), 21);
  assert.equal(contrast('#123456', '#123456'), 1);
  assert.ok(contrast('#777777', '#ffffff') < 4.5 && contrast('#767676', '#ffffff') >= 4.5);
});

// Text colour on background, as styles.css pairs them.
const PAIRS = [
  ['text', 'page'], ['muted', 'page'], ['text', 'panel'], ['muted', 'panel'], ['text', 'field'], ['badge', 'field'],
  ['note', 'page'], ['note', 'panel'], ['error', 'page'], ['error', 'alarm-bg'], ['text', 'warn-bg'], ['text', 'code-bg'],
  ['accent', 'page'], ['text', 'status-bg'],
];

for (const [name, theme] of [['light', light], ['dark', dark]]) {
  test(`${name}: every text colour on its backgrounds has a contrast of at least 4.5:1`, () => {
    for (const [fg, bg] of PAIRS) {
      const back = theme[bg].startsWith('rgba') ? over(theme[bg], theme.page) : theme[bg];
      const ratio = contrast(theme[fg], back);
      assert.ok(ratio >= 4.5, `${name}: --${fg} ${theme[fg]} on --${bg} ${back}: ${ratio.toFixed(2)}:1`);
    }
  });
}

test('the system\'s dark and theme=dark are the same colours; the data colours are never themed', () => {
  assert.deepEqual(system, vars(':root[data-theme=dark]'));
  assert.equal(dark.page, '#15191c');
  for (const data of ['orange', 'blue', 'grey']) {
    assert.ok(base[data], `--${data} is defined`);
    assert.equal(system[data], undefined, `--${data} is not changed by dark`);
  }
});
