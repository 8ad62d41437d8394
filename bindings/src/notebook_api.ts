// nn.notebook(state, { weights, history, data?, … }): the checks of its arguments and the
// defaults that need the engine (the state's own data and step 8's fresh points, as
// `nnplay train` makes them). The notebook itself is notebook.ts, a pure function.
import { checkCustom, checkHistory, checkMatrix, checkState, checkWeightList } from './api_checks.js';
import type { Engine, Matrix2D } from './engine.mjs';
import { notebook, type NotebookData } from './notebook.js';
import { customClassCount, type ModelPlan, plan } from './playground.js';
import { serializeHash } from './state.js';
import { prepareData, setup as trainingSetup, testData } from './playgroundEngine.js';
import { booleanRule, checkOptions, fail, isPlainObject, oneOf, type Rule, SEED_RULE, show } from './validate.js';

const CALL = 'notebook';

const anyRule: Rule<unknown> = { allowed: 'see below', test: (_v: unknown): _v is unknown => true };

const RUN_SPEC = {
  weights: anyRule, history: anyRule, data: anyRule, test: anyRule, custom: anyRule,
  shuffle: booleanRule,
  seed: SEED_RULE,
  lang: oneOf(['ja', 'en'] as const),
  changed: oneOf(['weights', 'learningRate', 'data'] as const),
};

// The seed of `nnplay train`'s final test points (cli.ts): the notebook's step 8 uses the same.
export function freshTestSeed(dataSeed: number): number {
  return (dataSeed ^ 0x27d4eb2d) >>> 0;
}

// Weights that fit the state's model: a kernel [in, out] and a bias [out] per layer, finite.
export function checkWeightsFit<W extends { shape: number[]; data: ArrayLike<number> }>(call: string, name: string, weights: W[], model: ModelPlan): W[] {
  const sizes = [model.features.length, ...model.hidden, model.outputUnits];
  const shapes = sizes.slice(1).flatMap((out, i) => [[sizes[i], out], [out]]);
  if (weights.length !== shapes.length || weights.some((w, i) => !Array.isArray(w.shape) || w.shape.join() !== shapes[i].join())) {
    fail(`${call}: ${name} has shapes ${JSON.stringify(weights.map((w) => w.shape))}; this state's model needs ${JSON.stringify(shapes)}`);
  }
  weights.forEach((w, i) => {
    if (w.data.length !== shapes[i].reduce((a, b) => a * b, 1)) fail(`${call}: ${name}[${i}] has ${w.data.length} values for shape ${JSON.stringify(w.shape)}`);
    for (let j = 0; j < w.data.length; j++) {
      if (typeof w.data[j] !== 'number' || !Number.isFinite(w.data[j])) fail(`${call}: ${name}[${i}].data[${j}] is ${show(w.data[j])}; only finite numbers are allowed`);
    }
  });
  return weights;
}

function matrix(name: string, value: unknown, cols: number): Matrix2D {
  return checkMatrix(CALL, name, value, cols);
}

export function notebookFor(engine: Engine, stateArg: unknown, runArg: unknown): string {
  const state = checkState(CALL, stateArg);
  if (!isPlainObject(runArg)) fail(`${CALL}: the second argument must be {weights, history, data?, …}, got ${show(runArg)}`);
  const run = checkOptions(CALL, runArg, RUN_SPEC, 'run');
  const custom = checkCustom(CALL, run.custom);
  const model = plan(state, customClassCount(custom));
  const inputs = model.features.length, outputs = model.outputUnits;

  if (run.weights === undefined) fail(`${CALL}: run.weights is missing: the run's initial weights, as model.getWeights() gave them before fit()`);
  const weights = checkWeightsFit(CALL, 'run.weights', checkWeightList(CALL, run.weights), model);
  if (run.history === undefined) fail(`${CALL}: run.history is missing: what fit() returned ({epoch, history})`);
  const history = checkHistory(CALL, run.history);
  if (!history.history.loss) fail(`${CALL}: run.history.history has no 'loss'; it must be what fit() returned`);

  const setup = trainingSetup(engine, state, custom);
  let data: NotebookData;
  if (run.data === undefined) {
    if (model.dataset === 'custom' && !custom) fail(`${CALL}: own data (dataset=custom): give run.data or run.custom`);
    const d = prepareData(engine, setup, custom);
    data = { xTrain: d.train.x, yTrain: d.train.y, xValid: d.valid.x, yValid: d.valid.y };
  } else {
    if (!isPlainObject(run.data)) fail(`${CALL}: run.data must be {xTrain, yTrain, xValid, yValid}, got ${show(run.data)}`);
    const d = checkOptions(CALL, run.data, { xTrain: anyRule, yTrain: anyRule, xValid: anyRule, yValid: anyRule }, 'run.data');
    data = {
      xTrain: matrix('run.data.xTrain', d.xTrain, inputs), yTrain: matrix('run.data.yTrain', d.yTrain, outputs),
      xValid: matrix('run.data.xValid', d.xValid, inputs), yValid: matrix('run.data.yValid', d.yValid, outputs),
    };
    if (data.yTrain.shape[0] !== data.xTrain.shape[0] || data.yValid.shape[0] !== data.xValid.shape[0]) {
      fail(`${CALL}: run.data: x and y must have as many rows (train ${data.xTrain.shape[0]} / ${data.yTrain.shape[0]}, validation ${data.xValid.shape[0]} / ${data.yValid.shape[0]})`);
    }
  }

  let test: { x: Matrix2D; y: Matrix2D; logs?: Record<string, number> } | undefined;
  if (run.test !== undefined) {
    const t = checkOptions(CALL, run.test, { x: anyRule, y: anyRule, logs: anyRule }, 'run.test');
    test = { x: matrix('run.test.x', t.x, inputs), y: matrix('run.test.y', t.y, outputs) };
    if (test.x.shape[0] !== test.y.shape[0]) fail(`${CALL}: run.test.x has ${test.x.shape[0]} rows but run.test.y has ${test.y.shape[0]}`);
    if (t.logs !== undefined) {
      if (!isPlainObject(t.logs) || Object.values(t.logs).some((v) => typeof v !== 'number')) fail(`${CALL}: run.test.logs must be {key: number} as evaluate() returns it, got ${show(t.logs)}`);
      test.logs = t.logs as Record<string, number>;
    }
  } else if (model.dataset !== 'custom') {
    test = testData(engine, setup, freshTestSeed(setup.dataSeed));
  }

  return notebook(state, {
    weights, history, data, test, custom,
    shuffle: run.shuffle, seed: run.seed ?? setup.modelSeed, lang: run.lang, changed: run.changed,
  }, serializeHash(state));
}

