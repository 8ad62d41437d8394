// Helpers for the journey through the descent view and three classes
// (tests/e2e/learner-descent-classes.test.mjs).
import { pause, snap, until } from './support.mjs';

/** Plays at the fastest speed until predicate(snapshot metrics) holds or `epochs` epochs pass; returns snap(). */
export async function playUntil(page, predicate, { epochs = 3000, timeout = 30_000, what } = {}) {
  await page.selectOption('#speed', '0');
  await page.click('#play');
  await until(page, ([src, limit]) => {
    const s = window.__nnplay.snapshot;
    // eslint-disable-next-line no-eval
    return s.epoch >= limit || s.diverged || (s.metrics && (0, eval)(`(${src})`)(s.metrics));
  }, [predicate.toString(), epochs], { timeout, what });
  await pause(page);
  return snap(page);
}

/**
 * The mean colour (r, g, b) of the heatmap's 3×3 pixels at each data point [x, y]
 * (the heatmap is grid×grid pixels over [-domain, domain]²).
 */
export const heatmapColours = (page, points, grid, domain) => page.evaluate(([pts, g0, d0]) => {
  const g = document.getElementById('heatmap').getContext('2d');
  return pts.map(([x, y]) => {
    const i = Math.round(((x + d0) / (2 * d0)) * (g0 - 1)), j = Math.round(((d0 - y) / (2 * d0)) * (g0 - 1));
    const d = g.getImageData(i - 1, j - 1, 3, 3).data;
    return [0, 1, 2].map((k) => { let s = 0; for (let p = 0; p < 9; p++) s += d[p * 4 + k]; return s / 9; });
  });
}, [points, grid, domain]);

/** The hue (degrees) of an rgb colour, or null for a grey. */
export function hue([r, g, b]) {
  const max = Math.max(r, g, b), min = Math.min(r, g, b);
  if (max - min < 1) return null;
  const h = max === r ? ((g - b) / (max - min)) % 6 : max === g ? (b - r) / (max - min) + 2 : (r - g) / (max - min) + 4;
  return (h * 60 + 360) % 360;
}

/** The distance of two hues on the colour circle. */
export const hueDistance = (a, b) => Math.min(Math.abs(a - b), 360 - Math.abs(a - b));

/** Records every text the descent view's status line shows (the animation writes one per step) in window.__descentTexts. */
export const recordDescentStatus = (page) => page.evaluate(() => {
  const el = document.getElementById('descentStatus');
  window.__descentTexts = [];
  window.__descentObserver?.disconnect();
  window.__descentObserver = new MutationObserver(() => window.__descentTexts.push(el.textContent));
  window.__descentObserver.observe(el, { childList: true, characterData: true, subtree: true });
});
