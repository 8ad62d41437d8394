// Whether a loaded tfjs model fits the playground, and the state that shows it: its inputs
// are the page's chosen features (as many as are ticked, X1 and X2 when none), at most 6
// hidden layers of at most 8 units with one activation the page offers, a bias in every
// layer, and the output the page's setup builds (the loss follows a sigmoid or softmax
// output, as the page's own rule pairs them: bindings/src/playground.ts). A pure function:
// the worker runs it, tests/node checks it.
import { type Message, message } from '../../bindings/src/messages.js';
import { plan } from '../../bindings/src/playground.js';
import { HIDDEN_ACTIVATIONS } from '../../bindings/src/registry.js';
import { type PlaygroundState, SCHEMA } from '../../bindings/src/state.js';

export interface LoadedLayer {
  units: number;
  activation: string;
  inputDim: number;
  useBias: boolean;
}

export type ModelFit = { ok: true; changes: Partial<PlaygroundState>; summary: Record<string, string | number> } | { ok: false; why: Message };

const shape = SCHEMA.find((f) => f.key === 'networkShape') as { max: number; maxItems: number };
export const MAX_HIDDEN_LAYERS = shape.maxItems;  // 6
export const MAX_UNITS = shape.max;               // 8

export function modelFit(layers: readonly LoadedLayer[], state: PlaygroundState, customClasses?: 2 | 3): ModelFit {
  const refuse = (code: Parameters<typeof message>[0], params: Record<string, string | number>): ModelFit => ({ ok: false, why: message(code, params) });
  const features = plan(state, customClasses).features;
  const inputs = layers[0].inputDim;
  if (inputs !== features.length) return refuse('model.inputs', { inputs, features: features.length, names: features.join(', ') });
  const hidden = layers.slice(0, -1);
  const output = layers[layers.length - 1];
  if (hidden.length > MAX_HIDDEN_LAYERS) return refuse('model.tooManyLayers', { layers: hidden.length, max: MAX_HIDDEN_LAYERS });
  const wide = hidden.findIndex((l) => l.units > MAX_UNITS);
  if (wide >= 0) return refuse('model.tooManyUnits', { layer: wide + 1, units: hidden[wide].units, max: MAX_UNITS });
  const activations = [...new Set(hidden.map((l) => l.activation))];
  if (activations.length > 1) return refuse('model.mixedActivations', { activations: activations.join(', ') });
  if (activations.length === 1 && !HIDDEN_ACTIVATIONS.includes(activations[0])) {
    return refuse('model.activation', { activation: activations[0], allowed: HIDDEN_ACTIVATIONS.join(', ') });
  }
  const noBias = layers.findIndex((l) => !l.useBias);
  if (noBias >= 0) return refuse('model.noBias', { layer: noBias + 1 });

  const changes: Partial<PlaygroundState> = { networkShape: hidden.map((l) => l.units) };
  if (activations.length === 1) changes.activation = activations[0];
  // The output decides the loss where the page pairs them (sigmoid: binary, softmax: categorical).
  const loss = outputLoss(output, state);
  if (loss !== state.loss) changes.loss = loss;
  const p = plan({ ...state, ...changes }, customClasses);
  if (p.outputUnits !== output.units || p.outputActivation !== output.activation) {
    return refuse('model.output', { units: output.units, activation: output.activation, problem: p.problem, wantUnits: p.outputUnits, wantActivation: p.outputActivation });
  }
  return {
    ok: true,
    changes,
    summary: { inputs, hidden: changes.networkShape!.join(', '), activation: activations[0] ?? '-', outputUnits: output.units, outputActivation: output.activation },
  };
}

function outputLoss(output: LoadedLayer, state: PlaygroundState): PlaygroundState['loss'] {
  if (state.problem !== 'classification') return state.loss;
  if (output.activation === 'sigmoid') return 'binary_crossentropy';
  if (output.activation === 'softmax') return 'categorical_crossentropy';
  if (output.activation === 'tanh' && (state.loss === 'binary_crossentropy' || state.loss === 'categorical_crossentropy')) return 'mse';
  return state.loss;
}
