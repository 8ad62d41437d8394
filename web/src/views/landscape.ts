// The loss landscape (issue 13): the training loss on a plane through the current weights
// as a heatmap (log scale) with contour lines, and the path training took projected onto
// the plane; the worker's engine computes it, and it follows training as it goes.
import { t } from '../i18n/index.js';
import { byId } from '../dom.js';
import type { LandscapeInfo } from '../protocol.js';
import { fmt } from '../inspector/formulas.js';
import { drawLandscape } from './landscapeDraw.js';

export type LandscapeMode = 'off' | 'random' | 'pca';

// Built lazily: the choices are listed and slices drawn only while the panel is open (a link
// with `landscape` opens it), so the page's start-up does no work for it.
export class LandscapeView {
  #panel = byId<HTMLDetailsElement>('landscapePanel');
  #canvas = byId<HTMLCanvasElement>('landscapeCanvas');
  #select = byId<HTMLSelectElement>('landscapeMode');
  #last: LandscapeInfo | null = null;
  #drawn: LandscapeInfo | null = null;
  #count = 0;
  #mode: LandscapeMode = 'off';
  #listed = '';  // the language the choices were listed in
  #opened = false;

  constructor(setMode: (mode: LandscapeMode) => void) {
    this.#select.addEventListener('change', () => setMode(this.#select.value as LandscapeMode));
    this.#panel.addEventListener('toggle', () => this.#show());
  }

  render(mode: LandscapeMode): void {
    this.#mode = mode;
    if (mode !== 'off' && !this.#opened) this.#panel.open = true;  // a link that asks for it opens the panel
    this.#opened ||= mode !== 'off';
    this.#show();
  }

  #show() {
    if (!this.#panel.open) return;
    const language = t('landscapeOff');
    if (this.#listed !== language) {
      this.#listed = language;
      this.#select.replaceChildren(
        new Option(t('landscapeOff'), 'off'),
        new Option(t('landscapeRandom'), 'random'),
        new Option(t('landscapePca'), 'pca'),
      );
    }
    this.#select.value = this.#mode;
    byId('landscapeFigure').hidden = this.#mode === 'off';
    const l = this.#last;
    if (!l) return;
    if (l !== this.#drawn) this.#draw(l);
    this.#status(l);
  }

  get last(): LandscapeInfo | null {
    return this.#last;
  }
  get count(): number {
    return this.#count;
  }

  update(l: LandscapeInfo): void {
    this.#last = l;
    this.#count++;
    this.#show();
  }

  #draw(l: LandscapeInfo) {
    this.#drawn = l;
    drawLandscape(this.#canvas, l, [{ points: l.path, colour: '#fff' }], '#e4572e');
  }

  // Diverged weights give no loss to show: say so instead of printing NaN.
  #status(l: LandscapeInfo) {
    const status = byId('landscapeStatus');
    if (l.diverged || !Number.isFinite(l.centerLoss)) {
      status.textContent = `${t('diverged')} — ${t('divergedHelp')}`;
      return;
    }
    const pca = l.directions === 'pca' ? ` · PCA ${(l.explained[0] * 100).toFixed(1)}% + ${(l.explained[1] * 100).toFixed(1)}%` : '';
    status.textContent = `${t('landscapeCenter')} ${fmt(l.centerLoss)} · ${l.alpha.length}×${l.beta.length} ${t('landscapeIn')} ${Math.round(l.ms)} ms${pca}`;
  }
}
