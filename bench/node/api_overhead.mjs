// What a caller pays for nnplay's convenient forms, each against its lean form, in a Node
// process that loads nothing but nnplay (bench.mjs runs this file as a child process):
//   fit     n calls of fit({epochs: 1}) against one fit({epochs: n}) (W1: per-call work weighs most)
//   layerOutputs   copies (layerOutputs) against zero-copy views (layerOutputsView), W3's grid
// The two forms of a pair alternate repetition by repetition and the result is the median of
// the per-round ratios, so a machine that drifts (turbo, a neighbour VM) moves both alike.
// Prints one JSON object on stdout.
import { performance } from 'node:perf_hooks';

import { init } from 'nnplay';

import { median, nnFit, nnModel, W2_HIDDEN, W3_TRAIN_EPOCHS, workloadData } from './workloads.mjs';

const ROUNDS = 9;
const REP_SECONDS = 0.3;

const nn = await init();
const { N, xW1, xW2, y, gridFeatures } = workloadData(nn);

// n units of work lasting about REP_SECONDS (doubling, then scaling), run once more to warm up.
async function calibrate(run, start) {
  let n = start;
  for (;;) {
    const t0 = performance.now();
    await run(n);
    const t = (performance.now() - t0) / 1000;
    if (t >= REP_SECONDS / 4) {
      n = Math.max(1, Math.ceil((n * REP_SECONDS) / t));
      await run(n);
      return n;
    }
    n *= 2;
  }
}

async function rate(run, n) {
  const t0 = performance.now();
  await run(n);
  return n / ((performance.now() - t0) / 1000);
}

// lean and convenient alternate; also counts the convenient form's minor page faults per unit.
async function pair(lean, convenient, start = 1) {
  const nLean = await calibrate(lean, start);
  const nConv = await calibrate(convenient, start);
  const leanRates = [];
  const convRates = [];
  let faults = 0;
  for (let r = 0; r < ROUNDS; r++) {
    leanRates.push(await rate(lean, nLean));
    const f0 = process.resourceUsage().minorPageFault;
    convRates.push(await rate(convenient, nConv));
    faults += process.resourceUsage().minorPageFault - f0;
  }
  const ratios = convRates.map((c, i) => c / leanRates[i]);
  return {
    ratio: median(ratios), ratios, leanRate: median(leanRates), convenientRate: median(convRates),
    pageFaultsPerCall: faults / (ROUNDS * nConv),
  };
}

// fit: epochs per second either way.
const oneCallModel = nnModel(nn, 2, [3, 3]);
const perEpochModel = nnModel(nn, 2, [3, 3]);
const fit = await pair(
  (n) => nnFit(oneCallModel, xW1, y, n),
  async (n) => {
    for (let k = 0; k < n; k++) await nnFit(perEpochModel, xW1, y, 1);
  },
  4,
);
oneCallModel.dispose();
perEpochModel.dispose();

// layerOutputs: grids per second either way; each output is read, as a caller would.
const w3 = nnModel(nn, 7, W2_HIDDEN);
await nnFit(w3, xW2, y, W3_TRAIN_EPOCHS);
let sink = 0;
const sumOf = (a) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
};
const layerOutputs = await pair(
  (n) => {
    for (let k = 0; k < n; k++) sink += sumOf(w3.layerOutputsView(gridFeatures).at(-1));
  },
  (n) => {
    for (let k = 0; k < n; k++) sink += sumOf(w3.layerOutputs(gridFeatures).at(-1).data);
  },
);
w3.dispose();

// What one fresh 4 KiB page costs here: a 64 MiB buffer comes straight from mmap, so each
// first write to a page is a page fault. Against that, filling the same pages once mapped.
const fresh = new Uint8Array(64 << 20);
const pages = fresh.length / 4096;
let t0 = performance.now();
for (let i = 0; i < fresh.length; i += 4096) fresh[i] = 1;
const freshPageMicros = ((performance.now() - t0) * 1000) / pages;
t0 = performance.now();
fresh.fill(2);
const mappedPageMicros = ((performance.now() - t0) * 1000) / pages;

console.log(JSON.stringify({
  glibcTunables: process.env.GLIBC_TUNABLES ?? null,
  rounds: ROUNDS,
  fit: { ...fit, samplesPerCallOfOneEpoch: N },
  layerOutputs,
  freshPageMicros,
  mappedPageMicros,
  checksum: sink,
}));
