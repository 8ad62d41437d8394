// Journey: a learner edits weights and reads the colours (issue 9 points 4-6), at 1280 px: a weight
// line shows its card on hover and edits on click or by keyboard, and the read-outs, heatmap,
// thumbnails and step 8 follow at once; the colours follow the output range under MSE, binary and
// categorical cross entropy; 全部 shows the number of training points; the 3-class set gets 3
// softmax units and a note in the page's language. (The rules behind them are node tests:
// tests/node/learner-rules.test.mjs and colour-range.test.mjs.)
// Screenshots: test-results/learner-weight-card-1280.png, learner-colours-<loss>.png.
// Run: node --test tests/e2e/learner-weights.test.mjs (after node scripts/build.mjs)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { step, until } from './support.mjs';
import { journey } from './journey.mjs';
import {
  clickPlot, isBlue, isOrange, learnerBrowser, pixel, pixels, shot, stepEpochs, switchLanguage, tableRows, weightPoint,
} from './learner-steps.mjs';

const open = learnerBrowser();

// Pixels of the point overlay near the class colours: orange #f59322, blue #0877bd.
const pointColours = (page) => page.evaluate(() => {
  const c = document.getElementById('points');
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  const near = (i, [r, g, b]) => Math.abs(d[i] - r) < 30 && Math.abs(d[i + 1] - g) < 30 && Math.abs(d[i + 2] - b) < 30 && d[i + 3] > 200;
  let orange = 0, blue = 0;
  for (let i = 0; i < d.length; i += 4) {
    if (near(i, [0xf5, 0x93, 0x22])) orange++;
    if (near(i, [0x08, 0x77, 0xbd])) blue++;
  }
  return { orange, blue };
});

test('journey: a learner edits weights and reads the colours', { timeout: 300_000 }, async (t) => {
  const step_ = journey(t);
  const s = await open();
  const { page, visit } = s;
  try {
    await step_('a weight line shows its card on hover and edits on click; the read-outs, heatmap, thumbnails and step 8 follow at once', async () => {
      await visit('#seed=1');
      await step(page, 2);
      await clickPlot(page, 1, -1.5);
      await until(page, () => document.querySelectorAll('#testTable tbody tr').length === 1, undefined, { what: 'a test row' });
      const before = {
        loss: await page.textContent('#trainLoss'), valid: await page.textContent('#validLoss'),
        heat: await pixels(page, '#heatmap'), thumb: await pixels(page, '.output-layer canvas'), rows: await tableRows(page),
      };
      const w = await weightPoint(page, 5);
      await page.mouse.move(w.x, w.y);
      await until(page, () => !document.getElementById('hovercard').hidden, undefined, { what: 'the weight card' });
      assert.match(await page.textContent('#hovercard'), /^重み: -?\d/);
      const shown = Number((await page.textContent('#hovercard')).match(/重み: (-?[\d.e+-]+)/)[1]);
      const actual = await page.evaluate(() => window.__nnplay.snapshot.weights[0][5]);
      assert.equal(shown, Number(actual.toPrecision(2)), 'the card shows the weight');
      await shot(page, 'learner-weight-card-1280');
      await page.mouse.click(w.x, w.y);
      assert.ok(await page.isVisible('#hovercard input'), 'a click opens the editor');
      await page.fill('#hovercard input', '-3');
      await until(page, (b) => document.getElementById('trainLoss').textContent !== b, before.loss, { what: 'train loss after the edit' });
      assert.equal(await page.evaluate(() => window.__nnplay.snapshot.weights[0][5]), -3);
      assert.notEqual(await page.textContent('#validLoss'), before.valid, 'validation loss re-evaluated');
      assert.notEqual(await pixels(page, '#heatmap'), before.heat, 'heatmap redrawn');
      assert.notEqual(await pixels(page, '.output-layer canvas'), before.thumb, 'output thumbnail redrawn');
      await until(page, (r) => JSON.stringify([...document.querySelectorAll('#testTable tbody tr')].map((tr) => [...tr.cells].map((c) => c.textContent))) !== r, JSON.stringify(before.rows), { what: 'step 8 re-evaluated' });
      // the evaluated read-out is Keras' evaluate() of the edited weights
      const edited = await page.evaluate(() => window.__nnplay.snapshot.metrics.loss);
      assert.equal(Number(await page.textContent('#trainLoss')), Number(edited.toFixed(3)));
      await page.keyboard.press('Enter');
      assert.equal(await page.isVisible('#hovercard input'), false, 'Enter closes the editor');
      // the bias card opens on hover and closes when the pointer leaves
      const bias = await page.locator('.layer.hidden .bias').first().boundingBox();
      await page.mouse.move(bias.x + bias.width / 2, bias.y + bias.height / 2);
      await until(page, () => !document.getElementById('hovercard').hidden && /バイアス/.test(document.getElementById('hovercard').textContent), undefined, { what: 'the bias card' });
      await page.mouse.move(bias.x + 200, bias.y + 300);
      await until(page, () => document.getElementById('hovercard').hidden, undefined, { what: 'the bias card to close' });
    });

    await step_('weights by keyboard: one tab stop, arrow keys move, Enter edits, the read-outs follow', async () => {
      await visit('#seed=1');
      const loss = await page.textContent('#trainLoss');
      await page.focus('#removeLayer');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement.getAttribute('class')), 'link-hover', 'Tab reaches the weights');
      assert.equal(await page.isVisible('#hovercard'), true, 'focus shows the card');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      assert.equal(await page.evaluate(() => [...document.querySelectorAll('#links .link-hover')].indexOf(document.activeElement)), 2);
      assert.equal(await page.evaluate(() => document.querySelectorAll('#links .link-hover[tabindex="0"]').length), 1, 'one tab stop');
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement.closest('#hovercard') !== null), true, 'the editor has the focus');
      await page.keyboard.press('Control+A');
      await page.keyboard.type('2.5');
      // each key is an edit ('2', then '2.5'): wait for the last one's snapshot, not the first change
      await until(page, () => window.__nnplay.snapshot.weights[0][2] === 2.5, undefined,
        { what: 'the weight 2.5 in the snapshot after typing it', seen: () => ({ weight: window.__nnplay.snapshot.weights[0][2], field: document.querySelector('#hovercard input')?.value }) });
      await until(page, (b) => document.getElementById('trainLoss').textContent !== b, loss, { what: 'train loss after the keyboard edit', seen: () => document.getElementById('trainLoss').textContent });
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement.getAttribute('class')), 'link-hover', 'the focus returns to the weight');
      // the biases are reachable by Tab too, and Enter edits one
      await page.focus('.layer.hidden .bias');
      await page.keyboard.press('Enter');
      assert.ok(await page.isVisible('#hovercard input'));
      await page.keyboard.press('Escape');
    });

    await step_('the colours follow the output range: under MSE, binary and categorical cross entropy class 0 stays orange and class 1 blue (points, plot, output nodes, legend)', async () => {
      await visit('#dataset=gauss&seed=1&noise=0');
      for (const [loss, ticks] of [['mse', ['-1', '0', '1']], ['binary_crossentropy', ['0', '0.5', '1']], ['categorical_crossentropy', ['0', '0.5', '1']]]) {
        await page.selectOption('#loss', loss);
        await until(page, (l) => window.__nnplay.state.loss === l && window.__nnplay.snapshot.epoch === 0, loss, { what: `loss ${loss}` });
        await stepEpochs(page, 5);
        // gauss: class 1 around (2, 2), class 0 around (-2, -2); the plot's grid is 100 px over [-6, 6]
        const lowerLeft = await pixel(page, '#heatmap', 17, 82), upperRight = await pixel(page, '#heatmap', 82, 17);
        assert.ok(isOrange(lowerLeft), `${loss}: the plot at (-4, -4) is orange, not ${lowerLeft}`);
        assert.ok(isBlue(upperRight), `${loss}: the plot at (4, 4) is blue, not ${upperRight}`);
        const points = await pointColours(page);
        assert.ok(points.orange > 200 && points.blue > 200, `${loss}: both classes' points keep their colours (${JSON.stringify(points)})`);
        // the output node(s): one unit shows both sides; two softmax units show class 0 and class 1
        const thumbs = '.layer.output-layer canvas.thumb';
        const outputs = await page.locator(thumbs).count();
        assert.equal(outputs, loss === 'categorical_crossentropy' ? 2 : 1, loss);
        assert.ok(isOrange(await pixel(page, thumbs, 4, 20, 0)), `${loss}: the output node shows class 0 orange`);
        assert.ok(isBlue(await pixel(page, thumbs, 20, 4, outputs - 1)), `${loss}: the output node shows class 1 blue`);
        // the legend: orange to blue, ticked in the output's own range
        assert.deepEqual(await page.locator('#legendTicks span').allTextContents(), ticks, `${loss}: legend ticks`);
        assert.ok(isOrange(await pixel(page, '#legend', 1, 5)) && isBlue(await pixel(page, '#legend', 142, 5)), `${loss}: legend colours`);
        await shot(page, `learner-colours-${loss}`);
        await page.click('#reset');
      }
      // three classes: the legend shows the three class colours
      await page.click('#datasets button[data-name=gauss3]');
      await until(page, () => document.getElementById('legendTicks').textContent === '012', undefined, { what: 'a 3-class legend' });
      assert.deepEqual(await page.locator('#legendTicks span').allTextContents(), ['0', '1', '2']);
    });

    await step_('全部 shows the number of training points; the 3-class set gets 3 softmax units and a note that follows the language', async () => {
      await visit('#seed=1');
      const label = () => document.getElementById('batchSizeValue').textContent;
      await page.check('#batchFull');
      await until(page, () => document.getElementById('batchSizeValue').textContent === '250', undefined, { what: 'the label 250 (500 points × 50%)', seen: label });
      await page.locator('#percTrainData').evaluate((el) => { el.value = '70'; el.dispatchEvent(new Event('input', { bubbles: true })); });
      await until(page, () => document.getElementById('batchSizeValue').textContent === '350', undefined, { what: 'the label 350 at 70%', seen: label });
      await page.uncheck('#batchFull');
      await until(page, () => document.getElementById('batchSizeValue').textContent === '10', undefined, { what: 'the slider value 10 again', seen: label });

      const output = () => ({ units: document.querySelectorAll('.layer.output-layer .node').length, note: document.getElementById('loss-note').textContent, loss: window.__nnplay.state.loss });
      await page.click('#datasets button[data-name=gauss3]');
      await until(page, () => document.querySelectorAll('.layer.output-layer .node').length === 3 && /3クラス.*softmax/.test(document.getElementById('loss-note').textContent),
        undefined, { what: '3 output units and the Japanese note under mse', seen: output });
      assert.equal(await page.inputValue('#outputActivation'), 'softmax');
      await page.selectOption('#loss', 'categorical_crossentropy');
      await until(page, () => window.__nnplay.state.loss === 'categorical_crossentropy' && document.getElementById('loss-note').textContent === ''
        && document.querySelectorAll('.layer.output-layer .node').length === 3, undefined, { what: 'no note for the loss that fits', seen: output });
      await page.selectOption('#loss', 'mse');
      await until(page, () => /3クラス.*softmax/.test(document.getElementById('loss-note').textContent), undefined, { what: 'the note again under mse', seen: output });
      await switchLanguage(page, 'en');
      await until(page, () => /Three classes need a softmax output/.test(document.getElementById('loss-note').textContent), undefined, { what: 'the note in English', seen: output });
      // the optimizer menu shows the registry's names (their one spelling is a node test)
      assert.ok((await page.locator('#optimizer option').allTextContents()).includes('RMSprop'));
    });
  } finally {
    await s.close();
  }
});
