// nnplay: train the playground's networks from a terminal, with Keras' fit(verbose=1)
// output. Flags and the page's URL state (--state '#…') share one schema (state.ts): the
// setting flags are generated from it (cliFlags.ts), and the run is the plan's (runPlan.ts).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { keras } from './codegen.js';
import { datasetCsv, historyCsv, weightsJson } from './exports.js';
import { performance } from 'node:perf_hooks';
import { COPY_PAGE_USAGE, copyPageCommand } from './copyPage.js';
import { init, type Matrix2D, type Nnplay } from './index.js';
import { checkWeightsFit } from './notebook_api.js';
import { plan } from './playground.js';
import { checkOutputPaths, OutputError, type OutputFile, writeAllOrNothing } from './outputFiles.js';
import { progbarLine } from './progbar.js';
import { type FlagSpec, SETTING_FLAGS, stateFromFlags, UsageError } from './cliFlags.js';
import { FIT_DEFAULTS } from './registry.js';
import { DEFAULT_EPOCHS, fitArgs } from './runPlan.js';
import { isDiverged, type StopReasonName, stopReasonOf } from './stopReason.js';
import { CLASSIFY_DATASETS, defaultState, type PlaygroundState, REGRESS_DATASETS, serializeHash } from './state.js';

// The setting flags come from the URL-state schema (cliFlags.ts); these are the command's own.
const FLAGS: Record<string, FlagSpec> = {
  state: { type: 'string', help: "a playground URL state, e.g. '#activation=tanh&learningRate=0.03&networkShape=3,3'; flags override it" },
  ...SETTING_FLAGS,
  'test-samples': { type: 'string', help: 'fresh points for the final test (default: the dataset size, 500 or 1200)' },
  'no-test': { type: 'boolean', help: 'skip the final test on fresh data' },
  json: { type: 'boolean', help: 'print the history (and test result) as JSON instead' },
  'history-csv': { type: 'string', help: "train: also write the history to this file as Keras' CSVLogger does" },
  'weights-json': { type: 'string', help: 'train: also write the trained weights to this file as JSON (what setWeights accepts)' },
  notebook: { type: 'string', help: 'train: also write a Jupyter notebook that replays this run in tf.keras (.ipynb)' },
  'with-weights': { type: 'string', help: 'code: write these weights into the code (set_weights), from a weights JSON (--weights-json, or the page\'s)' },
  help: { type: 'boolean', short: 'h', help: 'show this help' },
  version: { type: 'boolean', help: 'print the version' },
};

function helpText(): string {
  const d = defaultState('1');
  const lines = [
    'Usage: nnplay train [flags]      train and print what Keras fit(verbose=1) prints, then test on fresh data',
    '       nnplay state [flags]      print the URL state (#…) for the flags, to open the same setup in the page',
    '       nnplay code [flags]       print the tf.keras code (the article\'s style) for the setup',
    '       nnplay data [flags]       print the dataset as CSV (x,y,label: plygdata\'s columns)',
    `       ${COPY_PAGE_USAGE}`,
    '       nnplay notebook [flags]   train, then print a Jupyter notebook that replays the run in tf.keras (> run.ipynb)',
    '',
    'Example (the tutorial): nnplay train --dataset gauss --noise 0 --train-ratio 0.5 --layers 3,3 \\',
    '    --activation tanh --loss mean_squared_error --optimizer sgd --learning-rate 0.03 --batch-size 15 --epochs 100 --seed 1',
    '',
    `Flags: a setting's flag is its URL key (--state) in kebab case and means what the page means; defaults are the`,
    `playground's (${d.dataset}, ${d.networkShape} ${d.activation}, ${d.loss}, ${d.optimizer} ${d.learningRate}, batch ${d.batchSize}); without --max-epochs a run trains ${DEFAULT_EPOCHS} epochs.`,
  ];
  for (const [name, f] of Object.entries(FLAGS)) {
    const flag = `--${name}${f.type === 'string' ? ' <v>' : ''}`;
    lines.push(`  ${flag.padEnd(28)} ${f.help}`);
  }
  lines.push('', 'Output files are written all or nothing, when training ends (or is interrupted with Ctrl-C).',
    'Exit codes: 0 done, 1 training failed (e.g. the loss became NaN) or a file could not be written,',
    '2 bad command line, 130 interrupted (Ctrl-C: after the current batch, with the files asked for).');
  return lines.join('\n');
}

// parseArgs takes '--epochs -1' for two flags ("ambiguous"): a value that starts with '-'
// but is no flag is joined to its flag ('--epochs=-1'), so the value's check names it.
function joinDashValues(argv: string[]): string[] {
  const isFlag = (a: string) => a === '-h' || a === '--' || (a.startsWith('--') && a.slice(2).split('=')[0] in FLAGS);
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') return [...out, ...argv.slice(i)];
    const f = a.startsWith('--') ? FLAGS[a.slice(2)] : undefined;
    if (f?.type === 'string') {
      const next = argv[i + 1];
      if (next === undefined || isFlag(next)) throw new UsageError(`${a} needs a value: ${f.help}`);
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

function number(flag: string, text: string, lo: number, hi: number, integer = false): number {
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v) || v < lo || v > hi || (integer && !Number.isInteger(v))) {
    throw new UsageError(`--${flag} ${JSON.stringify(text)} is not allowed: ${integer ? 'a whole number' : 'a number'} from ${lo} to ${hi}`);
  }
  return v;
}

// --with-weights: a weights JSON as --weights-json and the page write it, checked against the setup.
function readWeightsFile(path: string, state: PlaygroundState): { shape: number[]; data: Float32Array }[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new UsageError(`--with-weights ${JSON.stringify(path)}: ${(e as Error).message}`);
  }
  const list = Array.isArray(parsed) ? parsed : [];
  const ok = Array.isArray(parsed) && list.every((w) => w && Array.isArray(w.shape) && Array.isArray(w.data));
  if (!ok) throw new UsageError(`--with-weights ${JSON.stringify(path)}: not a weights JSON ([{name, shape, data}, …] as --weights-json writes it)`);
  const weights = list.map((w: { shape: number[]; data: number[] }) => ({ shape: w.shape, data: Float32Array.from(w.data) }));
  try {
    return checkWeightsFit('--with-weights', JSON.stringify(path), weights, plan(state));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

// Own data lives in the page (drawn or imported points in its browser storage): nothing to train on here.
function refuseOwnData(state: PlaygroundState, values: Record<string, string | boolean | undefined>) {
  if (state.problem !== 'classification' || state.dataset !== 'custom') return;
  const from = values.dataset === 'custom' ? '--dataset "custom"' : '--state: dataset=custom';
  throw new UsageError(`${from}: own data (points drawn or imported in the page) is not available from the CLI; `
    + `use one of ${[...CLASSIFY_DATASETS, ...REGRESS_DATASETS].filter((d) => d !== 'custom').join(', ')}`);
}

// The output files asked for, checked before training so that a bad path costs no run.
function outputFiles(values: Record<string, string | boolean | undefined>): OutputFile[] {
  const files = (['history-csv', 'weights-json', 'notebook'] as const).filter((flag) => values[flag] !== undefined).map((flag) => ({ flag, path: String(values[flag]) }));
  try {
    checkOutputPaths(files);
  } catch (e) {
    throw e instanceof OutputError ? new UsageError(e.message) : e;
  }
  return files;
}

// `notebook`: the `nnplay notebook` command: train without printing progress, then print the notebook.
async function train(nn: Nnplay, values: Record<string, string | boolean | undefined>, out: (s: string) => void, err: (s: string) => void, notebook = false): Promise<number> {
  const state = stateFromFlags(values);
  const testSamples = values['test-samples'] !== undefined ? number('test-samples', String(values['test-samples']), 2, 1000000, true) : 0;
  refuseOwnData(state, values);
  const outputs = outputFiles(values);
  const setup = nn.playground.setup(state);
  for (const note of setup.notes) err(`note: ${note}`);
  const data = nn.playground.prepareData(setup);
  const model = nn.playground.buildModel(setup);
  const initialWeights = model.getWeights();  // the run's start, for --notebook
  const quiet = values.json || notebook;
  const { epochs, ...fit } = fitArgs(setup.fit, data, false);  // the plan's, as the page's and the generated code's
  const steps = Math.ceil(data.train.x.shape[0] / fit.batchSize);
  let started = 0;
  // Ctrl-C: the signal is seen between epochs (the event loop gets a turn every ~50 ms); the
  // engine then stops after the batch in progress, the first of that epoch. What was asked is
  // written (the history so far, the weights as they are) and the exit code is 130. A second
  // Ctrl-C ends at once (Node's default).
  let interrupted = false;
  const onSigint = () => {
    interrupted = true;
    model.stopTraining = true;
  };
  process.once('SIGINT', onSigint);
  let looked = performance.now();
  const letSignalsIn = async () => {
    if (performance.now() - looked < 50) return;
    await new Promise((resolve) => setImmediate(resolve));
    looked = performance.now();
  };
  try {
    const history = await model.fit(data.train.x, data.train.y, {
      ...fit,
      epochs,
      seed: setup.modelSeed,
      yieldEvery: 'never',
      callbacks: quiet ? { onEpochBegin: letSignalsIn } : {
        onEpochBegin: async (epoch) => {
          await letSignalsIn();
          out(`Epoch ${epoch + 1}/${epochs}`);
          started = performance.now();
        },
        onEpochEnd: (_epoch, logs) => out(progbarLine(steps, (performance.now() - started) / 1000, logs)),
      },
    });
    if (history.stopReason === 'early_stopping' && !quiet) out(history.stopMessage);
    let test: Record<string, number> | undefined;
    let fresh: { x: Matrix2D; y: Matrix2D } | undefined;
    if (!values['no-test'] && !isDiverged(history.stopReason) && !interrupted) {
      fresh = nn.playground.testData(setup, setup.dataSeed ^ 0x27d4eb2d, testSamples);
      const t0 = performance.now();
      test = model.evaluate(fresh.x, fresh.y);
      if (!quiet) {
        out(`Test on ${fresh.x.shape[0]} fresh points:`);
        out(progbarLine(Math.ceil(fresh.x.shape[0] / FIT_DEFAULTS.batchSize), (performance.now() - t0) / 1000, test));
      }
    }
    const replay = () => nn.notebook(state, {
      weights: initialWeights, history, data: { xTrain: data.train.x, yTrain: data.train.y, xValid: data.valid.x, yValid: data.valid.y },
      ...(fresh && test ? { test: { x: fresh.x, y: fresh.y, logs: test } } : {}),
    });
    const texts: Record<string, () => string> = {
      'history-csv': () => historyCsv(history), 'weights-json': () => weightsJson(model.getWeights()), notebook: replay,
    };
    try {
      writeAllOrNothing(outputs.map((f) => ({ ...f, text: texts[f.flag]() })));
    } catch (e) {
      if (interrupted) err(`nnplay: interrupted (Ctrl-C): training stopped in epoch ${history.epoch.length} of ${epochs}`);
      throw e;
    }
    if (notebook) out(replay().trimEnd());
    else if (values.json) {
      out(JSON.stringify({
        state: serializeHash(state),
        setup: { ...setup, optimizer: { className: setup.optimizer.className, ...setup.optimizer.options } },
        fit: { ...fit, validationData: fit.validationData !== undefined, epochs },  // what fit() got (runPlan.ts)
        epoch: history.epoch,
        history: history.history,
        stopReason: (interrupted ? 'interrupted' : history.stopReason) satisfies StopReasonName,
        stoppedEpoch: history.stoppedEpoch,
        stopMessage: history.stopMessage,
        // the same data the page sends its host pages (stopReason.ts)
        stop: interrupted ? { reason: 'interrupted', epoch: history.epoch.length } : stopReasonOf({
          stopReason: history.stopReason, history: history.history, epoch: history.epoch.length,
          maxEpochs: epochs, monitor: setup.fit.monitor, patience: setup.fit.patience, learningRate: state.learningRate,
        }),
        test: test ?? null,
      }, null, 2));
    }
    if (interrupted) {
      const wrote = outputs.length ? `; wrote ${outputs.map((f) => JSON.stringify(f.path)).join(' and ')}` : '';
      err(`nnplay: interrupted (Ctrl-C): training stopped in epoch ${history.epoch.length} of ${epochs}${wrote}`);
      return 130;
    }
    if (isDiverged(history.stopReason)) {
      err(`nnplay: training failed: ${history.stopMessage}`);
      return 1;
    }
    return 0;
  } finally {
    process.removeListener('SIGINT', onSigint);
    model.dispose();
  }
}

export async function main(argv: string[], out = (s: string) => console.log(s), err = (s: string) => console.error(s)): Promise<number> {
  try {
    const options = Object.fromEntries(Object.entries(FLAGS).map(([k, f]) => [k, { type: f.type, ...('short' in f ? { short: f.short } : {}) }]));
    let parsed;
    try {
      parsed = parseArgs({ args: joinDashValues(argv), options: options as never, allowPositionals: true, strict: true });
    } catch (e) {
      throw new UsageError((e as Error).message.split('\n')[0].replace(/^Unknown option '([^']*)'.*$/, "unknown flag '$1' (see nnplay --help)"));
    }
    const values = parsed.values as Record<string, string | boolean | undefined>;
    const [command, ...rest] = parsed.positionals;
    if (values.help || command === 'help') {
      out(helpText());
      return 0;
    }
    if (values.version) {
      out((await import('./index.js')).version);
      return 0;
    }
    if (command === 'copy-page') return copyPageCommand(rest, out, err);
    if (rest.length) throw new UsageError(`unexpected argument ${JSON.stringify(rest[0])} (see nnplay --help)`);
    if (command === undefined) {
      out(helpText());
      return 2;
    }
    if (command === 'state') {
      out(serializeHash(stateFromFlags(values)));
      return 0;
    }
    if (command === 'code') {
      const state = stateFromFlags(values);
      const weights = values['with-weights'] !== undefined ? readWeightsFile(String(values['with-weights']), state) : undefined;
      out(keras(state, undefined, { weights }).trimEnd());
      return 0;
    }
    if (command === 'notebook') return await train(await init(), values, out, err, true);
    if (command === 'data') {
      const nn = await init();
      const state = stateFromFlags(values);
      refuseOwnData(state, values);
      const setup = nn.playground.setup(state);
      const d = nn.datasets.generate({ type: setup.dataset, noise: setup.noise, seed: setup.dataSeed });
      out(datasetCsv(d.points, d.labels).trimEnd());
      return 0;
    }
    if (command !== 'train') throw new UsageError(`unknown command ${JSON.stringify(command)}; use train, state, code, data, notebook or copy-page (see nnplay --help)`);
    return await train(await init(), values, out, err);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`nnplay: ${e.message}`);
      return 2;
    }
    err(`nnplay: ${(e as Error).message}`);
    return 1;
  }
}
