// The Embed dialog: an article's author ticks the parts to hide, picks a size, watches a
// live preview (this page in an iframe with that hash) and copies the iframe or the
// <nnplay-playground> snippet (embed-snippets.ts, the writer docs/EMBEDDING.md uses too).
// Built on first open (nothing of it is needed for the first screen); the button is
// hidden when the page is itself embedded.
import { HIDABLE_PARTS, type PlaygroundState } from '../../../bindings/src/state.js';
import { flashLabel } from '../dom.js';
import { compactHash, componentSnippet, type EmbedSetup, iframeSnippet } from '../embed-snippets.js';
import { isEmbedMessage } from '../embed-events.js';
import { type MessageKey, t } from '../i18n/index.js';

const WIDTHS = ['100%', '800px', '600px', '390px'];
const HEIGHTS: (number | 'auto')[] = ['auto', 600, 900, 1200];

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
}

function select<T extends string | number>(id: string, label: MessageKey, options: T[], text: (o: T) => string): [HTMLLabelElement, HTMLSelectElement] {
  const s = el('select', { id });
  for (const o of options) s.append(el('option', { value: String(o), textContent: text(o) }));
  return [el('label', { htmlFor: id }, t(label), ' '), s];
}

// A hidable part as a reader knows it (the page's own words), its URL key beside it.
const PART_WORDS: Record<string, MessageKey> = {
  showTrainData: 'showTrain', showValidationData: 'showValid', showTestData: 'showTest', discretize: 'discretize',
  playButton: 'play', stepButton: 'step', resetButton: 'reset', learningRate: 'learningRate', activation: 'activation',
  loss: 'loss', optimizer: 'optimizer', regularization: 'regularization', regularizationRate: 'regularizationRate',
  problem: 'step2', dataset: 'ariaDatasets', percTrainData: 'ratio', noise: 'noise', batchSize: 'batchSize',
  batchFull: 'batchFull', numHiddenLayers: 'hiddenLayers', prepare: 'step1', description: 'partDescription',
  epoch: 'epoch', tlabel: 'partStepTitles', metrics: 'partMetrics', stats: 'partStats', network: 'ariaNetwork',
  outactiv: 'outputActivation', testButton: 'step8', code: 'codeTitle', exports: 'exportTitle', gd: 'descentTitle',
  compare: 'compareTitle', inspector: 'inspectTitle', landscape: 'landscapeTitle',
};
const FEATURE_WORDS: Record<string, string> = { x: 'X₁', y: 'X₂', xSquared: 'X₁²', ySquared: 'X₂²', xTimesY: 'X₁X₂', sinX: 'sin(X₁)', sinY: 'sin(X₂)' };

export function partLabel(part: string): string {
  const numbered = /^(cnum|numNodes)(\d)$/.exec(part);
  if (numbered) return t(numbered[1] === 'cnum' ? 'partBadge' : 'partNumNodes').replace('{n}', numbered[2]);
  if (part in FEATURE_WORDS) return `${t('inputLayer')} ${FEATURE_WORDS[part]}`;
  return PART_WORDS[part] ? t(PART_WORDS[part]).replace(/[:：]\s*$/, '') : part;
}

export class EmbedDialog {
  #dialog: HTMLDialogElement | null = null;
  #lang = '';
  #preview!: HTMLIFrameElement;
  #code!: HTMLTextAreaElement;
  #contentHeight = 0;

  constructor(button: HTMLButtonElement, private state: () => PlaygroundState) {
    if (window.parent !== window) {
      button.hidden = true;  // an embedded page is the article's, not its author's
      return;
    }
    button.addEventListener('click', () => this.open());
    window.addEventListener('message', (e) => {
      if (!this.#dialog?.open || e.source !== this.#preview.contentWindow || !isEmbedMessage(e.data) || e.data.type !== 'size') return;
      this.#contentHeight = e.data.height;
      this.#sizePreview();
    });
  }

  open(): void {
    const state = this.state();
    if (!this.#dialog || this.#lang !== state.lang) this.#build(state);
    const d = this.#dialog!;
    for (const box of d.querySelectorAll<HTMLInputElement>('input[name=embedPart]')) {
      box.checked = box.value === 'hideText' ? state.hideText : state.hide.includes(box.value);
    }
    this.#update();
    d.showModal();
  }

  // The setup the dialog shows: the page's state with the ticked parts hidden.
  setup(): EmbedSetup {
    const d = this.#dialog!;
    const ticked = [...d.querySelectorAll<HTMLInputElement>('input[name=embedPart]:checked')].map((b) => b.value);
    const state = { ...this.state(), hideText: ticked.includes('hideText'), hide: ticked.filter((p) => p !== 'hideText') };
    const height = d.querySelector<HTMLSelectElement>('#embedHeight')!.value;
    return {
      page: location.href.replace(/#.*$/, ''),
      hash: compactHash(state),
      width: d.querySelector<HTMLSelectElement>('#embedWidth')!.value,
      height: height === 'auto' ? 'auto' : Number(height),
    };
  }

  #build(state: PlaygroundState) {
    this.#dialog?.remove();
    this.#lang = state.lang;
    const parts = el('fieldset', { className: 'embed-parts' }, el('legend', { textContent: t('embedParts') }));
    for (const [value, text] of [['hideText', t('embedHideText')], ...HIDABLE_PARTS.map((p) => [p, partLabel(p)])]) {
      const key = value === 'hideText' ? [] : [' ', el('code', { className: 'part-key', textContent: value })];
      parts.append(el('label', { className: 'check' }, el('input', { type: 'checkbox', name: 'embedPart', value }), ' ', text, ...key));
    }
    const [widthLabel, width] = select('embedWidth', 'embedWidth', WIDTHS, (w) => w);
    const [heightLabel, height] = select('embedHeight', 'embedHeight', HEIGHTS, (h) => (h === 'auto' ? t('embedAuto') : `${h}px`));
    const kinds = el('fieldset', { className: 'embed-kind' }, el('legend', { textContent: t('embedKind') }));
    for (const [value, text] of [['iframe', t('embedIframe')], ['component', t('embedComponent')]]) {
      kinds.append(el('label', { className: 'check' }, el('input', { type: 'radio', name: 'embedKind', value, checked: value === 'iframe' }), ' ', text));
    }
    this.#code = el('textarea', { id: 'embedCode', readOnly: true, rows: 8, spellcheck: false });
    const copy = el('button', { type: 'button', id: 'embedCopy', textContent: t('embedCopy') });
    copy.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(this.#code.value);
        flashLabel(copy, t('copied'), () => t('embedCopy'));
      } catch {
        this.#code.select();  // no clipboard: select it for a manual copy
      }
    });
    this.#preview = el('iframe', { id: 'embedPreview', title: t('embedPreview') });
    const close = el('button', { type: 'button', className: 'embed-close', textContent: t('close') });
    close.addEventListener('click', () => this.#dialog!.close());
    const d = el('dialog', { id: 'embedDialog', className: 'embed-dialog' },
      el('h2', { id: 'embedDialogTitle', textContent: t('embedTitle') }),
      el('p', { className: 'hint', textContent: t('embedHelp') }),
      parts,
      el('div', { className: 'embed-size' }, widthLabel, width, heightLabel, height),
      kinds,
      el('label', { htmlFor: 'embedCode', textContent: t('embedCode') }),
      this.#code,
      el('div', { className: 'embed-actions' }, copy, close),
      el('h3', { textContent: t('embedPreview') }),
      el('div', { className: 'embed-preview' }, this.#preview),
    );
    d.setAttribute('aria-labelledby', 'embedDialogTitle');
    d.addEventListener('change', () => this.#update());
    d.addEventListener('close', () => this.#preview.removeAttribute('src'));  // stop the preview's engine
    document.body.append(d);
    this.#dialog = d;
  }

  #update() {
    const s = this.setup();
    const kind = this.#dialog!.querySelector<HTMLInputElement>('input[name=embedKind]:checked')!.value;
    this.#code.value = kind === 'component' ? componentSnippet(s) : iframeSnippet(s);
    // A new hash on the same page is a hashchange inside the preview (it applies it live,
    // without restarting its engine); the first time, or after a close, it loads.
    const url = `${s.page}#${s.hash}`;
    if (this.#preview.src !== url) this.#preview.src = url;
    this.#preview.style.width = s.width;
    this.#sizePreview();
  }

  #sizePreview() {
    const h = this.#dialog!.querySelector<HTMLSelectElement>('#embedHeight')!.value;
    this.#preview.style.height = `${h === 'auto' ? this.#contentHeight || 900 : Number(h)}px`;
  }
}
