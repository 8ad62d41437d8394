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

// The exports of TypeScript source (a module's text, paths from the repository's root),
// bundled with esbuild for Node: how node tests run the page's and the module's .ts files.
export async function importTs(contents) {
  const esbuild = await import('esbuild');
  const root = new URL('../..', import.meta.url).pathname;
  const out = await esbuild.build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'error',
  });
  return import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
}
