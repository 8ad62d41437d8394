// The page: wiring only. Controls change the state; the state goes to the worker; the
// worker's snapshots go to the views. Views never call the engine. Start-up (start(), at
// the end) is a series of short tasks: the engine first, then the views a few at a time.
import { MAX_HIDDEN_LAYERS, type PlaygroundState } from '../../bindings/src/state.js';
import { randomSeedNumber } from '../../bindings/src/validate.js';
import { codeText } from './codePanel.js';
import { byId, flashLabel } from './dom.js';
import { downloadExport, downloadModel } from './download.js';
import { thumbnails } from './grid.js';
import { embedReady, embedSnapshot, embedStateChanged, reportToAuthor, startEmbedding } from './embed.js';
import { type EngineWorker, startWorker } from './engineWorker.js';
import { setLanguage, t } from './i18n/index.js';
import { appLoaded, rewordLoadProblem, showLoadProblem } from './loadProblem.js';
import { NeuronHover } from './neuronHover.js';
import { nextTask } from './nextTask.js';
import { lossFactor } from './lossScale.js';
import { outputForColour } from './outputRange.js';
import { Playback } from './playback.js';
import { type DataInfo, DOMAIN, type FromWorker, type ModelLoaded, type Rebuild, type Snapshot, type TestResult, type ToWorker } from './protocol.js';
import { POINTS_IN_LINK } from '../../bindings/src/pointsLink.js';
import { Store } from './state/store.js';
import { showNotices, StatusLine } from './status.js';
import { Charts } from './views/charts.js';
import { ColourScale } from './views/colors.js';
import { CompareView } from './views/compare.js';
import { applyHides, Controls } from './views/controls.js';
import { DatasetPicker } from './views/datasets.js';
import { DescentView } from './views/descent.js';
import { EmbedDialog } from './views/embedDialog.js';
import { InspectorView } from './views/inspector.js';
import { LandscapeView } from './views/landscape.js';
import { ModelFiles } from './views/modelFiles.js';
import { renderLossNotes } from './views/lossNotes.js';
import { Heatmap } from './views/heatmap.js';
import { drawLegend } from './views/legend.js';
import { NetworkView } from './views/network.js';
import { OwnData } from './views/ownData.js';
import { pointSets } from './views/pointSets.js';
import { renderStats } from './views/stats.js';
import { loadUplot } from './views/uplot.js';
import { TestTable } from './views/testTable.js';
import { touchInput } from './views/inputWords.js';
import { applyTheme } from './theme.js';

const store = new Store(location.hash);
setLanguage(store.state.lang);
applyTheme(store.state.theme);
let colours = new ColourScale(store.state.palette);
let data: DataInfo | null = null;  // what the worker said of the current data and network
let testResult: TestResult | null = null;

const status = new StatusLine(byId('status'));
let worker: EngineWorker;
let sent = 0;  // the page's messages so far: a snapshot says how many of them it follows (playback.ts)
const send = (m: ToWorker) => {
  sent++;
  worker.postMessage(m);
};

// ---- views (made by start(), a few in each task)
const hover = new NeuronHover();
let controls: Controls, charts: Charts, tests: TestTable, heatmap: Heatmap, own: OwnData, descent: DescentView,
  compare: CompareView, datasets: DatasetPicker, network: NetworkView, playback: Playback, inspector: InspectorView,
  landscape: LandscapeView, modelFiles: ModelFiles;
const chartLabels = () => ({ train: t('trainShort'), valid: t('validShort'), loss: t('lossAxis'), acc: t('accAxis'), epoch: t('epochAxis') });

// The first screen's views: the controls, the network, the datasets and the output.
function makeControls() {
  controls = new Controls(store);
  applyHides(store.state);
}
function makeNetwork() {
  network = new NetworkView(byId('network'), byId('links') as unknown as SVGSVGElement, byId('hovercard'), {
    toggleFeature(f) {
      const s = store.state as unknown as Record<string, boolean>;
      store.update({ [f]: !s[f] } as Partial<PlaygroundState>);
    },
    setLayers: (shape) => store.update({ networkShape: shape }),
    hoverNeuron(layer, unit) {
      const neuron = hover.set(layer, unit);
      if (neuron) send({ type: 'neuron', ...neuron });
      else drawHeatmap();
    },
    editWeight: (layer, from, to, value) => send({ type: 'setWeight', layer, from, to, value }),
    editBias: (layer, unit, value) => send({ type: 'setBias', layer, unit, value }),
    pick(target) {
      store.update({ inspect: target });
      inspector.reveal();
    },
  });
  network.setStructure(store.state, outputUnits());  // renderState finds it built
}
function makeDatasets() {
  datasets = new DatasetPicker(byId('datasets'), (name) => {
    if (store.state.problem === 'regression') store.update({ regDataset: name as PlaygroundState['regDataset'] });
    else store.update({ dataset: name as PlaygroundState['dataset'] });
  });
  datasets.render(store.state.problem, store.state.problem === 'regression' ? store.state.regDataset : store.state.dataset, colours);
}
function makeOutput() {
  heatmap = new Heatmap(byId<HTMLCanvasElement>('heatmap'), byId<HTMLCanvasElement>('points'), byId('coords'), (x, y) => {
    if (ownDataActive() && own.drawing) own.add(x, y);
    else addTest(x, y);
  });
  tests = new TestTable(byId<HTMLTableElement>('testTable'), byId('testSummary'), byId('colPrediction'), byId('testNote'), byId<HTMLTableElement>('testClasses'));
  charts = new Charts(byId('lossChart'), byId('accChart'), chartLabels());
  playback = new Playback(send, render, byId<HTMLButtonElement>('play'), () => compare.running, () => sent);
  legend();
}
// Below the first screen, or in closed panels.
function makeOwnData() {
  own = new OwnData(() => {
    sendOwnData();
    syncPointsKey();
    renderState(store.state);
  }, (file, maxRows) => send({ type: 'parseCsv', file, maxRows }));
  own.onImported = resetRun;  // new data: the run starts again (epoch 0, no old banner)
}
// A link's own points (URL key `points`) are shown instead of the ones saved in this browser.
function applyLinkedPoints() {
  if (store.state.points) own.useLinked(store.state.points, false);  // 'ready' sends them to the worker
}
// The URL key `points` follows own data while it is the dataset (null over POINTS_IN_LINK).
function syncPointsKey() {
  store.update({ points: ownDataActive() ? own.forLink : null });
}
// The optimizer inspector and the loss landscape: their panels build their contents when opened.
function makeInsight() {
  inspector = new InspectorView((target) => store.update({ inspect: target }), () => byId('stepBatch').click());
  landscape = new LandscapeView((mode) => store.update({ landscape: mode }));
}
function makeDescent() {
  descent = new DescentView((optimizer, learningRate, w0, steps) => send({ type: 'descend', optimizer, learningRate, w0, steps }));
}
function makeCompare() {
  compare = new CompareView(
    (c) => store.update({ compare: c }),
    (states, epochs, setting) => {
      playback.compareRequested();
      send({ type: 'compareStart', states, epochs, setting });
    },
  );
  new EmbedDialog(byId<HTMLButtonElement>('embed'), () => store.state);
}

const ownDataActive = () => store.state.problem === 'classification' && store.state.dataset === 'custom';
const outputUnits = () => data?.layers.at(-1) ?? 1;
const outputActivation = () => data?.outputActivation ?? 'tanh';
const lossName = () => data?.loss ?? 'mean_squared_error';  // Keras name of the loss in use
const shownFactor = () => lossFactor(store.state.lossScale, lossName());
const renderTests = (r: TestResult) => tests.render(r, store.state.problem, data?.classes ?? 2, outputActivation(), shownFactor());

const legend = () => drawLegend(byId<HTMLCanvasElement>('legend'), byId('legendTicks'), colours, outputUnits(), outputActivation());

function sendOwnData() {
  const points = Float32Array.from(own.points), classes = Float32Array.from(own.classes);
  send({ type: 'custom', points: points.slice(), classes: classes.slice() });
  const three = own.classes.includes(2);
  datasets.setThumbnails([{ name: 'custom', points, labels: three ? classes : classes.map((c) => (c > 0 ? 1 : -1)), threeClasses: three }]);
}

// ---- state -> views and worker
function renderState(state: PlaygroundState) {
  controls.render(state);
  compare.render(state.compare);
  own.render(ownDataActive());
  if (byId<HTMLDetailsElement>('codePanel').open) showCode(state);
  // 全部 (all): the label shows how many training points a batch then holds, as the original
  if (state.batchFull && data) byId('batchSizeValue').textContent = String(data.train.labels.length);
  applyHides(state);
  datasets.render(state.problem, state.problem === 'regression' ? state.regDataset : state.dataset, colours);
  network.setStructure(state, outputUnits());
  if (data) inspector.setNetwork(data.layers, state.inspect);
  landscape.render(state.landscape);
  renderLossNotes(state.lossScale, lossName());
  charts.setLossFactor(shownFactor());
  compare.setScale(state.lossScale);
  byId('layerCount').textContent = String(state.networkShape.length);
  byId<HTMLButtonElement>('addLayer').disabled = state.networkShape.length >= MAX_HIDDEN_LAYERS;
  byId<HTMLButtonElement>('removeLayer').disabled = state.networkShape.length === 0;
  updatePoints();
}

function stateChanged(state: PlaygroundState, rebuild: Rebuild, changed: string[]) {
  if (changed.includes('lang')) {
    setLanguage(state.lang);
    controls.build();
    network.invalidate();
    reword();
  }
  if (changed.includes('lossScale') && testResult) renderTests(testResult);
  if (changed.includes('theme')) applyTheme(state.theme);
  if (changed.includes('palette')) {
    colours = new ColourScale(state.palette);
    legend();
  }
  renderState(state);
  embedStateChanged(state, changed);
  if (changed.includes('learningRate')) send({ type: 'learningRate', value: state.learningRate });
  if (changed.includes('inspect')) send({ type: 'inspect', target: state.inspect });
  if (changed.includes('landscape')) send({ type: 'landscape', directions: state.landscape });
  if (rebuild !== 'none') {
    send({ type: 'configure', state, rebuild });
    if (rebuild !== 'session') {
      charts.clear();
      playback.setPlaying(false);
    }
  }
  playback.redraw();
  if (changed.includes('points') && state.points && !own.holds(state.points)) own.useLinked(state.points);  // a pasted link
  else if (['dataset', 'problem', 'points'].some((k) => changed.includes(k))) syncPointsKey();
}

// Everything worded outside the static data-i18n texts, again in the new language.
let notices = store.notices;
function reword() {
  if (notices.length && !byId('notices').hidden) showNotices(byId('notices'), byId('notice-list'), notices);
  if (data) controls.renderOutput(data.outputActivation, data.notes);
  own.reword();
  charts.setLabels(chartLabels());
  compare.reword();
  inspector.reword();
  landscape.reword();
  renderLossNotes(store.state.lossScale, lossName());
  descent.draw();
  modelFiles.reword();
  if (testResult) renderTests(testResult);
  if (playback.shown) status.showSnapshot(playback.shown);
  rewordLoadProblem();
}

// ---- worker -> views
function receive(e: MessageEvent<FromWorker>) {
  const m = e.data;
  switch (m.type) {
    case 'ready':
      byId('loading').hidden = true;
      byId('app').setAttribute('aria-busy', 'false');
      send({ type: 'thumbnails' });
      send({ type: 'speed', epochsPerFrame: Number(byId<HTMLSelectElement>('speed').value) });
      sendOwnData();
      send({ type: 'configure', state: store.state, rebuild: 'data' });
      send({ type: 'inspect', target: store.state.inspect });
      send({ type: 'landscape', directions: store.state.landscape });
      embedReady(store.state);
      return;
    case 'thumbnails':
      datasets.setThumbnails(m.sets);
      renderState(store.state);
      return;
    case 'data':
      data = m;
      testResult = null;  // of the old data and network: the worker sends the new evaluation next
      network.setInputThumbs(m.inputThumbs);
      controls.renderOutput(m.outputActivation, m.notes);
      legend();
      network.setStructure(store.state, outputUnits());
      inspector.setNetwork(m.layers, store.state.inspect);
      byId('stats').hidden = m.classes === 0;
      byId('accFigure').hidden = m.classes === 0;
      renderState(store.state);  // with the points (the worker evaluates the test points again on the new data itself)
      return;
    case 'snapshot':
      charts.append(m.newEpochs);  // now, so that no epoch is lost when snapshots outpace frames
      embedSnapshot(m);  // for pages that host the playground in an iframe (and <nnplay-playground>)
      playback.received(m);
      return;
    case 'test':
      testResult = m;
      renderTests(m);
      updatePoints();
      return;
    case 'neuron':
      if (hover.receive(m)) drawHeatmap();
      return;
    case 'descend':
      descent.play(m.path);
      return;
    case 'parseCsv':
      own.imported(m);
      return;
    case 'compare':
      playback.compareAnswered();
      compare.update(m, colours);
      return;
    case 'export':
      downloadExport(m.what, m.text);
      return;
    case 'modelSaved':
      downloadModel(m.json, m.weights);
      return;
    case 'modelLoaded':
      modelLoaded(m);
      return;
    case 'inspector':
      inspector.update(m);
      return;
    case 'landscape':
      landscape.update(m);
      return;
    case 'error':
      if (m.missing) {  // the engine never started: the page says which file it lacks
        showLoadProblem(m.missing);
        return;
      }
      if (compare.running) {  // a comparison that could not start
        compare.running = false;
        playback.compareAnswered();
      }
      status.engineError(m.message);
      playback.setPlaying(false);
      return;
  }
}

// ---- the code panel (with the trained weights on screen when ticked)
const code = (state: PlaygroundState) => codeText(state, own, byId<HTMLInputElement>('codeWithWeights').checked, playback.shown);
function showCode(state: PlaygroundState) {
  byId('code').textContent = code(state);
}

// A loaded model file: its shape into the state (the worker rebuilds the network), then its
// weights; or why it does not fit (the page keeps its network).
function modelLoaded(m: ModelLoaded) {
  if (!m.ok) return modelFiles.say(m.why, false);
  playback.setPlaying(false);
  store.update(m.changes);
  charts.clear();
  send({ type: 'adoptWeights', weights: m.weights });
  modelFiles.say(m.done, true);
}

// ---- snapshot -> views
function drawHeatmap() {
  const s = playback.shown;
  if (!s) return;
  const discretize = store.state.discretize;
  if (hover.grid) heatmap.draw(hover.grid, 1, colours, { discretize, grey: false });
  else {
    const shown = outputForColour(s.output, outputUnits(), outputActivation());
    heatmap.draw(shown.values, shown.units, colours, { discretize, grey: s.diverged });
  }
}

function updatePoints() {
  if (!data) return;
  heatmap.setPoints(pointSets(store.state, data, testResult), data.classes);
  heatmap.drawPoints(colours);
}

function render(s: Snapshot) {
  renderStats(s, store.state.lossScale, lossName());
  landscape.setReadout(shownFactor(), s.metricsKind, s.metrics?.loss ?? null);
  drawHeatmap();
  const units = outputUnits();
  network.update(s.thumbs, thumbnails(s.output, units), outputActivation(), s.weights, s.biases, colours, s.diverged);
  status.showSnapshot(s);
  // paused, or a step: the code's weights follow the snapshot drawn (not every frame of play)
  if (!s.playing && byId<HTMLInputElement>('codeWithWeights').checked && byId<HTMLDetailsElement>('codePanel').open) showCode(store.state);
}

// Both tests (one point, fresh points) turn テストデータ表示 on themselves: the learner asked to see them.
function showTestPoints() {
  if (store.state.showTestData) return;
  store.update({ showTestData: true });
  status.show(t('testShownNow'), false);
}

function addTest(x: number, y: number) {
  showTestPoints();
  tests.add(Math.max(-DOMAIN, Math.min(DOMAIN, x)), Math.max(-DOMAIN, Math.min(DOMAIN, y)));
  send({ type: 'test', points: tests.points });
}

function resetRun() {
  playback.setPlaying(false);
  status.clearEngineError();
  charts.clear();
  send({ type: 'reset' });
}

// ---- buttons
function bindButtons() {
  byId('play').addEventListener('click', () => {
    if (playback.playing) {
      playback.setPlaying(false);
      send({ type: 'pause' });
    } else if (ownDataActive() && own.classes.length < 2) {
      status.show(t('needPoints'), false);
    } else if (playback.shown?.stopped && !playback.shown.diverged) {
      // finished (early stopping, maximum epochs): Play would do nothing, so say why
      status.show(t(playback.shown.stopped.reason === 'max_epochs' ? 'playAfterMax' : 'playAfterEarlyStop'), false);
    } else if (!playback.shown?.diverged) {
      playback.setPlaying(true);
      send({ type: 'play' });
    }
  });
  byId('step').addEventListener('click', () => {
    playback.setPlaying(false);
    send({ type: 'step' });
  });
  byId('stepBatch').addEventListener('click', () => {
    playback.setPlaying(false);
    send({ type: 'stepBatch' });
  });
  byId('reset').addEventListener('click', resetRun);
  byId('newWeights').addEventListener('click', () => {
    playback.setPlaying(false);
    store.update({ weightsSeed: randomSeedNumber() });
  });
  byId('regenerate').addEventListener('click', () => store.update({ seed: Math.random().toFixed(5), weightsSeed: null }));
  byId('addLayer').addEventListener('click', () => store.update({ networkShape: [...store.state.networkShape, 2].slice(0, MAX_HIDDEN_LAYERS) }));
  byId('removeLayer').addEventListener('click', () => store.update({ networkShape: store.state.networkShape.slice(0, -1) }));
  byId('speed').addEventListener('change', (e) => send({ type: 'speed', epochsPerFrame: Number((e.target as HTMLSelectElement).value) }));
  byId('testButton').addEventListener('click', () => addTest(Math.random() * 12 - 6, Math.random() * 12 - 6));
  byId('clearTests').addEventListener('click', () => {
    tests.clear();
    testResult = null;
    send({ type: 'testClear' });
    updatePoints();
  });
  byId('testFresh').addEventListener('click', () => {
    showTestPoints();
    if (ownDataActive()) tests.say(t(touchInput() ? 'testFreshCustomTap' : 'testFreshCustom'));
    else send({ type: 'testFresh', samples: Number(byId<HTMLSelectElement>('testFreshCount').value) });
  });
  byId('compareRun').addEventListener('click', () => {
    if (compare.running) compare.running = false;
    else if (ownDataActive() && own.classes.length < 2) byId('compareError').textContent = t('needPoints');
    else compare.start(store.state);
  });
  byId('language').addEventListener('click', () => store.update({ lang: store.state.lang === 'ja' ? 'en' : 'ja' }));
  byId('share').addEventListener('click', async () => {
    // said plainly when the link cannot carry the learner's own points
    const left = ownDataActive() && own.classes.length > POINTS_IN_LINK;
    byId('shareNote').textContent = left ? t('shareWithoutPoints').replace('{max}', String(POINTS_IN_LINK)) : '';
    try {
      await navigator.clipboard.writeText(location.href);
      flashLabel(byId('share'), t('copied'), () => t('share'));
    } catch {
      prompt(t('share'), location.href);
    }
  });
  byId('codePanel').addEventListener('toggle', () => showCode(store.state));
  byId('codeWithWeights').addEventListener('change', () => showCode(store.state));
  // Download notebook: in the export group and beside the code it replays (issue 21 point 3)
  for (const id of ['exportNotebook', 'codeNotebook']) byId(id).addEventListener('click', () => send({ type: 'notebook', lang: store.state.lang }));
  byId('copyCode').addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(code(store.state));
      flashLabel(byId('copyCode'), t('copied'), () => t('copyCode'));
    } catch {
      const range = document.createRange();  // no clipboard: select the code for a manual copy
      range.selectNodeContents(byId('code'));
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    }
  });
  for (const what of ['data', 'history', 'weights'] as const) {
    byId(`export${what[0].toUpperCase()}${what.slice(1)}`).addEventListener('click', () => send({ type: 'export', what }));
  }
  byId('exportModel').addEventListener('click', () => send({ type: 'saveModel' }));
  modelFiles = new ModelFiles((files) => send({ type: 'loadModel', files }));
  byId('lossScale').addEventListener('change', (e) => store.update({ lossScale: (e.target as HTMLInputElement).checked ? 'half' : 'keras' }));
  byId('dismiss-notices').addEventListener('click', () => (byId('notices').hidden = true));

  // An address-bar edit of the hash applies like a new link (replaceState fires no hashchange).
  window.addEventListener('hashchange', () => {
    const next = new Store(location.hash);
    store.update({ ...next.state, seed: next.state.seed });
    notices = next.notices;
    if (notices.length) showNotices(byId('notices'), byId('notice-list'), notices);
    reportToAuthor(next.authorNotices);
  });
}

// ---- start: the engine first (it loads and compiles in the worker meanwhile), then the
// views, each step its own task; the worker's messages wait until every view is there.
async function start() {
  appLoaded();
  if (notices.length) showNotices(byId('notices'), byId('notice-list'), notices);
  reportToAuthor(store.authorNotices);
  startEmbedding();
  store.writeUrl();  // normalise the URL: every key, in order
  for (const step of [
    () => (worker = startWorker((why) => status.show(why, true))),
    makeControls, makeNetwork, makeDatasets, makeOutput, makeOwnData, makeInsight, makeDescent, makeCompare, bindButtons,
    applyLinkedPoints,
  ]) {
    await nextTask();
    step();
  }
  await nextTask();
  store.subscribe(stateChanged);
  renderState(store.state);
  worker.onmessage = receive;
  playback.start();
  // uPlot ahead of a print (whose beforeprint cannot wait for a script): fetched at the
  // learner's first touch of the page, never at start-up.
  for (const type of ['pointerdown', 'keydown']) addEventListener(type, () => void loadUplot().catch(() => {}), { once: true });

  // For tests and for measuring: frame times and the last snapshot.
  (window as unknown as Record<string, unknown>).__nnplay = {
    get state() {
      return store.state;
    },
    get snapshot() {
      return playback.shown;
    },
    get data() {
      return data;
    },
    frameTimes: playback.frameTimes,
    charts,
    compare,
    descent,
    own,
    inspector,
    landscape,
  };
}
start();
