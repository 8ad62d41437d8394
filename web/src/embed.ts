// The page as an embedded one: tells window.parent (an article's iframe or
// <nnplay-playground>) its content height and what happens, as the messages of
// embed-events.ts. A page that is not in a frame sends nothing.
import { serializeHash, type PlaygroundState } from '../../bindings/src/state.js';
import { pausedAt } from '../../bindings/src/stopReason.js';
import type { EmbedMessage } from './embed-events.js';
import type { Snapshot } from './protocol.js';

const embedded = window.parent !== window;
let wasPlaying = false;

// Distributive, so that each message keeps its own fields.
type Fields<M> = M extends EmbedMessage ? Omit<M, 'source'> : never;
function post(message: Fields<EmbedMessage>) {
  if (embedded) window.parent.postMessage({ source: 'nnplay', ...message }, '*');
}

// The content height, now and whenever it changes (fonts, hidden parts, opened panels).
// In a frame the page is as tall as its content, all of it in the frame's viewport: the
// sections that are laid out only near the screen (content-visibility: auto) are laid out
// at once (.embedded in styles.css). Else Firefox, which judges "near" by the top-level
// viewport, reports their 400 px placeholders as height until the reader scrolls there.
export function startEmbedding(): void {
  if (!embedded) return;
  document.documentElement.classList.add('embedded');
  let last = -1;
  const measure = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last) post({ type: 'size', height: (last = height) });
  };
  new ResizeObserver(measure).observe(document.documentElement);
  measure();
}

export function embedReady(state: PlaygroundState): void {
  post({ type: 'ready', state: serializeHash(state) });
}

export function embedStateChanged(state: PlaygroundState, changed: string[]): void {
  post({ type: 'state', state: serializeHash(state), changed });
}

// epoch after each snapshot with new trained epochs (not the charts' epoch-0 point); stopped
// when playing turns to not playing.
export function embedSnapshot(s: Snapshot): void {
  const last = s.newEpochs[s.newEpochs.length - 1];
  if (last && last.epoch !== 0) post({ type: 'epoch', epoch: s.epoch, loss: last.loss, valLoss: last.valLoss, accuracy: last.acc, valAccuracy: last.valAcc });
  if (wasPlaying && !s.playing) {
    const stop = s.stopped ?? pausedAt(s.epoch);  // no reason: the reader paused (or reset)
    post({ type: 'stopped', ...stop, message: s.stop?.text ?? '' });
  }
  wasPlaying = s.playing;
}

// Problems in the link that only its author can fix (e.g. a misspelt <part>_hide): the
// console, where the author looks, not the readers' notice box.
export function reportToAuthor(problems: string[]): void {
  for (const p of problems) console.warn(`nnplay: ${p}`);
}
