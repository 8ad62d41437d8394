// Own data: points drawn on the plot in a chosen class, or imported from a CSV file
// (x,y,label). They are kept in this browser (localStorage), since a URL cannot carry
// them; a bad CSV row gets a message and nothing already drawn is lost. The file is read
// in the training worker (worker/csvImport.ts), files over CSV_MAX_BYTES not at all.
import { type Message, message } from '../../../bindings/src/messages.js';
import { t } from '../i18n/index.js';
import { word } from '../wording.js';
import { byId } from '../dom.js';
import { CSV_MAX_BYTES, type CsvParsed } from '../protocol.js';
import { ownDataText, readOwnData } from './ownDataStorage.js';

const STORAGE_KEY = 'nnplay.ownData';
const MAX_POINTS = 5000;

export class OwnData {
  points: number[] = [];   // x0, y0, x1, y1, …
  classes: number[] = [];  // 0, 1 or 2 per point
  #onChange: () => void;
  #parse: (file: Blob, maxRows: number) => void;
  #errors: Message[] = [];  // the last import's messages
  #storage: Message[] = [];  // what loading or saving in this browser could not do (shown with them)

  // parse: sends the file to the worker, whose answer comes back to imported().
  constructor(onChange: () => void, parse: (file: Blob, maxRows: number) => void) {
    this.#onChange = onChange;
    this.#parse = parse;
    let text: string | null = null;
    try {
      text = localStorage.getItem(STORAGE_KEY);
    } catch {
      // no storage (file:// in some browsers, private mode): the points live in memory only
    }
    const saved = readOwnData(text, MAX_POINTS);  // capped at the page's limit, with a notice
    this.points = saved.points;
    this.classes = saved.classes;
    if (saved.found > MAX_POINTS) this.#storage = [message('ownData.capped', { found: saved.found, max: MAX_POINTS })];
    else if (saved.unreadable) this.#storage = [message('ownData.unreadable')];
    if (this.#storage.length) this.#showErrors([]);
    byId('clearPoints').addEventListener('click', () => {
      this.points = [];
      this.classes = [];
      this.#changed();
    });
    byId<HTMLInputElement>('importCsv').addEventListener('change', (e) => {
      const input = e.target as HTMLInputElement;
      const file = input.files?.[0];
      if (file) this.importFile(file);
      input.value = '';
    });
  }

  get drawing(): boolean {
    return byId<HTMLInputElement>('drawMode').checked;
  }

  get selectedClass(): number {
    return Number(document.querySelector<HTMLInputElement>('input[name=drawClass]:checked')?.value ?? 0);
  }

  add(x: number, y: number): void {
    if (this.classes.length >= MAX_POINTS) return;
    this.points.push(Math.max(-6, Math.min(6, x)), Math.max(-6, Math.min(6, y)));
    this.classes.push(this.selectedClass);
    this.#changed();
  }

  // The size is checked before anything is read, so that a huge file costs nothing.
  importFile(file: File): void {
    const room = MAX_POINTS - this.classes.length;
    if (file.size > CSV_MAX_BYTES) {
      this.#showErrors([message('csv.tooLarge', { file: file.name, mb: (file.size / 1048576).toFixed(1), maxMb: CSV_MAX_BYTES / 1048576 })]);
    } else if (room === 0) {
      this.#showErrors([message('csv.full', { file: file.name, max: MAX_POINTS })]);
    } else {
      this.#parse(file, room);
    }
  }

  // Labels -1 / 0 -> class 0 (orange), 1 -> class 1 (blue), 2 -> class 2 (green).
  imported(parsed: CsvParsed): void {
    const errors = [...parsed.errors];
    parsed.labels.forEach((label, i) => {
      const c = label <= 0 ? 0 : label === 1 ? 1 : label === 2 ? 2 : -1;
      if (this.classes.length >= MAX_POINTS) return;  // points drawn while the file was read
      if (c < 0) {
        errors.push(message('csv.badLabel', { row: parsed.rows[i], label }));
        return;
      }
      this.points.push(parsed.points[i * 2], parsed.points[i * 2 + 1]);
      this.classes.push(c);
    });
    this.#showErrors(errors);
    this.#changed();
  }

  #showErrors(errors: Message[]) {
    this.#errors = errors;
    byId('importErrors').replaceChildren(...[...this.#storage, ...errors].map((m) => {
      const li = document.createElement('li');
      li.textContent = word(m);  // plain text
      return li;
    }));
  }

  // The import's messages again, in the page's (new) language.
  reword(): void {
    this.#showErrors(this.#errors);
  }

  render(visible: boolean): void {
    byId('ownData').hidden = !visible;
    byId('ownDataCount').textContent = `${this.classes.length} ${t('points')}`;
  }

  #changed() {
    let saved = true;
    try {
      localStorage.setItem(STORAGE_KEY, ownDataText(this.points, this.classes));
    } catch {
      saved = false;  // storage full (QuotaExceededError) or none at all: say so, the points are kept in memory
    }
    const notSaved = this.#storage.some((m) => m.code === 'ownData.notSaved');
    if (saved === notSaved) {
      this.#storage = saved ? this.#storage.filter((m) => m.code !== 'ownData.notSaved') : [...this.#storage, message('ownData.notSaved', { count: this.classes.length })];
      this.#showErrors(this.#errors);
    }
    this.#onChange();
  }
}
