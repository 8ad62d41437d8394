// What the page tells a page that embeds it: one list, used by the page (embed.ts), the
// web component (component.ts) and docs/EMBEDDING.md (scripts/embedding-doc.mjs), so the
// three cannot disagree. Every message is { source: 'nnplay', type, ...fields } sent with
// postMessage to window.parent; <nnplay-playground> re-dispatches it as a DOM event named
// `type` whose detail is the message.

export interface EpochDetail { source: 'nnplay'; type: 'epoch'; epoch: number; loss: number; valLoss: number | null; accuracy: number | null; valAccuracy: number | null }
// Why training stopped, as data (bindings/src/stopReason.ts: the page, its worker and the CLI use the same names).
import type { StopReason } from '../../bindings/src/stopReason.js';
export type { StopReason, StopReasonName } from '../../bindings/src/stopReason.js';
export type StoppedDetail = { source: 'nnplay'; type: 'stopped'; message: string } & StopReason;
export interface ReadyDetail { source: 'nnplay'; type: 'ready'; state: string }
export interface StateDetail { source: 'nnplay'; type: 'state'; state: string; changed: string[] }
export interface SizeDetail { source: 'nnplay'; type: 'size'; height: number }
export type EmbedMessage = ReadyDetail | EpochDetail | StoppedDetail | StateDetail | SizeDetail;

// optional: fields only some messages of the type have (a stop's facts depend on its reason).
export interface EventDoc { type: EmbedMessage['type']; when: string; fields: Record<string, string>; optional?: string[]; changed?: string }

export const EMBED_EVENTS: readonly EventDoc[] = [
  { type: 'ready', when: 'the engine has loaded and the page can train', fields: { state: "the page's URL state, a hash such as `#activation=tanh&…`" } },
  {
    type: 'epoch', when: 'after each epoch the page has drawn (while playing, several epochs may pass between two events)',
    fields: { epoch: 'epochs completed', loss: 'training loss of the last epoch', valLoss: 'validation loss (`null` when there is no validation data)', accuracy: 'training accuracy (`null` for regression)', valAccuracy: 'validation accuracy (`null` for regression or without validation data)' },
  },
  {
    type: 'stopped', when: 'training that was playing has stopped',
    fields: {
      reason: '`paused` (the reader paused or reset), `max_epochs`, `early_stopping`, `diverged` (the loss became NaN or infinite) or `non_finite_weights`: the names fit()\'s history and `nnplay train --json` use',
      epoch: 'epochs completed',
      message: 'why, in English words (empty for `paused`)',
      maxEpochs: '`max_epochs` only: the maximum reached',
      monitor: '`early_stopping` only: what it watched (`val_loss`)',
      patience: '`early_stopping` only: its patience in epochs',
      best: '`early_stopping` only, when there was a value: the best value watched',
      bestEpoch: '`early_stopping` only, when there was a value: its epoch, from 1',
      loss: '`diverged`, `non_finite_weights` only: the last loss (`NaN` or ±`Infinity`)',
      learningRate: '`diverged`, `non_finite_weights` only: the learning rate',
    },
    optional: ['maxEpochs', 'monitor', 'patience', 'best', 'bestEpoch', 'loss', 'learningRate'],
    changed: 'Since the RunPlan change, `reason` uses the one set of stop-reason names (it was `pause`, `maxEpochs`, `earlyStopping`, `diverged`), the facts come as fields, and `message` is words (it was `max:100` or the engine\'s sentence).',
  },
  { type: 'state', when: 'the reader changed a setting', fields: { state: 'the new URL state, a hash', changed: 'the names of the keys that changed' } },
  { type: 'size', when: "the page's content height changed (the component resizes itself to it)", fields: { height: 'the content height in CSS pixels' } },
];

// The component's fixed heights (attribute height="…").
export const MIN_HEIGHT = 200;
export const MAX_HEIGHT = 20000;

export const isEmbedMessage = (data: unknown): data is EmbedMessage =>
  typeof data === 'object' && data !== null && (data as { source?: unknown }).source === 'nnplay'
  && EMBED_EVENTS.some((e) => e.type === (data as { type?: unknown }).type);
