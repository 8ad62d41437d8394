// The page's state: the one schema's PlaygroundState, read from the URL hash once and
// written back with replaceState (no history entry per click). Listeners learn what a
// change needs the worker to redo.
import type { Message } from '../../../bindings/src/messages.js';
import { parseHash, type PlaygroundState, rebuildFor, serializeHash } from '../../../bindings/src/state.js';
import type { Rebuild } from '../protocol.js';

export type Listener = (state: PlaygroundState, rebuild: Rebuild, changed: string[]) => void;

export class Store {
  state: PlaygroundState;
  readonly notices: Message[];
  readonly authorNotices: string[];  // for the link's author: logged, not shown
  #listeners: Listener[] = [];

  constructor(hash: string) {
    const { state, messages, authorNotices } = parseHash(hash);
    this.state = state;
    this.notices = messages;
    this.authorNotices = authorNotices;
  }

  subscribe(listener: Listener): void {
    this.#listeners.push(listener);
  }

  update(patch: Partial<PlaygroundState>): void {
    const changed = Object.keys(patch).filter((k) => JSON.stringify((this.state as never)[k]) !== JSON.stringify((patch as never)[k]));
    if (changed.length === 0) return;
    this.state = { ...this.state, ...patch };
    const rebuild: Rebuild = rebuildFor(changed);  // each schema entry says what it rebuilds
    this.writeUrl();
    for (const l of this.#listeners) l(this.state, rebuild, changed);
  }

  writeUrl(): void {
    const hash = serializeHash(this.state);
    try {
      history.replaceState(null, '', hash);
    } catch {
      // file:// pages in some browsers refuse replaceState; the state still works in memory.
    }
  }
}
