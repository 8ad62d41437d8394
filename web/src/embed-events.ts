// What the page tells a page that embeds it: one list, used by the page (embed.ts), the
// web component (component.ts) and docs/EMBEDDING.md (scripts/embedding-doc.mjs), so the
// three cannot disagree. Every message is { source: 'nnplay', type, ...fields } sent with
// postMessage to window.parent; <nnplay-playground> re-dispatches it as a DOM event named
// `type` whose detail is the message.

export interface EpochDetail { source: 'nnplay'; type: 'epoch'; epoch: number; loss: number; valLoss: number | null; accuracy: number | null; valAccuracy: number | null }
export type StopReason = 'pause' | 'maxEpochs' | 'earlyStopping' | 'diverged';
export interface StoppedDetail { source: 'nnplay'; type: 'stopped'; epoch: number; reason: StopReason; message: string }
export interface ReadyDetail { source: 'nnplay'; type: 'ready'; state: string }
export interface StateDetail { source: 'nnplay'; type: 'state'; state: string; changed: string[] }
export interface SizeDetail { source: 'nnplay'; type: 'size'; height: number }
export type EmbedMessage = ReadyDetail | EpochDetail | StoppedDetail | StateDetail | SizeDetail;

export interface EventDoc { type: EmbedMessage['type']; when: string; fields: Record<string, string> }

export const EMBED_EVENTS: readonly EventDoc[] = [
  { type: 'ready', when: 'the engine has loaded and the page can train', fields: { state: "the page's URL state, a hash such as `#activation=tanh&…`" } },
  {
    type: 'epoch', when: 'after each epoch the page has drawn (while playing, several epochs may pass between two events)',
    fields: { epoch: 'epochs completed', loss: 'training loss of the last epoch', valLoss: 'validation loss (`null` when there is no validation data)', accuracy: 'training accuracy (`null` for regression)', valAccuracy: 'validation accuracy (`null` for regression or without validation data)' },
  },
  {
    type: 'stopped', when: 'training that was playing has stopped',
    fields: { epoch: 'epochs completed', reason: '`pause` (the reader paused or reset), `maxEpochs`, `earlyStopping` or `diverged`', message: "the page's own words for why (e.g. `max:100`)" },
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
