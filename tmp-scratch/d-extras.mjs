import { init } from 'nnplay';
const nn = await init();
const g = (w) => 0.6 * w ** 3 - 2.4 * w + 0.6;
for (const lr of [0.003, 0.03, 0.3, 3]) {
  const p = nn.optimizers.descend(nn.optimizers.get('sgd', { learningRate: lr }), 3, g, 60);
  console.log(lr, p.length, p.slice(-3), p.slice(0,4));
}
console.log(Object.keys(nn), Object.keys(nn.optimizers));
const d = nn.datasets.generate({ type: 'circle', noise: 0, seed: 1 });
console.log(d.points.shape, d.labels.shape);
const d3 = nn.datasets.generate({ type: 'gauss3', noise: 0, seed: 1 });
console.log(d3.points.shape, d3.labels.shape);
