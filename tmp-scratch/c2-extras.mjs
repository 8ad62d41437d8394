import { init } from 'nnplay';
const nn = await init();
let ok = { a: 0, b: 0, c: 0, d: 0, all: 0 }; const N = 40; const good = [];
for (let k = 0; k < N; k++) {
  const seed = (k === 0 ? 0.17900 : Math.random()).toFixed(5);
  const res = [];
  for (const lr of [0.003, 0.03, 0.3, 3]) {
    const state = { ...nn.state.defaults(seed), learningRate: lr };
    const setup = nn.playground.setup(state);
    const data = nn.playground.prepareData(setup);
    const model = nn.playground.buildModel(setup);
    const s = model.beginFit(data.train.x, data.train.y, { batchSize: 10, epochs: 100, validationData: [data.valid.x, data.valid.y], seed: setup.modelSeed });
    const losses = [];
    while (!s.done) { s.runEpoch(); losses.push(s.lastEpochLogs().loss); }
    let m = 0; for (let i = losses.length - 20; i < losses.length; i++) m += Math.abs(losses[i] - losses[i-1]);
    res.push({ final: losses.at(-1), jit: m / 20 });
    s.end(); model.dispose();
  }
  const a = res[0].final > 0.2, b = res[1].final < 0.05, c = res[2].jit > 5 * res[1].jit, d = res[3].final > 0.5;
  ok.a += a; ok.b += b; ok.c += c; ok.d += d; ok.all += a && b && c && d;
  if (a && b && c && d) good.push(seed);
}
console.log(ok, 'of', N, good);
