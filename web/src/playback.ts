// The animation loop and the play state. At most one snapshot is drawn per display frame,
// and one training frame is requested from the worker at a time (the worker never queues
// work the page cannot show); a running comparison is paced the same way.
import { t } from './i18n/index.js';
import type { Snapshot, ToWorker } from './protocol.js';

const FRAME_TIMES_KEPT = 120;

export class Playback {
  readonly frameTimes: number[] = [];  // ms to draw each of the last snapshots (for tests and measuring)
  #send: (m: ToWorker) => void;
  #draw: (s: Snapshot) => void;
  #button: HTMLButtonElement;
  #comparing: () => boolean;
  #playing = false;
  #latest: Snapshot | null = null;  // arrived, not drawn yet
  #shown: Snapshot | null = null;   // drawn last
  #frameRequested = false;
  #compareRequested = false;

  constructor(send: (m: ToWorker) => void, draw: (s: Snapshot) => void, button: HTMLButtonElement, comparing: () => boolean) {
    this.#send = send;
    this.#draw = draw;
    this.#button = button;
    this.#comparing = comparing;
  }

  get playing(): boolean {
    return this.#playing;
  }

  get shown(): Snapshot | null {
    return this.#shown;
  }

  setPlaying(on: boolean): void {
    this.#playing = on;
    const b = this.#button;
    b.textContent = on ? '❚❚' : '▶';
    b.dataset.i18nLabel = on ? 'pause' : 'play';
    b.setAttribute('aria-label', t(on ? 'pause' : 'play'));
    b.title = t(on ? 'pause' : 'play');
    b.classList.toggle('playing', on);
  }

  // A snapshot from the worker: drawn on the next display frame; the next training frame may be asked for.
  received(s: Snapshot): void {
    this.#latest = s;
    this.#frameRequested = false;
  }

  compareRequested(): void {
    this.#compareRequested = true;
  }

  compareAnswered(): void {
    this.#compareRequested = false;
  }

  // Draws the shown snapshot again (after a change of display settings).
  redraw(): void {
    if (this.#shown) this.#render(this.#shown);
  }

  start(): void {
    requestAnimationFrame(() => this.#loop());
  }

  #render(s: Snapshot) {
    const t0 = performance.now();
    this.#shown = s;
    this.#draw(s);
    if (!s.playing && this.#playing) this.setPlaying(false);  // the worker stopped (finished, diverged)
    this.frameTimes.push(performance.now() - t0);
    if (this.frameTimes.length > FRAME_TIMES_KEPT) this.frameTimes.shift();
  }

  #loop() {
    if (this.#latest) {
      this.#render(this.#latest);
      this.#latest = null;
    }
    if (this.#playing && !this.#frameRequested) {
      this.#frameRequested = true;
      this.#send({ type: 'frame' });
    }
    if (this.#comparing() && !this.#compareRequested) {
      this.#compareRequested = true;
      this.#send({ type: 'compareFrame' });
    }
    requestAnimationFrame(() => this.#loop());
  }
}
