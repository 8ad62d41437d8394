// <nnplay-playground>: the playground for authors who embed it without writing an iframe.
// Its attributes are the URL-state keys (HTML lowercases them: learningrate="0.3",
// networkshape="3,3", hidetext="true", xsquared_hide="true"); it renders the page in an
// iframe inside its shadow root (so the article's styles and the page's cannot clash) and
// re-dispatches the page's postMessage events as DOM events:
//   el.addEventListener('nnplay-epoch', (e) => e.detail)  // {epoch, loss, valLoss, accuracy, valAccuracy}
import { HIDABLE_PARTS, SCHEMA } from '../../bindings/src/state.js';

const KEYS = new Map(SCHEMA.map((f) => [f.key.toLowerCase(), f.key]));
const PARTS = new Map(HIDABLE_PARTS.map((p) => [`${p.toLowerCase()}_hide`, `${p}_hide`]));
const script = document.currentScript as HTMLScriptElement | null;
const DEFAULT_SRC = script ? new URL('index.html', script.src).href : 'index.html';

class NnplayPlayground extends HTMLElement {
  #frame: HTMLIFrameElement;

  static get observedAttributes(): string[] {
    return ['src', 'height', ...KEYS.keys(), ...PARTS.keys()];
  }

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = ':host { display: block; } iframe { width: 100%; border: 0; display: block; }';
    this.#frame = document.createElement('iframe');
    this.#frame.title = 'Neural Network Playground';
    this.#frame.setAttribute('loading', 'lazy');
    root.append(style, this.#frame);
    window.addEventListener('message', (e) => {
      if (e.source !== this.#frame.contentWindow || !e.data || e.data.source !== 'nnplay') return;
      this.dispatchEvent(new CustomEvent(`nnplay-${e.data.type}`, { detail: e.data, bubbles: true, composed: true }));
    });
  }

  connectedCallback(): void {
    this.#update();
  }

  attributeChangedCallback(): void {
    if (this.isConnected) this.#update();
  }

  // The iframe's URL: the page plus a hash made of the known attributes.
  get url(): string {
    const parts: string[] = [];
    for (const attr of Array.from(this.attributes)) {
      const name = attr.name.toLowerCase();
      const key = KEYS.get(name) ?? PARTS.get(name);
      if (key) parts.push(`${key}=${encodeURIComponent(attr.value)}`);
    }
    return `${this.getAttribute('src') ?? DEFAULT_SRC}#${parts.join('&')}`;
  }

  #update() {
    this.#frame.style.height = `${Number(this.getAttribute('height')) || 900}px`;
    if (this.#frame.src !== this.url) this.#frame.src = this.url;
  }
}

if (!customElements.get('nnplay-playground')) customElements.define('nnplay-playground', NnplayPlayground);
