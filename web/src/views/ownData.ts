// Own data: points drawn on the plot in a chosen class, or imported from a CSV file
// (x,y,label). They are kept in this browser (localStorage) and, up to POINTS_IN_LINK, in
// the link (URL key `points`, bindings/src/pointsLink.ts); a bad CSV row gets a message and
// nothing already drawn is lost; an import into existing points asks: replace or add. The
// file is read in the training worker (worker/csvImport.ts), files over CSV_MAX_BYTES not at all.
import { type Message, message } from '../../../bindings/src/messages.js';
import { t } from '../i18n/index.js';
import { word } from '../wording.js';
import { byId } from '../dom.js';
import { CSV_MAX_BYTES, type CsvParsed } from '../protocol.js';
import { ownDataText, readOwnData } from './ownDataStorage.js';
import { encodePoints, type OwnPoints, POINTS_IN_LINK, quantizePoint } from '../../../bindings/src/pointsLink.js';
import { type ImportMode, importRoom, mergeImport } from './importMerge.js';

const STORAGE_KEY = 'nnplay.ownData';
const MAX_POINTS = 5000;

export class OwnData {
  points: number[] = [];   // x0, y0, x1, y1, …
  classes: number[] = [];  // 0, 1 or 2 per point
  #onChange: () => void;
  #parse: (file: Blob, maxRows: number) => void;
  #errors: Message[] = [];  // the last import's messages
  #storage: Message[] = [];  // what loading or saving in this browser could not do (shown with them)
  #pending: File | null = null;     // a file waiting for "replace or add"
  #mode: ImportMode = 'add';        // what the file being read does
  #onImported: () => void = () => {};
  fromLink = false;                 // the points came from the link (not saved until edited)

  // parse: sends the file to the worker, whose answer comes back to imported().
  constructor(onChange: () => void, parse: (file: Blob, maxRows: number) => void) {
    this.#onChange = onChange;
    this.#parse = parse;
    let text: string | null = null;
    byId('importReplace').addEventListener('click', () => this.#choose('replace'));
    byId('importAdd').addEventListener('click', () => this.#choose('add'));
    byId('importCancel').addEventListener('click', () => this.#choose(null));
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
      this.fromLink = false;
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
    this.points.push(quantizePoint(x), quantizePoint(y));  // on the link's grid
    this.classes.push(this.selectedClass);
    this.fromLink = false;
    this.#changed();
  }

  // Called after an import has changed the points: the page starts the run again.
  set onImported(f: () => void) {
    this.#onImported = f;
  }

  // With points already there, the page asks first: replace them, or add the file's.
  importFile(file: File): void {
    if (file.size > CSV_MAX_BYTES) {
      this.#showErrors([message('csv.tooLarge', { file: file.name, mb: (file.size / 1048576).toFixed(1), maxMb: CSV_MAX_BYTES / 1048576 })]);
      return;
    }
    if (this.classes.length === 0) return this.#read(file, 'replace');
    this.#pending = file;
    byId('importQuestion').textContent = t('importAsk').replace('{file}', file.name).replace('{n}', String(this.classes.length));
    byId('importChoice').hidden = false;
    byId('importReplace').focus();
  }

  #choose(mode: ImportMode | null) {
    const file = this.#pending;
    this.#pending = null;
    byId('importChoice').hidden = true;
    if (file && mode) this.#read(file, mode);
  }

  // The size is checked before anything is read, so that a huge file costs nothing.
  #read(file: File, mode: ImportMode) {
    const room = importRoom(mode, this.classes.length, MAX_POINTS);
    if (room === 0) return this.#showErrors([message('csv.full', { file: file.name, max: MAX_POINTS })]);
    this.#mode = mode;
    this.#parse(file, room);
  }

  imported(parsed: CsvParsed): void {
    const merged = mergeImport(this, parsed, this.#mode, MAX_POINTS);
    this.points = merged.points;
    this.classes = merged.classes;
    this.fromLink = false;
    this.#showErrors([...parsed.errors, ...merged.errors]);
    this.#changed();
    this.#onImported();
  }

  // Points from a shared link: shown and trained on, kept in memory only, so that the
  // points saved in this browser come back on a page opened without them.
  // notify: false before the worker is ready (its 'ready' brings the points to it).
  useLinked(own: OwnPoints, notify = true): void {
    this.points = [...own.points];
    this.classes = [...own.classes];
    this.fromLink = true;
    if (notify) this.#onChange();
  }

  // The points as the URL key `points` holds them: null when there are none or more than a link carries.
  get forLink(): OwnPoints | null {
    if (this.classes.length === 0 || this.classes.length > POINTS_IN_LINK) return null;
    return { points: [...this.points], classes: [...this.classes] };
  }

  holds(other: OwnPoints): boolean {
    return encodePoints(other) === encodePoints(this);
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
    byId('ownDataCount').textContent = `${this.classes.length} ${t('points')}${this.fromLink ? ` ${t('pointsFromLink')}` : ''}`;
    const n = this.classes.length;
    byId('ownDataLink').textContent = n === 0 ? '' : n <= POINTS_IN_LINK ? t('pointsInLink') : t('pointsNotInLink').replace('{n}', String(n)).replace('{max}', String(POINTS_IN_LINK));
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
