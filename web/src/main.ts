// The page: wiring only. Controls change the state; the state goes to the worker; the
// worker's snapshots go to the views. Views never call the engine.
import { keras } from '../../bindings/src/codegen.js';
import type { PlaygroundState } from '../../bindings/src/state.js';
import { setLanguage, t } from './i18n/index.js';
import { type DataInfo, DOMAIN, type FromWorker, GRID, type Snapshot, THUMB, type TestResult, type ToWorker } from './protocol.js';
import { Store } from './state/store.js';
import { startWorker } from './engineWorker.js';
import { embedReady, embedSnapshot, embedStateChanged, reportToAuthor, startEmbedding } from './embed.js';
import { Charts } from './views/charts.js';
import { ColourScale } from './views/colors.js';
import { applyHides, byId, Controls } from './views/controls.js';
import { DatasetPicker } from './views/datasets.js';
import { CompareView } from './views/compare.js';
import { DescentView } from './views/descent.js';
import { Heatmap, type PointSet } from './views/heatmap.js';
import { NetworkView } from './views/network.js';
import { OwnData } from './views/ownData.js';
import { TestTable } from './views/testTable.js';

const store = new Store(location.hash);
setLanguage(store.state.lang);
let colours = new ColourScale(store.state.palette);
let data: DataInfo | null = null;
let latest: Snapshot | null = null;
let shown: Snapshot | null = null;
let playing = false;
let frameRequested = false;
let hovered: { layer: number; unit: number } | null = null;
let hoverGrid: Float32Array | null = null;
let testResult: TestResult | null = null;
let speed = 1;
let engineError: string | null = null;  // stays on screen until the next reset
const frameTimes: number[] = [];

const worker = startWorker((why) => showStatus(why, true));
const send = (m: ToWorker) => worker.postMessage(m);

const controls = new Controls(store);
const charts = new Charts(byId('lossChart'), byId('accChart'), { train: t('trainShort'), valid: t('validShort'), loss: 'loss', acc: 'accuracy' });
const tests = new TestTable(byId<HTMLTableElement>('testTable'), byId('testSummary'), byId('colPrediction'));
const heatmap = new Heatmap(byId<HTMLCanvasElement>('heatmap'), byId<HTMLCanvasElement>('points'), byId('coords'), (x, y) => {
  if (ownDataActive() && own.drawing) own.add(x, y);
  else addTest(x, y);
});
const own = new OwnData(() => {
  sendOwnData();
  renderState(store.state);
});
const descent = new DescentView((optimizer, learningRate, w0, steps) => send({ type: 'descend', optimizer, learningRate, w0, steps }));
let compareRequested = false;
const compare = new CompareView(
  (c, base) => store.update({ ...base, compare: c }),
  (states, epochs) => {
    compareRequested = true;
    send({ type: 'compareStart', states, epochs });
  },
);
byId('compareRun').addEventListener('click', () => {
  if (compare.running) compare.running = false;
  else if (ownDataActive() && own.classes.length < 2) byId('compareError').textContent = t('needPoints');
  else compare.start(store.state);
});
const ownDataActive = () => store.state.problem === 'classification' && store.state.dataset === 'custom';
function sendOwnData() {
  const points = Float32Array.from(own.points), classes = Float32Array.from(own.classes);
  send({ type: 'custom', points: points.slice(), classes: classes.slice() });
  const three = own.classes.includes(2);
  datasets.setThumbnails([{ name: 'custom', points, labels: three ? classes : classes.map((c) => (c > 0 ? 1 : -1)), threeClasses: three }]);
}
const datasets = new DatasetPicker(byId('datasets'), (name) => {
  if (store.state.problem === 'regression') store.update({ regDataset: name as PlaygroundState['regDataset'] });
  else store.update({ dataset: name as PlaygroundState['dataset'] });
});
const network = new NetworkView(byId('network'), byId('links') as unknown as SVGSVGElement, byId('hovercard'), {
  toggleFeature(f) {
    const s = store.state as unknown as Record<string, boolean>;
    store.update({ [f]: !s[f] } as Partial<PlaygroundState>);
  },
  setLayers: (shape) => store.update({ networkShape: shape }),
  hoverNeuron(layer, unit) {
    hovered = layer === null ? null : { layer, unit };
    hoverGrid = null;
    if (hovered) send({ type: 'neuron', layer: hovered.layer, unit: hovered.unit });
    else drawHeatmap();
  },
  editWeight: (layer, from, to, value) => send({ type: 'setWeight', layer, from, to, value }),
  editBias: (layer, unit, value) => send({ type: 'setBias', layer, unit, value }),
});

// ---- state -> views and worker
function renderState(state: PlaygroundState) {
  controls.render(state);
  compare.render(state.compare);
  own.render(ownDataActive());
  if (byId<HTMLDetailsElement>('codePanel').open) byId('code').textContent = keras(state);
  applyHides(state);
  datasets.render(state.problem, state.problem === 'regression' ? state.regDataset : state.dataset, colours);
  network.setStructure(state, data?.layers.at(-1) ?? 1);
  byId('layerCount').textContent = String(state.networkShape.length);
  byId<HTMLButtonElement>('addLayer').disabled = state.networkShape.length >= 6;
  byId<HTMLButtonElement>('removeLayer').disabled = state.networkShape.length === 0;
  updatePoints();
}

store.subscribe((state, rebuild, changed) => {
  if (changed.includes('lang')) {
    setLanguage(state.lang);
    controls.build();
    network.invalidate();
  }
  if (changed.includes('palette')) {
    colours = new ColourScale(state.palette);
    drawLegend();
  }
  renderState(state);
  embedStateChanged(state, changed);
  if (changed.includes('learningRate')) send({ type: 'learningRate', value: state.learningRate });
  if (rebuild !== 'none') {
    send({ type: 'configure', state, rebuild });
    if (rebuild !== 'session') {
      charts.clear();
      setPlaying(false);
    }
  }
  if (shown) render(shown);
});

// ---- worker -> views
worker.onmessage = (e: MessageEvent<FromWorker>) => {
  const m = e.data;
  switch (m.type) {
    case 'ready':
      byId('loading').hidden = true;
      byId('app').setAttribute('aria-busy', 'false');
      send({ type: 'thumbnails' });
      send({ type: 'speed', epochsPerFrame: speed });
      sendOwnData();
      send({ type: 'configure', state: store.state, rebuild: 'data' });
      embedReady(store.state);
      return;
    case 'thumbnails':
      datasets.setThumbnails(m.sets);
      renderState(store.state);
      return;
    case 'data':
      data = m;
      network.setInputThumbs(m.inputThumbs);
      controls.renderOutput(m.outputActivation, m.notes);
      network.setStructure(store.state, m.layers.at(-1)!);
      byId('stats').hidden = m.classes === 0;
      byId('accFigure').hidden = m.classes === 0;
      updatePoints();
      if (tests.points.length) send({ type: 'test', points: tests.points });
      return;
    case 'snapshot':
      charts.append(m.newEpochs);  // now, so that no epoch is lost when snapshots outpace frames
      embedSnapshot(m);  // for pages that host the playground in an iframe (and <nnplay-playground>)
      latest = m;
      frameRequested = false;
      return;
    case 'test':
      testResult = m;
      tests.render(m, store.state.problem, data?.classes ?? 2, data?.outputActivation ?? 'tanh');
      updatePoints();
      return;
    case 'neuron':
      if (hovered && hovered.layer === m.layer && hovered.unit === m.unit) {
        hoverGrid = m.grid;
        drawHeatmap();
      }
      return;
    case 'descend':
      descent.play(m.path);
      return;
    case 'compare':
      compareRequested = false;
      compare.update(m, colours);
      return;
    case 'export':
      download(m.what === 'weights' ? 'nnplay-weights.json' : m.what === 'history' ? 'nnplay-history.csv' : 'nnplay-data.csv', m.text);
      return;
    case 'error':
      if (compare.running) {  // a comparison that could not start
        compare.running = false;
        compareRequested = false;
      }
      engineError = `${t('engineError')}: ${m.message}`;
      showStatus(engineError, true);
      setPlaying(false);
      return;
  }
};

function showStatus(text: string, alarm: boolean) {
  const box = byId('status');
  box.hidden = text === '';
  box.textContent = text;
  box.classList.toggle('alarm', alarm);
}

// The output grid in [-1, 1] for colouring (a sigmoid's [0, 1] is stretched).
function outputForColour(s: Snapshot): { values: Float32Array; units: number } {
  const units = data?.layers.at(-1) ?? 1;
  if (units === 1 && data?.outputActivation === 'sigmoid') return { values: s.output.map((v) => 2 * v - 1), units };
  return { values: s.output, units };
}

function drawHeatmap() {
  if (!shown) return;
  const discretize = store.state.discretize;
  if (hovered && hoverGrid) heatmap.draw(hoverGrid, 1, colours, { discretize, grey: false });
  else {
    const { values, units } = outputForColour(shown);
    heatmap.draw(values, units, colours, { discretize, grey: shown.diverged });
  }
}

function updatePoints() {
  if (!data) return;
  const s = store.state;
  const sets: PointSet[] = [];
  if (s.showTrainData) sets.push({ ...data.train, stroke: '#fff' });
  if (s.showValidationData) sets.push({ ...data.valid, stroke: '#000' });
  if (s.showTestData && testResult) {
    const points = Float32Array.from(testResult.rows.flatMap((r) => [r.x, r.y]));
    const labels = Float32Array.from(testResult.rows.map((r) => (r.output.length === 1 ? (data!.outputActivation === 'sigmoid' ? 2 * r.output[0] - 1 : r.output[0]) : r.output.indexOf(Math.max(...r.output)))));
    sets.push({ points, labels, stroke: '#f00', ring: true });
  }
  heatmap.setPoints(sets, data.classes);
  heatmap.drawPoints(colours);
}

function pad(epoch: number): string {
  const s = String(epoch).padStart(6, '0');
  return s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function render(s: Snapshot) {
  const t0 = performance.now();
  shown = s;
  byId('epoch').textContent = pad(s.epoch);
  byId('eps').textContent = s.playing ? `${s.epochsPerSecond} ${t('epochsPerSecond')}` : '';
  const m = s.metrics;
  const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '–' : Number.isFinite(v) ? v.toFixed(3) : String(v));
  byId('trainLoss').textContent = fmt(m?.loss);
  byId('validLoss').textContent = fmt(m?.valLoss);
  byId('trainAcc').textContent = fmt(m?.acc);
  byId('validAcc').textContent = fmt(m?.valAcc);
  drawHeatmap();
  const units = data?.layers.at(-1) ?? 1;
  const outThumb = downsample(outputForColour(s).values, units);
  network.update(s.thumbs, outThumb, units, s.weights, s.biases, colours, s.diverged);
  if (engineError) showStatus(engineError, true);
  else if (s.diverged) showStatus(`${t('diverged')}: ${s.stopped} — ${t('divergedHelp')}`, true);
  else if (s.stopped?.startsWith('max:')) showStatus(`${t('maxReached')} (${s.stopped.slice(4)})`, false);
  else if (s.stopped) showStatus(`${t('earlyStopped')}: ${s.stopped}`, false);
  else showStatus('', false);
  if (!s.playing && playing) setPlaying(false);
  frameTimes.push(performance.now() - t0);
  if (frameTimes.length > 120) frameTimes.shift();
}

function downsample(values: Float32Array, units: number): Float32Array {
  const out = new Float32Array(THUMB * THUMB * units);
  const block = GRID / THUMB;
  for (let j = 0; j < GRID; j++) {
    for (let i = 0; i < GRID; i++) {
      const o = (Math.floor(j / block) * THUMB + Math.floor(i / block)) * units;
      for (let u = 0; u < units; u++) out[o + u] += values[(j * GRID + i) * units + u] / (block * block);
    }
  }
  return out;
}

function drawLegend() {
  const c = byId<HTMLCanvasElement>('legend');
  const g = c.getContext('2d')!;
  for (let x = 0; x < c.width; x++) {
    g.fillStyle = colours.css(-1 + (2 * x) / (c.width - 1));
    g.fillRect(x, 0, 1, c.height);
  }
}

// ---- the animation loop: one snapshot drawn per frame, one frame requested at a time
function loop() {
  if (latest) {
    render(latest);
    latest = null;
  }
  if (playing && !frameRequested) {
    frameRequested = true;
    send({ type: 'frame' });
  }
  if (compare.running && !compareRequested) {
    compareRequested = true;
    send({ type: 'compareFrame' });
  }
  requestAnimationFrame(loop);
}

function setPlaying(on: boolean) {
  playing = on;
  const b = byId<HTMLButtonElement>('play');
  b.textContent = on ? '❚❚' : '▶';
  b.dataset.i18nLabel = on ? 'pause' : 'play';
  b.setAttribute('aria-label', t(on ? 'pause' : 'play'));
  b.title = t(on ? 'pause' : 'play');
  b.classList.toggle('playing', on);
}

function addTest(x: number, y: number) {
  if (!store.state.showTestData) {
    showStatus(t('showTestFirst'), false);
    return;
  }
  tests.add(Math.max(-DOMAIN, Math.min(DOMAIN, x)), Math.max(-DOMAIN, Math.min(DOMAIN, y)));
  send({ type: 'test', points: tests.points });
}

// ---- buttons
byId('play').addEventListener('click', () => {
  if (playing) {
    setPlaying(false);
    send({ type: 'pause' });
  } else if (ownDataActive() && own.classes.length < 2) {
    showStatus(t('needPoints'), false);
  } else if (!shown?.diverged) {
    setPlaying(true);
    send({ type: 'play' });
  }
});
byId('step').addEventListener('click', () => {
  setPlaying(false);
  send({ type: 'step' });
});
byId('stepBatch').addEventListener('click', () => {
  setPlaying(false);
  send({ type: 'stepBatch' });
});
byId('reset').addEventListener('click', () => {
  setPlaying(false);
  engineError = null;
  charts.clear();
  send({ type: 'reset' });
});
byId('newWeights').addEventListener('click', () => {
  setPlaying(false);
  store.update({ weightsSeed: Math.floor(Math.random() * 2 ** 32) });
});
byId('regenerate').addEventListener('click', () => store.update({ seed: Math.random().toFixed(5), weightsSeed: null }));
byId('addLayer').addEventListener('click', () => store.update({ networkShape: [...store.state.networkShape, 2].slice(0, 6) }));
byId('removeLayer').addEventListener('click', () => store.update({ networkShape: store.state.networkShape.slice(0, -1) }));
byId('speed').addEventListener('change', (e) => {
  speed = Number((e.target as HTMLSelectElement).value);
  send({ type: 'speed', epochsPerFrame: speed });
});
byId('testButton').addEventListener('click', () => addTest(Math.random() * 12 - 6, Math.random() * 12 - 6));
byId('clearTests').addEventListener('click', () => {
  tests.clear();
  testResult = null;
  updatePoints();
});
byId('language').addEventListener('click', () => store.update({ lang: store.state.lang === 'ja' ? 'en' : 'ja' }));
byId('share').addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(location.href);
    byId('share').textContent = t('copied');
    setTimeout(() => (byId('share').textContent = t('share')), 1500);
  } catch {
    prompt(t('share'), location.href);
  }
});
function download(name: string, text: string) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type: name.endsWith('.json') ? 'application/json' : 'text/csv' }));
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}
byId('codePanel').addEventListener('toggle', () => (byId('code').textContent = keras(store.state)));
byId('copyCode').addEventListener('click', async () => {
  const text = keras(store.state);
  try {
    await navigator.clipboard.writeText(text);
    byId('copyCode').textContent = t('copied');
    setTimeout(() => (byId('copyCode').textContent = t('copyCode')), 1500);
  } catch {
    const range = document.createRange();
    range.selectNodeContents(byId('code'));
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
  }
});
for (const what of ['data', 'history', 'weights'] as const) {
  byId(`export${what[0].toUpperCase()}${what.slice(1)}`).addEventListener('click', () => send({ type: 'export', what }));
}
byId('dismiss-notices').addEventListener('click', () => (byId('notices').hidden = true));

// An address-bar edit of the hash applies like a new link (replaceState fires no hashchange).
window.addEventListener('hashchange', () => {
  const next = new Store(location.hash);
  store.update({ ...next.state, seed: next.state.seed });
  if (next.notices.length) showNotices(next.notices);
  reportToAuthor(next.authorNotices);
});

function showNotices(notices: string[]) {
  byId('notice-list').replaceChildren(...notices.map((n) => {
    const li = document.createElement('li');
    li.textContent = n;  // plain text: nothing from the URL is inserted as HTML
    return li;
  }));
  byId('notices').hidden = false;
}

// ---- start
if (store.notices.length) showNotices(store.notices);
reportToAuthor(store.authorNotices);
startEmbedding();
store.writeUrl();  // normalise the URL: every key, in order
drawLegend();
renderState(store.state);
requestAnimationFrame(loop);

// For tests and for measuring: frame times and the last snapshot.
(window as unknown as Record<string, unknown>).__nnplay = {
  get state() {
    return store.state;
  },
  get snapshot() {
    return shown;
  },
  frameTimes,
  charts,
  compare,
  descent,
  own,
};
