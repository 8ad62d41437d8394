// Journey: a learner looks inside the optimizer (issue 13), in Chromium against dist/ over http.
// They pick a weight with a click on its line, step one batch at a time and see Adam's numbers
// follow its formula; switch optimizer; open a link that picks a weight; pick with the keyboard;
// try Nadam with another loss; and meet the bad states (a stale weight in a link, a network
// that shrinks under the pick, a run that diverges). Every optimizer's formula against the
// engine, batch by batch, is a rule of the engine: tests/node/optimizer-reference.test.mjs.
//
// Needs /usr/bin/chromium and playwright-core; dist/ is built first when missing or stale.
// Run: node --test tests/e2e/learner-inspector.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPlayground, newSession, playgroundUrl, servedChromium, state, until } from './support.mjs';
import { journey } from './journey.mjs';
import { close, stepBatch } from './inspector-steps.mjs';

const env = servedChromium();  // dist/ (built when stale), one server, one Chromium


test('journey: a learner looks inside the optimizer', { timeout: 180_000 }, async (t) => {
  const step = journey(t);
  const { page, context, problems } = await newSession(env.browser);
  // a link the learner opens (a full load: the page reads a link's panels when it starts)
  const open = async (hash) => {
    await page.goto('about:blank');
    await loadPlayground(page, playgroundUrl(env.origin, hash));
  };
  try {
    await step('a click on a weight line picks it; three batches of Adam follow its formula', async () => {
      await open('#optimizer=adam&learningRate=0.03&seed=0.5&lang=en');
      // the line from input 1 to hidden unit 2 of the first layer
      await page.locator('#links path.link-hover').nth(1).dispatchEvent('click');
      await until(page, () => window.__nnplay.state.inspect?.join(',') === '0,0,1', undefined, { what: 'inspect=0,0,1 in the state' });
      assert.match(page.url(), /inspect=0,0,1/);
      assert.equal(await page.evaluate(() => document.getElementById('inspectorPanel').open), true);
      let prev = null;
      for (let i = 1; i <= 3; i++) {
        const n = await stepBatch(page);
        assert.equal(n.t, i);
        const { w, g, m, v } = n.values;
        const dw = n.values['Δw'];
        assert.ok(Number.isFinite(g) && g !== 0, `a gradient: ${g}`);
        // m and v follow from the previous ones and g (β₁ 0.9, β₂ 0.999), Δw from them
        const m0 = prev ? prev.values.m : 0, v0 = prev ? prev.values.v : 0;
        assert.ok(Math.abs(m - (m0 + (g - m0) * 0.1)) <= 1e-6 * Math.abs(m) + 1e-9, `m at t=${i}`);
        assert.ok(Math.abs(v - (v0 + (g * g - v0) * 0.001)) <= 1e-4 * Math.abs(v) + 1e-12, `v at t=${i}`);  // float's 1 − β₂ is 1.3e-5 off
        const alpha = (0.03 * Math.sqrt(1 - 0.999 ** i)) / (1 - 0.9 ** i);
        const expected = (-alpha * m) / (Math.sqrt(v) + 1e-7);
        assert.ok(Math.abs(dw - expected) <= 1e-4 * Math.abs(expected) + 1e-7, `Δw at t=${i}: ${dw} vs ${expected}`);
        assert.ok(Math.abs(n.predicted - dw) <= 1e-4 * Math.abs(dw) + 1e-7, 'the page\'s filled-in formula gives the engine\'s Δw');
        assert.match(n.formula, /α = lr·√\(1−β₂ᵗ\)/);
        if (prev) assert.ok(Math.abs(w - (prev.values.w + dw)) <= 1e-6, 'w moved by Δw');
        prev = n;
      }
      assert.equal(await page.evaluate(() => window.__nnplay.inspector.last.history.w.length), 3, 'the sparklines hold every batch stepped');
      const panel = await page.evaluate(() => document.getElementById('inspectorPanel').innerText);
      assert.doesNotMatch(panel, /[\u3040-\u30ff\u4e00-\u9fff]/, 'no Japanese in the English panel');
    });

    await step('another optimizer is a new model: RMSprop starts again at t = 0 on the same weight', async () => {
      await page.selectOption('#optimizer', 'rmsprop');
      await until(page, () => window.__nnplay.inspector.last?.optimizer === 'RMSprop' && window.__nnplay.inspector.last.iterations === 0, undefined, { what: 'the inspector on the new RMSprop model' });
      assert.equal(await page.evaluate(() => window.__nnplay.inspector.last.history.w.length), 0, 'no history of the old model');
      assert.match(await page.textContent('#inspectStatus'), /No update yet/);
      assert.equal(await page.textContent('#inspectFormula'), '');
      const r = await stepBatch(page);
      assert.ok('rms' in r.values && Math.abs(r.values.rms - 0.1 * r.values.g ** 2) <= 1e-6 * r.values.rms + 1e-12, 'RMSprop\'s ms after one step');
    });

    await step('a link opens the inspector on a bias; SGD\'s velocity follows v ← 0.9·v − 0.1·g (Japanese)', async () => {
      await open('#optimizer=sgd&momentum=0.9&learningRate=0.1&seed=0.5&inspect=1,1&lang=ja');
      assert.deepEqual((await state(page)).inspect, [1, 1]);
      await until(page, () => document.getElementById('inspectorPanel').open && document.getElementById('inspectTarget').value === '1,1', undefined, { what: 'the link opens the inspector on 1,1' });
      const a = await stepBatch(page);
      const b = await stepBatch(page);
      assert.ok(Math.abs(b.values.momentum - (0.9 * a.values.momentum - 0.1 * b.values.g)) <= 1e-6, 'velocity');
      assert.ok(Math.abs(b.values['Δw'] - b.values.momentum) <= 1e-6, 'Δw = v');
    });

    await step('the keyboard picks: the list, Enter on a bias square, Space on a weight line; the panel speaks Japanese', async () => {
      await page.focus('#inspectTarget');
      await page.keyboard.press('ArrowDown');
      await until(page, () => window.__nnplay.state.inspect?.join(',') !== '1,1', undefined, { what: 'a new pick by keyboard' });
      await page.locator('#network .bias').nth(1).focus();
      await page.keyboard.press('Enter');
      await until(page, () => window.__nnplay.state.inspect?.join(',') === '0,1', undefined, { what: 'Enter on the second bias square picks 0,1' });
      await page.keyboard.press('Escape');
      await page.locator('#links path.link-hover').first().focus();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press(' ');
      await until(page, () => window.__nnplay.state.inspect?.join(',') === '0,0,1', undefined, { what: 'Space on the second weight line picks 0,0,1' });
      await until(page, () => document.getElementById('inspectTarget').value === '0,0,1', undefined, { what: 'the list follows the pick' });
      const texts = await page.evaluate(() => ['#inspectorPanel > summary', '#inspectorPanel .hint', '#inspectStep', '#inspectStatus']
        .map((q) => document.querySelector(q).textContent));
      for (const text of texts) assert.match(text, /[\u3040-\u30ff\u4e00-\u9fff]/, `Japanese: ${text}`);
    });

    await step('Nadam with another loss: four batches, its slots and momentum_cache shown, the formula filled in', async () => {
      await open('#optimizer=nadam&learningRate=0.03&seed=0.5&lang=ja');
      const losses = await page.evaluate(() => [...document.querySelectorAll('#loss option')].map((o) => o.value));
      const loss = losses[1];
      await page.selectOption('#loss', loss);
      await until(page, (l) => window.__nnplay.state.loss === l, loss, { what: `loss ${loss}` });
      // the weight from input 2 to hidden unit 1, with a click on its line
      await page.locator('#links path.link-hover').nth(4).dispatchEvent('click');
      await until(page, () => document.getElementById('inspectTarget').value === '0,1,0', undefined, { what: 'the pick in the list' });
      const steps = [];
      for (let i = 0; i < 4; i++) steps.push(await stepBatch(page));
      steps.forEach((n, i) => {
        const dw = n.values['Δw'];
        assert.equal(n.t, i + 1);
        for (const slot of ['m', 'v', 'momentum_cache']) assert.ok(slot in n.values, `the ${slot} slot is shown (${Object.keys(n.values)})`);
        assert.ok(Number.isFinite(n.values.g) && n.values.g !== 0, `a gradient at t=${i + 1}: ${n.values.g}`);
        assert.ok(close(n.predicted, dw), `t=${i + 1}: the page's filled-in formula gives ${n.predicted}, the engine ${dw}`);
        if (i > 0) assert.ok(Math.abs(n.values.w - steps[i - 1].values.w - dw) <= 1e-6, `w moved by Δw at t=${i + 1}`);
        assert.ok(n.formula.split('\n').length >= 2 && /Δw = /.test(n.formula), 'the formula is written out');
        assert.doesNotMatch(n.formula, /NaN|undefined/, 'the formula is filled in');
      });
      assert.equal(await page.evaluate(() => window.__nnplay.inspector.last.history.dw.length), 4, 'the sparklines hold every batch');
      assert.match(await page.evaluate(() => document.getElementById('inspectorPanel').innerText), /1バッチ進める/, 'the Japanese panel');
    });

    await step('a stale weight in a link is ignored; a smaller network clears the pick', async () => {
      await open('#seed=0.5&inspect=5,0,0&landscape=random&lang=en');
      await until(page, () => document.getElementById('inspectorPanel').open && /not in this network/.test(document.getElementById('inspectStatus').textContent), undefined, { what: 'the stale weight said to be gone' });
      assert.equal(await page.evaluate(() => document.getElementById('inspectTarget').value), '');
      // pick the second hidden layer's weight 4 → 2, then take that layer away
      await page.selectOption('#inspectTarget', '1,3,1');
      await until(page, () => window.__nnplay.inspector.last?.target.join(',') === '1,3,1', undefined, { what: 'the inspector on 1,3,1' });
      await page.click('#removeLayer');
      await until(page, () => window.__nnplay.data?.layers.length === 3 && /not in this network/.test(document.getElementById('inspectStatus').textContent), undefined, { what: 'the pick gone with its layer' });
      assert.equal(await page.evaluate(() => document.getElementById('inspectValues').children.length), 0, 'no numbers of a weight that is gone');
    });

    await step('a run that diverges: the inspector and the landscape say so, with no NaN; a lower rate and Reset bring them back', async () => {
      await page.evaluate(() => { location.hash = '#seed=0.5&problem=regression&regDataset=reg-plane&activation=relu&learningRate=10&inspect=0,0,0&landscape=random&lang=en'; });
      await until(page, () => window.__nnplay.state.learningRate === 10 && window.__nnplay.state.problem === 'regression', undefined, { what: 'the new link applied' });
      await page.click('#play');
      await until(page, () => window.__nnplay.snapshot.diverged, undefined, { what: 'divergence', timeout: 60_000 });
      await until(page, () => window.__nnplay.landscape.last?.diverged && /diverged/.test(document.getElementById('landscapeStatus').textContent), undefined, { what: 'the landscape says it diverged' });
      await page.click('#inspectStep');
      await until(page, () => /diverged/.test(document.getElementById('inspectStatus').textContent), undefined, { what: 'the inspector says it diverged' });
      const text = await page.evaluate(() => document.getElementById('inspectorPanel').innerText + document.getElementById('landscapePanel').innerText);
      assert.doesNotMatch(text, /NaN|Infinity/, 'no NaN in the panels');
      await page.selectOption('#learningRate', '0.03');
      await page.click('#reset');
      await until(page, () => !window.__nnplay.landscape.last.diverged && Number.isFinite(window.__nnplay.landscape.last.centerLoss) && /loss at the centre/.test(document.getElementById('landscapeStatus').textContent), undefined, { what: 'a finite landscape after the change' });
      await until(page, () => !window.__nnplay.inspector.last.diverged && /No update yet/.test(document.getElementById('inspectStatus').textContent), undefined, { what: 'the inspector starts again' });
    });

    await step('nothing went wrong on the page (console, requests, crashes)', () => {
      assert.deepEqual(problems, [], problems.join(' | '));
    });
  } finally {
    await context.close();
  }
});
