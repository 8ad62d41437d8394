// nnplay (wasm) vs @tensorflow/tfjs (pure-JS 'cpu' backend), side by side in one Node
// process, on identical data and identical initial weights. A benchmark, not a test: it
// prints numbers and checks nothing except that both engines start from the same loss.
//
//   npm run bench                 # the table
//   npm run bench -- --json       # the numbers as JSON on stdout (progress and table on stderr)
//   node bench/node/bench.mjs --no-native   # skip the native Google Benchmark binary
//
// Workloads (bench/README.md describes the native ones, which these mirror):
//   W1  x, y -> Dense(3,tanh) -> Dense(3,tanh) -> Dense(1,tanh); gauss, noise 0, seed 1
//       (500 samples); SGD lr 0.03; MSE; batch 10; no shuffle. Samples trained per second.
//   W2  the 7 features -> 6 x Dense(8,tanh) -> Dense(1,tanh); same settings.
//   W3  every unit of the W2 network (trained 20 epochs) over the playground's 100x100 grid
//       on [-6, 6]^2. Grids per second.
// Each number is the median of 5 timed repetitions after a warm-up. Times are wall-clock
// (performance.now()); the native binary's counters divide by CPU time.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import zlib from 'node:zlib';

import { init } from 'nnplay';
import * as tf from '@tensorflow/tfjs';

import {
  BATCH, DENSITY, LR, median, MODEL_SEED, nnModel as makeModel, nnFit as fitModel,
  W2_HIDDEN, W3_TRAIN_EPOCHS, workloadData,
} from './workloads.mjs';

const args = new Set(process.argv.slice(2));
for (const a of args) {
  if (!['--json', '--no-native', '--help', '-h'].includes(a)) {
    console.error(`bench: unknown argument '${a}'; allowed: --json, --no-native`);
    process.exit(2);
  }
}
if (args.has('--help') || args.has('-h')) {
  console.log('usage: node bench/node/bench.mjs [--json] [--no-native]');
  process.exit(0);
}
const JSON_OUT = args.has('--json');
const log = JSON_OUT ? (...a) => console.error(...a) : (...a) => console.log(...a);

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const NATIVE_BIN = path.join(ROOT, 'build/bench/bench/nnplay_bench_core');
const DIST = path.join(ROOT, 'dist/nnplay.mjs');

const REPS = 5;
const NN_REP_SECONDS = 0.3;  // each timed nnplay repetition lasts at least this long
const TF_REP_SECONDS = 1.0;  // tfjs is slow: fewer epochs, but at least 1 s per repetition

const GOALS = {
  w2SamplesPerS: 750e3,    // 10x TF Playground's JS engine (74k samples/s)
  w3GridsPerS: 270,        // 20x TF Playground's JS engine (13 grids/s)
  wasmNativeMaxSlowdown: 1.5,
  distGzipBytes: 200e3,
};

// ---------------------------------------------------------------- setup

const nn = await init();
await tf.setBackend('cpu');
await tf.ready();
// The cpu backend warns once, on its first tensor, that tfjs-node would be faster. We
// know; skip the banner (the flag only guards that console.warn).
if ('firstUse' in tf.backend()) tf.backend().firstUse = false;

// Times `run(n)` (n units of work), warming up first and then choosing n so that one
// repetition lasts at least `seconds`. Returns the median rate (units per second) of REPS.
async function measure(run, { seconds, start = 1, max = 1e7 }) {
  // warm-up + calibration: double n until one call takes >= seconds / 4
  let n = start;
  let t = 0;
  for (;;) {
    const t0 = performance.now();
    await run(n);
    t = (performance.now() - t0) / 1000;
    if (t >= seconds / 4 || n >= max) break;
    n = Math.min(max, n * 2);
  }
  n = Math.max(1, Math.min(max, Math.ceil((n * seconds) / t)));
  await run(n);  // one more warm-up at the final size
  const rates = [];
  const times = [];
  const shares = [];
  for (let r = 0; r < REPS; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await run(n);
    const dt = (performance.now() - t0) / 1000;
    const c = process.cpuUsage(c0);
    times.push(dt);
    rates.push(n / dt);
    shares.push((c.user + c.system) / 1e6 / dt);
  }
  const cpuShare = median(shares);
  minCpuShare = Math.min(minCpuShare, cpuShare);
  return { rate: median(rates), n, reps: REPS, secondsPerRep: median(times), cpuShare, rates };
}
// The process' CPU time over wall time during the timed repetitions: well below 1 means
// another job took the core (Node's own GC threads can push it above 1).
let minCpuShare = Infinity;

// Identical data for both engines.
const { N, xW1, xW2, y, gridFeatures } = workloadData(nn);
const nnModel = (inputs, hidden, optimizer) => makeModel(nn, inputs, hidden, optimizer);

// A tfjs model of the same shape holding a copy of the nnplay model's current weights.
function tfModelLike(nnm, inputs, hidden) {
  const m = tf.sequential();
  [...hidden, 1].forEach((units, i) =>
    m.add(tf.layers.dense({ ...(i === 0 ? { inputShape: [inputs] } : {}), units, activation: 'tanh' })));
  const ws = nnm.getWeights().map((w) => tf.tensor(w.data, w.shape, 'float32'));
  m.setWeights(ws);
  tf.dispose(ws);
  m.compile({ optimizer: tf.train.sgd(LR), loss: 'meanSquaredError' });
  return m;
}

const toTensor = (m) => tf.tensor2d(m.data, m.shape, 'float32');

const nnFit = (m, x, n) => fitModel(m, x, y, n);
const tfFit = (m, x, n) => m.fit(x, yT, { epochs: n, batchSize: BATCH, shuffle: false, verbose: 0 });

function maxAbsDiff(a, b) {
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
}
async function weightDiff(nnm, tfm) {
  const a = nnm.getWeights();
  const b = tfm.getWeights();
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, maxAbsDiff(a[i].data, await b[i].data()));
  return d;
}

const yT = toTensor(y);
const xW1T = toTensor(xW1);
const xW2T = toTensor(xW2);
const results = {};

log(`nnplay ${nn.version} (wasm) vs @tensorflow/tfjs ${tf.version.tfjs} (backend '${tf.getBackend()}'), Node ${process.version}, ` +
  `${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), load average ${os.loadavg().map((v) => v.toFixed(2)).join(' ')}`);
const loadAtStart = os.loadavg();
if (loadAtStart[0] > 0.7) log('note: the machine is busy (load average > 0.7); numbers may be low');

// ---------------------------------------------------------------- first-epoch loss check

log('checking that both engines start from the same loss ...');
const check = {};
for (const [name, inputs, hidden, x, xT] of [['W1', 2, [3, 3], xW1, xW1T], ['W2', 7, W2_HIDDEN, xW2, xW2T]]) {
  const nm = nnModel(inputs, hidden);
  const tm = tfModelLike(nm, inputs, hidden);
  const w0 = await weightDiff(nm, tm);
  const a = (await nnFit(nm, x, 1)).history.loss[0];
  const b = (await tfFit(tm, xT, 1)).history.loss[0];
  const w1 = await weightDiff(nm, tm);
  check[name] = { nnplayLoss: a, tfjsLoss: b, relDiff: Math.abs(a - b) / Math.abs(b), initialWeightDiff: w0, weightDiffAfterEpoch1: w1 };
  nm.dispose();
  tm.dispose();
}
results.firstEpochLoss = check;

// ---------------------------------------------------------------- W1, W2 training

async function trainBench(name, inputs, hidden, x, xT, optimizer) {
  log(`${name}: nnplay ...`);
  const nm = nnModel(inputs, hidden, optimizer);
  const tm = xT ? tfModelLike(nm, inputs, hidden) : null;  // same initial weights (before any training)
  // nnplay first: tfjs leaves garbage whose collection would otherwise land in nnplay's timing.
  const nr = await measure((n) => nnFit(nm, x, n), { seconds: NN_REP_SECONDS, start: 4 });
  nm.dispose();
  let tfr = null;
  if (tm) {
    log(`${name}: tfjs ...`);
    tfr = await measure((n) => tfFit(tm, xT, n), { seconds: TF_REP_SECONDS });
    tm.dispose();
  }
  const toSamples = (r) => r && { samplesPerS: r.rate * N, epochsPerRep: r.n, secondsPerRep: r.secondsPerRep };
  return { nnplay: toSamples(nr), tfjs: toSamples(tfr) };
}

results.W1 = await trainBench('W1', 2, [3, 3], xW1, xW1T);
results.W2 = await trainBench('W2', 7, W2_HIDDEN, xW2, xW2T);
results.W2adam = await trainBench('W2 Adam', 7, W2_HIDDEN, xW2, null, nn.optimizers.adam({ learningRate: LR }));

// ---------------------------------------------------------------- W3 grid

log('W3: nnplay ...');
const w3 = nnModel(7, W2_HIDDEN);
await nnFit(w3, xW2, W3_TRAIN_EPOCHS);
let sink = 0;  // keeps the outputs alive and read
const sum = (a) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
};
const nnZero = await measure((n) => {
  for (let k = 0; k < n; k++) {
    const views = w3.layerOutputsView(gridFeatures);
    sink += sum(views[views.length - 1]);
  }
}, { seconds: NN_REP_SECONDS });
const nnCopy = await measure((n) => {
  for (let k = 0; k < n; k++) {
    const outs = w3.layerOutputs(gridFeatures);
    sink += sum(outs[outs.length - 1].data);
  }
}, { seconds: NN_REP_SECONDS });
const nnOutputs = w3.layerOutputs(gridFeatures);

log('W3: tfjs ...');
const w3tfSeq = tfModelLike(w3, 7, W2_HIDDEN);
const w3tf = tf.model({ inputs: w3tfSeq.inputs, outputs: w3tfSeq.layers.map((l) => l.output) });
const gridT = toTensor(gridFeatures);
function tfGrid(batchSize) {
  const outs = w3tf.predict(gridT, batchSize ? { batchSize } : undefined);
  const arrays = outs.map((t) => t.dataSync());
  tf.dispose(outs);
  return arrays;
}
// The same numbers? (float32, different summation order: ~1e-6)
const tfOutputs = tfGrid(DENSITY * DENSITY);
const w3MaxDiff = Math.max(...nnOutputs.map((o, l) => maxAbsDiff(o.data, tfOutputs[l])));
const tfWhole = await measure((n) => {
  for (let k = 0; k < n; k++) sink += sum(tfGrid(DENSITY * DENSITY).at(-1));
}, { seconds: TF_REP_SECONDS });
const tfDefault = await measure((n) => {
  for (let k = 0; k < n; k++) sink += sum(tfGrid(undefined).at(-1));
}, { seconds: TF_REP_SECONDS });
w3.dispose();
w3tfSeq.dispose();
tf.dispose([gridT, yT, xW1T, xW2T]);
results.W3 = {
  nnplayZeroCopy: { gridsPerS: nnZero.rate, msPerGrid: 1000 / nnZero.rate },
  nnplayLayerOutputs: { gridsPerS: nnCopy.rate, msPerGrid: 1000 / nnCopy.rate },
  tfjsPredictOneBatch: { gridsPerS: tfWhole.rate, msPerGrid: 1000 / tfWhole.rate },
  tfjsPredictBatch32: { gridsPerS: tfDefault.rate, msPerGrid: 1000 / tfDefault.rate },
  units: nnOutputs.reduce((s, o) => s + o.shape[1], 0),
  maxAbsDiffNnplayVsTfjs: w3MaxDiff,
  checksum: sink,
};

// ---------------------------------------------------------------- public-API overheads (issue 11)
// What a caller pays for the convenient forms (fit() once per epoch, layerOutputs' copies)
// over the lean ones, measured by api_overhead.mjs in a process of its own (no tfjs heap or
// allocator history), twice: with glibc's malloc as it comes, and with freed memory kept
// mapped. The copies need ~2 MB of fresh memory per grid; glibc returns freed memory to the
// kernel when its top grows past a threshold, so later copies land on fresh pages, and a
// page fault costs 15-50x more in some VMs (this one) than on bare metal. Pinning the
// thresholds measures nnplay's own cost; the default run shows what this machine adds.
const PINNED_MALLOC = 'glibc.malloc.mmap_threshold=4194304:glibc.malloc.trim_threshold=268435456';
function apiOverhead(glibcTunables) {
  const env = { ...process.env };
  if (glibcTunables) env.GLIBC_TUNABLES = glibcTunables;
  else delete env.GLIBC_TUNABLES;
  const p = spawnSync(process.execPath, [path.join(ROOT, 'bench/node/api_overhead.mjs')], { env, encoding: 'utf8', maxBuffer: 16 << 20 });
  if (p.status !== 0) throw new Error(`api_overhead.mjs failed (exit ${p.status}): ${(p.stderr || String(p.error)).trim()}`);
  return JSON.parse(p.stdout);
}
log('API: fit() per epoch vs one call, layerOutputs vs views (own process, glibc malloc as it comes) ...');
const apiDefault = apiOverhead(null);
log('API: the same with freed memory kept mapped (GLIBC_TUNABLES) ...');
const apiPinned = apiOverhead(PINNED_MALLOC);
results.api = {
  pinnedMalloc: PINNED_MALLOC,
  defaultMalloc: apiDefault,
  keptMapped: apiPinned,
  fitCallsRatio: apiPinned.fit.ratio,
  layerOutputsCopyRatio: apiPinned.layerOutputs.ratio,
  inProcessLayerOutputsCopyRatio: nnCopy.rate / nnZero.rate,
};

// ---------------------------------------------------------------- native

let native = null;
let nativeNote = '';
if (args.has('--no-native')) {
  nativeNote = 'skipped (--no-native)';
} else if (!existsSync(NATIVE_BIN)) {
  nativeNote = `not built: ${path.relative(ROOT, NATIVE_BIN)} is missing (see bench/README.md, "Build")`;
} else {
  log('native: nnplay_bench_core (median of 5 repetitions) ...');
  // Google Benchmark 1.7.1 takes --benchmark_min_time as a plain number of seconds ("0.3";
  // the "0.3s" form came in 1.8). The binary sets MinTime(0.5) on every benchmark, which
  // takes precedence, so the flag changes nothing here.
  const argv = [
    '--benchmark_format=json', '--benchmark_min_time=0.3',
    '--benchmark_repetitions=5', '--benchmark_report_aggregates_only=true',
    '--benchmark_filter=^(W1_train/xy-3-3-1/sgd/batch10|W2_train/7in-6x8-1/(sgd|adam)/batch10|W3_grid/.*)/min_time',
  ];
  const p = spawnSync(NATIVE_BIN, argv, { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (p.status !== 0) {
    nativeNote = `failed (exit ${p.status}): ${(p.stderr || String(p.error)).trim().split('\n').pop()}`;
  } else {
    const out = JSON.parse(p.stdout);
    const get = (prefix, counter) => {
      const b = out.benchmarks.find((r) => r.run_name.startsWith(prefix) && r.aggregate_name === 'median');
      return b ? b[counter] : null;
    };
    native = {
      W1: get('W1_train/xy-3-3-1/sgd/batch10/', 'samples_per_s'),
      W2: get('W2_train/7in-6x8-1/sgd/batch10/', 'samples_per_s'),
      W2adam: get('W2_train/7in-6x8-1/adam/batch10/', 'samples_per_s'),
      W3zeroCopy: get('W3_grid/forward_zero_copy/', 'grids_per_s'),
      W3layerOutputs: get('W3_grid/layer_outputs/', 'grids_per_s'),
      libraryBuildType: out.context.library_build_type,
    };
    nativeNote = 'build/bench/bench/nnplay_bench_core, median of 5 (CPU time)';
  }
}
results.native = native;
results.nativeNote = nativeNote;

// ---------------------------------------------------------------- W4: the loss landscape

// A 41×41 slice (nn.landscape, random directions) of the page's default network (x, y ->
// Dense(4, tanh) -> Dense(2, tanh) -> Dense(1, tanh), MSE) over its 250 training points
// (circle, noise 0, seed 1, half of 500). Issue 13's budget: under 1 s in Chromium.
{
  const nnw4 = await init();
  const data = nnw4.datasets.generate({ type: 'circle', noise: 0, seed: 1 });
  const { xTrain, yTrain } = nnw4.datasets.split(data, { trainingRatio: 0.5, seed: 1 });
  const model = nnw4.sequential([
    nnw4.layers.dense({ inputShape: [2], units: 4, activation: 'tanh' }),
    nnw4.layers.dense({ units: 2, activation: 'tanh' }),
    nnw4.layers.dense({ units: 1, activation: 'tanh' }),
  ], { seed: MODEL_SEED });
  model.compile({ optimizer: 'sgd', loss: 'mean_squared_error' });
  nnw4.landscape(model, xTrain, yTrain, { resolution: 41 });  // warm-up
  const times = [];
  for (let r = 0; r < REPS; r++) {
    const t0 = performance.now();
    nnw4.landscape(model, xTrain, yTrain, { resolution: 41, seed: r });
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  results.W4 = { points: xTrain.shape[0], resolution: 41, msMedian: times[Math.floor(REPS / 2)] };
  model.dispose();
}

// ---------------------------------------------------------------- dist size

const dist = readFileSync(DIST);
results.dist = { file: 'dist/nnplay.mjs', bytes: dist.length, gzipBytes: zlib.gzipSync(dist).length };

// ---------------------------------------------------------------- report

const rows = [
  { key: 'W1', label: 'W1 train xy-3-3-1, SGD, batch 10', unit: 'samples/s', nn: results.W1.nnplay.samplesPerS, tf: results.W1.tfjs.samplesPerS, nat: native?.W1 },
  { key: 'W2', label: 'W2 train 7-6x8-1, SGD, batch 10', unit: 'samples/s', nn: results.W2.nnplay.samplesPerS, tf: results.W2.tfjs.samplesPerS, nat: native?.W2 },
  { key: 'W2adam', label: 'W2 train, Adam (context)', unit: 'samples/s', nn: results.W2adam.nnplay.samplesPerS, tf: null, nat: native?.W2adam },
  { key: 'W3', label: 'W3 grid, zero-copy views', unit: 'grids/s', nn: results.W3.nnplayZeroCopy.gridsPerS, tf: results.W3.tfjsPredictOneBatch.gridsPerS, nat: native?.W3zeroCopy },
  { key: 'W3copy', label: 'W3 grid, layerOutputs (copies)', unit: 'grids/s', nn: results.W3.nnplayLayerOutputs.gridsPerS, tf: results.W3.tfjsPredictOneBatch.gridsPerS, nat: native?.W3layerOutputs },
];
const ratio = (a, b) => (a != null && b != null ? a / b : null);
results.table = rows.map((r) => ({
  workload: r.key, unit: r.unit, nnplayWasm: r.nn, tfjsCpu: r.tf, speedUp: ratio(r.nn, r.tf), native: r.nat ?? null, wasmOverNative: ratio(r.nn, r.nat),
}));

const gzip = results.dist.gzipBytes;
const wasmRatios = results.table.filter((r) => ['W1', 'W2', 'W3'].includes(r.workload) && r.wasmOverNative != null);
const worst = wasmRatios.length ? wasmRatios.reduce((a, b) => (a.wasmOverNative < b.wasmOverNative ? a : b)) : null;
results.goals = [
  { goal: 'W2 (nnplay wasm) >= 750k samples/s (10x TF Playground\'s 74k)', value: results.W2.nnplay.samplesPerS, met: results.W2.nnplay.samplesPerS >= GOALS.w2SamplesPerS },
  { goal: 'W3 (nnplay wasm, zero-copy) >= 270 grids/s (20x TF Playground\'s 13)', value: results.W3.nnplayZeroCopy.gridsPerS, met: results.W3.nnplayZeroCopy.gridsPerS >= GOALS.w3GridsPerS },
  {
    goal: 'wasm within 1.5x of native (W1, W2, W3: native/wasm <= 1.5)',
    value: worst ? 1 / worst.wasmOverNative : null,
    worstWorkload: worst?.workload ?? null,
    met: worst ? 1 / worst.wasmOverNative <= GOALS.wasmNativeMaxSlowdown : null,
  },
  { goal: 'dist/nnplay.mjs < 200 KB gzip', value: gzip, met: gzip < GOALS.distGzipBytes },
  { goal: 'layerOutputs (copies) >= 80% of layerOutputsView\'s grids/s (W3, freed memory kept mapped)', value: results.api.layerOutputsCopyRatio, met: results.api.layerOutputsCopyRatio >= 0.8 },
  { goal: 'fit() one epoch per call >= 85% of one multi-epoch call\'s samples/s (W1, freed memory kept mapped)', value: results.api.fitCallsRatio, met: results.api.fitCallsRatio >= 0.85 },
];
results.environment = {
  date: new Date().toISOString(), node: process.version, cores: os.cpus().length, cpu: os.cpus()[0]?.model.trim(),
  loadAverageAtStart: loadAtStart, loadAverageAtEnd: os.loadavg(), minCpuShare, tfjs: tf.version.tfjs, tfjsBackend: tf.getBackend(), nnplay: nn.version, reps: REPS,
};

const fmt = (v, unit) => {
  if (v == null) return '—';
  if (unit === 'grids/s') return v >= 100 ? v.toFixed(0) : v.toFixed(1);
  if (v >= 1e6) return `${(v / 1e6).toFixed(2)}M`;
  if (v >= 1e3) return `${(v / 1e3).toFixed(1)}k`;
  return v.toFixed(0);
};
const times = (v, d = 1) => (v == null ? '—' : `${v.toFixed(d)}×`);
const table = [
  ['workload', 'unit', 'nnplay wasm', 'tfjs (cpu)', 'speed-up', 'native', 'wasm/native'],
  ...rows.map((r) => [r.label, r.unit, fmt(r.nn, r.unit), fmt(r.tf, r.unit), times(ratio(r.nn, r.tf), 0), fmt(r.nat, r.unit), times(ratio(r.nn, r.nat), 2)]),
];
const widths = table[0].map((_, c) => Math.max(...table.map((row) => row[c].length)));
const line = (row) => `| ${row.map((cell, c) => (c === 0 || c === 1 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(' | ')} |`;
log('');
log(line(table[0]));
log(`|${widths.map((w, c) => (c < 2 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
for (const row of table.slice(1)) log(line(row));
log('');
log(`median of ${REPS} timed repetitions after warm-up; tfjs rows for W3 use predict(grid, {batchSize: 10000}) ` +
  `(with the default batchSize 32: ${fmt(results.W3.tfjsPredictBatch32.gridsPerS, 'grids/s')} grids/s); ` +
  `the W3 copy row's tfjs number is the same predict.`);
log(`CPU share of the timed repetitions (process CPU time / wall time): lowest ${minCpuShare.toFixed(2)}` +
  `${minCpuShare < 0.9 ? ' — another job competed for the CPU: the wasm and tfjs numbers are low; rerun on a quiet machine' : ''}` +
  `; load average at the end ${os.loadavg().map((v) => v.toFixed(2)).join(' ')}`);
log(`native: ${nativeNote}${native?.libraryBuildType === 'debug' ? " (libbenchmark says 'debug': that is Debian's build of the library, not nnplay's)" : ''}`);
log('');
log('First-epoch loss (identical data and initial weights; tfjs\' epoch loss is the running mean over batches, as Keras\'):');
for (const [k, c] of Object.entries(results.firstEpochLoss)) {
  log(`  ${k}: nnplay ${c.nnplayLoss.toPrecision(8)}  tfjs ${c.tfjsLoss.toPrecision(8)}  relative difference ${c.relDiff.toExponential(1)}` +
    `${c.relDiff <= 1e-5 ? '' : '  (> 1e-5!)'};  max |weight difference| initially ${c.initialWeightDiff.toExponential(1)}, after epoch 1 ${c.weightDiffAfterEpoch1.toExponential(1)}`);
}
log(`  W3: max |unit output difference| over the grid, nnplay vs tfjs: ${w3MaxDiff.toExponential(1)} (${results.W3.units} units × 10,000 points)`);
log('');
const pct = (v) => `${(100 * v).toFixed(0)}%`;
const faults = (r) => `${r.pageFaultsPerCall < 1 ? r.pageFaultsPerCall.toFixed(2) : r.pageFaultsPerCall.toFixed(0)} page faults per call`;
log(`API overheads (bench/node/api_overhead.mjs: a process with only nnplay; lean and convenient forms alternated, median of ${apiPinned.rounds} round ratios):`);
log(`  layerOutputs (copies) / layerOutputsView: ${pct(apiPinned.layerOutputs.ratio)} with freed memory kept mapped (${faults(apiPinned.layerOutputs)}); ` +
  `${pct(apiDefault.layerOutputs.ratio)} with glibc's defaults (${faults(apiDefault.layerOutputs)}); ${pct(results.api.inProcessLayerOutputsCopyRatio)} in this process (W3 rows above)`);
log(`  fit() one epoch per call / one multi-epoch call: ${pct(apiPinned.fit.ratio)} kept mapped; ${pct(apiDefault.fit.ratio)} glibc's defaults`);
log(`  a fresh 4 KiB page (first write after mmap) costs ${apiDefault.freshPageMicros.toFixed(1)} µs here; filling a mapped one, ${apiDefault.mappedPageMicros.toFixed(2)} µs; ` +
  `kept mapped = ${PINNED_MALLOC}`);
log('');
log(`W4 loss landscape 41×41 over ${results.W4.points} points (default network): ${results.W4.msMedian.toFixed(1)} ms (median of ${REPS}; budget 1 s in Chromium)`);
log(`dist/nnplay.mjs: ${(results.dist.bytes / 1024).toFixed(1)} KiB raw, ${(gzip / 1024).toFixed(1)} KiB gzip (${gzip} bytes, zlib.gzipSync)`);
log('');
log('Goals:');
for (const g of results.goals) {
  let v = '—';
  if (g.value != null) {
    if (g.goal.startsWith('W2')) v = `${fmt(g.value, 'samples/s')} samples/s`;
    else if (g.goal.startsWith('W3')) v = `${g.value.toFixed(0)} grids/s`;
    else if (g.goal.startsWith('wasm')) v = `native is ${g.value.toFixed(2)}× faster (worst: ${g.worstWorkload})`;
    else if (g.goal.startsWith('layerOutputs')) v = `${pct(g.value)} (glibc's defaults: ${pct(apiDefault.layerOutputs.ratio)})`;
    else if (g.goal.startsWith('fit()')) v = `${pct(g.value)} (glibc's defaults: ${pct(apiDefault.fit.ratio)})`;
    else v = `${(g.value / 1000).toFixed(1)} kB`;
  }
  log(`  [${g.met == null ? ' ? ' : g.met ? 'met' : 'NOT'}] ${g.goal}: ${v}`);
}

// --json: the numbers on stdout (the report above went to stderr).
if (JSON_OUT) console.log(JSON.stringify(results, null, 2));
