// Why training stopped, as a message the page words in its language: the worker's stop
// text ('max:N' or the engine's English sentence) plus the fit's history and the state.
import { type Message, message } from '../../../bindings/src/messages.js';
import type { PlaygroundState } from '../../../bindings/src/state.js';

// What of a fit's history the wording needs.
interface StopHistory {
  history: Record<string, number[]>;
  stoppedEpoch: number;
}

export function stopMessage(stopped: string | null, diverged: boolean, history: StopHistory | undefined, state: PlaygroundState): Message | null {
  if (stopped === null) return null;
  if (stopped.startsWith('max:')) return message('stop.max', { epochs: Number(stopped.slice(4)) });
  const losses = history?.history.loss ?? [];
  if (diverged) {
    return message('stop.diverged', { epoch: (history?.stoppedEpoch ?? losses.length - 1) + 1, loss: String(losses.at(-1) ?? NaN), learningRate: state.learningRate });
  }
  const monitored = history?.history.val_loss ?? [];
  let best = 0;
  monitored.forEach((v, i) => { if (v < monitored[best]) best = i; });
  return message('stop.early', {
    monitor: 'val_loss',
    patience: state.patience ?? 0,
    best: monitored.length ? monitored[best].toFixed(4) : '',
    bestEpoch: monitored.length ? best + 1 : 0,
  });
}
