// The worker's entry: owns the engine, the data and the models; the page never touches
// the engine. This file dispatches the page's messages to their handlers (one file per
// purpose) and posts the answers; an error in any handler goes back as an 'error' message.
import { init, type Nnplay } from '../../../bindings/src/index.js';
import type { FromWorker, ToWorker } from '../protocol.js';
import { compareFrame, startComparison } from './compare.js';
import { parseCsvFile } from './csvImport.js';
import { dataInfo } from './dataInfo.js';
import { descend } from './descent.js';
import { exportText } from './exports.js';
import { datasetThumbnails, GRID_POINTS, neuronGrid } from './grids.js';
import { Inspector } from './inspector.js';
import { LandscapeTracker } from './landscape.js';
import { runNotebook } from './notebook.js';
import { loadedModel, savedModel } from './modelFiles.js';
import { TestSet } from './testSet.js';
import { PageRun } from './pageRun.js';

let nn: Nnplay;
let pageRun: PageRun;
const inspector = new Inspector();
const landscape = new LandscapeTracker();
const tests = new TestSet();
const TEST_EVERY_MS = 200;  // while playing, the test set is evaluated again at most this often
let testedAt = -Infinity;
let handled = 0;  // the page's messages so far: each snapshot says how many it follows

function post(message: FromWorker, transfer: Transferable[] = []) {
  (self as unknown as Worker).postMessage(message, transfer);
}

// Every snapshot brings the test set's evaluation on the same weights (while playing, a
// few times a second), so step 8 never shows the outputs of weights that are gone; the
// inspector's numbers and the landscape come with it (a landscape during play only when due).
function postSnapshot(duringPlay = false) {
  const s = pageRun.snapshot(handled);
  post(s, [s.output.buffer, s.thumbs.buffer]);
  if (inspector.active) {
    const info = inspector.info(pageRun.model);
    if (info) post({ ...info, diverged: s.diverged });
  }
  if (landscape.active) {
    const l = landscape.compute(nn, pageRun.model, pageRun.data, !duringPlay, s.diverged);
    if (l) post(l, [l.loss.buffer]);
  }
  if (!tests.pending) return;
  const now = performance.now();
  if (duringPlay && s.playing && now - testedAt < TEST_EVERY_MS) return;
  testedAt = now;
  postTests();
}

function postTests() {
  post(tests.evaluate(nn, pageRun.setup, pageRun.model));
}

function handle(msg: ToWorker) {
  switch (msg.type) {
    case 'configure':
      pageRun.configure(msg.state, msg.rebuild);
      return postSnapshot();
    case 'play':
      if (!pageRun.play()) postSnapshot();  // nothing to train: the page learns it stopped
      return;
    case 'pause':
      pageRun.pause();
      return postSnapshot();
    case 'step':
      pageRun.step();
      return postSnapshot();
    case 'stepBatch':
      pageRun.stepBatch();
      return postSnapshot();
    case 'frame':
      pageRun.frame();
      return postSnapshot(true);
    case 'inspect':
      inspector.setTarget(msg.target);
      // Step records slow training: kept only while the inspector reads them (it turns them
      // on again through optimizer.slots()).
      if (!inspector.active && pageRun.hasModel) pageRun.model.optimizer.recording = false;
      return postSnapshot();
    case 'landscape':
      landscape.setMode(msg.directions);
      return postSnapshot();
    case 'reset':
      pageRun.reset();
      return postSnapshot();
    case 'learningRate':
      return pageRun.setLearningRate(msg.value);
    case 'speed':
      return pageRun.setSpeed(msg.epochsPerFrame);
    case 'setWeight':
      landscape.moved();
      pageRun.setWeight(msg.layer, msg.from, msg.to, msg.value);
      return postSnapshot();
    case 'setBias':
      landscape.moved();
      pageRun.setBias(msg.layer, msg.unit, msg.value);
      return postSnapshot();
    case 'custom':
      if (pageRun.setCustom({ points: msg.points, classes: msg.classes })) postSnapshot();
      return;
    case 'test':
      tests.setClicked(msg.points);
      return postTests();
    case 'testFresh':
      if (!tests.generate(nn, pageRun.setup, msg.samples)) throw new Error('own data has no generator for fresh test points');
      return postTests();
    case 'testClear':
      tests.clear();
      return postTests();
    case 'neuron': {
      const m = neuronGrid(nn, pageRun.model, pageRun.gridFeatures, msg.layer, msg.unit);
      return post(m, [m.grid.buffer]);
    }
    case 'thumbnails':
      return post(datasetThumbnails(nn));
    case 'export':
      return post(exportText(nn, msg.what, pageRun));
    case 'notebook':
      return post(runNotebook(nn, pageRun.run, pageRun.epochLogs, msg.lang, tests.labelled(nn, pageRun.setup)));
    case 'descend':
      return post(descend(nn, msg));
    case 'parseCsv':
      return void parseCsvFile(msg.file, msg.maxRows).then((r) => post(r, [r.points.buffer, r.labels.buffer]));
    case 'saveModel':
      return void savedModel(pageRun.model).then((m) => post(m, [m.weights.data]), reportError);
    case 'loadModel':
      return void loadedModel(nn, msg.files, pageRun.state, pageRun.customClasses).then((m) => post(m), reportError);
    case 'adoptWeights':
      pageRun.adoptWeights(msg.weights);
      return postSnapshot();
    case 'compareStart':
      startComparison(nn, msg.states, msg.epochs, GRID_POINTS, pageRun.custom, msg.setting);
      return post(compareFrame(nn, false));
    case 'compareFrame': {
      const result = compareFrame(nn);
      return post(result, result.runs.map((r) => r.output.buffer));
    }
  }
}

function reportError(err: unknown) {
  post({ type: 'error', message: (err as Error).message });
}

self.onmessage = (e: MessageEvent<ToWorker>) => {
  handled++;
  try {
    handle(e.data);
  } catch (err) {
    post({ type: 'error', message: (err as Error).message });
  }
};

init().then(
  (api) => {
    nn = api;
    pageRun = new PageRun(api, () => {
      tests.dataChanged(pageRun.setup);
      post(dataInfo(api, pageRun.setup, pageRun.data));
    });
    pageRun.hooks = {
      perBatch: () => inspector.active,
      beforeBatch: (model) => inspector.beforeBatch(model),
      afterBatch: (model) => {
        inspector.afterBatch(model);
        landscape.moved();
      },
      afterEpoch: (model) => landscape.record(api, model),
      newModel: (model) => {
        inspector.clear();
        landscape.restart(api, model);
      },
    };
    post({ type: 'ready' });
  },
  (err) => post({ type: 'error', message: `the engine did not load: ${(err as Error).message}`, missing: (err as { missingFile?: string }).missingFile }),
);
