// Loading a tfjs model into the playground: model.json and its .bin, chosen with the file
// input or dropped on the export group. Says what was loaded, or exactly why not (the page
// keeps its network then); the worker reads and checks the files (worker/modelFiles.ts).
import type { Message } from '../../../bindings/src/messages.js';
import { byId } from '../dom.js';
import { word } from '../wording.js';

export class ModelFiles {
  readonly #status: HTMLElement;
  #last: { message: Message; ok: boolean } | null = null;

  constructor(load: (files: File[]) => void) {
    this.#status = byId('modelFileStatus');
    const input = byId<HTMLInputElement>('loadModelFiles');
    input.addEventListener('change', () => {
      const files = Array.from(input.files ?? []);
      input.value = '';  // the same files again load again
      if (files.length) load(files);
    });
    const zone = byId('exports');
    zone.addEventListener('dragover', (e) => {
      if (!e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();  // allows the drop
      zone.classList.add('dropping');
    });
    zone.addEventListener('dragleave', () => zone.classList.remove('dropping'));
    zone.addEventListener('drop', (e) => {
      zone.classList.remove('dropping');
      const files = Array.from(e.dataTransfer?.files ?? []);
      if (!files.length) return;
      e.preventDefault();
      load(files);
    });
  }

  say(message: Message, ok: boolean): void {
    this.#last = { message, ok };
    this.reword();
  }

  reword(): void {
    if (!this.#last) return;
    this.#status.textContent = word(this.#last.message);
    this.#status.classList.toggle('alarm', !this.#last.ok);
    this.#status.hidden = false;
  }
}
