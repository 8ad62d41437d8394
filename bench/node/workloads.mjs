// The data, models and grid of workloads W1-W3, shared by bench.mjs and api_overhead.mjs so
// both measure exactly the same thing (bench/README.md, "The workloads, exactly").
export const MODEL_SEED = 42;
export const LR = 0.03;
export const BATCH = 10;
export const W3_TRAIN_EPOCHS = 20;
export const DENSITY = 100;
export const ALL_FEATURES = ['x', 'y', 'xSquared', 'ySquared', 'xTimesY', 'sinX', 'sinY'];
export const W2_HIDDEN = [8, 8, 8, 8, 8, 8];

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};

// gauss, noise 0, seed 1 (500 points), with W1's and W2's inputs and the playground's
// 100x100 grid on [-6, 6]^2 (updateDecisionBoundary: point (i, j) is row i*100 + j).
export function workloadData(nn) {
  const data = nn.datasets.generate({ type: 'gauss', noise: 0, seed: 1 });
  const gridPoints = new Float32Array(DENSITY * DENSITY * 2);
  for (let i = 0; i < DENSITY; i++) {
    for (let j = 0; j < DENSITY; j++) {
      const r = i * DENSITY + j;
      gridPoints[2 * r] = -6 + (12 * i) / (DENSITY - 1);
      gridPoints[2 * r + 1] = 6 - (12 * j) / (DENSITY - 1);
    }
  }
  return {
    N: data.points.shape[0],
    xW1: nn.datasets.makeFeatures(data.points, ['x', 'y']),
    xW2: nn.datasets.makeFeatures(data.points, ALL_FEATURES),
    y: data.labels,
    gridFeatures: nn.datasets.makeFeatures({ data: gridPoints, shape: [DENSITY * DENSITY, 2] }, ALL_FEATURES),
  };
}

// inputs -> hidden tanh layers -> Dense(1, tanh), seed 42, MSE.
export function nnModel(nn, inputs, hidden, optimizer = nn.optimizers.sgd({ learningRate: LR })) {
  const layers = [...hidden, 1].map((units, i) =>
    nn.layers.dense({ ...(i === 0 ? { inputShape: [inputs] } : {}), units, activation: 'tanh' }));
  const m = nn.sequential(layers, { seed: MODEL_SEED });
  m.compile({ optimizer, loss: 'mean_squared_error' });
  return m;
}

export const nnFit = (m, x, y, epochs) => m.fit(x, y, { epochs, batchSize: BATCH, shuffle: false, yieldEvery: 'never' });
