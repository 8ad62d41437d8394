// Helpers for the optimizer inspector journey (tests/e2e/learner-inspector.test.mjs).
import { until } from './support.mjs';

/** The numbers the inspector shows now: its value table, the filled-in formula and the optimizer's t. */
const inspectorNumbers = (page) => page.evaluate(() => {
  const out = {};
  for (const td of document.querySelectorAll('#inspectValues td')) out[td.dataset.name] = Number(td.dataset.value);
  const f = document.getElementById('inspectFormula');
  return { values: out, formula: f.textContent, predicted: Number(f.dataset.predicted), t: window.__nnplay.inspector.last?.iterations ?? 0 };
});

/** Clicks "step one batch" and waits for the inspector's next iteration; returns its numbers. */
export async function stepBatch(page) {
  const before = await page.evaluate(() => window.__nnplay.inspector.last?.iterations ?? 0);
  await page.click('#inspectStep');
  await until(page, (b) => (window.__nnplay.inspector.last?.iterations ?? 0) > b, before, { what: 'the inspector after one batch' });
  return inspectorNumbers(page);
}

/** a is b to within rel·|b| + abs. */
export const close = (a, b, rel = 2e-3, abs = 1e-7) => Math.abs(a - b) <= rel * Math.abs(b) + abs;
