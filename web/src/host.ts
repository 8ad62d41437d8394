// For a page that hosts the playground in an iframe (and for <nnplay-playground>): every
// snapshot's newest epoch is posted to the parent window.
import type { Snapshot } from './protocol.js';

export function announceEpochs(s: Snapshot): void {
  if (!s.newEpochs.length || window.parent === window) return;
  const last = s.newEpochs[s.newEpochs.length - 1];
  window.parent.postMessage({ source: 'nnplay', type: 'epoch', epoch: s.epoch, loss: last.loss, valLoss: last.valLoss, accuracy: last.acc, valAccuracy: last.valAcc }, '*');
}
