// Someone opens a shared playground link (dist/index.html) in Chromium: the link's state, its
// normalised URL, a reload to the same state and first-epoch loss; controls changed on the page,
// their URL and a reload; a Deep Insider tutorial link; malformed links, which give the defaults
// and a plain-text notice, and nothing from the URL runs.
//
// Needs /usr/bin/chromium and `npm ci` (playwright-core). Run: node --test tests/e2e/learner-shared-link.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { journey } from './journey.mjs';
import { PLAYGROUND_DEFAULTS, assertFiniteMetrics, playgroundRig, setRange } from './playground-steps.mjs';
import { loadPlayground, newSession, playgroundUrl, rebuilt, state, step as stepEpochs } from './support.mjs';

const rig = playgroundRig();

const LINK = '#activation=relu&loss=binary_crossentropy&batchSize=7&dataset=xor&learningRate=0.01&regularization=L2'
  + '&regularizationRate=0.001&noise=15&networkShape=3,5,2&seed=0.42424&showValidationData=true&discretize=true'
  + '&percTrainData=60&xSquared=true&optimizer=adam&beta1=0.8&maxEpochs=500&palette=cb';
const DEEP_INSIDER = '#activation=tanh&activspacer=false&loss=mse&batchSize=10&batchFull=false&dataset=gauss&regDataset=reg-plane'
  + '&learningRate=0.03&regularizationRate=0&noise=0&networkShape=&seed=0.17900&showTrainData=true&showValidationData=false'
  + '&showTestData=true&discretize=false&percTrainData=50&x=true&y=true&xTimesY=false&xSquared=false&ySquared=false&sinX=false'
  + '&sinY=false&problem=classification&initOrigin=false&hideText=true&xSquared_hide=true&ySquared_hide=true&xTimesY_hide=true'
  + '&sinX_hide=true&sinY_hide=true';
const MALFORMED = [
  {
    hash: '#lang=en&learningRate=abc&foo=<script>alert(1)</script>&networkShape=9,9&activation=<img src=x onerror=alert(2)>&' + 'x'.repeat(10000),
    notices: 5,
    text: ['learningRate="abc"', '"foo"', 'networkShape="9,9"', '"<img src=x onerror=alert(2)>"', 'xxxx'],
    expect: { lang: 'en' },
  },
  {
    hash: '#' + 'a=b&'.repeat(6000),
    notices: 1,
    text: ['24000', '20000'],
  },
  {
    hash: '#%E0%A4%A=1&activation=bogus&batchSize=0&seed=' + 'a'.repeat(50) + '&xSquared_hide=maybe&nope_hide=true'
      + '&networkShape=1,2,3,4,5,6,7&dataset=xor&javascript:alert(3)&lang=en&learningRate=1e400&noise=-5',
    notices: 8,
    text: ['%E0%A4%A', 'activation="bogus"', 'batchSize="0"', 'seed=', 'networkShape="1,2,3,4,5,6,7"', 'javascript:alert(3)', 'learningRate="1e400"', 'noise="-5"'],
    author: ['xSquared_hide', '"nope"'],  // <part>_hide problems: the console, for the link's author (docs/EMBEDDING.md)
    expect: { dataset: 'xor', lang: 'en' },  // the valid keys still apply
  },
];

// Sets non-default controls through the page's own controls; returns the state and the URL.
async function changeControls(page) {
  await page.click('#datasets button[data-name=xor]');
  await page.click('#addLayer');
  await page.click('#layers .layer.hidden >> nth=0 >> button.small-icon >> nth=0');  // + a neuron in layer 1
  await page.selectOption('#activation', 'relu');
  await page.selectOption('#optimizer', 'adam');
  await page.selectOption('#learningRate', '0.01');
  await page.click('#layers .node.input.ui-xSquared');
  await setRange(page, 'noise', 20);
  await setRange(page, 'batchSize', 5);
  await page.check('#showValidationData');
  const st = await state(page);
  assert.equal(st.dataset, 'xor');
  assert.deepEqual(st.networkShape, [5, 2, 2]);
  assert.equal(st.activation, 'relu');
  assert.equal(st.optimizer, 'adam');
  assert.equal(st.learningRate, 0.01);
  assert.equal(st.xSquared, true);
  assert.equal(st.noise, 20);
  assert.equal(st.batchSize, 5);
  assert.equal(st.showValidationData, true);
  return { st, hash: await page.evaluate(() => location.hash) };
}

test('journey: someone opens shared links, reloads them, changes controls and shares them, and meets broken links', { timeout: 360_000 }, async (t) => {
  const step = journey(t);
  const { srv, browser, nn } = rig;
  // every page keeps the hash it was opened with in window.__initialHash (before the page normalises it)
  const s = await newSession(browser, { initScript: () => { window.__initialHash = location.hash; } });
  const { page } = s;
  // a query makes each load a new document (a change of the hash alone would not reload the page)
  let loads = 0;
  const load = (hash) => loadPlayground(page, playgroundUrl(srv.origin, `?load=${loads++}${hash}`));
  const noProblems = () => assert.deepEqual(s.problems, [], s.problems.join(' | '));
  try {
    let linkState, linkHash, linkMetrics;
    await step('a link opens its state, with a normalised URL and no notice', async () => {
      await load(LINK);
      linkState = await state(page);
      assert.equal(linkState.activation, 'relu');
      assert.equal(linkState.dataset, 'xor');
      assert.deepEqual(linkState.networkShape, [3, 5, 2]);
      assert.equal(linkState.optimizer, 'adam');
      assert.equal(linkState.beta1, 0.8);
      assert.equal(linkState.noise, 15);
      assert.equal(linkState.seed, '0.42424');
      assert.equal(await page.isHidden('#notices'), true);
      linkHash = await page.evaluate(() => location.hash);
      assert.ok(linkHash.length > LINK.length, `the URL was normalised: ${linkHash}`);
      [linkMetrics] = await stepEpochs(page);
      assertFiniteMetrics(linkMetrics, 'the link\'s first epoch');
      noProblems();
    });

    await step('the normalised URL reloaded: the same state, URL and first-epoch loss', async () => {
      await load(linkHash);
      assert.deepEqual(await state(page), linkState);
      assert.equal(await page.evaluate(() => location.hash), linkHash);
      assert.equal(await page.isHidden('#notices'), true);
      const [m] = await stepEpochs(page);
      assert.equal(m.loss, linkMetrics.loss, 'the same first-epoch loss');
      assert.deepEqual(m, linkMetrics);
      noProblems();
    });

    await step('controls changed on the page → URL → reload: the same state, controls and first-epoch loss', async () => {
      await load('');
      const { st, hash } = await changeControls(page);
      for (const part of ['dataset=xor', 'networkShape=5,2,2', 'activation=relu', 'optimizer=adam', 'learningRate=0.01', 'xSquared=true', 'noise=20', 'batchSize=5', 'showValidationData=true', `seed=${st.seed}`]) {
        assert.ok(hash.includes(part), `the URL has ${part}: ${hash}`);
      }
      await rebuilt(page);
      const [m1] = await stepEpochs(page);
      assertFiniteMetrics(m1, 'before the reload');
      await load(hash);
      assert.deepEqual(await state(page), st);
      assert.equal(await page.evaluate(() => location.hash), hash);
      assert.equal(await page.getAttribute('#datasets button[data-name=xor]', 'aria-checked'), 'true');
      assert.equal(await page.inputValue('#activation'), 'relu');
      assert.equal(await page.inputValue('#optimizer'), 'adam');
      assert.equal(await page.inputValue('#noise'), '20');
      assert.equal(await page.textContent('#layerCount'), '3');
      assert.equal(await page.locator('#layers .node.input.ui-xSquared.active').count(), 1);
      const [m2] = await stepEpochs(page);
      assert.deepEqual(m2, m1, 'the same first-epoch metrics');
      noProblems();
    });

    await step('a Deep Insider link opens its setup: gauss, no hidden layer, text and three features hidden, no notice', async () => {
      await load(DEEP_INSIDER);
      const st = await state(page);
      assert.equal(st.dataset, 'gauss');
      assert.deepEqual(st.networkShape, []);
      assert.equal(st.seed, '0.17900');
      assert.equal(st.hideText, true);
      assert.equal(st.learningRate, 0.03);
      assert.equal(st.activspacer, false);
      assert.deepEqual(st.hide, ['xSquared', 'ySquared', 'xTimesY', 'sinX', 'sinY']);
      assert.equal(await page.isHidden('#notices'), true, `notices: ${await page.textContent('#notice-list')}`);
      assert.equal(await page.isHidden('header'), true, 'hideText hides the header');
      assert.equal(await page.isHidden('footer'), true, 'hideText hides the footer');
      assert.equal(await page.isHidden('.hint.ui-description'), true);
      assert.equal(await page.isHidden('.ui-activspacer'), true);
      for (const f of ['xSquared', 'ySquared', 'xTimesY', 'sinX', 'sinY']) {
        assert.equal(await page.locator(`#layers .node.input.ui-${f}`).isVisible(), false, `${f} is hidden`);
      }
      for (const f of ['x', 'y']) assert.equal(await page.locator(`#layers .node.input.ui-${f}.active`).isVisible(), true, `${f} is shown`);
      assert.equal(await page.locator('#layers .layer.hidden').count(), 0, 'no hidden layer');
      assert.equal(await page.textContent('#layerCount'), '0');
      assert.equal(await page.isDisabled('#removeLayer'), true);
      assert.equal(await page.getAttribute('#datasets button[data-name=gauss]', 'aria-checked'), 'true');
      assert.equal(await page.isVisible('#play'), true);
      assertFiniteMetrics((await stepEpochs(page))[0], 'first epoch');
      // the URL keeps the link's parts (hides included)
      const hash = await page.evaluate(() => location.hash);
      assert.ok(hash.includes('networkShape=&') && hash.includes('seed=0.17900') && hash.endsWith('&xSquared_hide=true&ySquared_hide=true&xTimesY_hide=true&sinX_hide=true&sinY_hide=true'), hash);
      noProblems();
    });

    for (const [n, c] of MALFORMED.entries()) {
      const label = c.hash.slice(0, 40);
      await step(`malformed link ${n + 1} (${label}…): the defaults and a plain-text notice; nothing from the URL runs`, async () => {
        await load(c.hash);
        const st = await state(page);
        assert.match(st.seed, /^0\.\d{5}$/, `${label}: a random seed`);
        for (const [k, v] of Object.entries({ ...PLAYGROUND_DEFAULTS, ...c.expect })) assert.deepEqual(st[k], v, `${label}: ${k}`);
        // the same state and notices as the schema gives for what the page got (the browser percent-encodes some characters)
        const expected = nn.state.parse(await page.evaluate(() => window.__initialHash), st.seed);
        assert.deepEqual(st, expected.state, label);
        assert.equal(await page.isVisible('#notices'), true, `${label}: notices shown`);
        const items = await page.locator('#notice-list li').allTextContents();
        assert.equal(items.length, c.notices, `${label}: ${JSON.stringify(items)}`);
        // the schema's notices, as codes; in English the module's own words (Japanese pages word them)
        assert.deepEqual(await page.locator('#notice-list li').evaluateAll((els) => els.map((el) => el.dataset.code)), expected.messages.map((m) => m.code), label);
        if (st.lang === 'en') assert.deepEqual(items, expected.notices, label);
        const all = items.join('\n');
        for (const part of c.text) assert.ok(all.includes(part), `${label}: a notice names ${part}: ${all}`);
        for (const part of c.author ?? []) {
          assert.ok(!all.includes(part), `${label}: no notice for readers names ${part}`);
          assert.ok(s.consoleMessages.some((m) => m.type === 'warning' && m.text.includes(part)), `${label}: the console names ${part}`);
        }
        // plain text only: no element inside the list items, no script or image anywhere in the notices
        assert.equal(await page.locator('#notices script, #notices img, #notice-list li *').count(), 0, label);
        assert.equal(await page.locator('body script').count(), 1, `${label}: only the page's own script`);
        assert.ok(items.every((i) => i.length < 300), `${label}: notices are short`);
        // the URL is rewritten to the defaults
        const hash = await page.evaluate(() => location.hash);
        assert.ok(hash.includes('learningRate=0.03') && hash.includes('networkShape=4,2') && !/script|img|alert/.test(hash), `${label}: ${hash.slice(0, 200)}`);
        assertFiniteMetrics((await stepEpochs(page))[0], label);  // the page works
        await page.click('#dismiss-notices');
        assert.equal(await page.isHidden('#notices'), true);
        assert.deepEqual(s.dialogs, [], 'a dialog opened: something from the URL ran');
        noProblems();
      });
    }
  } finally {
    await s.context.close();
  }
});
