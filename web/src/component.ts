// <nnplay-playground>: the playground for authors who embed it without writing an iframe.
// Its attributes are the URL-state keys (HTML lowercases them: learningrate="0.3",
// networkshape="3,3", hidetext="true", xsquared_hide="true"); it renders the page in an
// iframe inside its shadow root (so the article's styles and the page's cannot clash),
// follows the page's content height, and re-dispatches the page's messages as DOM events
// named after their type (docs/EMBEDDING.md):
//   el.addEventListener('epoch', (e) => e.detail)  // {epoch, loss, valLoss, accuracy, valAccuracy}
import { HIDABLE_PARTS, SCHEMA } from '../../bindings/src/state.js';
import { type EpochDetail, isEmbedMessage, MAX_HEIGHT, MIN_HEIGHT, type ReadyDetail, type SizeDetail, type StateDetail, type StoppedDetail } from './embed-events.js';

export type { EpochDetail, ReadyDetail, SizeDetail, StateDetail, StoppedDetail, StopReason, StopReasonName } from './embed-events.js';

const KEYS = new Map(SCHEMA.map((f) => [f.key.toLowerCase(), f.key]));
const PARTS = new Map(HIDABLE_PARTS.map((p) => [`${p.toLowerCase()}_hide`, `${p}_hide`]));

// Where the page is by default: index.html next to this script. A classic script knows its
// own URL from document.currentScript (set only while it runs, hence read here, once); a
// module from import.meta.url (empty in the classic build).
const SCRIPT_URL: string | null = (document.currentScript as HTMLScriptElement | null)?.src || import.meta.url || null;

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

export class NnplayPlayground extends HTMLElement {
  #frame: HTMLIFrameElement;
  #error: HTMLParagraphElement;
  #contentHeight: number | null = null;
  #reported = new Set<string>();  // each attribute problem goes to the console once

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
    Object.assign(this.#frame.style, { display: 'block', width: '100%', border: '0', height: `${INITIAL_HEIGHT}px` });
    this.#error = document.createElement('p');
    this.#error.setAttribute('role', 'alert');
    this.#error.hidden = true;
    root.append(this.#frame, this.#error);
    window.addEventListener('message', (e) => {
      if (e.source !== this.#frame.contentWindow || !isEmbedMessage(e.data)) return;
      if (e.data.type === 'size') {
        this.#contentHeight = e.data.height;
        this.#applyHeight();
      }
      this.dispatchEvent(new CustomEvent(e.data.type, { detail: e.data }));
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
    const src = this.getAttribute('src');
    if (src !== null) return resolveSrc(src, document.baseURI);
    if (!SCRIPT_URL) return 'cannot tell where the playground page is (this script has no URL): set src to the URL of its index.html';
    return new URL('index.html', SCRIPT_URL);
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
    if (typeof page === 'string') {
      this.#report(page);
      this.#error.textContent = `nnplay-playground: ${page}`;
      this.#error.hidden = false;
      this.#frame.hidden = true;
      this.#frame.removeAttribute('src');
      return;
    }
    this.#error.hidden = true;
    this.#frame.hidden = false;
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

if (!customElements.get('nnplay-playground')) customElements.define('nnplay-playground', NnplayPlayground);
