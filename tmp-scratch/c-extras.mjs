import { init } from 'nnplay';
const nn = await init();
for (const seed of ['1', '2', '0.12345', '0.5', '0.77777']) {
  const out = [];
  for (const lr of [0.003, 0.03, 0.3, 3]) {
    const state = { ...nn.state.defaults(seed), learningRate: lr };
    const setup = nn.playground.setup(state);
    const data = nn.playground.prepareData(setup);
    const model = nn.playground.buildModel(setup);
    const s = model.beginFit(data.train.x, data.train.y, { batchSize: 10, epochs: 100, validationData: [data.valid.x, data.valid.y], seed: setup.modelSeed });
    const losses = [];
    while (!s.done) { s.runEpoch(); losses.push(s.lastEpochLogs().loss); }
    const d = (a) => { let m = 0; for (let i = a.length - 20; i < a.length; i++) m += Math.abs(a[i] - a[i-1]); return m / 20; };
    out.push(`${lr}: final ${losses.at(-1)?.toFixed(4)} n=${losses.length} jitter ${d(losses).toExponential(2)}`);
    s.end(); model.dispose();
  }
  console.log(seed, out.join(' | '));
}
