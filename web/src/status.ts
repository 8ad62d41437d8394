// The status line under the plot, and the notices box (what a link's URL could not apply).
import type { Message } from '../../bindings/src/messages.js';
import { t } from './i18n/index.js';
import { word } from './wording.js';
import type { Snapshot } from './protocol.js';

export class StatusLine {
  #box: HTMLElement;
  #engineError: string | null = null;  // stays on screen until the next reset

  constructor(box: HTMLElement) {
    this.#box = box;
  }

  show(text: string, alarm: boolean): void {
    this.#box.hidden = text === '';
    this.#box.textContent = text;
    this.#box.classList.toggle('alarm', alarm);
  }

  engineError(message: string): void {
    this.#engineError = `${t('engineError')}: ${message}`;
    this.show(this.#engineError, true);
  }

  clearEngineError(): void {
    this.#engineError = null;
  }

  // An engine error, else why training stopped (divergence, early stopping, max epochs), else nothing.
  showSnapshot(s: Snapshot): void {
    if (this.#engineError) this.show(this.#engineError, true);
    else if (s.diverged) this.show(`${t('diverged')}: ${s.stop ? word(s.stop) : ''} — ${t('divergedHelp')}`, true);
    else if (s.stop?.code === 'stop.max') this.show(`${t('maxReached')} (${s.stop.params.epochs})`, false);
    else if (s.stop) this.show(`${t('earlyStopped')}: ${word(s.stop)}`, false);
    else this.show('', false);
  }
}

// The notices in the page's language; called again when the language changes.
export function showNotices(box: HTMLElement, list: HTMLElement, notices: Message[]): void {
  list.replaceChildren(...notices.map((n) => {
    const li = document.createElement('li');
    li.textContent = word(n);  // plain text: nothing from the URL is inserted as HTML
    li.dataset.code = n.code;
    return li;
  }));
  box.hidden = false;
}
