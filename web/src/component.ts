// <nnplay-playground>: the playground for authors who embed it without writing an iframe.
// Its attributes are the URL-state keys (HTML lowercases them: learningrate="0.3",
// networkshape="3,3", hidetext="true", xsquared_hide="true"); it renders the page in an
// iframe inside its shadow root (so the article's styles and the page's cannot clash),
// follows the page's content height, and re-dispatches the page's messages as DOM events
// named after their type (docs/EMBEDDING.md):
//   el.addEventListener('epoch', (e) => e.detail)  // {epoch, loss, valLoss, accuracy, valAccuracy}
import { HIDABLE_PARTS, SCHEMA } from '../../bindings/src/state.js';
import { acceptDatasetProperty } from './component-properties.js';
import { checkPageUrl, defaultPageUrl, FRAME_NAME, isPlaygroundDocument, noPageMessage } from './component-page.js';
import { type EpochDetail, isEmbedMessage, MAX_HEIGHT, MIN_HEIGHT, type ReadyDetail, type SizeDetail, type StateDetail, type StoppedDetail } from './embed-events.js';
import { frameHeight } from './frameHeight.js';

export type { NnplayPlaygroundAttributes } from './component-jsx.js';
export type { EpochDetail, ReadyDetail, SizeDetail, StateDetail, StoppedDetail, StopReason, StopReasonName } from './embed-events.js';

const KEYS = new Map(SCHEMA.map((f) => [f.key.toLowerCase(), f.key]));
const PARTS = new Map(HIDABLE_PARTS.map((p) => [`${p.toLowerCase()}_hide`, `${p}_hide`]));

// Where the page is by default: index.html next to this script. A classic script knows its
// own URL from document.currentScript (set only while it runs, hence read here, once); a
// module from import.meta.url (empty in the classic build). Nothing here touches the DOM at
// import time: server-side rendering (VitePress, plain Node) imports this module too.
const SCRIPT_URL: string | null = (typeof document === 'undefined' ? '' : (document.currentScript as HTMLScriptElement | null)?.src) || import.meta.url || null;

// Without a DOM (server-side rendering) the class extends a stand-in: it is never constructed there.
const ElementBase: typeof HTMLElement = typeof HTMLElement === 'undefined' ? (class {} as unknown as typeof HTMLElement) : HTMLElement;

const INITIAL_HEIGHT = 900;  // until the page reports its own

// An explicit src: http(s), or relative to the article (resolved against its URL, so on a
// file:// article a relative src stays file://). Anything else (javascript:, data:, blob:)
// would run in or impersonate the host page: refused.
export function resolveSrc(src: string, base: string): URL | string {
  const clean = src.replace(/[\t\n\r]/g, '').trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(clean)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') return `src=${JSON.stringify(src.slice(0, 60))} is refused: use an http(s) URL or a relative one`;
  let url: URL;
  try {
    url = new URL(clean, base);
  } catch {
    return `src=${JSON.stringify(src.slice(0, 60))} is not a URL: use an http(s) URL or a relative one`;
  }
  if (!['http:', 'https:', 'file:'].includes(url.protocol)) return `src=${JSON.stringify(src.slice(0, 60))} is refused: use an http(s) URL or a relative one`;
  return url;
}

// height: "auto" (the default: follow the page's content; null) or a whole number of
// pixels; a string says why the value is not allowed.
export function parseHeight(value: string | null): number | null | string {
  if (value === null || value.trim() === '' || value.trim() === 'auto') return null;
  const px = /^\s*(\d+)(px)?\s*$/.exec(value);
  if (!px || Number(px[1]) < MIN_HEIGHT || Number(px[1]) > MAX_HEIGHT) {
    return `height=${JSON.stringify(value.slice(0, 40))} is not allowed: use auto or a whole number of pixels from ${MIN_HEIGHT} to ${MAX_HEIGHT}; using auto`;
  }
  return Number(px[1]);
}

export interface NnplayPlaygroundEventMap extends HTMLElementEventMap {
  ready: CustomEvent<ReadyDetail>;
  epoch: CustomEvent<EpochDetail>;
  stopped: CustomEvent<StoppedDetail>;
  state: CustomEvent<StateDetail>;
  size: CustomEvent<SizeDetail>;
}

export class NnplayPlayground extends ElementBase {
  #frame: HTMLIFrameElement;
  #error: HTMLParagraphElement;
  #contentHeight: number | null = null;
  #reported = new Set<string>();  // each attribute problem goes to the console once
  #refused: string | null = null;  // why the page last loaded is not the playground (isPlaygroundDocument)

  static get observedAttributes(): string[] {
    return ['src', 'height', ...KEYS.keys(), ...PARTS.keys()];
  }

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    // Styles through the CSSOM (not a <style> element), so a host page with a strict
    // style-src still shows the component as intended.
    this.#frame = document.createElement('iframe');
    this.#frame.title = 'Neural Network Playground';
    this.#frame.setAttribute('loading', 'lazy');
    this.#frame.name = FRAME_NAME;
    this.#frame.addEventListener('load', () => this.#checkLoadedPage());
    Object.assign(this.#frame.style, { display: 'block', width: '100%', border: '0', height: `${INITIAL_HEIGHT}px` });
    this.#error = document.createElement('p');
    this.#error.setAttribute('role', 'alert');
    this.#error.hidden = true;
    root.append(this.#frame, this.#error);
    window.addEventListener('message', (e) => {
      if (e.source !== this.#frame.contentWindow || !isEmbedMessage(e.data)) return;
      let detail = e.data;
      if (detail.type === 'size') {
        const height = frameHeight(detail.height);  // a finite number, within the height attribute's bounds
        if (height === null) return;
        detail = { ...detail, height };
        this.#contentHeight = height;
        this.#applyHeight();
      }
      this.dispatchEvent(new CustomEvent(detail.type, { detail }));
    });
  }

  connectedCallback(): void {
    if (getComputedStyle(this).display === 'inline') this.style.display = 'block';
    this.#update();
  }

  attributeChangedCallback(): void {
    if (this.isConnected) this.#update();
  }

  // The page's URL: src (or index.html next to this script) plus a hash made of the known
  // attributes; a string saying why when there is none.
  get url(): string {
    const page = this.#page();
    if (typeof page === 'string') return '';
    const parts: string[] = [];
    for (const attr of Array.from(this.attributes)) {
      const key = KEYS.get(attr.name) ?? PARTS.get(attr.name);
      if (key) parts.push(`${key}=${encodeURIComponent(attr.value)}`);
      else if (attr.name.endsWith('_hide')) this.#report(`${attr.name} is ignored: there is no part named ${attr.name.slice(0, -5)} to hide (docs/EMBEDDING.md lists them)`);
    }
    page.hash = parts.join('&');
    return page.href;
  }

  #page(): URL | string {
    if (window.name === FRAME_NAME) return noPageMessage('this document was loaded as a playground page but is not one, so it embeds nothing');
    const src = this.getAttribute('src');
    if (src === null) return defaultPageUrl(SCRIPT_URL, document.URL);
    const page = resolveSrc(src, document.baseURI);
    return typeof page === 'string' ? page : checkPageUrl(page, document.URL, `src=${JSON.stringify(src.slice(0, 60))}`);
  }

  // A page of this origin that is not the playground (a 404, the article itself): unloaded,
  // and the message shown instead.
  #checkLoadedPage() {
    let doc: Document | null = null;
    try {
      doc = this.#frame.contentDocument;
    } catch { /* another origin: cannot tell */ }
    if (isPlaygroundDocument(doc)) return;
    this.#refused = noPageMessage(`${doc!.URL.replace(/#.*$/, '').slice(0, 120)} is not the playground page`);
    this.#update();
  }

  #applyHeight() {
    const height = parseHeight(this.getAttribute('height'));
    if (typeof height === 'string') this.#report(height);
    const px = typeof height === 'number' ? height : this.#contentHeight ?? INITIAL_HEIGHT;
    this.#frame.style.height = `${px}px`;
  }

  #report(problem: string) {
    if (this.#reported.has(problem)) return;
    this.#reported.add(problem);
    console.error(`<nnplay-playground>: ${problem}`);
  }

  #update() {
    this.#applyHeight();
    const page = this.#page();
    const refused = typeof page === 'string' ? page : this.#refused !== null && this.#frame.src === this.url ? this.#refused : null;
    if (refused !== null) {
      this.#report(refused);
      this.#error.textContent = `nnplay-playground: ${refused}`;
      this.#error.hidden = false;
      this.#frame.hidden = true;
      this.#frame.style.display = 'none';  // the hidden attribute loses to the inline display: no blank space
      if (typeof page === 'string') this.#frame.removeAttribute('src');
      else this.#frame.contentWindow?.location.replace('about:blank');
      return;
    }
    this.#refused = null;
    this.#error.hidden = true;
    this.#frame.hidden = false;
    this.#frame.style.display = 'block';
    const url = this.url;
    if (this.#frame.src !== url) this.#frame.src = url;
  }
}

export interface NnplayPlayground {
  addEventListener<K extends keyof NnplayPlaygroundEventMap>(type: K, listener: (this: NnplayPlayground, ev: NnplayPlaygroundEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof NnplayPlaygroundEventMap>(type: K, listener: (this: NnplayPlayground, ev: NnplayPlaygroundEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'nnplay-playground': NnplayPlayground;
  }
}

if (typeof HTMLElement !== 'undefined') acceptDatasetProperty(NnplayPlayground.prototype);  // <nnplay-playground dataset="xor"> in React 19
if (typeof customElements !== 'undefined' && !customElements.get('nnplay-playground')) customElements.define('nnplay-playground', NnplayPlayground);
