// Journey: a learner tests the model (step 8; issue 9 points 2-3, issue 20 §5), at 1280 px with a
// mouse: both tests turn the test data on the same way and say so (ja, then en); the table lists
// every row with a per-class summary that agrees; the rows follow training, Reset, a weight edit
// and a dataset change; gauss (the tutorial's step 8), spiral and the 3-class set give fresh
// points with labels; own data has no generator; a clicked point says why it has no truth.
// (The table at 390 px is in learner-phone.test.mjs.) Screenshots: test-results/learner-step8-*.png.
// Run: node --test tests/e2e/learner-step8.test.mjs (after node scripts/build.mjs)
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { init } from 'nnplay';
import { pause, rebuilt, state, step, until } from './support.mjs';
import { journey } from './journey.mjs';
import { clickPlot, learnerBrowser, shot, switchLanguage, tableRows, testSummary, weightPoint } from './learner-steps.mjs';

const open = learnerBrowser();
let nn;  // the module in Node: each dataset's rule, for cross-checks
before(async () => { nn = await init(); });

const SHOWN_NOW = { ja: '［☑ テストデータ表示］をオンにしました。', en: 'Turned on “Show test data”.' };

// Plays at the fastest speed until the training accuracy is 1 (or `epochs`), then pauses.
async function trainToAccuracy(page, epochs) {
  await page.selectOption('#speed', '0');
  await page.click('#play');
  await until(page, (limit) => {
    const s = window.__nnplay.snapshot;
    return s.metrics?.acc === 1 || s.epoch >= limit || s.stopped;
  }, epochs, { timeout: 60_000, what: `training (${epochs} epochs at most)` });
  await pause(page);
}

test('journey: a learner tests the model (step 8)', { timeout: 420_000 }, async (t) => {
  const step_ = journey(t);
  const s = await open();
  const { page, visit } = s;
  const turnOff = async () => {
    await page.click('#showTestData');
    await until(page, () => !window.__nnplay.state.showTestData, undefined, { what: 'test data off' });
    await until(page, () => document.getElementById('status').hidden, undefined, { what: 'no message' });
  };
  try {
    await step_('the single test and the fresh test each turn the test data on and say so (ja, en)', async () => {
      await visit('#lang=ja&seed=0.5&dataset=circle');
      await turnOff();
      await page.click('#testButton');
      await until(page, () => window.__nnplay.state.showTestData && document.querySelectorAll('#testTable tbody tr').length === 1, undefined, { what: 'test data on and one row' });
      assert.equal(await page.textContent('#status'), SHOWN_NOW.ja);
      assert.equal(await page.isChecked('#showTestData'), true);
      await switchLanguage(page, 'en');
      await turnOff();
      assert.equal((await state(page)).showTestData, false);
      await page.click('#testFresh');
      await until(page, () => window.__nnplay.state.showTestData && document.querySelectorAll('#testTable tbody tr').length === 101, undefined, { what: 'test data on and 101 rows' });
      assert.equal(await page.textContent('#status'), SHOWN_NOW.en);
      assert.equal((await state(page)).showTestData, true);
    });

    await step_('the table lists every row, scrolling in its box, with a per-class summary that agrees with the rows', async () => {
      assert.equal((await tableRows(page)).length, 101);
      const b = await page.evaluate(() => { const el = document.querySelector('.test-rows'); return { scroll: el.scrollHeight, client: el.clientHeight }; });
      assert.ok(b.scroll > b.client, `the table scrolls (${b.scroll} > ${b.client})`);
      const last = page.locator('#testTable tbody tr').last();
      await last.scrollIntoViewIfNeeded();
      assert.ok(await last.isVisible());
      assert.match(await page.textContent('#testSummary'), /101 points/);
      const rows = await tableRows(page);
      const lines = await page.evaluate(() => [...document.querySelectorAll('#testClasses tbody tr')].map((tr) => [...tr.cells].map((c) => c.textContent)));
      assert.deepEqual(lines.map((l) => l[0]), ['-1', '1']);
      for (const [label, truth, right, predicted] of lines) {
        const ofClass = rows.filter((r) => r[4] === label);
        assert.equal(Number(truth), ofClass.length, `class ${label}: points`);
        assert.equal(Number(right.split(' ')[0]), ofClass.filter((r) => r[2] === label).length, `class ${label}: right`);
        assert.equal(Number(predicted), rows.filter((r) => r[2] === label).length, `class ${label}: predicted`);
      }
      assert.equal(await page.isVisible('#testClasses'), true);
      await switchLanguage(page, 'ja');
      assert.match(await page.textContent('#testSummary'), /101 点/);
    });

    await step_('a test point survives the 3-class set, XOR and a problem change: no error, the URL and the plot say xor, the point is judged by XOR', async () => {
      await visit('#seed=1');
      await page.click('#testButton');
      await until(page, () => document.querySelectorAll('#testTable tbody tr').length === 1, undefined, { what: 'the test row' });
      await page.click('#datasets [data-name="gauss3"]');
      await until(page, () => document.querySelectorAll('.output-layer .node').length === 3, undefined, { what: '3 output units' });
      await page.click('#datasets [data-name="xor"]');
      await until(page, () => document.querySelectorAll('.output-layer .node').length === 1, undefined, { what: '1 output unit for xor' });
      await step(page, 1);
      assert.match(await page.evaluate(() => location.hash), /&dataset=xor&/);
      assert.equal(await page.getAttribute('#datasets [aria-checked="true"]', 'data-name'), 'xor');
      assert.equal(await page.evaluate(() => window.__nnplay.data.classes), 2, 'the plot has the two-class data');
      const [[x, y, , , truth]] = await tableRows(page);
      assert.equal(truth, String(nn.datasets.trueLabel('xor', Number(x), Number(y))));
      assert.match(await page.textContent('#testNote'), /データセットが変わった/);
      // regression, a test point, back to classification: still fine
      await page.selectOption('#problem', 'regression');
      await clickPlot(page, 1, 1);
      await page.selectOption('#problem', 'classification');
      await rebuilt(page);  // else the shown snapshot may still be xor's epoch 1, and a step would wait for epoch 2
      await step(page, 1);
      assert.equal(await page.locator('.output-layer .node').count(), 1);
    });

    await step_('the rows follow training, Reset and a weight edit; a dataset change re-judges them with a note', async () => {
      await visit('#seed=1&batchSize=5');
      await clickPlot(page, 1, -1.5);
      await clickPlot(page, 4.5, 4);
      await until(page, () => document.querySelectorAll('#testTable tbody tr').length === 2, undefined, { what: 'two rows' });
      const atStart = await tableRows(page);
      const startSummary = await testSummary(page);
      assert.ok(startSummary.loss !== null && startSummary.acc !== null, startSummary.text);
      assert.deepEqual(atStart.map((r) => r[4]), ['1', '-1'], 'circle truths');
      await page.selectOption('#speed', '0');
      await page.click('#play');
      await until(page, () => window.__nnplay.snapshot.metrics?.acc === 1 && window.__nnplay.snapshot.epoch >= 30, undefined, { timeout: 40_000, what: 'train accuracy 1' });
      await pause(page);
      await until(page, (b) => document.querySelector('#testTable tbody tr td:nth-child(4)').textContent !== b, atStart[0][3], { what: 'the outputs re-evaluated' });
      const trained = await tableRows(page);
      const trainedSummary = await testSummary(page);
      assert.equal(trainedSummary.acc, 1, `both points right after training: ${trainedSummary.text}`);
      assert.ok(trainedSummary.loss < startSummary.loss, `test loss fell: ${startSummary.loss} → ${trainedSummary.loss}`);
      for (const r of trained) assert.equal(r[2], r[4], `predicted = truth after training: ${r}`);
      await page.click('#reset');
      await until(page, (rows) => JSON.stringify([...document.querySelectorAll('#testTable tbody tr')].map((tr) => [...tr.cells].map((c) => c.textContent))) === rows, JSON.stringify(atStart), { what: 'the epoch-0 rows after Reset' });
      assert.equal((await testSummary(page)).text, startSummary.text);
      const w = await weightPoint(page, 0);
      await page.mouse.click(w.x, w.y);
      await page.fill('#hovercard input', '4');
      await until(page, (rows) => JSON.stringify([...document.querySelectorAll('#testTable tbody tr')].map((tr) => [...tr.cells].map((c) => c.textContent))) !== rows, JSON.stringify(atStart), { what: 'rows after the weight edit' });
      await page.keyboard.press('Escape');
      await page.click('#datasets [data-name="xor"]');
      await until(page, () => /データセットが変わった/.test(document.getElementById('testNote').textContent), undefined, { what: 'the dataset note' });
      for (const [x, y, , , truth] of await tableRows(page)) assert.equal(truth, String(nn.datasets.trueLabel('xor', Number(x), Number(y))), `xor truth at (${x}, ${y})`);
    });

    await step_('gauss as the tutorial: 500 fresh points with labels, test loss and accuracy; a clicked point says why it has no truth', async () => {
      // the Deep Insider gauss link: no hidden layer, batch 10, lr 0.03
      await visit('#dataset=gauss&networkShape=&seed=0.17900&batchSize=10&noise=0');
      await trainToAccuracy(page, 200);
      await page.selectOption('#testFreshCount', '500');
      await page.click('#testFresh');
      await until(page, () => /Test acc/.test(document.getElementById('testSummary').textContent), undefined, { what: 'the test score' });
      const score = await testSummary(page);
      assert.ok(score.acc >= 0.99 && score.loss < 0.05, `the tutorial's step 8 (published: loss 0.0045, accuracy 1.0): ${score.text}`);
      assert.match(await page.textContent('#testNote'), /500 点/);
      assert.match(await page.textContent('#testSummary'), /500 点/);
      const rows = await tableRows(page);
      assert.equal(rows.length, 500, 'the table shows every row');
      for (const r of rows) assert.ok(['1', '-1'].includes(r[4]), `a generated label: ${r}`);
      assert.equal((await state(page)).showTestData, true);
      await shot(page, 'learner-step8-gauss-1280');
      await page.click('#clearTests');
      await clickPlot(page, 2, 2);
      await until(page, () => document.querySelectorAll('#testTable tbody tr').length === 1, undefined, { what: 'the clicked row' });
      const cell = page.locator('#testTable tbody tr td.no-truth');
      assert.equal(await cell.textContent(), '—');
      assert.match(await cell.getAttribute('title'), /ガウス分布が重なる/);
      await cell.hover();
      assert.equal(await cell.getAttribute('tabindex'), '0');
      assert.equal((await testSummary(page)).loss, null, 'no score without a truth');
    });

    await step_('spiral and the 3-class set: fresh points carry labels, so there is a test loss and accuracy', async () => {
      await visit('#seed=1&dataset=spiral&networkShape=8,8&x=true&y=true&sinX=true&sinY=true');
      await step(page, 20);
      await page.click('#testFresh');
      await until(page, () => /Test acc/.test(document.getElementById('testSummary').textContent), undefined, { what: 'the spiral test score' });
      const spiral = await testSummary(page);
      assert.ok(spiral.loss > 0 && spiral.acc >= 0 && spiral.acc <= 1, spiral.text);
      // the 3-class set: the generated points are replaced (another generator), with a note
      await page.click('#datasets [data-name="gauss3"]');
      await until(page, () => document.querySelectorAll('.output-layer .node').length === 3, undefined, { what: '3 output units' });
      // the new network's first snapshot comes after the data message that drew the 3 units
      await until(page, () => window.__nnplay.snapshot.epoch === 0, undefined, { what: 'the new network at epoch 0' });
      await step(page, 30);
      assert.equal((await tableRows(page)).length, 0, 'spiral points are not gauss3 test points');
      await page.click('#testFresh');
      await until(page, () => /Test acc/.test(document.getElementById('testSummary').textContent), undefined, { what: 'the gauss3 test score' });
      const three = await testSummary(page);
      const rows = await tableRows(page);
      for (const r of rows) {
        assert.ok(['0', '1', '2'].includes(r[4]) && ['0', '1', '2'].includes(r[2]), `class indices: ${r}`);
        assert.equal(r[3].split(' / ').length, 3, 'three outputs');
      }
      const agree = rows.filter((r) => r[2] === r[4]).length / rows.length;
      assert.ok(three.acc > 0.8 && Math.abs(agree - three.acc) < 0.15, `accuracy ${three.text} vs the shown rows' agreement ${agree}`);
      await shot(page, 'learner-step8-gauss3-1280');
    });

    await step_('own data has no generator: "Generate test data" explains instead; a clicked point has no truth, and says why', async () => {
      await visit('#seed=1');
      await page.click('#datasets [data-name="custom"]');
      await page.click('#testFresh');
      assert.match(await page.textContent('#testNote'), /生成器がない/);
      assert.equal((await tableRows(page)).length, 0);
      await page.uncheck('#drawMode');
      await clickPlot(page, 1, 1);
      await until(page, () => document.querySelectorAll('#testTable tbody tr').length === 1, undefined, { what: 'the clicked row' });
      assert.equal(await page.textContent('#testTable td.no-truth'), '—');
      assert.match(await page.getAttribute('#testTable td.no-truth', 'title'), /自分のデータには正解を決める規則がありません/);
    });
  } finally {
    await s.close();
  }
});
