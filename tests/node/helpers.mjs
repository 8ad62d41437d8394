// Shared by the node tests: the built module (through the package's own name, as users
// import it) and the tutorial's data.
import { init } from 'nnplay';

export const nn = await init();

export function tutorialData(seed = 1) {
  const data = nn.datasets.generate({ type: 'gauss', noise: 0, seed });
  return nn.datasets.split(data, { trainingRatio: 0.5, seed });
}

export function tutorialModel(seed = 42, optimizer = nn.optimizers.sgd({ learningRate: 0.03 })) {
  const model = nn.sequential([
    nn.layers.dense({ inputShape: [2], units: 3, activation: 'tanh' }),
    nn.layers.dense({ units: 3, activation: 'tanh' }),
    nn.layers.dense({ units: 1, activation: 'tanh' }),
  ], { seed });
  model.compile({ optimizer, loss: 'mean_squared_error', metrics: ['tanh_accuracy'] });
  return model;
}
