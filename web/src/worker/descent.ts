// The descent demo (figures 5-5 … 5-9): one parameter's path down the demo curve
// under an optimizer, computed by the engine's own optimizer code.
import type { Nnplay } from '../../../bindings/src/index.js';
import { gradient } from '../descent/curve.js';
import type { FromWorker, ToWorker } from '../protocol.js';

export function descend(nn: Nnplay, msg: ToWorker & { type: 'descend' }): FromWorker & { type: 'descend' } {
  const spec = nn.optimizers.get(msg.optimizer, { learningRate: msg.learningRate });
  return { type: 'descend', path: nn.optimizers.descend(spec, msg.w0, gradient, msg.steps) };
}
