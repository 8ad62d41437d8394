// Loading a tfjs model into the playground: model.json and its .bin, chosen with the file
// input or dropped on the page. Says what was loaded, or exactly why not (the page
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
    // Files dropped anywhere on the page (the export group lights up): a dropped file never
    // replaces the page (the browser's default), which would lose the learner's run.
    const zone = byId('exports');
    document.addEventListener('dragover', (e) => {
      if (!e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();  // allows the drop
      zone.classList.add('dropping');
    });
    document.addEventListener('dragleave', (e) => {
      if (!e.relatedTarget) zone.classList.remove('dropping');  // left the window
    });
    document.addEventListener('drop', (e) => {
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
