// Journey: a monkey pokes the page (issue 9 point 1, the robustness one): 300 seeded random control
// actions at 1280 px (datasets, problem, loss, layers, neurons, features, step 8, play, step, reset,
// language), with no page error and the view (output units, dataset, URL, layers) agreeing with the
// controls after each. Seed: NNPLAY_MONKEY_SEED (else a new one, printed).
// Run: node --test tests/e2e/learner-monkey.test.mjs (after node scripts/build.mjs)
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { init } from 'nnplay';
import { pause, state, until } from './support.mjs';
import { journey } from './journey.mjs';
import { clickPlot, learnerBrowser } from './learner-steps.mjs';

const open = learnerBrowser();
let nn;  // the module in Node: the state -> model rule, for the expected view
before(async () => { nn = await init(); });

// A small seeded generator (mulberry32), so a failing run can be repeated.
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('journey: a monkey pokes the page (robustness)', { timeout: 600_000 }, async (t) => {
  const step_ = journey(t);
  const seed = Number(process.env.NNPLAY_MONKEY_SEED ?? Math.floor(Math.random() * 2 ** 31));
  t.diagnostic(`monkey seed ${seed} (NNPLAY_MONKEY_SEED=${seed} repeats this run)`);
  const rand = random(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const started = Date.now();
  const s = await open();
  const { page, problems } = s;
  try {
    await step_('300 seeded random control actions: no page error, the view agrees with the controls after each', async () => {
      await s.visit('#seed=1');
      await page.selectOption('#speed', '20');
      const actions = {
        dataset: async () => {
          const names = await page.$$eval('#datasets button', (bs) => bs.map((b) => b.dataset.name));
          const name = pick(names);
          await page.click(`#datasets [data-name="${name}"]`);
          return `dataset ${name}`;
        },
        problem: async () => {
          const p = pick(['classification', 'regression']);
          await page.selectOption('#problem', p);
          return `problem ${p}`;
        },
        loss: async () => {
          const l = pick(await page.$$eval('#loss option', (os) => os.map((o) => o.value)));
          await page.selectOption('#loss', l);
          return `loss ${l}`;
        },
        addLayer: async () => (await page.click('#addLayer', { trial: false, force: true }), 'add layer'),
        removeLayer: async () => (await page.click('#removeLayer', { force: true }), 'remove layer'),
        neurons: async () => {
          const buttons = page.locator('.layer-title .small-icon:not([disabled])');
          const n = await buttons.count();
          if (n === 0) return 'neurons (none)';
          const i = Math.floor(rand() * n);
          const label = await buttons.nth(i).getAttribute('aria-label');
          await buttons.nth(i).click();
          return `neuron button ${i} (${label})`;
        },
        feature: async () => {
          const f = pick(await page.$$eval('.node.input', (ns) => ns.map((n) => [...n.classList].find((c) => c.startsWith('ui-')))));
          await page.click(`.node.input.${f}`);
          return `feature ${f}`;
        },
        testButton: async () => (await page.click('#testButton'), 'test button'),
        testFresh: async () => (await page.click('#testFresh'), 'fresh test data'),
        testClick: async () => {
          const x = rand() * 10 - 5, y = rand() * 10 - 5;
          await clickPlot(page, x, y);
          return `plot click (${x.toFixed(2)}, ${y.toFixed(2)})`;
        },
        clearTests: async () => (await page.click('#clearTests'), 'clear tests'),
        play: async () => (await page.click('#play'), 'play/pause'),
        step: async () => (await page.click('#step'), 'step'),
        stepBatch: async () => (await page.click('#stepBatch'), 'step one batch'),
        reset: async () => (await page.click('#reset'), 'reset'),
        language: async () => (await page.click('#language'), 'language'),
      };
      const names = Object.keys(actions);
      const done = [];
      for (let i = 0; i < 300; i++) {
        const what = await actions[pick(names)]();
        done.push(what);
        const st = await state(page);
        const custom = await page.evaluate(() => (window.__nnplay.own.classes.includes(2) ? 3 : 2));
        const plan = nn.playground.plan(st, custom);
        const expected = { units: plan.outputUnits, dataset: plan.dataset, classes: plan.classes, shape: st.networkShape };
        try {
          // the worker answers every change; then the view must agree with the controls
          await until(page, (e) => {
            const data = window.__nnplay.data;
            const s = window.__nnplay.snapshot;
            const hash = location.hash;
            const shown = document.querySelector('#datasets [aria-checked="true"]')?.dataset.name;
            const hidden = [...document.querySelectorAll('.layer.hidden')].map((l) => l.querySelectorAll('.node').length);
            return document.querySelectorAll('.output-layer .node').length === e.units
              && data && data.layers.at(-1) === e.units && data.classes === e.classes
              && s && s.output.length === 100 * 100 * e.units
              && shown === e.dataset
              && hash.includes(`&${e.dataset.startsWith('reg-') ? 'regDataset' : 'dataset'}=${e.dataset}&`)
              && hash.includes(`&networkShape=${e.shape.join(',')}&`)
              && JSON.stringify(hidden) === JSON.stringify(e.shape)
              && document.getElementById('problem').value === (e.classes === 0 ? 'regression' : 'classification');
          }, expected, {
            what: `the view to agree with the controls (${JSON.stringify(expected)}) after: ${done.join(' → ')}`,
            seen: () => ({
              units: document.querySelectorAll('.output-layer .node').length, dataLayers: window.__nnplay.data?.layers, classes: window.__nnplay.data?.classes,
              output: window.__nnplay.snapshot?.output.length, shown: document.querySelector('#datasets [aria-checked="true"]')?.dataset.name,
              hidden: [...document.querySelectorAll('.layer.hidden')].map((l) => l.querySelectorAll('.node').length),
              problem: document.getElementById('problem').value, hash: location.hash.slice(0, 200),
            }),
          });
        } catch (e) {
          throw new Error(`monkey seed ${seed}, action ${i + 1}: ${e.message}`);
        }
        assert.deepEqual(problems, [], `monkey seed ${seed}, after ${done.join(' → ')}: ${problems.join(' | ')}`);
      }
      await pause(page);
      t.diagnostic(`300 actions in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    });
  } finally {
    await s.close();
  }
});
