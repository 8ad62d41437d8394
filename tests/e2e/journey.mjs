// One story per test. A journey is one top-level test that walks a page through the steps a person
// takes; each step is a subtest, so the report names the step that failed and times each one.
// After a failed step the rest are skipped: they would run on a page in an unknown state and only
// add noise to the report.
//
//   test('journey: a learner …', { timeout: 120_000 }, async (t) => {
//     const step = journey(t);
//     await step('opens the page', async () => { … });
//     await step('trains 10 epochs', async () => { … });
//   });

/** @param {import('node:test').TestContext} t @returns {(name: string, fn: (t: import('node:test').TestContext) => unknown) => Promise<void>} */
export function journey(t) {
  let failed = null;
  return async function step(name, fn) {
    if (failed) return t.test(name, { skip: `an earlier step failed: ${failed}` }, () => {});
    let passed = false;
    await t.test(name, async (st) => { await fn(st); passed = true; });
    if (!passed) failed = name;
  };
}
