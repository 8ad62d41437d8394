// The animation loop and the play state. At most one snapshot is drawn per display frame,
// and one training frame is requested from the worker at a time (the worker never queues
// work the page cannot show); a running comparison is paced the same way.
// The page owns the play state: a snapshot that says "not playing" stops the button only if
// the worker made it after the page's last Play or Pause (a start-up snapshot that arrives
// after a quick Play must not undo it). The worker answers messages in order and stamps
// each snapshot with how many it had handled; the page counts what it sent.
import { t } from './i18n/index.js';
import type { Snapshot, ToWorker } from './protocol.js';

const FRAME_TIMES_KEPT = 120;

export class Playback {
  readonly frameTimes: number[] = [];  // ms to draw each of the last snapshots (for tests and measuring)
  #send: (m: ToWorker) => void;
  #draw: (s: Snapshot) => void;
  #button: HTMLButtonElement;
  #comparing: () => boolean;
  #sent: () => number;
  #intentAt = 0;  // messages sent when play was last switched: older snapshots do not switch it back
  #playing = false;
  #latest: Snapshot | null = null;  // arrived, not drawn yet
  #shown: Snapshot | null = null;   // drawn last
  #frameRequested = false;
  #compareRequested = false;

  constructor(send: (m: ToWorker) => void, draw: (s: Snapshot) => void, button: HTMLButtonElement, comparing: () => boolean, sent: () => number) {
    this.#send = send;
    this.#draw = draw;
    this.#button = button;
    this.#comparing = comparing;
    this.#sent = sent;
  }

  get playing(): boolean {
    return this.#playing;
  }

  get shown(): Snapshot | null {
    return this.#shown;
  }

  // Call before sending the command (play, pause, step, …) that goes with it.
  setPlaying(on: boolean): void {
    this.#playing = on;
    this.#intentAt = this.#sent();
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
    if (!s.playing && this.#playing && s.handled > this.#intentAt) this.setPlaying(false);  // the worker stopped (finished, diverged)
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
